import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Grid, Group, Loader, Modal, Paper, Stack, Text, TextInput, Timeline, Title,
} from '@mantine/core';
import { IconArrowLeft, IconEdit, IconFileText, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { ProblemForm } from './ProblemForm';
import { ExportButton } from '../../components/ExportButton';
import { NoticeIssueForm } from './NoticeIssueForm';
import { ProblemStatus } from '../../components/ProblemStatus';
import { PROBLEM_STATUS_COLORS } from '../../lib/status-colors';
import { PROBLEM_TRANSITIONS, type ProblemStatus as Status } from '../../../../shared/vocab';

/** What each allowed step is called on its button. */
const STEP_LABELS: Record<string, string> = {
  '待整改>整改中': '开始整改', '整改中>待回查': '已整改，待回查', '待回查>已销号': '回查通过，销号', '待回查>整改中': '退回整改',
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} component="div">{children || '—'}</Text>
    </Stack>
  );
}

/** One problem: its fields, the status steps allowed from here, and its full history. */
export function ProblemDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data, error, loading, reload } = useApi('problems.get', { id });
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [section, setSection] = useState('');

  async function step(to: Status) {
    setBusy(to);
    try {
      await call('problems.transition', { id, to, note });
      setNote('');
      notifyOk(`问题状态已改为「${to}」`);
      await reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  async function remove() {
    try {
      await call('problems.delete', { id });
      notifyOk('问题已移入回收站，可在「回收站」中恢复');
      navigate('/problems');
    } catch (e) {
      notifyError(e);
    }
  }

  if (error) return <Alert color="red" title="无法打开问题">{error}</Alert>;
  if (loading && !data) return <Loader />;
  if (!data) return null;
  const { problem: p, history } = data;
  const next = PROBLEM_TRANSITIONS[p.status];

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(-1)}>返回</Button>
          <Title order={2}>问题 · {p.schoolName}</Title>
          <ProblemStatus problem={p} />
        </Group>
        <Group>
          {!p.noticeId && p.status !== '已销号' && (
            <Button variant="light" leftSection={<IconFileText size={16} />} onClick={() => setIssuing(true)}>开具整改通知书</Button>
          )}
          {p.actor === '教育局科室' && (
            // A bureau section acts by 协商函: name the section, then export the letter.
            <Group gap={4}>
              <TextInput aria-label="协商科室" placeholder="科室，如基础教育科" w={170} value={section} onChange={(e) => setSection(e.currentTarget.value)} />
              <ExportButton channel="documents.referral" input={() => ({ problemIds: [p.id], section: section.trim() })} label="导出协商函" />
            </Group>
          )}
          <Button variant="light" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>编辑</Button>
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirm(true)}>删除</Button>
        </Group>
      </Group>

      {p.overdue && <Alert color="red" title="已逾期">整改期限 {p.dueDate} 已过，问题尚未销号。</Alert>}

      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={12}><Field label="问题描述">{p.description}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="学校">{p.schoolName}{p.zoneName ? `（${p.zoneName}）` : ''}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="问题类别">{p.category}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="整改责任方">{p.actor}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="问题来源">
            {p.source}{p.campaign ? `（${p.campaign}）` : ''}
            {p.visitId && <> · <Anchor component={Link} to={`/visits/${p.visitId}`} size="sm">查看督导记录</Anchor></>}
            {p.complaintId && <> · <Anchor component={Link} to={`/complaints/${p.complaintId}`} size="sm">查看来访来电</Anchor></>}
          </Field></Grid.Col>
          <Grid.Col span={4}><Field label="提出日期">{p.raisedAt}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="整改期限">
            <Text span c={p.overdue ? 'red' : undefined} fw={p.overdue ? 700 : undefined}>{p.dueDate ?? '未定'}</Text>
            {p.noticeId && p.deadline && p.deadline !== p.dueDate ? `（问题原定 ${p.deadline}，以通知书为准）` : ''}
          </Field></Grid.Col>
          <Grid.Col span={4}><Field label="整改通知书">
            {p.noticeId ? <Anchor component={Link} to={`/problems/notices/${p.noticeId}`}>{p.noticeNumber}</Anchor> : '未开具'}
          </Field></Grid.Col>
          <Grid.Col span={4}><Field label="销号日期">{p.closedAt}</Field></Grid.Col>
        </Grid>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>整改状态</Title>
          {next.length === 0 ? <Text size="sm" c="dimmed">问题已销号，状态不再变化。</Text> : (
            <Group align="flex-end">
              <TextInput label="说明（可选）" w={360} value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder="记入整改过程" />
              {next.map((to) => (
                <Button key={to} color={PROBLEM_STATUS_COLORS[to]} variant={to === '整改中' && p.status === '待回查' ? 'outline' : 'filled'}
                  loading={busy === to} disabled={busy !== null} onClick={() => void step(to)}>
                  {STEP_LABELS[`${p.status}>${to}`] ?? `改为${to}`}
                </Button>
              ))}
            </Group>
          )}
          {p.noticeId && next.length > 0 && <Text size="xs" c="dimmed">已开具通知书的问题，通常在通知书页面登记整改报告和回查结果，状态会随之变化。</Text>}
          <Title order={5} mt="sm">整改过程</Title>
          <Timeline active={history.length} bulletSize={16} lineWidth={2} aria-label="整改过程">
            {history.map((h, i) => (
              <Timeline.Item key={i} title={
                <Group gap="xs">
                  {h.fromStatus && <><Badge size="sm" variant="light" color={PROBLEM_STATUS_COLORS[h.fromStatus]}>{h.fromStatus}</Badge><Text size="sm">→</Text></>}
                  <Badge size="sm" color={PROBLEM_STATUS_COLORS[h.toStatus]}>{h.toStatus}</Badge>
                </Group>
              }>
                {h.note && <Text size="sm">{h.note}</Text>}
                <Text size="xs" c="dimmed">{h.at} · {h.actor}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      </Paper>

      <ProblemForm opened={editing} problem={p} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void reload(); }} />
      <NoticeIssueForm opened={issuing} schoolId={p.schoolId} problemIds={[p.id]} onClose={() => setIssuing(false)}
        onIssued={(n) => { setIssuing(false); navigate(`/problems/notices/${n.id}`); }} />
      <Modal opened={confirm} onClose={() => setConfirm(false)} title="删除问题">
        <Stack>
          <Text size="sm">确定删除这个问题吗？它将移入回收站，可以恢复。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(false)}>取消</Button>
            <Button color="red" onClick={() => void remove()}>删除</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
