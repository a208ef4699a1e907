import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title,
} from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { useChoices } from '../../lib/options';
import { DateField } from '../../components/DateFields';
import { SupervisorPicker } from '../../components/SupervisorPicker';
import { FOLLOWUP_RESULT_COLORS } from '../../lib/status-colors';
import { overdueRow } from '../../components/ProblemStatus';
import type { Input } from '../../../../shared/contract';
import type { Followup } from '../../../../shared/schemas/oversight';
import { FOLLOWUP_RESULTS } from '../../../../shared/vocab';
import { addDays, todayText } from '../../../../shared/dates';
import { ProblemTabs } from './ProblemTabs';

/** 回头看 of the problems a query names: pending first (overdue in red), each recorded from its row. */
export function FollowupTable({ query, onChanged }: { query: Input<'followups.list'>; onChanged?: () => void }) {
  const got = useApi('followups.list', query);
  const [recording, setRecording] = useState<Followup | null>(null);
  if (got.error) return <Alert color="red" title="无法读取回头看">{got.error}</Alert>;
  return (
    <Paper withBorder>
      <Table aria-label="回头看" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>回头看日期</Table.Th><Table.Th w={170}>学校（单位）</Table.Th><Table.Th>问题</Table.Th><Table.Th w={110}>专项督导</Table.Th>
            <Table.Th w={100}>销号日期</Table.Th><Table.Th w={220}>结果</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {got.data?.map((f) => (
            <Table.Tr key={f.id} style={overdueRow(f.overdue)} data-overdue={f.overdue || undefined}>
              <Table.Td><Text size="sm">{f.doneDate ?? f.dueDate}</Text>{!f.doneDate && <Text size="xs" c={f.overdue ? 'red' : 'dimmed'}>{f.overdue ? '已到期' : '计划'}</Text>}</Table.Td>
              <Table.Td><Text size="sm">{f.ownerName}</Text></Table.Td>
              <Table.Td><Anchor component={Link} to={`/problems/${f.problemId}`} size="sm">{f.problem}</Anchor></Table.Td>
              <Table.Td><Text size="xs">{f.campaignName ?? '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{f.closedAt ?? '—'}</Text></Table.Td>
              <Table.Td>
                {f.result ? (
                  <Group gap={4}>
                    <Badge color={FOLLOWUP_RESULT_COLORS[f.result]}>{f.result}</Badge>
                    <Text size="xs" c="dimmed">{f.supervisorName}</Text>
                  </Group>
                ) : (
                  <Button size="xs" variant="light" disabled={f.problemStatus !== '已销号'} onClick={() => setRecording(f)}
                    aria-label={`登记回头看：${f.problem}`}>登记回头看</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {got.data?.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">没有回头看。问题销号后可在问题页面安排回头看；专项督导可设定销号后自动安排。</Text>}
      <RecordForm followup={recording} onClose={() => setRecording(null)}
        onSaved={() => { setRecording(null); void got.reload(); onChanged?.(); }} />
    </Paper>
  );
}

/** 登记回头看: who, when, 巩固 or 反弹 (with the new deadline). */
function RecordForm({ followup, onClose, onSaved }: { followup: Followup | null; onClose: () => void; onSaved: () => void }) {
  const choices = useChoices();
  const [date, setDate] = useState(todayText());
  const [supervisor, setSupervisor] = useState<string | null>(null);
  const [result, setResult] = useState<string>('巩固');
  const [note, setNote] = useState('');
  const [reworkDue, setReworkDue] = useState(addDays(todayText(), 30));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!followup) return;
    setDate(todayText()); setResult('巩固'); setNote(''); setReworkDue(addDays(todayText(), 30));
  }, [followup]);
  async function save() {
    setBusy(true);
    try {
      await call('followups.record', { id: followup!.id, doneDate: date, supervisorId: Number(supervisor), result: result as '巩固',
        note, reworkDue: result === '反弹' ? reworkDue : null });
      notifyOk(result === '反弹' ? '已登记反弹：问题重新进入整改' : '已登记回头看：整改成果巩固');
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={!!followup} onClose={onClose} title="登记回头看" size="lg">
      <Stack gap="sm">
        <Text size="sm">{followup?.ownerName}：{followup?.problem}</Text>
        <Group grow>
          <DateField label="回头看日期" required value={date} onChange={setDate} />
          <SupervisorPicker label="回头看督学" required options={choices.supervisors} value={supervisor} onChange={setSupervisor} placeholder="选择督学" />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>回头看结果</Text>
          <SegmentedControl aria-label="回头看结果" data={[...FOLLOWUP_RESULTS]} value={result} onChange={setResult} color={result === '反弹' ? 'red' : 'green'} />
        </Stack>
        {result === '反弹' && (
          <DateField label="重新整改期限" required value={reworkDue} onChange={setReworkDue}
            description="问题将重新进入「整改中」，按这个期限计算是否逾期" />
        )}
        <Textarea label="回头看情况" autosize minRows={3} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} disabled={!supervisor} color={result === '反弹' ? 'red' : undefined} onClick={() => void save()}>登记</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 问题整改 · 回头看: every 回头看, pending or recorded. */
export function FollowupsPage() {
  const [state, setState] = useState<string>('待回头看');
  return (
    <Stack gap="md">
      <Title order={2}>问题整改</Title>
      <ProblemTabs />
      <Group justify="space-between">
        <SegmentedControl aria-label="回头看状态" data={['待回头看', '已回头看', '全部']} value={state} onChange={setState} />
        <Text size="sm" c="dimmed">回头看在问题销号后进行：巩固则保持销号，反弹则问题重新整改，并记入问题的整改过程。</Text>
      </Group>
      <FollowupTable query={state === '全部' ? {} : { state: state as '待回头看' }} />
    </Stack>
  );
}
