import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text,
  Textarea, Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { ExportButton } from '../../components/ExportButton';
import { showSaveError } from '../../lib/forms';
import { Attachments, type StoredFile } from '../../components/Attachments';
import { useChoices } from '../../lib/options';
import { ProblemStatus, overdueRow } from '../../components/ProblemStatus';
import { noticeStage } from './NoticeList';
import type { Notice } from '../../../../shared/schemas/problem';
import { todayText } from '../../../../shared/dates';
import { DateField } from '../../components/DateFields';
import { SupervisorPicker } from '../../components/SupervisorPicker';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} component="div">{children || '—'}</Text>
    </Stack>
  );
}

/** The school's 整改报告: problems 整改中 move to 待回查. A new report (after 退回) replaces the old. */
function ReportForm({ notice, onSaved }: { notice: Notice; onSaved: () => void }) {
  const [date, setDate] = useState(todayText());
  const [text, setText] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    setErrors({});
    try {
      await call('notices.report', { id: notice.id, reportDate: date, reportText: text, files: files.map(({ hash, fileName }) => ({ hash, fileName })) });
      notifyOk('整改报告已登记，问题转为「待回查」');
      setText('');
      setFiles([]);
      onSaved();
    } catch (e) {
      showSaveError(e, ['reportDate', 'reportText', 'files'], setErrors);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      <DateField label="报告日期" w={200} value={date} error={errors.reportDate} onChange={setDate} />
      <Textarea label="整改报告" required autosize minRows={3} value={text} error={errors.reportText} onChange={(e) => setText(e.currentTarget.value)}
        placeholder="学校报送的整改情况：采取的措施、完成情况" />
      <Attachments files={files} onChange={setFiles} photos={false} label="报告附件" />
      {errors.files && <Text c="red" size="sm">{errors.files}</Text>}
      <Group justify="flex-end"><Button loading={busy} onClick={() => void save()}>登记整改报告</Button></Group>
    </Stack>
  );
}

