import { useEffect, useState } from 'react';
import { Button, Drawer, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { zoneOptions } from '../../lib/options';
import { schoolFields, type School } from '../../../../shared/schemas/school';
import { SCHOOL_NATURES, SCHOOL_TYPES, URBAN_RURAL } from '../../../../shared/vocab';

interface FormState {
  fullName: string; shortName: string; type: string | null; nature: string; urbanRural: string | null;
  address: string; principal: string; phone: string; students: number | string; teachers: number | string;
  zoneId: string | null; notes: string;
}

function fromSchool(s: School | null): FormState {
  return {
    fullName: s?.fullName ?? '', shortName: s?.shortName ?? '', type: s?.type ?? null, nature: s?.nature ?? '公办',
    urbanRural: s?.urbanRural ?? null, address: s?.address ?? '', principal: s?.principal ?? '', phone: s?.phone ?? '',
    students: s?.students ?? '', teachers: s?.teachers ?? '', zoneId: s?.zoneId ? String(s.zoneId) : null, notes: s?.notes ?? '',
  };
}

const num = (v: number | string) => (v === '' ? null : Number(v));

/** Create or edit a school: every field, checked with the same schema the archive uses. */
export function SchoolForm({ opened, school, onClose, onSaved }: {
  opened: boolean;
  /** null: a new school. */
  school: School | null;
  onClose: () => void;
  onSaved: (s: School) => void;
}) {
  const zones = useApi('zones.list', undefined);
  const [f, setF] = useState<FormState>(() => fromSchool(school));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (opened) { setF(fromSchool(school)); setErrors({}); }
  }, [opened, school]);

  const set = <K extends keyof FormState>(k: K) => (v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };
  const text = (k: 'fullName' | 'shortName' | 'address' | 'principal' | 'phone') =>
    ({ value: f[k], error: errors[k] || undefined, onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(k)(e.currentTarget.value) });

  async function save() {
    const raw = {
      ...f, students: num(f.students), teachers: num(f.teachers), zoneId: f.zoneId ? Number(f.zoneId) : null,
    };
    const parsed = schoolFields.safeParse(raw);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        next[key] ??= issue.message;
      }
      setErrors(next);
      return;
    }
    setBusy(true);
    try {
      const saved = await call('schools.save', { id: school?.id, fields: parsed.data });
      notifyOk(school ? `已保存学校「${saved.fullName}」` : `已新增学校「${saved.fullName}」`);
      onSaved(saved);
    } catch (e) {
      const field = e instanceof ApiCallError ? e.error.field?.replace(/^fields\./, '') : undefined;
      if (field && field in f) setErrors((old) => ({ ...old, [field]: e instanceof Error ? e.message : String(e) }));
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer opened={opened} onClose={onClose} title={school ? `编辑学校：${school.fullName}` : '新增学校'} position="right" size="lg">
      <Stack gap="sm">
        <TextInput label="学校全称" required withAsterisk {...text('fullName')} />
        <SimpleGrid cols={2}>
          <TextInput label="简称" {...text('shortName')} />
          <Select label="学段/类型" required data={[...SCHOOL_TYPES]} value={f.type} onChange={set('type')} error={errors.type || undefined} />
          <Select label="办学性质" data={[...SCHOOL_NATURES]} value={f.nature} onChange={(v) => set('nature')(v ?? '公办')} allowDeselect={false} error={errors.nature || undefined} />
          <Select label="城乡" clearable data={[...URBAN_RURAL]} value={f.urbanRural} onChange={set('urbanRural')} error={errors.urbanRural || undefined} />
          <TextInput label="校长" {...text('principal')} />
          <TextInput label="联系电话" placeholder="如 0571-88888888" {...text('phone')} />
          <NumberInput label="学生数" min={0} allowDecimal={false} value={f.students} onChange={set('students')} error={errors.students || undefined} />
          <NumberInput label="教师数" min={0} allowDecimal={false} value={f.teachers} onChange={set('teachers')} error={errors.teachers || undefined} />
        </SimpleGrid>
        <TextInput label="地址" {...text('address')} />
        <Select
          label="所属责任区" clearable searchable placeholder="未分区" data={zoneOptions(zones.data)}
          value={f.zoneId} onChange={set('zoneId')} error={errors.zoneId || zones.error || undefined}
        />
        <Textarea label="备注" autosize minRows={2} maxRows={6} value={f.notes} onChange={(e) => set('notes')(e.currentTarget.value)} error={errors.notes || undefined} />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={save} loading={busy}>保存</Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
