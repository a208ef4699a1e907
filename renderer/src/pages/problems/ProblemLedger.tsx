import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileSpreadsheet, IconFileText, IconPlus, IconSearch } from '@tabler/icons-react';
import { call } from '../../api';
import { saveFile } from '../../files';
import { followJob } from '../../jobs';
import { notifyCanceled, notifyError, notifyOk } from '../../notify';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { setParam, useChoices } from '../../lib/options';
import { ProblemForm } from './ProblemForm';
import { NoticeIssueForm } from './NoticeIssueForm';
import { ProblemTabs } from './ProblemTabs';
import { ProblemStatus, overdueRow } from '../../components/ProblemStatus';
import type { Input } from '../../../../shared/contract';
import type { Problem, PROBLEM_SORTS } from '../../../../shared/schemas/problem';
import { PROBLEM_ACTORS, PROBLEM_SOURCES, PROBLEM_STATUSES } from '../../../../shared/vocab';
import { PeriodFilter } from '../../components/PeriodFilter';
import { namePicker } from '../../components/name-options';

/**
 * Filters live in the URL (the dashboard links here with ?year=&month=&zoneId=&status=&category=&overdueOnly=1&carry=).
 * With a year or month, the period's problems come with those carried over into it (结转) unless ?carry= says
 * none (only the period's own) or only (only the carried).
 */
const KEYS = ['q', 'schoolId', 'zoneId', 'status', 'category', 'source', 'actor', 'year', 'month', 'overdueOnly', 'carry'] as const;
const CARRY = [
  { value: 'include', label: '本期提出及结转' }, { value: 'none', label: '只看本期提出' }, { value: 'only', label: '只看往期结转' },
];

/** The first day of the period the filters name (the month's when both are set), or null. */
function periodStart(year: string | undefined, month: string | undefined): string | null {
  return month ? `${month}-01` : year ? `${year}-01-01` : null;
}
type Sort = (typeof PROBLEM_SORTS)[number];

/** Rows are this tall (two lines of description, or school and zone). */
const ROW_HEIGHT = 56;
const nowrap = { whiteSpace: 'nowrap' } as const;

/** The columns; a problem raised before the period's `start` is one carried over (结转) from its year. */
const columns = (start: string | null): VirtualColumn<Problem>[] => [
  {
    key: 'raisedAt', header: '提出日期', width: '110px', sortKey: 'raisedAt',
    render: (p) => (
      <>
        <Text size="sm" style={nowrap}>{p.raisedAt}</Text>
        {start && p.raisedAt < start && <Badge size="xs" color="blue" variant="light" title="提出于本期之前、期初尚未销号的问题">结转自{p.raisedAt.slice(0, 4)}年</Badge>}
      </>
    ),
  },
  {
    key: 'school', header: '学校', width: 'minmax(150px, 1.6fr)', sortKey: 'school',
    render: (p) => <><Text size="sm" truncate>{p.schoolName}</Text>{p.zoneName && <Text size="xs" c="dimmed" truncate>{p.zoneName}</Text>}</>,
  },
  { key: 'category', header: '类别', width: 'minmax(110px, 1.2fr)', render: (p) => <Text size="xs" lineClamp={2}>{p.category}</Text> },
  { key: 'description', header: '问题描述', width: 'minmax(160px, 2.4fr)', render: (p) => <Text size="sm" lineClamp={2}>{p.description}</Text> },
  { key: 'source', header: '来源', width: 'minmax(80px, 0.8fr)', render: (p) => <Text size="xs" lineClamp={2}>{p.source}{p.campaign ? `·${p.campaign}` : ''}</Text> },
  {
    key: 'notice', header: '通知书', width: '124px',
    // The link opens the notice, not the problem.
    render: (p) => (p.noticeId ? (
      <Box onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
        <Anchor component={Link} to={`/problems/notices/${p.noticeId}`} size="sm" style={nowrap}>{p.noticeNumber}</Anchor>
      </Box>
    ) : '—'),
  },
  {
    key: 'deadline', header: '整改期限', width: '110px', sortKey: 'deadline',
    render: (p) => <Text size="sm" style={nowrap} fw={p.overdue ? 700 : undefined}>{p.dueDate ?? '—'}</Text>,
  },
  { key: 'status', header: '状态', width: '130px', sortKey: 'status', render: (p) => <ProblemStatus problem={p} /> },
];

/** Overdue rows in red, marked for tests and assistive styling. */
const rowProps = (p: Problem) => (p.overdue ? { style: overdueRow(true), 'data-overdue': true } : undefined);

