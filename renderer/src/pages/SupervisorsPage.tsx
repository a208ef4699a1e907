import { useEffect, useState } from 'react';
import { useMatch, useNavigate } from 'react-router-dom';
import {
  Alert, Button, Checkbox, Group, LoadingOverlay, Pagination, Paper, Select, Stack, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import type { Input } from '../../../shared/contract';
import { APPOINTMENT_STATUSES, SUPERVISOR_CATEGORIES, TEACHING_STAGES } from '../../../shared/vocab';
import { useApi } from '../useApi';
import { SupervisorTable, type SortKey, type SortState } from './supervisors/SupervisorTable';
import { SupervisorDrawer } from './supervisors/SupervisorDrawer';

type Query = Input<'supervisors.list'>;
interface Filters {
  category: string | null;
  status: string | null;
  stage: string | null;
  subject: string;
  zoneId: string | null;
  expiringOnly: boolean;
}
const NO_FILTERS: Filters = { category: null, status: null, stage: null, subject: '', zoneId: null, expiringOnly: false };
const PAGE_SIZES = ['20', '50', '100'];

/** Which record the route opens: /supervisors/new, /supervisors/:id, or none. */
function useOpenId(): number | 'new' | null {
  const m = useMatch('/supervisors/:id');
  const raw = m?.params.id;
  if (raw === 'new') return 'new';
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** 督学名册: search, filter, sort and page; a drawer for adding, editing, the 挂牌 detail and deleting. */
export function SupervisorsPage() {
  const navigate = useNavigate();
  const openId = useOpenId();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortState>({ sort: 'name', dir: 'asc' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  const query: Query = {
    q: debouncedQ || undefined,
    category: filters.category ?? undefined,
    status: (filters.status ?? undefined) as Query['status'],
    stage: (filters.stage ?? undefined) as Query['stage'],
    subject: filters.subject.trim() || undefined,
    zoneId: filters.zoneId ? Number(filters.zoneId) : undefined,
    expiringOnly: filters.expiringOnly || undefined,
    sort: sort.sort,
    dir: sort.dir,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  };
  const list = useApi('supervisors.list', query);
  const settings = useApi('settings.get', {});
  const zones = useApi('zones.list', {});
  const categories = settings.data?.supervisorCategories ?? [...SUPERVISOR_CATEGORIES];

  const filtering = Boolean(debouncedQ) || JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const setFilter = <K extends keyof Filters>(k: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [k]: value }));
    setPage(1);
  };
  const onSort = (col: SortKey) => {
    setSort((s) => ({ sort: col, dir: s.sort === col && s.dir === 'asc' ? 'desc' : 'asc' }));
    setPage(1);
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // After deletions the current page may lie past the end: step back to the last one.
  useEffect(() => { if (list.data && page > pages) setPage(pages); }, [list.data, page, pages]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>督学</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/supervisors/new')}>新增督学</Button>
      </Group>

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="搜索" placeholder="姓名、单位、职务、学科、手机、证号、备注" w={280}
            leftSection={<IconSearch size={14} />} value={q}
            onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }}
          />
          <Select label="类别" placeholder="全部" clearable w={130} data={categories}
            value={filters.category} onChange={(v) => setFilter('category', v)} />
          <Select label="聘任状态" placeholder="全部" clearable w={110} data={[...APPOINTMENT_STATUSES]}
            value={filters.status} onChange={(v) => setFilter('status', v)} />
          <Select label="学段" placeholder="全部" clearable w={110} data={[...TEACHING_STAGES]}
            value={filters.stage} onChange={(v) => setFilter('stage', v)} />
          <TextInput label="学科" placeholder="全部" w={100}
            value={filters.subject} onChange={(e) => setFilter('subject', e.currentTarget.value)} />
          <Select label="责任区" placeholder="全部" clearable searchable w={150}
            data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))}
            value={filters.zoneId} onChange={(v) => setFilter('zoneId', v)}
            nothingFoundMessage="没有责任区" />
          <Checkbox label="只看聘任即将期满" mb={8} checked={filters.expiringOnly}
            onChange={(e) => setFilter('expiringOnly', e.currentTarget.checked)} />
          {filtering && (
            <Button variant="subtle" color="gray" mb={2} onClick={() => { setFilters(NO_FILTERS); setQ(''); setPage(1); }}>
              清除条件
            </Button>
          )}
        </Group>
      </Paper>

      {list.error && <Alert color="red" title="无法读取督学名册">{list.error}</Alert>}

      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <SupervisorTable
          rows={list.data?.rows ?? []} sort={sort} onSort={onSort}
          onOpen={(id) => navigate(`/supervisors/${id}`)}
          empty={filtering ? '没有符合条件的督学，请调整搜索词或筛选条件。'
            : '还没有督学。点击「新增督学」逐个添加，或在「导入导出」中从 Excel 名册批量导入。'}
        />
      </Paper>

      <Group justify="space-between">
        <Text size="sm" c="dimmed">共 {total} 人{filtering ? '（已按条件筛选）' : ''}</Text>
        <Group gap="sm">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
          <Select
            aria-label="每页条数" w={100} size="xs" allowDeselect={false}
            data={PAGE_SIZES.map((n) => ({ value: n, label: `每页 ${n} 条` }))}
            value={String(pageSize)} onChange={(v) => { setPageSize(Number(v)); setPage(1); }}
          />
        </Group>
      </Group>

      <SupervisorDrawer
        id={openId} categories={categories}
        onClose={() => navigate('/supervisors')} onChanged={() => void list.reload()}
      />
    </Stack>
  );
}
