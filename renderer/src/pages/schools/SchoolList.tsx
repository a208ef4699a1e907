import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title, Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { SchoolForm } from './SchoolForm';
import { SortHeader } from './SortHeader';
import { zoneOptions } from '../../lib/options';
import { show } from '../../lib/format';
import type { Input } from '../../../../shared/contract';
import type { School, SCHOOL_SORTS } from '../../../../shared/schemas/school';
import { SCHOOL_NATURES, SCHOOL_TYPES, URBAN_RURAL } from '../../../../shared/vocab';

type Sort = (typeof SCHOOL_SORTS)[number];
const PAGE_SIZE = 20;

/** 学校名册: search, filter, sort and page; add, edit and delete. */
export function SchoolList() {
  const zones = useApi('zones.list', undefined);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [type, setType] = useState<string | null>(null);
  const [nature, setNature] = useState<string | null>(null);
  const [urbanRural, setUrbanRural] = useState<string | null>(null);
  const [zone, setZone] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>('fullName');
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<School | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<School | null>(null);

  const query = {
    q: q || undefined,
    type: type ?? undefined,
    nature: nature ?? undefined,
    urbanRural: urbanRural ?? undefined,
    zoneId: zone && zone !== 'none' ? Number(zone) : undefined,
    noZone: zone === 'none' ? true : undefined,
    sort, dir, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE,
  } as Input<'schools.list'>;
  const list = useApi('schools.list', query);
  const total = list.data?.total ?? 0;

  // Any change of filter starts again from the first page.
  const filter = <T,>(setter: (v: T) => void) => (v: T) => { setter(v); setPage(1); };
  const onSort = (key: Sort, d: 'asc' | 'desc') => { setSort(key); setDir(d); setPage(1); };
  const header = (label: string, key: Sort) => <SortHeader label={label} sortKey={key} sort={sort} dir={dir} onSort={onSort} />;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>学校</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>新增学校</Button>
      </Group>

      <Group align="flex-end" gap="sm">
        <TextInput
          label="搜索学校" placeholder="学校名称、地址、校长、电话" leftSection={<IconSearch size={16} />} w={260}
          value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }}
        />
        <Select label="学段/类型" placeholder="全部" clearable data={[...SCHOOL_TYPES]} value={type} onChange={filter(setType)} w={150} />
        <Select label="办学性质" placeholder="全部" clearable data={[...SCHOOL_NATURES]} value={nature} onChange={filter(setNature)} w={110} />
        <Select label="城乡" placeholder="全部" clearable data={[...URBAN_RURAL]} value={urbanRural} onChange={filter(setUrbanRural)} w={110} />
        <Select label="责任区" placeholder="全部" clearable searchable data={zoneOptions(zones.data, true)} value={zone} onChange={filter(setZone)} w={170} />
      </Group>

      {list.error && <Alert color="red" title="学校列表读取失败">{list.error}</Alert>}

      <Table striped highlightOnHover withTableBorder aria-label="学校列表">
        <Table.Thead>
          <Table.Tr>
            {header('学校全称', 'fullName')}
            {header('学段/类型', 'type')}
            <Table.Th>办学性质</Table.Th>
            <Table.Th>城乡</Table.Th>
            {header('所属责任区', 'zone')}
            {header('学生数', 'students')}
            <Table.Th>校长</Table.Th>
            <Table.Th>联系电话</Table.Th>
            <Table.Th>挂牌督学</Table.Th>
            <Table.Th>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.rows.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/schools/${s.id}`}>{s.fullName}</Anchor>
                {s.shortName && <Text span size="xs" c="dimmed"> （{s.shortName}）</Text>}
              </Table.Td>
              <Table.Td>{s.type}</Table.Td>
              <Table.Td>{s.nature}</Table.Td>
              <Table.Td>{show(s.urbanRural)}</Table.Td>
              <Table.Td>{s.zoneName ?? <Badge color="gray" variant="light">未分区</Badge>}</Table.Td>
              <Table.Td>{show(s.students)}</Table.Td>
              <Table.Td>{show(s.principal)}</Table.Td>
              <Table.Td>{show(s.phone)}</Table.Td>
              <Table.Td>{s.supervisorCount ? `${s.supervisorCount} 人` : <Text span c="orange" size="sm">未挂牌</Text>}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label="编辑"><ActionIcon variant="subtle" aria-label={`编辑 ${s.fullName}`} onClick={() => setEditing(s)}><IconPencil size={16} /></ActionIcon></Tooltip>
                  <Tooltip label="删除"><ActionIcon variant="subtle" color="red" aria-label={`删除 ${s.fullName}`} onClick={() => setDeleting(s)}><IconTrash size={16} /></ActionIcon></Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {list.data && list.data.rows.length === 0 && (
            <Table.Tr><Table.Td colSpan={10}><Text c="dimmed" ta="center" py="md">
              {q || type || nature || urbanRural || zone ? '没有符合条件的学校，请调整搜索词或筛选条件。' : '还没有学校。点击「新增学校」录入，或在「导入导出」中从 Excel 导入名册。'}
            </Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      <Group justify="space-between">
        <Text size="sm" c="dimmed">共 {total} 所学校</Text>
        {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />}
      </Group>

      <SchoolForm
        opened={editing !== undefined}
        school={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); void list.reload(); }}
      />
      <ConfirmDelete
        what="学校" title={deleting?.fullName ?? ''} opened={deleting !== null} onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await call('schools.delete', { id: deleting!.id });
          notifyOk(`已删除学校「${deleting!.fullName}」，可在回收站恢复`);
          void list.reload();
        }}
      />
    </Stack>
  );
}
