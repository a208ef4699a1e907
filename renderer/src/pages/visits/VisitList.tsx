import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert, Badge, Button, Group, LoadingOverlay, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { VirtualTable, type VirtualColumn } from '../../components/VirtualTable';
import { VisitTimeline } from './VisitTimeline';
import { setParam, useChoices } from '../../lib/options';
import type { Input } from '../../../../shared/contract';
import type { Visit, VISIT_SORTS } from '../../../../shared/schemas/visit';
import { VISIT_TYPES } from '../../../../shared/vocab';
import { ListFooter, pageWindow } from '../../components/Paging';
import { PeriodFilter } from '../../components/PeriodFilter';
import { namePicker } from '../../components/name-options';

/** The timeline is paged; the list is one long virtual table. */
/** Filters live in the URL, so the dashboard and the school/supervisor pages can link here. */
const KEYS = ['q', 'schoolId', 'supervisorId', 'zoneId', 'type', 'item', 'year', 'month'] as const;
type Sort = (typeof VISIT_SORTS)[number];

const COLUMNS: VirtualColumn<Visit>[] = [
  { key: 'date', header: '日期', width: '110px', sortKey: 'date', render: (v) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{v.date}</Text> },
  {
    key: 'school', header: '学校', width: 'minmax(160px, 2fr)', sortKey: 'school',
    render: (v) => <><Text size="sm" truncate>{v.schoolName}</Text>{v.zoneName && <Text size="xs" c="dimmed" truncate>{v.zoneName}</Text>}</>,
  },
  { key: 'type', header: '类型', width: '96px', sortKey: 'type', render: (v) => <Badge variant="light" color={v.type === '经常性' ? 'blue' : 'grape'}>{v.type}</Badge> },
  { key: 'supervisors', header: '督学', width: 'minmax(100px, 1.2fr)', render: (v) => <Text size="sm" truncate>{v.supervisorNames.join('、')}</Text> },
  { key: 'theme', header: '主题', width: 'minmax(120px, 2fr)', render: (v) => <Text size="sm" truncate>{v.theme ?? '—'}</Text> },
  { key: 'items', header: '督导事项', width: 'minmax(140px, 2fr)', render: (v) => <Text size="xs" lineClamp={2}>{v.items.join('；') || '—'}</Text> },
  { key: 'problems', header: '问题', width: '64px', render: (v) => (v.problemCount > 0 ? <Badge color="orange" variant="light">{v.problemCount}</Badge> : '') },
];

/**
 * 督导记录: the list with filters (a virtual table over every match), or a timeline (newest first) —
 * the default view for one school (?schoolId=) or one supervisor (?supervisorId=).
 */