/** A 回查: 通过 closes the problems awaiting it; 未通过 returns them to 整改中 (退回). */
function RecheckForm({ notice, onSaved }: { notice: Notice; onSaved: () => void }) {
  const choices = useChoices();
  const [date, setDate] = useState(todayText());
  const [supervisorId, setSupervisorId] = useState<string | null>(null);
  const [result, setResult] = useState('通过');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (notice.reportDate && notice.reportDate > date) setDate(notice.reportDate); }, [notice.reportDate]);
  // The school's 责任督学 re-checks unless someone else is chosen (as the visit form fills the visit's 督学).
  useEffect(() => {
    let live = true;
    call('schools.get', { id: notice.schoolId }).then((s) => {
      const assigned = s.supervisors.find((x) => x.role === '责任督学') ?? s.supervisors[0];
      if (live && assigned) setSupervisorId((chosen) => chosen ?? String(assigned.supervisorId));
    }, () => undefined);
    return () => { live = false; };
  }, [notice.schoolId]);
  async function save() {
    if (!supervisorId) { setErrors({ supervisorId: '请选择回查督学' }); return; }
    setBusy(true);
    setErrors({});
    try {
      await call('notices.recheck', { noticeId: notice.id, date, supervisorId: Number(supervisorId), result: result as '通过', note });
      notifyOk(result === '通过' ? '回查通过，问题已销号' : '回查未通过，问题已退回整改');
      setNote('');
      onSaved();
    } catch (e) {
      showSaveError(e, ['date', 'supervisorId', 'result', 'note'], setErrors);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      <SimpleGrid cols={3}>
        <DateField label="回查日期" value={date} error={errors.date} onChange={setDate} />
        <SupervisorPicker label="回查督学" required options={choices.supervisors} value={supervisorId} error={errors.supervisorId}
          onChange={(v) => { setSupervisorId(v); setErrors({}); }} />
        <div>
          <Text size="sm" fw={500} mb={4}>回查结果</Text>
          <SegmentedControl aria-label="回查结果" value={result} onChange={setResult} data={['通过', '未通过']} color={result === '通过' ? 'green' : 'orange'} />
        </div>
      </SimpleGrid>
      <Textarea label="回查情况" autosize minRows={2} value={note} error={errors.note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group justify="flex-end"><Button color={result === '通过' ? 'green' : 'orange'} loading={busy} onClick={() => void save()}>登记回查</Button></Group>
    </Stack>
  );
}

/** One 整改通知书: its problems, the school's report and the re-checks, with forms for the next step. */
export function NoticeDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: n, error, loading, reload } = useApi('notices.get', { id });
  if (error) return <Alert color="red" title="无法打开整改通知书">{error}</Alert>;
  if (loading && !n) return <Loader />;
  if (!n) return null;
  const stage = noticeStage(n);
  const fixing = n.problems.some((p) => p.status === '整改中' || p.status === '待整改');
  const waiting = n.problems.some((p) => p.status === '待回查');

  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate(-1)}>返回</Button>
          <Title order={2}>整改通知书 {n.numberText}</Title>
          <Badge size="lg" variant="light" color={stage.color}>{stage.label}</Badge>
          {n.overdue && <Badge size="lg" color="red">逾期</Badge>}
        </Group>
        <ExportButton channel="documents.notice" input={{ id }} label="导出通知书（Word）" />
      </Group>
      {n.overdue && <Alert color="red" title="已逾期">整改期限 {n.deadlineDate} 已过，仍有问题未销号。</Alert>}

      <Paper withBorder p="md">
        <Grid>
          <Grid.Col span={4}><Field label="学校"><Anchor component={Link} to={`/problems?schoolId=${n.schoolId}`}>{n.schoolName}</Anchor></Field></Grid.Col>
          <Grid.Col span={4}><Field label="下发日期">{n.issuedDate}</Field></Grid.Col>
          <Grid.Col span={4}><Field label="整改期限"><Text span c={n.overdue ? 'red' : undefined} fw={n.overdue ? 700 : undefined}>{n.deadlineDays}天（至 {n.deadlineDate}）</Text></Field></Grid.Col>
          <Grid.Col span={12}><Field label="整改要求">{n.requirement}</Field></Grid.Col>
        </Grid>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="xs">通知书所列问题（{n.problems.length}）</Title>
        <Table aria-label="通知书所列问题" verticalSpacing="xs">
          <Table.Thead><Table.Tr><Table.Th w={60} style={{ whiteSpace: 'nowrap' }}>序号</Table.Th><Table.Th>类别</Table.Th><Table.Th>问题描述</Table.Th><Table.Th>销号日期</Table.Th><Table.Th>状态</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {n.problems.map((p, i) => (
              <Table.Tr key={p.id} style={overdueRow(p.overdue)}>
                <Table.Td>{i + 1}</Table.Td>
                <Table.Td><Text size="xs">{p.category}</Text></Table.Td>
                <Table.Td><Anchor component={Link} to={`/problems/${p.id}`} size="sm">{p.description}</Anchor></Table.Td>
                <Table.Td><Text size="sm">{p.closedAt ?? '—'}</Text></Table.Td>
                <Table.Td><ProblemStatus problem={p} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>整改报告</Title>
          {n.reportText ? (
            <Stack gap="xs">
              <Field label={`报告日期 ${n.reportDate}`}>{n.reportText}</Field>
              {n.reportFiles.length > 0 && <Attachments files={n.reportFiles.map((f) => ({ ...f, kind: 'file' as const }))} photos={false} label="报告附件" />}
            </Stack>
          ) : <Text size="sm" c="dimmed">学校尚未报送整改报告。</Text>}
          {fixing && (
            <Paper withBorder p="sm" bg="gray.0">
              <Text fw={600} size="sm" mb="xs">{n.reportText ? '登记新的整改报告（退回后学校重新报送）' : '登记学校的整改报告'}</Text>
              <ReportForm notice={n} onSaved={() => void reload()} />
            </Paper>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>回查</Title>
          {n.rechecks.length === 0 ? <Text size="sm" c="dimmed">还没有回查记录。</Text> : (
            <Table aria-label="回查记录">
              <Table.Thead><Table.Tr><Table.Th>日期</Table.Th><Table.Th>督学</Table.Th><Table.Th>结果</Table.Th><Table.Th>回查情况</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {n.rechecks.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.date}</Table.Td>
                    <Table.Td>{r.supervisorName}</Table.Td>
                    <Table.Td><Badge color={r.result === '通过' ? 'green' : 'orange'} variant="light">{r.result}</Badge></Table.Td>
                    <Table.Td><Text size="sm">{r.note ?? '—'}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {waiting ? (
            <Paper withBorder p="sm" bg="gray.0"><RecheckForm notice={n} onSaved={() => void reload()} /></Paper>
          ) : stage.label !== '已销号' && <Text size="sm" c="dimmed">登记学校的整改报告后，才能登记回查。</Text>}
        </Stack>
      </Paper>
    </Stack>
  );
}
