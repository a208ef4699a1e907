import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Group, Paper, ScrollArea, SegmentedControl, Table, Text } from '@mantine/core';
import { useApi } from '../../useApi';
import { links, to } from './links';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import type { WorkloadRow } from '../../../../shared/schemas/assessment';

type Order = 'visits' | 'open' | 'name';
const ORDER: Record<Order, (x: WorkloadRow, y: WorkloadRow) => number> = {
  visits: (x, y) => y.visits - x.visits,
  open: (x, y) => y.overdueProblems - x.overdueProblems || y.openProblems - x.openProblems,
  name: () => 0,
};

/**
 * Each supervisor's workload in the period: 挂牌 schools visited, visits, attendance and 学时 at 培训 and
 * 会议, and the follow-ups still open from their visits (overdue in red). Names open their records.
 */
export function SupervisorWorkload({ period }: { period: Dashboard['period'] }) {
  const rows = useApi('assessments.workload', { year: period.year, month: period.month ?? undefined, zoneId: period.zoneId ?? undefined });
  const [order, setOrder] = useState<Order>('visits');
  const shown = [...(rows.data ?? [])].sort(ORDER[order]);
  const when = period.month ? `${period.month}月` : `${period.year}年`;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb={4}>
        <Text size="sm" c="dimmed">{`督学工作量（${when}）`}</Text>
        <SegmentedControl size="xs" value={order} onChange={(v) => setOrder(v as Order)} aria-label="督学工作量排序"
          data={[{ value: 'visits', label: '按督导次数' }, { value: 'open', label: '按待跟进问题' }, { value: 'name', label: '按姓名' }]} />
      </Group>
      {rows.error && <Alert color="red" title="无法读取督学工作量">{rows.error}</Alert>}
      <ScrollArea.Autosize mah={380}>
        <Table striped verticalSpacing={4} fz="sm" aria-label="督学工作量" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>督学</Table.Th><Table.Th>类别</Table.Th><Table.Th ta="right">挂牌学校已督导</Table.Th><Table.Th ta="right">督导次数</Table.Th>
              <Table.Th ta="right">培训会议出勤</Table.Th><Table.Th ta="right">学时</Table.Th><Table.Th ta="right">待跟进问题</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.supervisorId}>
                <Table.Td><Anchor component={Link} size="sm" to={links.visits(period, { supervisorId: r.supervisorId })}>{r.name}</Anchor></Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{r.category}</Text></Table.Td>
                <Table.Td ta="right" c={r.schools && r.schoolsVisited < r.schools ? 'red.8' : undefined}>{r.schools ? `${r.schoolsVisited} / ${r.schools}` : '—'}</Table.Td>
                <Table.Td ta="right">{r.visits}</Table.Td>
                <Table.Td ta="right">{r.recorded ? <Anchor component={Link} size="sm" to={to('/trainings', { year: period.year, supervisorId: r.supervisorId })}>{r.present} / {r.recorded}</Anchor> : '—'}</Table.Td>
                <Table.Td ta="right">{r.hours || ''}</Table.Td>
                <Table.Td ta="right">{r.openProblems ? <Text span size="sm">{r.openProblems}{r.overdueProblems ? <Text span size="sm" c="red.8" fw={700}>（逾期{r.overdueProblems}）</Text> : null}</Text> : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {rows.data?.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">档案中还没有督学。</Text>}
    </Paper>
  );
}
