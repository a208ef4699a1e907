import { Link } from 'react-router-dom';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useApi } from '../../useApi';
import { CampaignProgressBars, CampaignStatusBadge } from './Progress';

/** 首页: the campaigns under way (and awaiting their report) with their progress, the 回头看 due and the open 督政 problems. */
export function CampaignBoard() {
  const got = useApi('campaigns.board', {});
  const d = got.data;
  if (!d) return null;
  return (
    <Paper withBorder p="md" aria-label="专项督导进度">
      <Group justify="space-between" mb="xs">
        <Title order={5}>专项督导进度（当前）</Title>
        <Group gap="md">
          <Anchor component={Link} to="/problems/followups" size="sm" c={d.followupsDue ? 'red' : undefined}>回头看到期 {d.followupsDue} 次</Anchor>
          <Anchor component={Link} to="/problems/units" size="sm">督政问题未销号 {d.unitProblemsOpen} 个</Anchor>
          <Anchor component={Link} to="/campaigns" size="sm">全部专项督导</Anchor>
        </Group>
      </Group>
      {d.campaigns.length === 0 ? <Text size="sm" c="dimmed">目前没有进行中的专项督导。</Text> : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {d.campaigns.map((c) => (
            <Stack key={c.id} gap={4}>
              <Group gap="xs">
                <Anchor component={Link} to={`/campaigns/${c.id}`} fw={600}>{c.name}专项督导</Anchor>
                <CampaignStatusBadge status={c.status} />
                <Text size="xs" c="dimmed">{c.startDate} 至 {c.endDate} · {c.scopeLabel}</Text>
              </Group>
              <CampaignProgressBars p={c.progress} />
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
