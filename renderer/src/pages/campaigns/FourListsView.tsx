import { useSearchParams } from 'react-router-dom';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Group, Paper, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { years } from '../../lib/options';
import { ExportButton } from '../../components/ExportButton';
import { overdueRow } from '../../components/ProblemStatus';
import { PROBLEM_STATUS_COLORS } from '../../lib/status-colors';

/** Column widths (px), set on a colgroup: with the lists' headers spanning columns, the first row cannot set them. */
const WIDTHS = [44, 120, 140, 260, 96, 220, 96, 90, 96, 130, 140, 90, 90];

/** The 四清单 (任务、问题、整改、责任) of one campaign, or of a year's campaigns and 督政 problems; exported to Excel. */
export function FourListsView({ campaignId, year }: { campaignId?: number; year?: number }) {
  const query = campaignId ? { campaignId } : { year: year! };
  const got = useApi('fourLists.get', query);
  if (got.error) return <Alert color="red" title="无法读取四清单">{got.error}</Alert>;
  const d = got.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          {d ? `共${d.counts.raised}个问题：已销号${d.counts.closed}个，逾期${d.counts.overdue}个，回头看反弹${d.counts.rebounds}个。` : '…'}
        </Text>
        <ExportButton channel="fourLists.export" input={query} label="导出Excel" icon={<IconFileSpreadsheet size={16} />} />
      </Group>
      <Paper withBorder>
        <ScrollArea>
          <Table aria-label="四清单" miw={WIDTHS.reduce((a, b) => a + b, 0)} verticalSpacing={6} withColumnBorders style={{ tableLayout: 'fixed' }}>
            <colgroup>{WIDTHS.map((w, i) => <col key={i} style={{ width: w }} />)}</colgroup>
            <Table.Thead>
              <Table.Tr>
                <Table.Th colSpan={3} ta="center">任务清单</Table.Th><Table.Th colSpan={2} ta="center">问题清单</Table.Th>
                <Table.Th colSpan={5} ta="center">整改清单</Table.Th><Table.Th colSpan={3} ta="center">责任清单</Table.Th>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>序号</Table.Th><Table.Th>督导任务</Table.Th><Table.Th>督导事项</Table.Th>
                <Table.Th>问题描述</Table.Th><Table.Th>提出日期</Table.Th>
                <Table.Th>整改要求及措施</Table.Th><Table.Th>整改时限</Table.Th><Table.Th>状态</Table.Th><Table.Th>销号日期</Table.Th><Table.Th>回头看及督办</Table.Th>
                <Table.Th>责任主体</Table.Th><Table.Th>责任方</Table.Th><Table.Th>责任督学</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d?.rows.map((r, i) => (
                <Table.Tr key={r.problemId} style={overdueRow(r.overdue)}>
                  <Table.Td>{i + 1}</Table.Td><Table.Td><Text size="xs">{r.task}</Text></Table.Td><Table.Td><Text size="xs" lineClamp={2}>{r.item}</Text></Table.Td>
                  <Table.Td><Anchor component={Link} to={`/problems/${r.problemId}`} size="sm" lineClamp={3}>{r.problem}</Anchor></Table.Td>
                  <Table.Td><Text size="xs">{r.raisedAt}</Text></Table.Td>
                  <Table.Td><Text size="xs" lineClamp={3}>{r.measure}</Text></Table.Td>
                  <Table.Td><Text size="xs">{r.dueDate ?? '—'}</Text></Table.Td>
                  <Table.Td><Badge size="sm" variant="light" color={PROBLEM_STATUS_COLORS[r.status]}>{r.status}</Badge>{r.overdue && <Badge size="xs" color="red">逾期</Badge>}</Table.Td>
                  <Table.Td><Text size="xs">{r.closedAt ?? ''}</Text></Table.Td>
                  <Table.Td><Text size="xs">{r.followThrough}</Text></Table.Td>
                  <Table.Td><Text size="xs">{r.owner}</Text></Table.Td><Table.Td><Text size="xs">{r.actor}</Text></Table.Td>
                  <Table.Td><Text size="xs">{r.supervisors}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {d?.rows.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">没有问题。</Text>}
      </Paper>
    </Stack>
  );
}

/** 全年四清单: every campaign's problems and every 督政 problem raised in a year. */
export function FourListsPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{year}年专项督导和督政“四清单”</Title>
        <Group>
          <Anchor component={Link} to="/campaigns" size="sm">返回专项督导</Anchor>
          <Select label="年份" w={110} allowDeselect={false} data={years()} value={String(year)} onChange={(v) => v && setParams({ year: v }, { replace: true })} />
        </Group>
      </Group>
      <FourListsView year={year} />
    </Stack>
  );
}
