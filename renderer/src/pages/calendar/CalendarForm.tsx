import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { calendarFields, type Calendar } from '../../../../shared/schemas/calendar';
import { PERIOD_KINDS } from '../../../../shared/vocab';
import { MonthField } from '../../components/DateFields';

type Kind = (typeof PERIOD_KINDS)[number];
interface FormState { title: string; periodKind: Kind; startMonth: string; endMonth: string; notes: string }

/** The usual range of each kind of plan, starting from the current school year. */
function defaults(kind: Kind): Omit<FormState, 'notes' | 'periodKind'> {
  const now = new Date();
  const y = now.getMonth() + 1 >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  if (kind === '自然年') {
    const n = now.getFullYear();
    return { title: `${n}年教育督导工作行事历`, startMonth: `${n}-01`, endMonth: `${n}-12` };
  }
  if (kind === '学期') {
    return { title: `${y}—${y + 1}学年第一学期教育督导工作行事历`, startMonth: `${y}-09`, endMonth: `${y + 1}-01` };
  }
  return { title: `${y}—${y + 1}学年教育督导工作行事历`, startMonth: `${y}-09`, endMonth: `${y + 1}-08` };
}

const FIELDS = ['title', 'periodKind', 'startMonth', 'endMonth', 'notes'] as const;

/** Create or edit a 行事历: title, kind and its range of months. */
export function CalendarForm({ opened, calendar, onClose, onSaved }: {
  opened: boolean;
  /** null: a new calendar. */
  calendar: Calendar | null;
  onClose: () => void;
  onSaved: (c: Calendar) => void;
}) {
  const [f, setF] = useState<FormState>({ ...defaults('学年'), periodKind: '学年', notes: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(calendar
      ? { title: calendar.title, periodKind: calendar.periodKind, startMonth: calendar.startMonth, endMonth: calendar.endMonth, notes: calendar.notes ?? '' }
      : { ...defaults('学年'), periodKind: '学年', notes: '' });
  }, [opened, calendar]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };
  // A new plan's range (and title) follow its kind until the user edits them.
  const setKind = (kind: Kind) => setF((old) => (calendar ? { ...old, periodKind: kind } : { ...old, ...defaults(kind), periodKind: kind }));

  async function save() {
    const parsed = calendarFields.safeParse(f);
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const saved = await call('calendars.save', { id: calendar?.id, fields: parsed.data });
      notifyOk(calendar ? `已保存行事历「${saved.title}」` : `已新建行事历「${saved.title}」`);
      onSaved(saved);
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={calendar ? '编辑行事历' : '新建行事历'} size="lg" centered>
      <Stack gap="sm">
        <Select label="周期" data={[...PERIOD_KINDS]} value={f.periodKind} allowDeselect={false}
          onChange={(v) => v && setKind(v as Kind)} error={errors.periodKind || undefined} />
        <TextInput label="标题" withAsterisk value={f.title} error={errors.title || undefined}
          onChange={(e) => set('title', e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <MonthField label="开始月份" withAsterisk clearable={false} value={f.startMonth} error={errors.startMonth || undefined}
            onChange={(v) => set('startMonth', v)} />
          <MonthField label="结束月份" withAsterisk clearable={false} value={f.endMonth} error={errors.endMonth || undefined}
            onChange={(v) => set('endMonth', v)} />
        </SimpleGrid>
        <Textarea label="备注" autosize minRows={2} value={f.notes} error={errors.notes || undefined}
          onChange={(e) => set('notes', e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
