import { useEffect, useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { fieldErrors, showSaveError } from '../../lib/forms';
import {
  calendarFields, defaultCalendarTitle, periodMonths, schoolYearOf, schoolYearText, termOf, type Calendar, type PeriodKind,
} from '../../../../shared/schemas/calendar';
import { PERIOD_KINDS } from '../../../../shared/vocab';
import { thisMonth } from '../../../../shared/dates';
import { DateField, MonthField } from '../../components/DateFields';

interface FormState {
  periodKind: PeriodKind;
  /** The school year's first year (2026 for 2026—2027); the natural year is `year`. */
  schoolYear: number; term: 1 | 2; year: number;
  title: string; startMonth: string; endMonth: string; weekOne: string; notes: string;
}

type Period = Pick<FormState, 'periodKind' | 'schoolYear' | 'term' | 'year'>;
/** The period's usual months, title and first week (1 September for the first term and the school year). */
function periodDefaults(f: Period): Pick<FormState, 'title' | 'startMonth' | 'endMonth' | 'weekOne'> {
  const months = periodMonths(f.periodKind, f.periodKind === '自然年' ? f.year : f.schoolYear, f.term);
  const title = defaultCalendarTitle({ periodKind: f.periodKind, schoolYear: f.periodKind === '自然年' ? null : f.schoolYear, term: f.term, ...months });
  const weekOne = f.periodKind !== '自然年' && (f.periodKind === '学年' || f.term === 1) ? `${f.schoolYear}-09-01` : '';
  return { ...months, title, weekOne };
}

/** A new calendar starts as the term now under way. */
function fresh(): FormState {
  const m = thisMonth();
  const base = { periodKind: '学期' as const, schoolYear: schoolYearOf(m), term: termOf(m), year: Number(m.slice(0, 4)) };
  return { ...base, ...periodDefaults(base), notes: '' };
}

const FIELDS = ['periodKind', 'schoolYear', 'term', 'title', 'startMonth', 'endMonth', 'weekOne', 'notes'] as const;

/** Create or edit a 行事历: its 学年 and 学期 (or natural year), title, months and first week. */
export function CalendarForm({ opened, calendar, onClose, onSaved }: {
  opened: boolean;
  /** null: a new calendar. */
  calendar: Calendar | null;
  onClose: () => void;
  onSaved: (c: Calendar) => void;
}) {
  const [f, setF] = useState<FormState>(fresh);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(calendar ? {
      periodKind: calendar.periodKind, schoolYear: calendar.schoolYear ?? schoolYearOf(calendar.startMonth), term: (calendar.term ?? termOf(calendar.startMonth)),
      year: Number(calendar.startMonth.slice(0, 4)),
      title: calendar.title, startMonth: calendar.startMonth, endMonth: calendar.endMonth, weekOne: calendar.weekOne ?? '', notes: calendar.notes ?? '',
    } : fresh());
  }, [opened, calendar]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };
  // The title, months and first week follow the period while they are still the period's own.
  const setPeriod = (change: Partial<Period>) => setF((old) => {
    const next = { ...old, ...change };
    const was = periodDefaults(old);
    const now = periodDefaults(next);
    const follow = <K extends keyof typeof now>(k: K) => (old[k] === was[k] || (k === 'title' && !old.title) ? now[k] : old[k]);
    return { ...next, title: follow('title'), startMonth: follow('startMonth'), endMonth: follow('endMonth'), weekOne: follow('weekOne') };
  });

  async function save() {
    const parsed = calendarFields.safeParse({
      ...f, schoolYear: f.periodKind === '自然年' ? null : f.schoolYear, term: f.periodKind === '学期' ? f.term : null,
    });
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

  const base = schoolYearOf(thisMonth());
  const years = Array.from({ length: 7 }, (_, i) => base - 3 + i);
  if (!years.includes(f.schoolYear)) years.push(f.schoolYear);
  return (
    <Modal opened={opened} onClose={onClose} title={calendar ? '编辑行事历' : '新建行事历'} size="lg" centered>
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <Select label="周期" data={[...PERIOD_KINDS]} value={f.periodKind} allowDeselect={false}
            onChange={(v) => v && setPeriod({ periodKind: v as PeriodKind })} error={errors.periodKind || undefined} />
          {f.periodKind === '自然年' ? (
            <Select label="年份" data={[...new Set([...years, f.year])].sort((x, y) => x - y).map((y) => ({ value: String(y), label: `${y}年` }))}
              value={String(f.year)} allowDeselect={false} onChange={(v) => v && setPeriod({ year: Number(v) })} />
          ) : (
            <Select label="学年" data={years.sort((x, y) => x - y).map((y) => ({ value: String(y), label: `${schoolYearText(y)}学年` }))}
              value={String(f.schoolYear)} allowDeselect={false} onChange={(v) => v && setPeriod({ schoolYear: Number(v) })}
              error={errors.schoolYear || undefined} />
          )}
          {f.periodKind === '学期' && (
            <div>
              <Text size="sm" fw={500} mb={4}>学期</Text>
              <SegmentedControl fullWidth aria-label="学期" value={String(f.term)} onChange={(v) => setPeriod({ term: Number(v) as 1 | 2 })}
                data={[{ value: '1', label: '第一学期' }, { value: '2', label: '第二学期' }]} />
            </div>
          )}
        </SimpleGrid>
        <TextInput label="标题" withAsterisk value={f.title} error={errors.title || undefined}
          description="导出时前面加上督导室名称，如“××区教育督导室2026—2027学年第一学期督导工作行事历”"
          onChange={(e) => set('title', e.currentTarget.value)} />
        <SimpleGrid cols={3}>
          <MonthField label="开始月份" withAsterisk clearable={false} value={f.startMonth} error={errors.startMonth || undefined}
            onChange={(v) => set('startMonth', v)} />
          <MonthField label="结束月份" withAsterisk clearable={false} value={f.endMonth} error={errors.endMonth || undefined}
            onChange={(v) => set('endMonth', v)} />
          <DateField label="第1周" value={f.weekOne} error={errors.weekOne || undefined} placeholder="开学第一周的任意一天"
            description="用来把“第N周”换算成日期" onChange={(v) => set('weekOne', v)} />
        </SimpleGrid>
        <Textarea label="备注" autosize minRows={2} value={f.notes} error={errors.notes || undefined} description="导出时印在表格下方"
          onChange={(e) => set('notes', e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