export function VisitList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
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
  const sort = (get('sort') ?? 'date') as Sort;
  const dir = (get('dir') ?? 'desc') as 'asc' | 'desc';
  const timeline = get('view') ? get('view') === 'timeline' : !!(get('schoolId') || get('supervisorId'));
  const query = {
    q: get('q'), schoolId: num(get('schoolId')), supervisorId: num(get('supervisorId')), zoneId: num(get('zoneId')),
    type: get('type'), item: get('item'), year: num(get('year')), month: get('month'),
    sort: timeline ? 'date' : sort, dir: timeline ? 'desc' : dir,
  } as Input<'visits.list'>;
  const queryKey = JSON.stringify(query);
  const fetchWindow = useCallback((offset: number, limit: number) => call('visits.list', { ...JSON.parse(queryKey) as Input<'visits.list'>, offset, limit }),
    [queryKey]);
  const [listTotal, setListTotal] = useState<number | null>(null);
  const [timelineTotal, setTimelineTotal] = useState<number | null>(null);
  const total = (timeline ? timelineTotal : listTotal) ?? 0;
  const filtering = KEYS.some((k) => params.get(k));
  const schoolName = choices.schools.find((s) => s.value === get('schoolId'))?.label;
  const supervisorName = choices.supervisors.find((s) => s.value === get('supervisorId'))?.label;
  const whose = [schoolName, supervisorName].filter(Boolean).join(' · ');

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{timeline && whose ? `督导时间线：${whose}` : '督导记录'}</Title>
        <Group>
          <SegmentedControl value={timeline ? 'timeline' : 'list'} onChange={(v) => setFilter('view', v)}
            data={[{ value: 'list', label: '列表' }, { value: 'timeline', label: '时间线' }]} aria-label="显示方式" />
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => navigate('/visits/forms')}>回收督导记录表</Button>
          <Button leftSection={<IconPlus size={16} />}
            onClick={() => navigate(get('schoolId') ? `/visits/new?schoolId=${get('schoolId')}` : '/visits/new')}>新增督导记录</Button>
        </Group>
      </Group>

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索" placeholder="纪实、亮点、反馈、主题、学校" w={200} leftSection={<IconSearch size={14} />}
            value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select label="学校" placeholder="全部" clearable searchable w={190} data={choices.schools} {...namePicker} value={get('schoolId') ?? null}
            onChange={(v) => setFilter('schoolId', v)} nothingFoundMessage="没有匹配的学校" />
          <Select label="督学" placeholder="全部" clearable searchable w={120} data={choices.supervisors} {...namePicker} value={get('supervisorId') ?? null}
            onChange={(v) => setFilter('supervisorId', v)} nothingFoundMessage="没有匹配的督学" />
          <Select label="责任区" placeholder="全部" clearable w={120} data={choices.zones} value={get('zoneId') ?? null}
            onChange={(v) => setFilter('zoneId', v)} />
          <Select label="类型" placeholder="全部" clearable w={100} data={[...VISIT_TYPES]} value={get('type') ?? null}
            onChange={(v) => setFilter('type', v)} />
          <Select label="督导事项" placeholder="全部" clearable w={200} data={choices.items} value={get('item') ?? null}
            onChange={(v) => setFilter('item', v)} />
          <PeriodFilter year={get('year') ?? null} month={get('month') ?? null} onChange={(y, m) => {
            setParams((p) => setParam(setParam(p, 'year', y), 'month', m), { replace: true });
            setPage(1);
          }} />
          {filtering && (
            <Button variant="subtle" color="gray" onClick={() => { setSearch(''); setParams({}, { replace: true }); setPage(1); }}>清除条件</Button>
          )}
        </Group>
      </Paper>

      {choices.error && <Alert color="red" title="无法读取筛选选项">{choices.error}</Alert>}

      {timeline ? (
        <TimelineView query={{ ...query, ...pageWindow(page) }} onTotal={setTimelineTotal} />
      ) : (
        <Paper withBorder>
          <VirtualTable label="督导记录列表" columns={COLUMNS} fetchWindow={fetchWindow} queryKey={queryKey}
            onOpen={(v) => navigate(`/visits/${v.id}`)} sort={sort} dir={dir} onSort={(s, d) => onSort(s as Sort, d)}
            onTotal={setListTotal} height="max(360px, calc(100vh - 370px))"
            empty={<Text c="dimmed" size="sm" ta="center">
              {filtering ? '没有符合条件的督导记录，请调整搜索词或筛选条件。' : '还没有督导记录。点击「新增督导记录」添加。'}
            </Text>} />
        </Paper>
      )}

      <ListFooter summary={`共 ${total} 条${filtering ? '（已按条件筛选）' : ''}`} total={total} page={page} onPage={setPage} paged={timeline} />
    </Stack>
  );
}

/** One page of the timeline (newest first). */
function TimelineView({ query, onTotal }: { query: Input<'visits.list'>; onTotal: (total: number | null) => void }) {
  const list = useApi('visits.list', query);
  const total = list.data?.total ?? null;
  useEffect(() => { onTotal(total); }, [total, onTotal]);
  return (
    <>
      {list.error && <Alert color="red" title="无法读取督导记录">{list.error}</Alert>}
      <Paper withBorder p="md" pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <VisitTimeline visits={list.data?.rows ?? []} />
        {list.data && list.data.rows.length === 0 && <Text c="dimmed" size="sm">没有符合条件的督导记录。</Text>}
      </Paper>
    </>
  );
}