/** 问题整改台账: every problem with filters, overdue ones in red, export to Excel. */
export function ProblemLedger() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [adding, setAdding] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const choices = useChoices();

  const get = (k: string) => params.get(k) || undefined;
  const setFilter = (k: string, v: string | null) => {
    setParams((p) => setParam(p, k, v), { replace: true });
  };
  useEffect(() => { if ((params.get('q') ?? '') !== q) setFilter('q', q || null); }, [q]);
  // A link or the back button changed the URL's search: show it in the box.
  const urlQ = params.get('q') ?? '';
  useEffect(() => { if (urlQ !== q) setSearch(urlQ); }, [urlQ]);
  const onSort = (s: Sort, d: 'asc' | 'desc') => setParams((p) => setParam(setParam(p, 'sort', s), 'dir', d), { replace: true });

  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const sort = (get('sort') ?? 'raisedAt') as Sort;
  const dir = (get('dir') ?? 'desc') as 'asc' | 'desc';
  const start = periodStart(get('year'), get('month'));
  const carry = get('carry') ?? 'include';
  const cols = useMemo(() => columns(start), [start]);
  const filters = {
    q: get('q'), schoolId: num(get('schoolId')), zoneId: num(get('zoneId')), status: get('status'), category: get('category'),
    source: get('source'), actor: get('actor'), year: num(get('year')), month: get('month'),
    carryOver: start && carry !== 'none' ? carry : undefined,
    overdueOnly: get('overdueOnly') ? true : undefined, sort, dir,
  } as Input<'problems.exportLedger'>;
  const queryKey = JSON.stringify(filters);
  const fetchWindow = useCallback((offset: number, limit: number) => call('problems.list', { ...JSON.parse(queryKey) as Input<'problems.list'>, offset, limit }),
    [queryKey]);
  const [total, setTotal] = useState<number | null>(null);
  const filtering = KEYS.some((k) => params.get(k));

  async function exportLedger() {
    setExporting(true);
    try {
      // Every problem the filters select (all of them when there is no filter), never a page.
      const done = await followJob(call('problems.exportLedger', filters));
      if (!done) notifyCanceled('没有导出台账。');
      else if (await saveFile(done.file)) notifyOk(`已导出「${done.file.fileName}」，共 ${done.rows} 条问题。`);
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
          <Select label="学校" placeholder="全部" clearable searchable w={180} data={choices.schools} {...namePicker} value={get('schoolId') ?? null}
            onChange={(v) => setFilter('schoolId', v)} nothingFoundMessage="没有匹配的学校" />
          <Select label="责任区" placeholder="全部" clearable w={110} data={choices.zones} value={get('zoneId') ?? null} onChange={(v) => setFilter('zoneId', v)} />
          <Select label="整改状态" placeholder="全部" clearable w={100} data={[...PROBLEM_STATUSES]} value={get('status') ?? null} onChange={(v) => setFilter('status', v)} />
          <Select label="问题类别" placeholder="全部" clearable w={180} data={choices.items} value={get('category') ?? null} onChange={(v) => setFilter('category', v)} />
          <Select label="来源" placeholder="全部" clearable w={100} data={[...PROBLEM_SOURCES]} value={get('source') ?? null} onChange={(v) => setFilter('source', v)} />
          <Select label="责任方" placeholder="全部" clearable w={110} data={[...PROBLEM_ACTORS]} value={get('actor') ?? null} onChange={(v) => setFilter('actor', v)} />
          <PeriodFilter year={get('year') ?? null} month={get('month') ?? null}
            onChange={(y, m) => setParams((p) => setParam(setParam(p, 'year', y), 'month', m), { replace: true })} />
          <Checkbox label="只看逾期" mb={8} checked={!!get('overdueOnly')} onChange={(e) => setFilter('overdueOnly', e.currentTarget.checked ? '1' : null)} />
          {start && (
            <SegmentedControl aria-label="往期结转" size="xs" mb={4} data={CARRY} value={carry}
              onChange={(v) => setFilter('carry', v === 'include' ? null : v)} />
          )}
          {filtering && (
            <Button variant="subtle" color="gray" onClick={() => { setSearch(''); setParams({}, { replace: true }); }}>清除条件</Button>
          )}
        </Group>
      </Paper>

      {choices.error && <Alert color="red" title="无法读取筛选选项">{choices.error}</Alert>}

      <Paper withBorder>
        <VirtualTable label="问题台账" columns={cols} fetchWindow={fetchWindow} queryKey={queryKey} rowProps={rowProps}
          onOpen={(p) => navigate(`/problems/${p.id}`)} sort={sort} dir={dir} onSort={(s, d) => onSort(s as Sort, d)}
          onTotal={setTotal} rowHeight={ROW_HEIGHT} height="max(360px, calc(100vh - 390px))"
          empty={<Text c="dimmed" size="sm" ta="center">
            {filtering ? '没有符合条件的问题，请调整搜索词或筛选条件。' : '台账中还没有问题。督导记录中提出的问题会自动列入；也可点击「登记问题」添加。'}
          </Text>} />
      </Paper>

      <Text size="sm" c="dimmed">
        共 {total ?? 0} 个问题{filtering ? '（已按条件筛选）' : ''}
        {start && carry === 'include' && '；含往期结转（本期之前提出、期初尚未销号），标有「结转」'}
      </Text>

      <ProblemForm opened={adding} problem={null} onClose={() => setAdding(false)} onSaved={(p) => { setAdding(false); navigate(`/problems/${p.id}`); }} />
      <NoticeIssueForm opened={issuing} schoolId={num(get('schoolId'))} onClose={() => setIssuing(false)}
        onIssued={(n) => { setIssuing(false); navigate(`/problems/notices/${n.id}`); }} />
    </Stack>
  );
}
