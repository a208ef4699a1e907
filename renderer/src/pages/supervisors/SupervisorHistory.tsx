import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Timeline,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { DateField } from '../../components/DateFields';
import { fieldErrors } from '../../lib/forms';
import { todayText } from '../../../../shared/dates';
import { APPOINTMENT_CHANGE_KINDS } from '../../../../shared/vocab';
import { appointmentRecord, type HistoryEntry } from '../../../../shared/schemas/assessment';
import type { Supervisor } from '../../../../shared/schemas/supervisor';

const COLORS: Record<HistoryEntry['kind'], string> = { 续聘: 'green', 解聘: 'gray', 调整: 'blue', 考核: 'grape' };

/** Record a 续聘, 解聘 or 调整: it changes the register and is kept in the history. */
function RecordChange({ s, categories, onDone }: { s: Supervisor; categories: string[]; onDone(): void }) {
  const [kind, setKind] = useState<string>('续聘');
  const [f, setF] = useState({ date: todayText(), termStart: '', termEnd: '', category: '', letterNo: '', note: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f, v: string) => { setF((o) => ({ ...o, [k]: v })); setErrors({}); };

  async function save() {
    const parsed = appointmentRecord.safeParse({ supervisorId: s.id, kind, ...f });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const e = await call('appointments.record', parsed.data);
      notifyOk(`已记录：${e.title}`);
      setF({ date: todayText(), termStart: '', termEnd: '', category: '', letterNo: '', note: '' });
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>记录聘任变动</Text>
        <SimpleGrid cols={3}>
          <Select label="变动类型" data={[...APPOINTMENT_CHANGE_KINDS]} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v)} />
          <DateField label="日期" value={f.date} onChange={(v) => set('date', v)} clearable={false} error={errors.date} />
          {kind === '续聘' && <TextInput label="聘书编号" value={f.letterNo} onChange={(e) => set('letterNo', e.currentTarget.value)} />}
          {kind === '调整' && <Select label="新的类别" data={categories.filter((c) => c !== s.category)} value={f.category || null} clearable
            onChange={(v) => set('category', v ?? '')} error={errors.category} />}
        </SimpleGrid>
        {kind === '续聘' && (
          <SimpleGrid cols={3}>
            <DateField label="新聘期起始" value={f.termStart} onChange={(v) => set('termStart', v)} />
            <DateField label="新聘期截止" value={f.termEnd} onChange={(v) => set('termEnd', v)} error={errors.termEnd} />
          </SimpleGrid>
        )}
        <TextInput label="说明" value={f.note} onChange={(e) => set('note', e.currentTarget.value)}
          placeholder={kind === '解聘' ? '如：本人申请、考核不合格' : kind === '调整' ? '如：调入督导室工作' : '如：2025年度考核优秀，续聘'} />
        <Group justify="flex-end"><Button size="sm" loading={busy} onClick={save}>记录{kind}</Button></Group>
        <Text size="xs" c="dimmed">续聘更新聘任起止和聘任状态（在聘），解聘把聘任状态改为解聘，调整更新类别；每次变动都记入履历。</Text>
      </Stack>
    </Paper>
  );
}

/** 履历: appointment changes and finished 考核 side by side, newest first, and each year's training. */
export function SupervisorHistory({ s, categories, onChanged }: { s: Supervisor; categories: string[]; onChanged(): void }) {
  const history = useApi('supervisors.history', { id: s.id });
  const h = history.data;
  async function remove(e: HistoryEntry) {
    try {
      await call('appointments.delete', { id: e.appointmentId! });
      notifyOk('已将这条聘任变动移入回收站（督学的聘任信息不变）。');
      void history.reload();
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <Stack gap="md">
      {history.error && <Alert color="red" title="无法读取履历">{history.error}</Alert>}
      {h && h.entries.length === 0 && <Text size="sm" c="dimmed">还没有聘任变动和考核结果。</Text>}
      {h && h.entries.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} aria-label="督学履历">
          {h.entries.map((e, i) => (
            <Timeline.Item key={`${e.kind}-${e.appointmentId ?? e.assessmentId}-${i}`} color={COLORS[e.kind]}
              title={<Group gap="xs"><Badge color={COLORS[e.kind]} variant="light">{e.kind}</Badge><Text size="sm" fw={600}>{e.title}</Text></Group>}>
              <Group gap="xs">
                <Text size="xs" c="dimmed">{e.date}</Text>
                {e.detail && <Text size="sm">{e.detail}</Text>}
                {e.assessmentId && <Anchor component={Link} to={`/assessments/${e.assessmentId}`} size="xs">查看考核</Anchor>}
                {e.appointmentId && <ActionIcon size="xs" variant="subtle" color="red" aria-label={`删除${e.title}`} onClick={() => void remove(e)}><IconTrash size={12} /></ActionIcon>}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <RecordChange s={s} categories={categories} onDone={() => { void history.reload(); onChanged(); }} />
      {h && h.years.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>培训和会议</Text>
          <Table withTableBorder fz="sm" aria-label="历年培训和会议">
            <Table.Thead><Table.Tr><Table.Th>年度</Table.Th><Table.Th>出席 / 应参加</Table.Th><Table.Th>学时</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {h.years.map((y) => (
                <Table.Tr key={y.year}>
                  <Table.Td><Anchor component={Link} to={`/trainings?year=${y.year}&supervisorId=${s.id}`} size="sm">{y.year}年</Anchor></Table.Td>
                  <Table.Td>{y.present} / {y.recorded}</Table.Td><Table.Td>{y.hours}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
