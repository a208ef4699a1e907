import { useNavigate } from 'react-router-dom';
import { Alert, Button, Group, LoadingOverlay, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useApi } from '../../useApi';
import { ExportButton } from '../../components/ExportButton';
import { PieceTabs } from './PieceTabs';
import { useDraftWarning } from './DraftWarning';

/** The collections (案例集 第N册 …), newest first, each exportable as Word. */
export function CollectionList() {
  const navigate = useNavigate();
  const list = useApi('collections.list', {});
  const drafts = useDraftWarning();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>案例集</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/pieces/collections/new')}>新建汇编</Button>
      </Group>
      <PieceTabs active="collections" />
      {list.error && <Alert color="red" title="无法读取汇编">{list.error}</Alert>}
      <Paper withBorder pos="relative">
        <LoadingOverlay visible={list.loading && !list.data} />
        <Table highlightOnHover aria-label="汇编列表" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>汇编名称</Table.Th>
              <Table.Th w={80}>册次</Table.Th>
              <Table.Th w={90}>类型</Table.Th>
              <Table.Th w={70}>年份</Table.Th>
              <Table.Th w={80}>篇数</Table.Th>
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/pieces/collections/${c.id}`)}>
                <Table.Td><Text size="sm" fw={500}>{c.title}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.volume ? `第${c.volume}册` : '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.kind}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.year}</Text></Table.Td>
                <Table.Td><Text size="sm">{c.pieces.length}</Text></Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <ExportButton channel="collections.export" input={{ id: c.id }} label="导出 Word" size="xs" disabled={c.pieces.length === 0}
                    before={() => drafts.confirm(c)} />
                </Table.Td>
              </Table.Tr>
            ))}
            {list.data && list.data.length === 0 && (
              <Table.Tr><Table.Td colSpan={6}>
                <Text c="dimmed" size="sm" ta="center" py="md">还没有汇编。点击「新建汇编」，选择文章编成案例集、心得汇编或论文集。</Text>
              </Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      {drafts.modal}
    </Stack>
  );
}
