import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { cancel, useRunningJobs } from '../jobs';
import { notifyError } from '../notify';

/** The long operations under way: title, stage, a bar with the percent, and 取消. */
export function JobProgress() {
  const jobs = useRunningJobs();
  if (jobs.length === 0) return null;
  return (
    <Stack gap="xs" pos="fixed" bottom={16} left={216} w={420} style={{ zIndex: 300 }}>
      {jobs.map((j) => (
        <Paper key={j.jobId} withBorder shadow="md" p="sm" role="status" aria-label={`${j.title}进度`}>
          <Group justify="space-between" mb={4} wrap="nowrap">
            <Text fw={600} size="sm">{j.title}</Text>
            <Text size="sm" c="dimmed">{j.percent}%</Text>
          </Group>
          <Progress value={j.percent} animated={j.state === 'running'} aria-label={`${j.title}：${j.percent}%`} />
          <Group justify="space-between" mt={6} wrap="nowrap">
            <Text size="xs" c="dimmed" truncate>{j.stage}</Text>
            <Button size="compact-xs" variant="default" disabled={j.state === 'canceling'}
              onClick={() => void cancel(j.jobId).catch(notifyError)}>取消</Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
