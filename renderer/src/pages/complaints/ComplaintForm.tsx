import { useEffect, useState } from 'react';
import { Button, Drawer, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { complaintFields, type Complaint } from '../../../../shared/schemas/complaint';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, COMPLAINT_TOPICS } from '../../../../shared/vocab';
import { complaintTopics } from '../../lib/options';
import { todayText } from '../../../../shared/dates';
import { DateTimeField } from '../../components/DateFields';
import { namePicker, schoolOption } from '../../components/name-options';

interface FormState {
  receivedAt: string; visitor: string; identity: string; phone: string; channel: string | null; schoolId: string | null;
  topic: string | null; content: string; recorder: string; handler: string; result: string; status: string;
}
const FIELDS = ['receivedAt', 'visitor', 'identity', 'phone', 'channel', 'schoolId', 'topic', 'content', 'recorder', 'handler', 'result', 'status'] as const;
const IDENTITIES = ['学生家长', '学生', '教师', '群众', '社区居民', '匿名'];

function nowLocal(): string {
  const d = new Date();
  return `${todayText()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function fromComplaint(c: Complaint | null): FormState {
  return {
    receivedAt: c ? c.receivedAt : nowLocal(), visitor: c?.visitor ?? '', identity: c?.identity ?? '',
    phone: c?.phone ?? '', channel: c?.channel ?? '来电', schoolId: c?.schoolId ? String(c.schoolId) : null, topic: c?.topic ?? null,
    content: c?.content ?? '', recorder: c?.recorder ?? '', handler: c?.handler ?? '', result: c?.result ?? '', status: c?.status ?? '待处理',
  };
}

/** Log or edit a 来访/来电: every field of the 应访督导 register. */
export function ComplaintForm({ opened, complaint, onClose, onSaved }: {
  opened: boolean;
  /** null: a new entry. */
  complaint: Complaint | null;
  onClose: () => void;
  onSaved: (c: Complaint) => void;
}) {
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const settings = useApi('settings.get', {});
  const [f, setF] = useState<FormState>(() => fromComplaint(complaint));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (opened) { setF(fromComplaint(complaint)); setErrors({}); } }, [opened, complaint]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };
  const text = (k: 'visitor' | 'phone' | 'recorder' | 'handler') => ({
    value: f[k], error: errors[k] || undefined, onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
  });

  async function save() {
    const parsed = complaintFields.safeParse({ ...f, schoolId: f.schoolId ? Number(f.schoolId) : null });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const saved = await call('complaints.save', { id: complaint?.id, fields: parsed.data });
      notifyOk(complaint ? '已保存来访来电记录' : '已登记来访来电');
      onSaved(saved);
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer opened={opened} onClose={onClose} title={complaint ? '编辑来访来电' : '登记来访来电'} position="right" size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <DateTimeField label="日期时间" withAsterisk value={f.receivedAt} error={errors.receivedAt || undefined}
            onChange={(v) => set('receivedAt', v)} />
          <Select label="方式" withAsterisk data={[...COMPLAINT_CHANNELS]} value={f.channel} allowDeselect={false}
            onChange={(v) => set('channel', v)} error={errors.channel || undefined} />
          <TextInput label="来访人" placeholder="可不填（匿名）" {...text('visitor')} />
          <Select label="身份" data={IDENTITIES} searchable clearable value={f.identity || null}
            onChange={(v) => set('identity', v ?? '')} error={errors.identity || undefined} />
          <TextInput label="电话" {...text('phone')} />
          <Select label="主题" withAsterisk data={complaintTopics(settings.data ?? null, complaint?.topic ?? null, COMPLAINT_TOPICS)} value={f.topic}
            onChange={(v) => set('topic', v)} error={errors.topic || undefined} />
        </SimpleGrid>
        <Select label="反映学校" placeholder="不涉及具体学校可不选" searchable clearable value={f.schoolId}
          data={(schools.data?.rows ?? []).map(schoolOption)} {...namePicker}
          onChange={(v) => set('schoolId', v)} error={errors.schoolId || undefined} nothingFoundMessage="没有匹配的学校" />
        <Textarea label="反映内容" withAsterisk autosize minRows={3} value={f.content} error={errors.content || undefined}
          onChange={(e) => set('content', e.currentTarget.value)} />
        <SimpleGrid cols={3}>
          <TextInput label="记录人" {...text('recorder')} />
          <TextInput label="处理人" {...text('handler')} />
          <Select label="状态" data={[...COMPLAINT_STATUSES]} value={f.status} allowDeselect={false}
            onChange={(v) => v && set('status', v)} error={errors.status || undefined} />
        </SimpleGrid>
        <Textarea label="处理结果" autosize minRows={2} value={f.result} error={errors.result || undefined}
          placeholder="办结时必须填写" onChange={(e) => set('result', e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
