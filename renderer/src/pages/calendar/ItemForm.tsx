import { useEffect, useState } from 'react';
import { Autocomplete, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { calendarItemFields, monthsBetween, type Calendar, type CalendarItem } from '../../../../shared/schemas/calendar';
import { datesText, itemSpan, parseTiming, spanText } from '../../../../shared/calendar-timing';
import { CALENDAR_ITEM_CATEGORIES, CALENDAR_ITEM_STATUSES } from '../../../../shared/vocab';
import { dateInWords, monthLabel } from '../../../../shared/dates';
import { namePicker, schoolOption } from '../../components/name-options';

interface FormState {
  month: string; endMonth: string | null; number: string; content: string; category: string | null; timing: string; lead: string;
  partners: string; schoolIds: string[]; status: string; statusNote: string; note: string;
}

const FIELDS = ['month', 'endMonth', 'number', 'content', 'category', 'timing', 'startDate', 'lead', 'partners', 'schoolIds', 'status',
  'statusNote', 'note'] as const;

/** What the timing means, as the archive will read it: its days and the months the item then covers. */
function timingHint(c: Calendar, f: FormState): { text: string; error?: boolean } | null {
  if (!f.timing.trim()) return null;
  const r = parseTiming(f.timing, { months: monthsBetween(c.startMonth, c.endMonth), month: f.month, weekOne: c.weekOne });
  if (!r.ok) return { text: r.error, error: true };
  const span = itemSpan(f.month, f.endMonth, r.timing);
  if (!span.ok) return { text: `${span.error}：请改正时间，或改选月份`, error: true };
  const t = r.timing;
  const days = t.start && t.end ? (t.start === t.end ? dateInWords(t.start) : `${dateInWords(t.start)}至${dateInWords(t.end).slice(5)}`)
    : t.end ? `${dateInWords(t.end)}前` : t.weekUnknown ? '行事历未填“第1周”，暂不能换算为日期' : '不定具体日期';
  const runs = span.endMonth !== span.month ? `，跨${spanText(span.month, span.endMonth)}` : '';
  return { text: `即${days}${runs}` };
}

/** Add or edit one item: its months, own number, timing, 牵头 and 配合, schools and 完成情况. */
export function ItemForm({ opened, calendar, month, item, units, onClose, onSaved }: {
  opened: boolean;
  calendar: Calendar;
  /** The month a new item goes to. */
  month: string;
  /** null: a new item. */
  item: CalendarItem | null;
  /** Units already named in this calendar, offered for 牵头 and 配合. */
  units: string[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const months = monthsBetween(calendar.startMonth, calendar.endMonth);
  const [f, setF] = useState<FormState>(() => blank(month));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(item ? {
      month: item.month, endMonth: item.endMonth !== item.month ? item.endMonth : null, number: item.number ?? '', content: item.content,
      category: item.category, timing: item.timing ?? datesText(item.startDate, item.endDate) ?? '', lead: item.lead ?? '',
      partners: item.partners ?? '', schoolIds: item.schoolIds.map(String), status: item.status, statusNote: item.statusNote ?? '', note: item.note ?? '',
    } : blank(month));
  }, [opened, item, month]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };

  async function save() {
    const parsed = calendarItemFields.safeParse({ ...f, calendarId: calendar.id, schoolIds: f.schoolIds.map(Number) });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      // The table shows the saved row at once: no notification needed.
      await call('calendarItems.save', { id: item?.id, fields: parsed.data });
      onSaved();
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  const hint = timingHint(calendar, f);
  const monthOptions = months.map((m) => ({ value: m, label: monthLabel(m) }));
  return (
    <Modal opened={opened} onClose={onClose} title={item ? `编辑事项：${monthLabel(item.month)} ${item.numberText}` : `添加事项：${monthLabel(month)}`} size="lg" centered>
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap">
          <TextInput label="编号" w={90} value={f.number} placeholder={item ? `${item.seq}.` : '自动'} error={errors.number || undefined}
            onChange={(e) => set('number', e.currentTarget.value)} />
          <Textarea label="工作内容" withAsterisk autosize minRows={2} style={{ flex: 1 }} value={f.content} error={errors.content || undefined}
            onChange={(e) => set('content', e.currentTarget.value)} />
        </Group>
        <SimpleGrid cols={3}>
          <Select label="月份" data={monthOptions} value={f.month} allowDeselect={false}
            onChange={(v) => v && set('month', v)} error={errors.month || undefined} />
          <Select label="延续到" placeholder="不跨月" clearable data={monthOptions.filter((o) => o.value > f.month)} value={f.endMonth}
            onChange={(v) => set('endMonth', v)} error={errors.endMonth || undefined} />
          <Select label="类别" placeholder="不分类" clearable data={[...CALENDAR_ITEM_CATEGORIES]} value={f.category}
            onChange={(v) => set('category', v)} error={errors.category || undefined} />
        </SimpleGrid>
        <TextInput label="时间" value={f.timing} placeholder="如：第3周、9月上旬、9月1日—12日、9月下旬至10月上旬、每周五"
          error={errors.timing || errors.startDate || (hint?.error ? hint.text : undefined)}
          description={hint && !hint.error ? hint.text : '可不填'} onChange={(e) => set('timing', e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <Autocomplete label="牵头" data={units} value={f.lead} error={errors.lead || undefined} placeholder="如：督导室"
            onChange={(v) => set('lead', v)} />
          <Autocomplete label="配合" data={units} value={f.partners} error={errors.partners || undefined} placeholder="如：各责任区、安全科"
            onChange={(v) => set('partners', v)} />
        </SimpleGrid>
        <MultiSelect label="涉及学校" placeholder="不限" searchable clearable value={f.schoolIds}
          data={(schools.data?.rows ?? []).map(schoolOption)} {...namePicker}
          onChange={(v) => set('schoolIds', v)} error={errors.schoolIds || undefined} nothingFoundMessage="没有匹配的学校" />
        <SimpleGrid cols={3}>
          <Select label="完成情况" data={[...CALENDAR_ITEM_STATUSES]} value={f.status} allowDeselect={false}
            onChange={(v) => v && set('status', v)} error={errors.status || undefined} />
          <TextInput label="完成情况说明" style={{ gridColumn: 'span 2' }} value={f.statusNote} error={errors.statusNote || undefined}
            onChange={(e) => set('statusNote', e.currentTarget.value)} />
        </SimpleGrid>
        <TextInput label="备注" value={f.note} error={errors.note || undefined} onChange={(e) => set('note', e.currentTarget.value)} />
        {item && item.visitCount > 0 && <Text size="xs" c="dimmed">已有{item.visitCount}条督导记录关联本事项。</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function blank(month: string): FormState {
  return {
    month, endMonth: null, number: '', content: '', category: null, timing: '', lead: '', partners: '', schoolIds: [], status: '未开始',
    statusNote: '', note: '',
  };
}
