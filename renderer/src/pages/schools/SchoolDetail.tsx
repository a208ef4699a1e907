import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus, IconPresentation, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { SchoolForm } from './SchoolForm';
import { SupervisorSelect } from '../../components/SupervisorSelect';
import { show } from '../../lib/format';
import type { SchoolSupervisor } from '../../../../shared/schemas/school';
import { ASSIGNMENT_ROLES } from '../../../../shared/vocab';

type Role = (typeof ASSIGNMENT_ROLES)[number];

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** One school: its record, its responsible supervisors (挂牌) and the way to its 公示牌. */
export function SchoolDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const res = useApi('schools.get', { id });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [removing, setRemoving] = useState<SchoolSupervisor | null>(null);

  if (res.error) {
    return (
      <Stack>
        <Anchor component={Link} to="/schools">← 返回学校列表</Anchor>
        <Alert color="red" title="无法打开这所学校">{res.error}</Alert>
      </Stack>
    );
  }
  if (!res.data) return <Loader />;
  const { school, supervisors } = res.data;

  return (
    <Stack>
      <Group gap="xs">
        <ActionIcon variant="subtle" aria-label="返回学校列表" onClick={() => navigate('/schools')}><IconArrowLeft size={18} /></ActionIcon>
        <Title order={2}>{school.fullName}</Title>
        <Badge variant="light">{school.type}</Badge>
        {/* Left-aligned so notifications in the top-right corner never cover them. */}
        <Group gap="xs" ml="xl">
          <Button variant="light" leftSection={<IconPresentation size={16} />} component={Link} to={`/schools/${id}/board`}>公示牌</Button>
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>编辑</Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>
        </Group>
      </Group>

      <Card withBorder>
        <SimpleGrid cols={4} spacing="md" verticalSpacing="sm">
          <Field label="简称">{show(school.shortName)}</Field>
          <Field label="学段/类型">{school.type}</Field>
          <Field label="办学性质">{school.nature}</Field>
          <Field label="城乡">{show(school.urbanRural)}</Field>
          <Field label="校长">{show(school.principal)}</Field>
          <Field label="联系电话">{show(school.phone)}</Field>
          <Field label="学生数">{show(school.students)}</Field>
          <Field label="教师数">{show(school.teachers)}</Field>
          <Field label="所属责任区">{school.zoneId ? <Anchor component={Link} to={`/zones/${school.zoneId}`}>{school.zoneName}</Anchor> : '未分区'}</Field>
          <Field label="地址">{show(school.address)}</Field>
          <Field label="最后修改">{school.updatedAt}</Field>
        </SimpleGrid>
        {school.notes && <Field label="备注">{school.notes}</Field>}
      </Card>

      <Title order={3}>责任督学（挂牌）</Title>
      <AddAssignment schoolId={id} onAdded={res.reload} />
      <Table withTableBorder striped aria-label="挂牌督学">
        <Table.Thead>
          <Table.Tr><Table.Th>角色</Table.Th><Table.Th>姓名</Table.Th><Table.Th>类别</Table.Th><Table.Th>手机</Table.Th><Table.Th>操作</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {supervisors.map((s) => (
            <Table.Tr key={s.assignmentId}>
              <Table.Td><Badge variant="light">{s.role}</Badge></Table.Td>
              <Table.Td><Anchor component={Link} to={`/supervisors/${s.supervisorId}`}>{s.name}</Anchor></Table.Td>
              <Table.Td>{s.category}</Table.Td>
              <Table.Td>{show(s.mobile)}</Table.Td>
              <Table.Td>
                <Tooltip label="移除挂牌">
                  <ActionIcon variant="subtle" color="red" aria-label={`移除 ${s.name} ${s.role}`} onClick={() => setRemoving(s)}><IconTrash size={16} /></ActionIcon>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
          {supervisors.length === 0 && (
            <Table.Tr><Table.Td colSpan={5}><Text c="dimmed" ta="center" py="sm">这所学校还没有挂牌督学。</Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      <SchoolForm opened={editing} school={school} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void res.reload(); }} />
      <ConfirmDelete
        what="学校" title={school.fullName} opened={deleting} onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await call('schools.delete', { id });
          notifyOk(`已删除学校「${school.fullName}」，可在回收站恢复`);
          navigate('/schools');
        }}
      />
      <ConfirmDelete
        what="挂牌" title={removing ? `${removing.name} · ${removing.role}` : ''} opened={removing !== null} onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await call('assignments.delete', { id: removing!.assignmentId });
          notifyOk(`已移除 ${removing!.name} 的${removing!.role}挂牌`);
          void res.reload();
        }}
      />
    </Stack>
  );
}

/** Pick a supervisor and a role, then list them at this school. */
function AddAssignment({ schoolId, onAdded }: { schoolId: number; onAdded: () => void }) {
  const [supervisorId, setSupervisorId] = useState<number | null>(null);
  const [role, setRole] = useState<Role | null>('责任督学');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function add() {
    if (!supervisorId) { setError('请选择督学'); return; }
    if (!role) return;
    setBusy(true);
    try {
      const asg = await call('assignments.save', { schoolId, supervisorId, role });
      notifyOk(`已挂牌：${asg.role}`);
      setSupervisorId(null);
      onAdded();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Group align="flex-end" gap="sm">
      <div style={{ width: 320 }}>
        <SupervisorSelect label="督学" value={supervisorId} onChange={(v) => { setSupervisorId(v); setError(undefined); }} error={error} />
      </div>
      <Select label="挂牌角色" data={[...ASSIGNMENT_ROLES]} value={role} onChange={(v) => setRole(v as Role | null)} allowDeselect={false} w={140} />
      <Button leftSection={<IconPlus size={16} />} onClick={add} loading={busy}>添加挂牌</Button>
    </Group>
  );
}
