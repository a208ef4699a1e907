import { useState } from 'react';
import { Alert, Badge, Button, Center, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { RECYCLE_KIND_LABELS, type RecycleItem } from '../../../shared/schemas/admin';
import { call } from '../api';
import { useApi } from '../useApi';
import { notifyError, notifyOk } from '../notify';

/** What a purge takes with it, so the warning can say so. */
const CASCADES: Partial<Record<RecycleItem['kind'], string>> = {
  school: '这所学校的挂牌信息也会一并删除。',
  supervisor: '这名督学的挂牌信息也会一并删除；如果他是责任区组长，该责任区将没有组长。',
  zone: '责任区内的学校会保留，但不再属于任何责任区。',
  calendar: '行事历中的全部事项也会一并删除。',
};

export function RecyclePage() {
  const { data, error, loading, reload } = useApi('recycle.list', {});
  const [busy, setBusy] = useState<number | null>(null);
  const [purging, setPurging] = useState<RecycleItem | null>(null);

  const label = (item: RecycleItem) => `${RECYCLE_KIND_LABELS[item.kind] ?? item.kind}「${item.title}」`;

  async function restore(item: RecycleItem) {
    setBusy(item.id);
    try {
      await call('recycle.restore', { id: item.id });
      notifyOk(`已恢复${label(item)}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
      void reload();
    }
  }

  async function purge(item: RecycleItem) {
    setBusy(item.id);
    try {
      await call('recycle.purge', { id: item.id });
      notifyOk(`已彻底删除${label(item)}`);
      setPurging(null);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
      void reload();
    }
  }

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>回收站</Title>
        {data && data.length > 0 && <Text c="dimmed" size="sm">共 {data.length} 项</Text>}
      </Group>
      <Text size="sm" c="dimmed">删除的记录先放在这里，不会出现在任何列表和统计中。可以恢复，也可以彻底删除（彻底删除后无法找回）。</Text>
      {error && <Alert color="red" title="无法读取回收站">{error}</Alert>}
      {!data && loading && <Center h={160}><Loader /></Center>}
      {data && data.length === 0 && (
        <Alert color="gray" variant="light" title="回收站是空的">删除的督学、学校、责任区、挂牌和督导工作记录会先移到这里。</Alert>
      )}
      {data && data.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>类别</Table.Th>
              <Table.Th>名称</Table.Th>
              <Table.Th w={180}>删除时间</Table.Th>
              <Table.Th w={120}>删除人</Table.Th>
              <Table.Th w={200}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td><Badge variant="light" color="gray">{RECYCLE_KIND_LABELS[item.kind] ?? item.kind}</Badge></Table.Td>
                <Table.Td>{item.title}</Table.Td>
                <Table.Td>{item.deletedAt}</Table.Td>
                <Table.Td>{item.deletedBy}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Button size="xs" variant="light" loading={busy === item.id && !purging} disabled={busy !== null}
                      aria-label={`恢复${label(item)}`} onClick={() => restore(item)}>恢复</Button>
                    <Button size="xs" variant="subtle" color="red" disabled={busy !== null}
                      aria-label={`彻底删除${label(item)}`} onClick={() => setPurging(item)}>彻底删除</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={purging !== null} onClose={() => setPurging(null)} title="彻底删除" centered>
        {purging && (
          <Stack>
            <Text>确定要彻底删除{label(purging)}吗？</Text>
            {CASCADES[purging.kind] && <Text size="sm">{CASCADES[purging.kind]}</Text>}
            <Alert color="red" variant="light">此操作无法撤销：彻底删除后，这条记录不能再恢复。</Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPurging(null)}>取消</Button>
              <Button color="red" loading={busy === purging.id} onClick={() => purge(purging)}>确认彻底删除</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
