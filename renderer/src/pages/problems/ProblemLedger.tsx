import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert, Anchor, Button, Checkbox, Group, LoadingOverlay, Pagination, Paper, Select, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet, IconFileText, IconPlus, IconSearch } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { downloadBase64 } from '../../files';
import { notifyError, notifyOk } from '../../notify';
import { SortHeader } from '../schools/SortHeader';
import { setParam, useChoices, years } from '../visits/options';
import { ProblemForm } from './ProblemForm';
import { NoticeIssueForm } from './NoticeIssueForm';
import { ProblemTabs } from './ProblemTabs';
import { ProblemStatus, XLSX, overdueRow } from './status';
import type { Input } from '../../../../shared/contract';
import type { PROBLEM_SORTS } from '../../../../shared/schemas/problem';
import { PROBLEM_ACTORS, PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../../../shared/vocab';

const PAGE_SIZE = 30;
/** Filters live in the URL (the dashboard links here with ?year=&month=&zoneId=&status=&category=&overdueOnly=1). */
const KEYS = ['q', 'schoolId', 'zoneId', 'status', 'category', 'source', 'actor', 'year', 'month', 'overdueOnly'] as const;
type Sort = (typeof PROBLEM_SORTS)[number];

/** 问题整改台账: every problem with filters, overdue ones in red, export to Excel. */
export function ProblemLedger() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const choices = useChoices();

  const get = (k: string) => params.get(k) || undefined;
  const setFilter = (k: string, v: string | null) => {
    setParams((p) => setParam(p, k, v), { replace: true });
    setPage(1);
  };
  useEffect(() => { if ((params.get('q') ?? '') !== q) setFilter('q', q || null); }, [q]);
  // A link or the back button changed the URL's search: show it in the box.
  const urlQ = params.get('q') ?? '';
  useEffect(() => { if (urlQ !== q) setSearch(urlQ); }, [urlQ]);
  const onSort = (s: Sort, d: 'asc' | 'desc') => setParams((p) => setParam(setParam(p, 'sort', s), 'dir', d), { replace: true });

  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const sort = (get('sort') ?? 'raisedAt') as Sort;
  const dir = (get('dir') ?? 'desc') as 'asc' | 'desc';
  const filters = {
    q: get('q'), schoolId: num(get('schoolId')), zoneId: num(get('zoneId')), status: get('status'), category: get('category'),
    source: get('source'), actor: get('actor'), year: num(get('year')), month: get('month'),
    overdueOnly: get('overdueOnly') ? true : undefined, sort, dir,
  } as Input<'problems.list'>;
  const list = useApi('problems.list', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const total = list.data?.total ?? 0;
  const filtering = KEYS.some((k) => params.get(k));

  async function exportLedger() {
    setExporting(true);
    try {
      const out = await call('problems.exportLedger', { ...filters, limit: 500 });
      downloadBase64(out.fileName, out.data, XLSX);
      notifyOk(`已导出「${out.fileName}」`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>问题整改</Title>
        <Group>
          <Button variant="light" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void exportLedger()}>导出台账</Button>
          <Button variant="light" leftSection={<IconFileText size={16} />} onClick={() => setIssuing(true)}>开具整改通知书</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>登记问题</Button>
        </Group>
      </Group>
      <ProblemTabs />

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索" placeholder="问题描述、类别、专项、学校" w={190} leftSection={<IconSearch size={14} />}
            value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select label="学校" placeholder="全部" clearable searchable w={180} data={choices.schools} value={get('schoolId') ?? null}
            onChange={(v) => setFilter('schoolId', v)} nothingFoundMessage="没有匹配的学校" />
          <Select label="责任区" placeholder="全部" clearable w={110} data={choices.zones} value={get('zoneId') ?? null} onChange={(v) => setFilter('zoneId', v)} />
          <Select label="整改状态" placeholder="全部" clearable w={100} data={[...PROBLEM_STATUSES]} value={get('status') ?? null} onChange={(v) => setFilter('status', v)} />
          <Select label="问题类别" placeholder="全部" clearable w={180} data={choices.items} value={get('category') ?? null} onChange={(v) => setFilter('category', v)} />
          <Select label="来源" placeholder="全部" clearable w={100} data={[...PROBLEM_SOURCES]} value={get('source') ?? null} onChange={(v) => setFilter('source', v)} />
          <Select label="责任方" placeholder="全部" clearable w={110} data={[...PROBLEM_ACTORS]} value={get('actor') ?? null} onChange={(v) => setFilter('actor', v)} />
          <Select label="年份" placeholder="全部" clearable w={90} data={years()} value={get('year') ?? null} onChange={(v) => setFilter('year', v)} />
          <TextInput label="月份" type="month" w={140} value={get('month') ?? ''} onChange={(e) => setFilter('month', e.currentTarget.value || null)} />
          <Checkbox label="只看逾期" mb={8} checked={!!get('overdueOnly')} onChange={(e) => setFilter('overdueOnly', e.currentTarget.checked ? '1' : null)} />
          {filtering && (
            <Button variant="subtle" color="gray" onClick={() => { setSearch(''); setParams({}, { replace: true }); setPage(1); }}>清除条件</Button>
          )}
        </Group>
      </Paper>

      {(list.error || choices.error) && <Alert color="red" title="无法读取问题台账">{list.error ?? choices.error}</Alert>}

      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table highlightOnHover aria-label="问题台账" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <SortHeader label="提出日期" sortKey="raisedAt" sort={sort} dir={dir} onSort={onSort} />
              <SortHeader label="学校" sortKey="school" sort={sort} dir={dir} onSort={onSort} />
              <Table.Th>类别</Table.Th>
              <Table.Th>问题描述</Table.Th>
              <Table.Th>来源</Table.Th>
              <Table.Th>通知书</Table.Th>
              <SortHeader label="整改期限" sortKey="deadline" sort={sort} dir={dir} onSort={onSort} />
              <SortHeader label="状态" sortKey="status" sort={sort} dir={dir} onSort={onSort} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((p) => (
              <Table.Tr key={p.id} style={{ cursor: 'pointer', ...overdueRow(p.overdue) }} onClick={() => navigate(`/problems/${p.id}`)}
                data-overdue={p.overdue || undefined}>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }}>{p.raisedAt}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.schoolName}</Text>{p.zoneName && <Text size="xs" c="dimmed">{p.zoneName}</Text>}</Table.Td>
                <Table.Td><Text size="xs">{p.category}</Text></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{p.description}</Text></Table.Td>
                <Table.Td><Text size="xs">{p.source}{p.campaign ? `·${p.campaign}` : ''}</Text></Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  {p.noticeId ? <Anchor component={Link} to={`/problems/notices/${p.noticeId}`} size="sm" style={{ whiteSpace: 'nowrap' }}>{p.noticeNumber}</Anchor> : '—'}
                </Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'nowrap' }} fw={p.overdue ? 700 : undefined}>{p.dueDate ?? '—'}</Text></Table.Td>
                <Table.Td><ProblemStatus problem={p} /></Table.Td>
              </Table.Tr>
            ))}
            {list.data && list.data.rows.length === 0 && (
              <Table.Tr><Table.Td colSpan={8}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {filtering ? '没有符合条件的问题，请调整搜索词或筛选条件。' : '台账中还没有问题。督导记录中提出的问题会自动列入；也可点击「登记问题」添加。'}
                </Text>
              </Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed">共 {total} 个问题{filtering ? '（已按条件筛选）' : ''}</Text>
        <Pagination total={Math.max(1, Math.ceil(total / PAGE_SIZE))} value={page} onChange={setPage} size="sm" />
      </Group>

      <ProblemForm opened={adding} problem={null} onClose={() => setAdding(false)} onSaved={(p) => { setAdding(false); navigate(`/problems/${p.id}`); }} />
      <NoticeIssueForm opened={issuing} schoolId={num(get('schoolId'))} onClose={() => setIssuing(false)}
        onIssued={(n) => { setIssuing(false); navigate(`/problems/notices/${n.id}`); }} />
    </Stack>
  );
}
