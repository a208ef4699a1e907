import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Grid, Group, Loader, Modal, Paper, Stack, Table, Text, Title,
} from '@mantine/core';
import { IconArrowLeft, IconEdit, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { Attachments } from '../../components/Attachments';
import { ProblemStatus, overdueRow } from '../../components/ProblemStatus';
import { LinkedCalendarItem } from './LinkedCalendarItem';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </Stack>
  );
}

/** One visit record: every field, its photos and files, and the problems raised from it. */
export function VisitDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data, error, loading } = useApi('visits.get', { id });
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    try {
      await call('visits.delete', { id });
      notifyOk('督导记录已移入回收站，可在「回收站」中恢复');
      navigate('/visits');
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  if (error) return <Alert color="red" title="无法打开督导记录">{error}</Alert>;
  if (loading && !data) return <Loader />;
  if (!data) return null;
  const { visit: v, problems } = data;

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(-1)}>返回</Button>
          <Title order={2}>{v.schoolName} · {v.date}</Title>
          <Badge variant="light" size="lg">{v.type}督导</Badge>
        </Group>
        <Group>
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => navigate(`/visits/${id}/edit`)}>编辑</Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirm(true)}>删除</Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={4}><Field label="学校"><Anchor component={Link} to={`/visits?schoolId=${v.schoolId}`}>{v.schoolName}</Anchor>{v.zoneName ? `（${v.zoneName}）` : ''}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="督学">{v.supervisorIds.map((sid, i) => (
            <span key={sid}>{i > 0 && '、'}<Anchor component={Link} to={`/visits?supervisorId=${sid}`}>{v.supervisorNames[i]}</Anchor></span>
          ))}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="主题">{v.theme}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="督导方式">{v.methods.join('、')}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="督导事项">{v.items.join('；')}</Field></Grid.Col>
          <Grid.Col span={12}><Field label="督导纪实">{v.narrative}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="亮点">{v.highlight}</Field></Grid.Col>
          <Grid.Col span={6}><Field label="现场反馈">{v.feedback}</Field></Grid.Col>
        </Grid>
      </Paper>

      {v.calendarItemId && <LinkedCalendarItem key={v.calendarItemId} visit={v} />}

      <Paper withBorder p="md"><Attachments files={v.attachments} /></Paper>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={4}>提出的问题（{problems.length}）</Title>
          {problems.length === 0 ? <Text size="sm" c="dimmed">本次督导没有提出问题。</Text> : (
            <Table aria-label="提出的问题" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr><Table.Th>类别</Table.Th><Table.Th>问题描述</Table.Th><Table.Th>整改期限</Table.Th><Table.Th>通知书</Table.Th><Table.Th>状态</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p) => (
                  <Table.Tr key={p.id} style={overdueRow(p.overdue)}>
                    <Table.Td><Text size="sm">{p.category}</Text></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/problems/${p.id}`} size="sm">{p.description}</Anchor></Table.Td>
                    <Table.Td><Text size="sm">{p.dueDate ?? '—'}</Text></Table.Td>
                    <Table.Td>{p.noticeId ? <Anchor component={Link} to={`/problems/notices/${p.noticeId}`} size="sm">{p.noticeNumber}</Anchor> : '—'}</Table.Td>
                    <Table.Td><ProblemStatus problem={p} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">最后修改：{v.updatedAt}</Text>

      <Modal opened={confirm} onClose={() => setConfirm(false)} title="删除督导记录">
        <Stack>
          <Text size="sm">确定删除「{v.schoolName} {v.date} {v.type}督导」吗？记录将移入回收站，可以恢复；由它提出的问题仍保留在问题整改台账中。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>取消</Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>删除</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
