import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert, Badge, Button, Group, LoadingOverlay, Paper, Select, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { ComplaintForm } from './ComplaintForm';
import { COMPLAINT_STATUS_COLORS } from '../../lib/status-colors';
import type { Input } from '../../../../shared/contract';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, COMPLAINT_TOPICS } from '../../../../shared/vocab';
import { complaintTopics } from '../../lib/options';
import { ListFooter, pageWindow } from '../../components/Paging';
import { PeriodFilter } from '../../components/PeriodFilter';
import { namePicker, schoolOption } from '../../components/name-options';

/** Filters live in the URL (?topic=&year=&month=&zoneId=&schoolId=&status=&channel=&q=), so the dashboard can link here. */
const KEYS = ['q', 'schoolId', 'zoneId', 'topic', 'status', 'channel', 'year', 'month'] as const;

/** 应访督导: the complaints log with filters and search. */
export function ComplaintList() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const settings = useApi('settings.get', {});
  const zones = useApi('zones.list', {});

  const get = (k: (typeof KEYS)[number]) => params.get(k) || undefined;
  const setFilter = (k: (typeof KEYS)[number], v: string | null) => {
    setParams((p) => { if (v) p.set(k, v); else p.delete(k); return p; }, { replace: true });
    setPage(1);
  };
  useEffect(() => { if ((params.get('q') ?? '') !== q) setFilter('q', q || null); }, [q]);

  const num = (v: string | undefined) => (v ? Number(v) : undefined);
  const query = {
    q: get('q'), schoolId: num(get('schoolId')), zoneId: num(get('zoneId')), topic: get('topic'), status: get('status'),
    channel: get('channel'), year: num(get('year')), month: get('month'), ...pageWindow(page),
  } as Input<'complaints.list'>;
  const list = useApi('complaints.list', query);
  const total = list.data?.total ?? 0;
  const filtering = KEYS.some((k) => params.get(k));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>应访督导</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>登记来访来电</Button>
      </Group>

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索" placeholder="内容、来访人、电话、处理结果、学校" w={200} leftSection={<IconSearch size={14} />}
            value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select label="反映学校" placeholder="全部" clearable searchable w={180} value={get('schoolId') ?? null}
            data={(schools.data?.rows ?? []).map(schoolOption)} {...namePicker}
            onChange={(v) => setFilter('schoolId', v)} nothingFoundMessage="没有匹配的学校" />
          <Select label="责任区" placeholder="全部" clearable w={120} value={get('zoneId') ?? null}
            data={(zones.data ?? []).map((z) => ({ value: String(z.id), label: z.name }))} onChange={(v) => setFilter('zoneId', v)} />
          <Select label="主题" placeholder="全部" clearable w={110} data={complaintTopics(settings.data ?? null, get('topic') ?? null, COMPLAINT_TOPICS)} value={get('topic') ?? null}
            onChange={(v) => setFilter('topic', v)} />
          <Select label="状态" placeholder="全部" clearable w={100} data={[...COMPLAINT_STATUSES]} value={get('status') ?? null}
            onChange={(v) => setFilter('status', v)} />
          <Select label="方式" placeholder="全部" clearable w={90} data={[...COMPLAINT_CHANNELS]} value={get('channel') ?? null}
            onChange={(v) => setFilter('channel', v)} />
          <PeriodFilter year={get('year') ?? null} month={get('month') ?? null} onChange={(y, m) => {
            setParams((p) => { for (const [k, v] of [['year', y], ['month', m]] as const) { if (v) p.set(k, v); else p.delete(k); } return p; }, { replace: true });
            setPage(1);
          }} />
          {filtering && (
            <Button variant="subtle" color="gray" onClick={() => { setSearch(''); setParams({}, { replace: true }); setPage(1); }}>清除条件</Button>
          )}
        </Group>
      </Paper>

      {list.error && <Alert color="red" title="无法读取来访来电登记">{list.error}</Alert>}

      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table highlightOnHover aria-label="来访来电列表" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>日期时间</Table.Th>
              <Table.Th w={60}>方式</Table.Th>
              <Table.Th w={140}>来访人</Table.Th>
              <Table.Th w={190}>反映学校</Table.Th>
              <Table.Th w={80}>主题</Table.Th>
              <Table.Th>反映内容</Table.Th>
              <Table.Th w={80}>状态</Table.Th>
              <Table.Th w={60}>问题</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/complaints/${c.id}`)}>
                <Table.Td><Text size="sm">{c.receivedAt}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.channel}</Text></Table.Td>
                <Table.Td><Text size="sm">{[c.visitor ?? '匿名', c.identity === '匿名' ? null : c.identity].filter(Boolean).join(' · ')}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.schoolName ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.topic}</Text></Table.Td>
                <Table.Td><Text size="sm" lineClamp={2}>{c.content}</Text></Table.Td>
                <Table.Td><Badge variant="light" color={COMPLAINT_STATUS_COLORS[c.status]}>{c.status}</Badge></Table.Td>
                <Table.Td><Text size="sm">{c.problemCount || ''}</Text></Table.Td>
              </Table.Tr>
            ))}
            {list.data && list.data.rows.length === 0 && (
              <Table.Tr><Table.Td colSpan={8}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {filtering ? '没有符合条件的记录，请调整搜索词或筛选条件。' : '还没有来访来电记录。点击「登记来访来电」添加。'}
                </Text>
              </Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <ListFooter summary={`共 ${total} 条${filtering ? '（已按条件筛选）' : ''}`} total={total} page={page} onPage={setPage} />

      <ComplaintForm opened={adding} complaint={null} onClose={() => setAdding(false)}
        onSaved={(c) => { setAdding(false); navigate(`/complaints/${c.id}`); }} />
    </Stack>
  );
}
