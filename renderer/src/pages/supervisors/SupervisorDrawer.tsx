import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Center, Drawer, Group, Loader, Modal, Stack, Table, Tabs, Text,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { Input, Output } from '../../../../shared/contract';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { StatusBadge, TermEnd } from './badges';
import { SupervisorForm } from './SupervisorForm';
import { SupervisorHistory } from './SupervisorHistory';

type Detail = Output<'supervisors.get'>;

/** The schools this supervisor is listed at (挂牌), with the role at each. */
function Assignments({ detail }: { detail: Detail }) {
  const { supervisor: s, assignments } = detail;
  return (
    <Stack gap="sm">
      <Group gap="lg">
        <Group gap={4}><Text size="sm">聘任状态：</Text><StatusBadge status={s.status} /></Group>
        <Group gap={4}><Text size="sm">聘任截止：</Text><TermEnd s={s} /></Group>
        <Text size="sm">责任区：{s.zoneNames.join('、') || '无'}</Text>
        <Text size="sm">挂牌学校：{s.schoolCount} 所</Text>
      </Group>
      {assignments.length === 0 ? (
        <Text c="dimmed" size="sm">尚未挂牌任何学校。挂牌关系在「学校」或「责任区」页面中设置。</Text>
      ) : (
        <Table striped withTableBorder aria-label="挂牌学校">
          <Table.Thead><Table.Tr><Table.Th>学校</Table.Th><Table.Th>角色</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {assignments.map((x) => (
              <Table.Tr key={x.assignmentId}>
                <Table.Td><Anchor component={Link} size="sm" to={`/schools/${x.schoolId}`}>{x.schoolName}</Anchor></Table.Td>
                <Table.Td><Badge variant="light">{x.role}</Badge></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** New (id 'new') or existing supervisor: the full form, the 挂牌 detail, and 删除 to the 回收站. */
export function SupervisorDrawer({ id, categories, onClose, onChanged }: {
  id: number | 'new' | null;
  categories: string[];
  onClose(): void;
  onChanged(): void;
}) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    setDetail(null);
    setError(null);
    if (typeof id !== 'number') return;
    let live = true;
    call('supervisors.get', { id })
      .then((d) => { if (live) setDetail(d); })
      .catch((e: Error) => { if (live) setError(e.message); });
    return () => { live = false; };
  }, [id]);

  const s = detail?.supervisor ?? null;
  const title = id === 'new' ? '新增督学' : s ? `督学：${s.name}` : '督学';

  async function save(fields: Input<'supervisors.save'>['fields']) {
    const saved = await call('supervisors.save', { id: typeof id === 'number' ? id : undefined, fields });
    notifyOk(`已保存督学「${saved.name}」。`);
    onChanged();
    onClose();
  }

  async function remove() {
    if (!s) return;
    setDeleting(true);
    try {
      await call('supervisors.delete', { id: s.id });
      notifyOk(`已将督学「${s.name}」移入回收站，可在「回收站」中恢复。`);
      setConfirming(false);
      onChanged();
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setDeleting(false);
    }
  }

  let body;
  if (error) body = <Alert color="red" title="无法打开此督学">{error}</Alert>;
  else if (id === 'new') body = <SupervisorForm key="new" initial={null} categories={categories} onSubmit={save} onCancel={onClose} />;
  else if (!detail) body = <Center py="xl"><Loader /></Center>;
  else {
    body = (
      <Tabs defaultValue="info" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="info">基本资料</Tabs.Tab>
          <Tabs.Tab value="schools">挂牌学校（{detail.assignments.length}）</Tabs.Tab>
          <Tabs.Tab value="history">履历</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="info">
          <SupervisorForm
            key={`${detail.supervisor.id}-${detail.supervisor.updatedAt}`} initial={detail.supervisor} categories={categories} onSubmit={save} onCancel={onClose}
            leftActions={<Button color="red" variant="light" leftSection={<IconTrash size={14} />} onClick={() => setConfirming(true)}>删除</Button>}
          />
        </Tabs.Panel>
        <Tabs.Panel value="schools"><Assignments detail={detail} /></Tabs.Panel>
        <Tabs.Panel value="history">
          <SupervisorHistory s={detail.supervisor} categories={categories} onChanged={() => {
            onChanged();
            void call('supervisors.get', { id: detail.supervisor.id }).then(setDetail, () => undefined);
          }} />
        </Tabs.Panel>
      </Tabs>
    );
  }

  return (
    <>
      <Drawer opened={id !== null} onClose={onClose} position="right" size={760} title={title}
        styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}>
        {body}
      </Drawer>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title="删除督学" centered zIndex={400}>
        <Stack>
          <Text>
            确定删除督学「{s?.name}」吗？删除后该记录将移入<b>回收站</b>，其挂牌关系随之隐藏；需要时可在「回收站」中恢复。
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>取消</Button>
            <Button color="red" loading={deleting} onClick={() => void remove()}>移入回收站</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
