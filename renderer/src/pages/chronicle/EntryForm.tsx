import { useEffect, useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { call } from '../../api';
import { notifyError, notifyLatest } from '../../notify';
import type { ChronicleEntryFields } from '../../../../shared/schemas/chronicle';
import { DateField, MonthField } from '../../components/DateFields';

export interface EntryDraft extends ChronicleEntryFields {
  id?: number;
  /** Shown when the entry comes from a candidate (行事历 …). */
  sourceLabel?: string;
}

interface Props {
  draft: EntryDraft | null;
  onClose(): void;
  onSaved(): void;
}

const PRECISIONS = [
  { value: 'day', label: '具体日期' },
  { value: 'month', label: '只知月份（是月）' },
  { value: 'year', label: '只知年份（是年）' },
];

/** Add or edit one entry (also: edit a candidate before accepting it). */
export function EntryForm({ draft, onClose, onSaved }: Props) {
  const [f, setF] = useState<EntryDraft | null>(draft);
  const [busy, setBusy] = useState(false);
  useEffect(() => setF(draft), [draft]);
  if (!f) return null;

  const setPrecision = (p: string) => {
    const y = String(f.year);
    const month = /^\d{4}-\d{2}/.test(f.date) ? f.date.slice(0, 7) : `${y}-01`;
    const date = p === 'year' ? y : p === 'month' ? month : `${month}-01`;
    setF({ ...f, precision: p as EntryDraft['precision'], date });
  };
  const save = async () => {
    setBusy(true);
    try {
      const { id, sourceLabel: _label, ...fields } = f;
      await call('chronicle.save', { id, fields });
      notifyLatest('chronicle', f.sourceKind && !id ? '已采纳为大事记。' : '大事记条目已保存。');
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={f.id ? '修改大事记条目' : f.sourceKind ? '修改后采纳' : '添加大事记条目'} size="lg">
      <Stack>
        {f.sourceLabel && <Text size="sm" c="dimmed">来源：{f.sourceLabel}</Text>}
        <SegmentedControl data={PRECISIONS} value={f.precision} onChange={setPrecision} aria-label="日期精度" />
        {f.precision === 'day' && (
          <DateField label="日期" w={180} value={f.date} onChange={(date) => setF({ ...f, date })} />
        )}
        {f.precision === 'month' && (
          <MonthField label="月份" w={180} value={f.date} onChange={(date) => setF({ ...f, date })} />
        )}
        <Textarea label="事件" description="一句话记一件事：谁、做了什么、在哪里、数量与结果，不加评论。" autosize minRows={2} maxRows={6}
          value={f.text} onChange={(e) => setF({ ...f, text: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>{f.sourceKind && !f.id ? '采纳' : '保存'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
