import { useEffect, useState } from 'react';
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { calendarItemFields, type CalendarItem } from '../../../../shared/schemas/calendar';
import { CALENDAR_ITEM_CATEGORIES, CALENDAR_ITEM_STATUSES } from '../../../../shared/vocab';
import { monthLabel } from '../../../../shared/dates';
import { DateField } from '../../components/DateFields';
import { namePicker, schoolOption } from '../../components/name-options';

interface FormState {
  month: string; content: string; category: string | null; owner: string; startDate: string; endDate: string;
  schoolIds: string[]; status: string; statusNote: string;
}

const FIELDS = ['month', 'content', 'category', 'owner', 'startDate', 'endDate', 'schoolIds', 'status', 'statusNote'] as const;

/** Add or edit one numbered item of a calendar month. */
export function ItemForm({ opened, calendarId, months, month, item, onClose, onSaved }: {
  opened: boolean;
  calendarId: number;
  /** The calendar's months, for moving an item. */
  months: string[];
  /** The month a new item goes to. */
  month: string;
  /** null: a new item. */
  item: CalendarItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const [f, setF] = useState<FormState>(() => blank(month));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(item ? {
      month: item.month, content: item.content, category: item.category, owner: item.owner ?? '',
      startDate: item.startDate ?? '', endDate: item.endDate ?? '', schoolIds: item.schoolIds.map(String),
      status: item.status, statusNote: item.statusNote ?? '',
    } : blank(month));
  }, [opened, item, month]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };

  async function save() {
    const parsed = calendarItemFields.safeParse({ ...f, calendarId, schoolIds: f.schoolIds.map(Number) });
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

  return (
    <Modal opened={opened} onClose={onClose} title={item ? `编辑事项：${monthLabel(item.month)}第${item.seq}项` : `添加事项：${monthLabel(month)}`} size="lg" centered>
      <Stack gap="sm">
        <Textarea label="工作内容" withAsterisk autosize minRows={2} value={f.content} error={errors.content || undefined}
          onChange={(e) => set('content', e.currentTarget.value)} />
        <SimpleGrid cols={3}>
          <Select label="月份" data={months.map((m) => ({ value: m, label: monthLabel(m) }))} value={f.month} allowDeselect={false}
            onChange={(v) => v && set('month', v)} error={errors.month || undefined} />
          <Select label="类别" withAsterisk data={[...CALENDAR_ITEM_CATEGORIES]} value={f.category}
            onChange={(v) => set('category', v)} error={errors.category || undefined} />
          <TextInput label="责任人" value={f.owner} error={errors.owner || undefined}
            onChange={(e) => set('owner', e.currentTarget.value)} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <DateField label="开始日期" value={f.startDate} error={errors.startDate || undefined} onChange={(v) => set('startDate', v)} />
          <DateField label="结束日期" value={f.endDate} error={errors.endDate || undefined} onChange={(v) => set('endDate', v)} />
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function blank(month: string): FormState {
  return { month, content: '', category: null, owner: '', startDate: '', endDate: '', schoolIds: [], status: '未开始', statusNote: '' };
}
