import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Grid, Group, Loader, Modal, Paper, Stack, Text, TextInput, Timeline, Title,
} from '@mantine/core';
import { IconArrowLeft, IconCalendarPlus, IconEdit, IconFileText, IconMessages, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { ProblemForm } from './ProblemForm';
import { ExportButton } from '../../components/ExportButton';
import { NoticeIssueForm } from './NoticeIssueForm';
import { ProblemStatus } from '../../components/ProblemStatus';
import { PROBLEM_STATUS_COLORS } from '../../lib/status-colors';
import { PROBLEM_TRANSITIONS, REBOUND, type ProblemStatus as Status } from '../../../../shared/vocab';
import { DateField } from '../../components/DateFields';
import { FOLLOWUP_RESULT_COLORS } from '../../lib/status-colors';
import { addMonths, todayText } from '../../../../shared/dates';
import type { Escalation, Followup } from '../../../../shared/schemas/oversight';
import type { ProblemHistoryEntry } from '../../../../shared/schemas/problem';
import { EscalationForm } from './EscalationList';

/**
 * The problem's timeline: its status moves, its 回头看 (planned or recorded) and the 约谈 / 通报 about it, in
 * order. A recorded 回头看 comes just before the move it made (反弹), as it was written in the same moment.
 */
function timeline(history: ProblemHistoryEntry[], followups: Followup[], escalations: Escalation[]) {
  type Entry = { when: string; rank: number } & ({ kind: 'history'; h: ProblemHistoryEntry } | { kind: 'followup'; f: Followup } | { kind: 'escalation'; e: Escalation });
  const entries: Entry[] = [
    ...history.map((h): Entry => ({ when: h.at, rank: 1, kind: 'history', h })),
    ...followups.map((f): Entry => ({ when: f.doneDate ? f.updatedAt : `${f.dueDate} 99`, rank: 0, kind: 'followup', f })),
    ...escalations.map((e): Entry => ({ when: `${e.date} 99:99`, rank: 2, kind: 'escalation', e })),
  ];
  return entries.sort((x, y) => x.when.localeCompare(y.when) || x.rank - y.rank);
}

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
  const [escalating, setEscalating] = useState<'约谈' | '通报' | null>(null);
  const [followupDate, setFollowupDate] = useState(addMonths(todayText(), 3));

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
  const { problem: p, history, followups, escalations } = data;
  // 反弹 is a 回头看's to make: no button for it.
  const next = PROBLEM_TRANSITIONS[p.status].filter((to) => !(p.status === REBOUND.from && to === REBOUND.to));
  const pendingFollowup = followups.find((f) => !f.doneDate);

  async function scheduleFollowup() {
    setBusy('followup');
    try {
      await call('followups.schedule', { problemIds: [id], dueDate: followupDate });
      notifyOk(`已安排${followupDate}回头看`);
      await reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(-1)}>返回</Button>
          <Title order={2}>问题 · {p.ownerName}</Title>
          {p.unitId && <Badge color="grape" variant="light">督政</Badge>}
          <ProblemStatus problem={p} />
          {p.rebounds > 0 && <Badge color="red" variant="outline">反弹{p.rebounds}次</Badge>}
          {p.talked && <Badge color="orange" variant="outline">已约谈</Badge>}
          {p.publicized && <Badge color="red" variant="outline">已通报</Badge>}
        </Group>
        <Group>
          {p.unitId && p.status !== '已销号' && (
            <>
              <ExportButton channel="documents.unitLetter" input={{ problemIds: [p.id], kind: '督导建议书', issuedDate: todayText() }} label="导出督导建议书" />
              <ExportButton channel="documents.unitLetter" input={{ problemIds: [p.id], kind: '协商函', issuedDate: todayText() }} label="导出协商函" />
            </>
          )}
          {p.schoolId && !p.noticeId && p.status !== '已销号' && (
            <Button variant="light" leftSection={<IconFileText size={16} />} onClick={() => setIssuing(true)}>开具整改通知书</Button>
          )}
          {p.schoolId && p.actor === '教育局科室' && (
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
          <Grid.Col span={4}><Field label={p.unitId ? '责任单位' : '学校'}>{p.ownerName}{p.zoneName ? `（${p.zoneName}）` : ''}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="问题类别">{p.category}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="整改责任方">{p.actor}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="问题来源">
            {p.source}
            {p.campaignId ? <>（<Anchor component={Link} to={`/campaigns/${p.campaignId}`} size="sm">{p.campaign}</Anchor>）</> : ''}
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
          {next.length === 0 ? (
            <Stack gap="xs">
              <Text size="sm" c="dimmed">问题已销号。回头看时如发现反弹，问题将重新进入整改。</Text>
              {pendingFollowup ? (
                <Text size="sm">已安排 {pendingFollowup.dueDate} 回头看，<Anchor component={Link} to="/problems/followups" size="sm">在「回头看」中登记结果</Anchor>。</Text>
              ) : (
                <Group align="flex-end">
                  <DateField label="回头看日期" w={200} value={followupDate} onChange={setFollowupDate} />
                  <Button variant="light" leftSection={<IconCalendarPlus size={16} />} loading={busy === 'followup'} onClick={() => void scheduleFollowup()}>安排回头看</Button>
                </Group>
              )}
            </Stack>
          ) : (
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
          <Group justify="space-between" mt="sm">
            <Title order={5}>整改过程</Title>
            <Group gap="xs">
              <Button size="xs" variant="subtle" color="orange" leftSection={<IconMessages size={14} />} onClick={() => setEscalating('约谈')}>登记约谈</Button>
              <Button size="xs" variant="subtle" color="red" leftSection={<IconSpeakerphone size={14} />} onClick={() => setEscalating('通报')}>登记通报</Button>
            </Group>
          </Group>
          <Timeline active={history.length + followups.length + escalations.length} bulletSize={16} lineWidth={2} aria-label="整改过程">
            {timeline(history, followups, escalations).map((t, i) => {
              if (t.kind === 'followup') {
                const f = t.f;
                return (
                  <Timeline.Item key={`f${f.id}`} color={f.result ? FOLLOWUP_RESULT_COLORS[f.result] : 'gray'} title={
                    <Group gap="xs"><Badge size="sm" variant="outline" color="teal">回头看</Badge>{f.result && <Badge size="sm" color={FOLLOWUP_RESULT_COLORS[f.result]}>{f.result}</Badge>}</Group>
                  }>
                    <Text size="sm">{f.doneDate ? `${f.supervisorName ?? ''}于${f.doneDate}回头看${f.note ? `：${f.note}` : ''}` : `计划于${f.dueDate}回头看${f.overdue ? '（已到期）' : ''}`}</Text>
                  </Timeline.Item>
                );
              }
              if (t.kind === 'escalation') {
                const e = t.e;
                return (
                  <Timeline.Item key={`e${e.id}`} color="orange" title={<Badge size="sm" color={e.kind === '约谈' ? 'orange' : 'red'}>{e.kind}</Badge>}>
                    <Text size="sm">{e.date}，{e.kind === '约谈' ? `约谈${e.target}` : `通报（${e.target}）`}{e.hosts ? `，${e.hosts}` : ''}{e.outcome ? `：${e.outcome}` : ''}</Text>
                  </Timeline.Item>
                );
              }
              const h = t.h;
              return (
                <Timeline.Item key={`h${i}`} title={
                  <Group gap="xs">
                    {h.fromStatus && <><Badge size="sm" variant="light" color={PROBLEM_STATUS_COLORS[h.fromStatus]}>{h.fromStatus}</Badge><Text size="sm">→</Text></>}
                    <Badge size="sm" color={PROBLEM_STATUS_COLORS[h.toStatus]}>{h.toStatus}</Badge>
                  </Group>
                }>
                  {h.note && <Text size="sm">{h.note}</Text>}
                  <Text size="xs" c="dimmed">{h.at} · {h.actor}</Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
        </Stack>
      </Paper>

      <ProblemForm opened={editing} problem={p} onClose={() => setEditing(false)} onSaved={() => { setEditing(false); void reload(); }} />
      <EscalationForm opened={escalating !== null} escalation={null} kind={escalating ?? '约谈'} problems={[p]}
        onClose={() => setEscalating(null)} onSaved={() => { setEscalating(null); void reload(); }} />
      <NoticeIssueForm opened={issuing} schoolId={p.schoolId ?? undefined} problemIds={[p.id]} onClose={() => setIssuing(false)}
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
