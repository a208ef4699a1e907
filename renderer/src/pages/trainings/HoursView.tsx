import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, LoadingOverlay, Paper, Stack, Table, Text } from '@mantine/core';
import { useApi } from '../../useApi';
import { setParam } from '../../lib/options';
import { TrainingTabs, yearParam } from './TrainingTabs';

/** Each supervisor's year: invited, 出席 / 请假 / 缺席, and 学时 of the 培训 and 会议 attended. */
export function HoursView() {
  const [params, setParams] = useSearchParams();
  const year = yearParam(params);
  const hours = useApi('trainings.hours', { year: Number(year) });
  return (
    <Stack gap="md">
      <TrainingTabs active="hours" year={year} onYear={(y) => setParams((p) => setParam(p, 'year', y), { replace: true })} />
      {hours.error && <Alert color="red" title="无法读取学时">{hours.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={hours.loading && !hours.data} />
        <Table striped aria-label="学时统计">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>督学</Table.Th><Table.Th>类别</Table.Th><Table.Th ta="right">应参加</Table.Th><Table.Th ta="right">出席</Table.Th>
              <Table.Th ta="right">请假</Table.Th><Table.Th ta="right">缺席</Table.Th><Table.Th ta="right">未登记</Table.Th>
              <Table.Th ta="right">培训学时</Table.Th><Table.Th ta="right">会议学时</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(hours.data ?? []).map((h) => (
              <Table.Tr key={h.supervisorId}>
                <Table.Td><Anchor component={Link} size="sm" to={`/trainings?year=${year}&supervisorId=${h.supervisorId}`}>{h.name}</Anchor></Table.Td>
                <Table.Td>{h.category}</Table.Td>
                <Table.Td ta="right">{h.invited}</Table.Td><Table.Td ta="right">{h.present}</Table.Td><Table.Td ta="right">{h.leave}</Table.Td>
                <Table.Td ta="right" c={h.absent ? 'red.8' : undefined}>{h.absent}</Table.Td><Table.Td ta="right">{h.unrecorded}</Table.Td>
                <Table.Td ta="right" fw={600}>{h.trainingHours}</Table.Td><Table.Td ta="right">{h.meetingHours}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {hours.data?.length === 0 && <Text c="dimmed" size="sm" ta="center" py="lg">{year}年还没有督学参加培训或会议的记录。</Text>}
      </Paper>
      <Text size="xs" c="dimmed">学时按出席的培训和会议计算；请假、缺席和未登记出勤的不计学时。</Text>
    </Stack>
  );
}
