import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert, Badge, Button, Checkbox, Group, LoadingOverlay, Paper, Select, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText, IconSearch } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { setParam, useChoices, years } from '../../lib/options';
import { NoticeIssueForm } from './NoticeIssueForm';
import { ProblemTabs } from './ProblemTabs';
import { overdueRow } from '../../components/ProblemStatus';
import type { Notice } from '../../../../shared/schemas/problem';
import { ListFooter, pageWindow } from '../../components/Paging';
import { namePicker } from '../../components/name-options';


/** Where a notice stands: 已销号 when every problem is closed, else the last step taken. */
export function noticeStage(n: Notice): { label: string; color: string } {
  if (n.problems.length && n.problems.every((p) => p.status === '已销号')) return { label: '已销号', color: 'green' };
  if (n.problems.some((p) => p.status === '待回查')) return { label: '待回查', color: 'grape' };
  const last = n.rechecks.at(-1);
  if (last?.result === '未通过') return { label: '退回整改', color: 'orange' };
  return { label: '整改中', color: 'blue' };
}

/** 整改通知书: numbered per year, newest first. */
export function NoticeList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [issuing, setIssuing] = useState(false);
  const choices = useChoices();
  const get = (k: string) => params.get(k) || undefined;
  const setFilter = (k: string, v: string | null) => { setParams((p) => setParam(p, k, v), { replace: true }); setPage(1); };
  useEffect(() => { if ((params.get('q') ?? '') !== q) setFilter('q', q || null); }, [q]);
  // A link or the back button changed the URL's search: show it in the box.
  const urlQ = params.get('q') ?? '';
  useEffect(() => { if (urlQ !== q) setSearch(urlQ); }, [urlQ]);
  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const list = useApi('notices.list', {
    q: get('q'), year: num(get('year')), schoolId: num(get('schoolId')), overdueOnly: get('overdueOnly') ? true : undefined,
    ...pageWindow(page),
  });
  const total = list.data?.total ?? 0;
  const filtering = ['q', 'year', 'schoolId', 'overdueOnly'].some((k) => params.get(k));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>问题整改</Title>
        <Button leftSection={<IconFileText size={16} />} onClick={() => setIssuing(true)}>开具整改通知书</Button>
      </Group>
      <ProblemTabs />
      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索" placeholder="学校或编号，如 第12号" w={200} leftSection={<IconSearch size={14} />}
            value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select label="学校" placeholder="全部" clearable searchable w={200} data={choices.schools} {...namePicker} value={get('schoolId') ?? null}
            onChange={(v) => setFilter('schoolId', v)} nothingFoundMessage="没有匹配的学校" />
          <Select label="年份" placeholder="全部" clearable w={90} data={years()} value={get('year') ?? null} onChange={(v) => setFilter('year', v)} />
          <Checkbox label="只看逾期" mb={8} checked={!!get('overdueOnly')} onChange={(e) => setFilter('overdueOnly', e.currentTarget.checked ? '1' : null)} />
        </Group>
      </Paper>
      {list.error && <Alert color="red" title="无法读取整改通知书">{list.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table highlightOnHover aria-label="整改通知书列表" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>编号</Table.Th><Table.Th>学校</Table.Th><Table.Th>下发日期</Table.Th><Table.Th>整改期限</Table.Th>
              <Table.Th>问题</Table.Th><Table.Th>整改报告</Table.Th><Table.Th>回查</Table.Th><Table.Th>进展</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((n) => {
              const stage = noticeStage(n);
              const closed = n.problems.filter((p) => p.status === '已销号').length;
              return (
                <Table.Tr key={n.id} style={{ cursor: 'pointer', ...overdueRow(n.overdue) }} onClick={() => navigate(`/problems/notices/${n.id}`)}>
                  <Table.Td><Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{n.numberText}</Text></Table.Td>
                  <Table.Td><Text size="sm">{n.schoolName}</Text></Table.Td>
                  <Table.Td><Text size="sm">{n.issuedDate}</Text></Table.Td>
                  <Table.Td><Text size="sm">{n.deadlineDate}（{n.deadlineDays}天）</Text></Table.Td>
                  <Table.Td><Text size="sm">{closed}/{n.problems.length} 已销号</Text></Table.Td>
                  <Table.Td><Text size="sm">{n.reportDate ?? '未报送'}</Text></Table.Td>
                  <Table.Td><Text size="sm">{n.rechecks.map((r) => `${r.date} ${r.result}`).join('；') || '—'}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Badge variant="light" color={stage.color}>{stage.label}</Badge>
                      {n.overdue && <Badge color="red">逾期</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            {list.data && list.data.rows.length === 0 && (
              <Table.Tr><Table.Td colSpan={8}>
                <Text c="dimmed" size="sm" ta="center" py="md">{filtering ? '没有符合条件的整改通知书。' : '还没有开具整改通知书。'}</Text>
              </Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <ListFooter summary={`共 ${total} 份`} total={total} page={page} onPage={setPage} />
      <NoticeIssueForm opened={issuing} schoolId={num(get('schoolId'))} onClose={() => setIssuing(false)}
        onIssued={(n) => { setIssuing(false); navigate(`/problems/notices/${n.id}`); }} />
    </Stack>
  );
}
