import { useEffect, useState } from 'react';
import { Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { calendarCopy, shiftMonth, type Calendar } from '../../../../shared/schemas/calendar';
import { monthLabel } from '../../../../shared/dates';

/** "2024—2025学年…" becomes "2025—2026学年…": every year in the title moved on. */
function nextTitle(title: string, years: number): string {
  return title.replace(/(19|20)\d{2}/g, (y) => String(Number(y) + years));
}

/** Start a new year's plan from this one. */
export function CopyForm({ calendar, onClose, onCopied }: { calendar: Calendar | null; onClose: () => void; onCopied: (c: Calendar) => void }) {
  const [title, setTitle] = useState('');
  const [years, setYears] = useState<number | string>(1);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (calendar) { setTitle(nextTitle(calendar.title, 1)); setYears(1); setErrors({}); }
  }, [calendar]);
  if (!calendar) return null;
  const n = Number(years) || 1;

  async function copy() {
    const parsed = calendarCopy.safeParse({ id: calendar!.id, title, shiftYears: Number(years) });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const c = await call('calendars.copy', parsed.data);
      notifyOk(`已复制为「${c.title}」，共${c.itemCount}项工作事项`);
      onCopied(c);
    } catch (e) {
      showSaveError(e, ['title', 'shiftYears'], setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title="复制为新一年的行事历" size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">以「{calendar.title}」为底稿新建行事历：保留每月主题和工作事项，月份和日期顺延，完成情况全部重置为“未开始”。</Text>
        <TextInput label="新行事历标题" withAsterisk value={title} error={errors.title || undefined}
          onChange={(e) => { setTitle(e.currentTarget.value); setErrors({}); }} />
        <NumberInput label="顺延年数" min={1} max={5} w={120} value={years} error={errors.shiftYears || undefined}
          onChange={(v) => { setYears(v); setTitle(nextTitle(calendar.title, Number(v) || 1)); }} />
        <Text size="sm" c="dimmed">新周期：{monthLabel(shiftMonth(calendar.startMonth, n))}至{monthLabel(shiftMonth(calendar.endMonth, n))}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={copy}>复制</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
