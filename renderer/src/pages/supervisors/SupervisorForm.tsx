import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { Input } from '../../../../shared/contract';
import type { Supervisor, SupervisorFields } from '../../../../shared/schemas/supervisor';
import { APPOINTMENT_STATUSES, EDUCATION_LEVELS, GENDERS, TEACHING_STAGES } from '../../../../shared/vocab';
import { ApiCallError } from '../../api';
import { PhotoField } from './PhotoField';
import { DateField, MonthField } from '../../components/DateFields';

type Fields = Input<'supervisors.save'>['fields'];
/** The form edits strings; '' means "not filled". */
type Values = Record<keyof SupervisorFields, string>;
type Errors = Partial<Record<keyof SupervisorFields | 'form', string>>;

const KEYS: (keyof SupervisorFields)[] = [
  'name', 'gender', 'birthMonth', 'unit', 'position', 'education', 'title', 'stage', 'subject', 'mobile',
  'certNo', 'letterNo', 'termStart', 'termEnd', 'status', 'category', 'notes', 'photo',
];

function valuesOf(s: Supervisor | null): Values {
  const v = Object.fromEntries(KEYS.map((k) => [k, s ? String(s[k] ?? '') : ''])) as Values;
  if (!s) v.status = '在聘';
  return v;
}

function fieldsOf(v: Values): Fields {
  const f = Object.fromEntries(KEYS.map((k) => [k, v[k].trim() === '' ? null : v[k].trim()]));
  return { ...f, name: v.name, category: v.category } as Fields;
}

/** Only what the user obviously missed; the server checks everything and its message is shown as is. */
function requiredMissing(v: Values): Errors {
  const e: Errors = {};
  if (!v.name.trim()) e.name = '请填写姓名';
  if (!v.category) e.category = '请选择类别';
  if (!v.status) e.status = '请选择聘任状态';
  return e;
}

export function SupervisorForm({ initial, categories, onSubmit, onCancel, leftActions }: {
  initial: Supervisor | null;
  categories: string[];
  onSubmit(fields: Fields): Promise<void>;
  onCancel(): void;
  leftActions?: ReactNode;
}) {
  const [v, setV] = useState<Values>(() => valuesOf(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);

  const set = (k: keyof SupervisorFields) => (value: string | null) => {
    setV((old) => ({ ...old, [k]: value ?? '' }));
    setErrors((old) => ({ ...old, [k]: undefined, form: undefined }));
  };
  const text = (k: keyof SupervisorFields) => ({
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value),
    error: errors[k],
  });
  const date = (k: 'birthMonth' | 'termStart' | 'termEnd') => ({ value: v[k], onChange: set(k), error: errors[k] });
  const select = (k: keyof SupervisorFields, data: readonly string[]) => ({
    value: v[k] || null,
    onChange: set(k),
    error: errors[k],
    data: [...data],
  });
  // A category no longer in the office's list still shows, so the user sees why saving is refused.
  const categoryData = v.category && !categories.includes(v.category) ? [...categories, v.category] : categories;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing = requiredMissing(v);
    if (Object.keys(missing).length) {
      setErrors({ ...missing, form: '请填写带 * 的必填项。' });
      return;
    }
    setSaving(true);
    try {
      await onSubmit(fieldsOf(v));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const field = err instanceof ApiCallError ? err.error.field?.replace(/^fields\./, '') : undefined;
      setErrors(field && (KEYS as string[]).includes(field) ? { [field]: message, form: message } : { form: message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Group align="flex-start" wrap="nowrap" gap="lg">
          <PhotoField hash={v.photo || null} onChange={set('photo')} error={errors.photo} />
          <SimpleGrid cols={2} style={{ flex: 1 }}>
            <TextInput label="姓名" withAsterisk maxLength={20} {...text('name')} />
            <Select label="性别" clearable placeholder="未填" {...select('gender', GENDERS)} />
            <MonthField label="出生年月" {...date('birthMonth')} />
            <Select label="学历" clearable placeholder="未填" {...select('education', EDUCATION_LEVELS)} />
          </SimpleGrid>
        </Group>
        <SimpleGrid cols={2}>
          <TextInput label="工作单位" {...text('unit')} />
          <TextInput label="职务" {...text('position')} />
          <TextInput label="职称" placeholder="如 高级教师" {...text('title')} />
          <TextInput label="手机" inputMode="numeric" placeholder="11位手机号码" {...text('mobile')} />
          <Select label="任教学段" clearable placeholder="未填" {...select('stage', TEACHING_STAGES)} />
          <TextInput label="学科" placeholder="如 语文" {...text('subject')} />
        </SimpleGrid>
        <Fieldset legend="聘任">
          <SimpleGrid cols={2}>
            <Select label="类别" withAsterisk placeholder="请选择" {...select('category', categoryData)} />
            <Select label="聘任状态" withAsterisk allowDeselect={false} {...select('status', APPOINTMENT_STATUSES)} />
            <TextInput label="督学证编号" {...text('certNo')} />
            <TextInput label="聘书编号" {...text('letterNo')} />
            <DateField label="聘任起始" {...date('termStart')} />
            <DateField label="聘任截止" {...date('termEnd')} />
          </SimpleGrid>
        </Fieldset>
        <Textarea label="备注" autosize minRows={2} maxRows={6} {...text('notes')} />
        {errors.form && <Alert color="red" variant="light" title="未能保存">{errors.form}</Alert>}
        <Group justify="space-between">
          <Group>{leftActions}</Group>
          <Group>
            <Button variant="default" onClick={onCancel}>取消</Button>
            <Button type="submit" loading={saving}>保存</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
