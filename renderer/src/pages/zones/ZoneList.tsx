import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ActionIcon, Alert, Anchor, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ZoneForm } from './ZoneForm';
import type { Zone } from '../../../../shared/schemas/zone';

/** 责任区: each zone with its leader and number of schools, plus the schools in no zone. */
export function ZoneList() {
  const zones = useApi('zones.list', undefined);
  const unzoned = useApi('schools.list', { noZone: true, limit: 1 });
  const [editing, setEditing] = useState<Zone | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Zone | null>(null);
  const reload = () => { void zones.reload(); void unzoned.reload(); };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>责任区</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>新增责任区</Button>
      </Group>
      {zones.error && <Alert color="red" title="责任区读取失败">{zones.error}</Alert>}
      <Table striped highlightOnHover withTableBorder aria-label="责任区列表">
        <Table.Thead>
          <Table.Tr><Table.Th>责任区</Table.Th><Table.Th>组长</Table.Th><Table.Th>学校数</Table.Th><Table.Th>备注</Table.Th><Table.Th>操作</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {zones.data?.map((z) => (
            <Table.Tr key={z.id}>
              <Table.Td><Anchor component={Link} to={`/zones/${z.id}`}>{z.name}</Anchor></Table.Td>
              <Table.Td>{z.leaderName ?? <Text span c="dimmed" size="sm">未指定</Text>}</Table.Td>
              <Table.Td>{z.schoolCount}</Table.Td>
              <Table.Td><Text size="sm" lineClamp={1}>{z.notes ?? ''}</Text></Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label="编辑"><ActionIcon variant="subtle" aria-label={`编辑 ${z.name}`} onClick={() => setEditing(z)}><IconPencil size={16} /></ActionIcon></Tooltip>
                  <Tooltip label="删除"><ActionIcon variant="subtle" color="red" aria-label={`删除 ${z.name}`} onClick={() => setDeleting(z)}><IconTrash size={16} /></ActionIcon></Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td><Anchor component={Link} to="/zones/none">未分区学校</Anchor></Table.Td>
            <Table.Td>—</Table.Td>
            <Table.Td>{unzoned.data?.total ?? '…'}</Table.Td>
            <Table.Td><Text size="sm" c="dimmed">不属于任何责任区的学校</Text></Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {zones.data?.length === 0 && <Text c="dimmed">还没有责任区。点击「新增责任区」建立，再把学校移入。</Text>}

      <ZoneForm opened={editing !== undefined} zone={editing ?? null} onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); reload(); }} />
      <ConfirmDelete
        what="责任区" title={deleting?.name ?? ''} opened={deleting !== null} onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await call('zones.delete', { id: deleting!.id });
          notifyOk(`已删除责任区「${deleting!.name}」，其学校现为未分区；可在回收站恢复`);
          reload();
        }}
      />
      <Text size="sm" c="dimmed">删除责任区不会删除其中的学校，这些学校会显示为“未分区”。</Text>
    </Stack>
  );
}
