import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Alert, Badge, Button, Group, LoadingOverlay, Paper, Select, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch, IconSparkles } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { PieceTabs, years } from './PieceTabs';
import { PIECE_KINDS, PIECE_STATUSES } from '../../../../shared/schemas/piece';
import type { Input } from '../../../../shared/contract';
import { ListFooter, pageWindow } from '../../components/Paging';
import { namePicker, supervisorOption } from '../../components/name-options';
import { ImportDialog } from './ImportDialog';
import { ProposalsDialog } from './ProposalsDialog';


/** The pieces: search over title, author and text; filters by kind, year, author and status. */
export function PieceList() {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [kind, setKind] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [authorId, setAuthorId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'import' | 'propose' | null>(null);
  const supervisors = useApi('supervisors.list', { limit: 500 });
  const query = {
    q: q || undefined, kind: kind ?? undefined, year: year ? Number(year) : undefined, authorId: authorId ? Number(authorId) : undefined,
    status: status ?? undefined, ...pageWindow(page),
  } as Input<'pieces.list'>;
  const list = useApi('pieces.list', query);
  const total = list.data?.total ?? 0;
  const filtering = !!(q || kind || year || authorId || status);
  const filter = (set: (v: string | null) => void) => (v: string | null) => { set(v); setPage(1); };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>案例集</Title>
        <Group gap="xs">
          <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={() => setDialog('import')}>从Word导入</Button>
          <Button variant="light" leftSection={<IconSparkles size={16} />} onClick={() => setDialog('propose')}>从督导记录起草</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/pieces/new')}>写文章</Button>
        </Group>
      </Group>
      <PieceTabs active="pieces" />

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end">
          <TextInput label="搜索" placeholder="标题、作者、正文" w={220} leftSection={<IconSearch size={14} />}
            value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} />
          <Select label="类型" placeholder="全部" clearable w={120} data={[...PIECE_KINDS]} value={kind} onChange={filter(setKind)} />
          <Select label="年份" placeholder="全部" clearable w={100} data={years()} value={year} onChange={filter(setYear)} />
          <Select label="作者（督学）" placeholder="全部" clearable searchable w={150} value={authorId} onChange={filter(setAuthorId)}
            data={(supervisors.data?.rows ?? []).map(supervisorOption)} {...namePicker} nothingFoundMessage="没有匹配的督学" />
          <Select label="状态" placeholder="全部" clearable w={100} data={[...PIECE_STATUSES]} value={status} onChange={filter(setStatus)} />
          {filtering && (
            <Button variant="subtle" color="gray" onClick={() => {
              setSearch(''); setKind(null); setYear(null); setAuthorId(null); setStatus(null); setPage(1);
            }}>清除条件</Button>
          )}
        </Group>
      </Paper>

      {list.error && <Alert color="red" title="无法读取文章">{list.error}</Alert>}

      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table highlightOnHover aria-label="文章列表" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>标题</Table.Th>
              <Table.Th w={90}>类型</Table.Th>
              <Table.Th w={140}>作者</Table.Th>
              <Table.Th w={190}>学校</Table.Th>
              <Table.Th w={70}>年份</Table.Th>
              <Table.Th w={80}>字数</Table.Th>
              <Table.Th w={80}>状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data?.rows ?? []).map((p) => (
              <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/pieces/${p.id}`)}>
                <Table.Td><Text size="sm" fw={500}>{p.title}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.kind}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.authorDisplay || '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.schoolName ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.year}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.length}</Text></Table.Td>
                <Table.Td><Badge variant="light" color={p.status === '已定稿' ? 'green' : 'gray'}>{p.status}</Badge></Table.Td>
              </Table.Tr>
            ))}
            {list.data && list.data.rows.length === 0 && (
              <Table.Tr><Table.Td colSpan={7}>
                <Text c="dimmed" size="sm" ta="center" py="md">
                  {filtering ? '没有符合条件的文章，请调整搜索词或筛选条件。' : '还没有文章。点击「写文章」记录一篇督导案例、学习心得或论文。'}
                </Text>
              </Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <ListFooter summary={`共 ${total} 篇${filtering ? '（已按条件筛选）' : ''}`} total={total} page={page} onPage={setPage} />
      <ImportDialog opened={dialog === 'import'} onClose={() => setDialog(null)} onImported={() => void list.reload()} />
      {dialog === 'propose' && <ProposalsDialog opened onClose={() => setDialog(null)} onDrafted={() => void list.reload()} />}
    </Stack>
  );
}
