import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Group, LoadingOverlay, Paper, SimpleGrid, Stack, Table, Text, Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { ComplaintForm } from './ComplaintForm';
import { RaiseProblemForm } from './RaiseProblemForm';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { COMPLAINT_STATUS_COLORS, PROBLEM_STATUS_COLORS } from '../../lib/status-colors';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

/** One 来访/来电 with everything recorded and the problems raised from it. */
export function ComplaintDetail() {
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const got = useApi('complaints.get', { id });
  const [editing, setEditing] = useState(false);
  const [raising, setRaising] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (got.error) {
    return (
      <Stack>
        <Anchor component={Link} to="/complaints"><IconArrowLeft size={14} /> 返回应访督导</Anchor>
        <Alert color="red" title="无法打开这条记录">{got.error}</Alert>
      </Stack>
    );
  }
  const c = got.data?.complaint;
  const problems = got.data?.problems ?? [];
  return (
    <Stack gap="md" pos="relative">
      <LoadingOverlay visible={got.loading && !got.data} />
      <Anchor component={Link} to="/complaints" size="sm"><IconArrowLeft size={14} /> 返回应访督导</Anchor>
      {c && (
        <>
          <Group justify="space-between">
            <Group gap="sm">
              <Title order={2}>{c.channel}记录</Title>
              <Badge size="lg" variant="light" color={COMPLAINT_STATUS_COLORS[c.status]}>{c.status}</Badge>
            </Group>
            <Group gap="xs">
              <Button leftSection={<IconAlertTriangle size={16} />} onClick={() => setRaising(true)}>提出问题</Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>编辑</Button>
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>
            </Group>
          </Group>
          <Paper withBorder p="md">
            <Stack gap="md">
              <SimpleGrid cols={4}>
                <Field label="日期时间">{c.receivedAt}</Field>
                <Field label="方式">{c.channel}</Field>
                <Field label="来访人">{c.visitor ?? '匿名'}</Field>
                <Field label="身份">{c.identity}</Field>
                <Field label="电话">{c.phone}</Field>
                <Field label="反映学校">
                  {c.schoolId ? <Anchor component={Link} to={`/schools/${c.schoolId}`} size="sm">{c.schoolName}</Anchor> : null}
                </Field>
                <Field label="主题">{c.topic}</Field>
                <Field label="记录人 / 处理人">{[c.recorder, c.handler].filter(Boolean).join(' / ')}</Field>
              </SimpleGrid>
              <Field label="反映内容"><span style={{ whiteSpace: 'pre-wrap' }}>{c.content}</span></Field>
              <Field label="处理结果"><span style={{ whiteSpace: 'pre-wrap' }}>{c.result}</span></Field>
            </Stack>
          </Paper>

          <Title order={4}>由此提出的问题（{problems.length}）</Title>
          {problems.length === 0 ? (
            <Text size="sm" c="dimmed">还没有由这条记录提出的问题。需要学校整改的，点击「提出问题」列入问题整改台账。</Text>
          ) : (
            <Table withTableBorder aria-label="由此提出的问题">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>问题描述</Table.Th><Table.Th w={200}>学校</Table.Th><Table.Th w={200}>类别</Table.Th>
                  <Table.Th w={110}>整改期限</Table.Th><Table.Th w={90}>状态</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td><Anchor component={Link} to={`/problems/${p.id}`} size="sm">{p.description}</Anchor></Table.Td>
                    <Table.Td><Text size="sm">{p.schoolName}</Text></Table.Td>
                    <Table.Td><Text size="sm">{p.category}</Text></Table.Td>
                    <Table.Td><Text size="sm" c={p.overdue ? 'red' : undefined}>{p.dueDate ?? '—'}{p.overdue ? '（逾期）' : ''}</Text></Table.Td>
                    <Table.Td><Badge variant="light" color={PROBLEM_STATUS_COLORS[p.status]}>{p.status}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}

          <ComplaintForm opened={editing} complaint={c} onClose={() => setEditing(false)}
            onSaved={() => { setEditing(false); void got.reload(); }} />
          <RaiseProblemForm complaint={c} opened={raising} onClose={() => setRaising(false)}
            onRaised={() => { setRaising(false); void got.reload(); }} />
          <ConfirmDelete what="来访来电记录" title={`${c.receivedAt} ${c.content.slice(0, 20)}`} opened={deleting}
            onClose={() => setDeleting(false)}
            onConfirm={async () => {
              await call('complaints.delete', { id: c.id });
              notifyOk('已将这条记录移入回收站');
              navigate('/complaints');
            }} />
        </>
      )}
    </Stack>
  );
}
