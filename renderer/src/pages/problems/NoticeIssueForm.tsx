import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { useChoices } from '../../lib/options';
import { ProblemStatus } from '../../components/ProblemStatus';
import type { Notice, Problem } from '../../../../shared/schemas/problem';
import { addDays, todayText } from '../../../../shared/dates';
import { DateField } from '../../components/DateFields';
import { namePicker } from '../../components/name-options';

const FIELDS = ['schoolId', 'problemIds', 'issuedDate', 'deadlineDays', 'requirement'];

/** 开具整改通知书: choose a school, tick its open problems not yet on a notice, set the deadline in days. */
export function NoticeIssueForm({ opened, onClose, onIssued, schoolId: initialSchool, problemIds: initialProblems }: {
  opened: boolean;
  onClose: () => void;
  onIssued: (n: Notice) => void;
  schoolId?: number;
  problemIds?: number[];
}) {
  const choices = useChoices();
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [issuedDate, setIssuedDate] = useState(todayText());
  const [days, setDays] = useState<number | string>(30);
  const [requirement, setRequirement] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setSchoolId(initialSchool ? String(initialSchool) : null);
    setPicked((initialProblems ?? []).map(String));
    setIssuedDate(todayText());
    setDays(30);
    setRequirement('请你校高度重视，对照问题逐项整改，并于整改期限内将整改报告（附佐证材料）报送督导室。');
    setErrors({});
  }, [opened]);

  // The school's problems that may go on a notice: open, and on no notice yet.
  const [rows, setRows] = useState<Problem[] | null>(null);
  useEffect(() => {
    setRows(null);
    if (!opened || !schoolId) return;
    let live = true;
    call('problems.list', { schoolId: Number(schoolId), limit: 500, sort: 'raisedAt', dir: 'asc' })
      .then((p) => { if (live) setRows(p.rows.filter((x) => !x.noticeId && x.status !== '已销号')); })
      .catch((e: unknown) => { if (live) { setRows([]); notifyError(e); } });
    return () => { live = false; };
  }, [opened, schoolId]);
  const open = rows ?? [];

  async function issue() {
    if (!schoolId) { setErrors({ schoolId: '请选择学校' }); return; }
    setBusy(true);
    try {
      const n = await call('notices.issue', {
        schoolId: Number(schoolId), problemIds: picked.map(Number), issuedDate, deadlineDays: Number(days), requirement,
      });
      notifyOk(`已开具整改通知书${n.numberText}`);
      onIssued(n);
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="开具整改通知书" size="xl">
      <Stack gap="sm">
        <Select label="学校" required searchable data={choices.schools} {...namePicker} value={schoolId} error={errors.schoolId}
          onChange={(v) => { setSchoolId(v); setPicked([]); setErrors({}); }} nothingFoundMessage="没有匹配的学校" />
        {schoolId && (
          <Checkbox.Group label="列入通知书的问题" description="只列出这所学校尚未开具通知书、未销号的问题" value={picked}
            onChange={(v) => { setPicked(v); setErrors({}); }} error={errors.problemIds}>
            <Stack gap={6} mt={6}>
              {open.map((p) => (
                <Checkbox key={p.id} value={String(p.id)} label={
                  <Group gap="xs" wrap="nowrap"><Text size="sm">{p.raisedAt}【{p.category}】{p.description}</Text><ProblemStatus problem={p} /></Group>
                } />
              ))}
              {rows && open.length === 0 && <Alert color="gray">这所学校没有待开具通知书的问题。</Alert>}
            </Stack>
          </Checkbox.Group>
        )}
        <SimpleGrid cols={3}>
          <DateField label="下发日期" required value={issuedDate} error={errors.issuedDate} onChange={setIssuedDate} />
          <NumberInput label="整改期限（天）" required min={1} max={365} value={days} error={errors.deadlineDays} onChange={setDays} />
          <TextInput label="整改截止日期" readOnly value={addDays(issuedDate, Number(days) || 0)} variant="filled" />
        </SimpleGrid>
        <Textarea label="整改要求" autosize minRows={2} value={requirement} error={errors.requirement} onChange={(e) => setRequirement(e.currentTarget.value)} />
        <Text size="xs" c="dimmed">通知书按下发年份顺序编号（如〔2025〕第12号）；开具后，待整改的问题转为「整改中」。</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} disabled={!picked.length} onClick={() => void issue()}>开具通知书</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
