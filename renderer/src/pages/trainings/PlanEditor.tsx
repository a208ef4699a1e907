import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { RichTextEditor } from '../../components/RichTextEditor';
import { Attachments } from '../../components/Attachments';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ExportButton } from '../../components/ExportButton';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { years } from '../pieces/PieceTabs';
import { TRAINING_PLAN_KINDS } from '../../../../shared/vocab';
import { trainingPlanFields, type TrainingPlan } from '../../../../shared/schemas/training';
import type { Block } from '../../../../shared/schemas/blocks';

interface FormState { kind: string; title: string; year: string; period: string; body: Block[]; files: { hash: string; fileName: string }[] }
const FIELDS = ['kind', 'title', 'year', 'period', 'body', 'files'] as const;
const fromPlan = (p: TrainingPlan | null): FormState => ({
  kind: p?.kind ?? '年度计划', title: p?.title ?? '', year: String(p?.year ?? new Date().getFullYear()), period: p?.period ?? '',
  body: p?.body ?? [], files: p?.files ?? [],
});

/** A training plan kept as a document: written here (rich text), or the office's own file attached, or both. */
export function PlanEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const planId = id ? Number(id) : null;
  const [plan, setPlan] = useState<TrainingPlan | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [f, setF] = useState<FormState>(() => fromPlan(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    if (!planId) return;
    call('trainings.plan', { id: planId }).then((p) => { setPlan(p); setF(fromPlan(p)); }, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [planId]);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => { setF((o) => ({ ...o, [k]: v })); setErrors((o) => ({ ...o, [k]: '' })); };

  async function save() {
    const parsed = trainingPlanFields.safeParse({ ...f, year: Number(f.year) });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const saved = await call('trainings.savePlan', { id: planId ?? undefined, fields: parsed.data });
      notifyOk(`已保存「${saved.title}」`);
      setPlan(saved);
      if (!planId) navigate(`/trainings/plans/${saved.id}`, { replace: true });
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <Alert color="red" title="无法打开这份培训规划">{loadError}</Alert>;
  if (planId && !plan) return <Loader />;
  return (
    <Stack gap="md" maw={980}>
      <Group justify="space-between">
        <Group gap="xs">
          <Anchor component="button" onClick={() => navigate('/trainings/plans')} aria-label="返回培训规划列表"><IconArrowLeft size={18} /></Anchor>
          <Title order={2}>{plan ? plan.title : '新建培训规划'}</Title>
        </Group>
        <Group gap="xs">
          {plan && <ExportButton channel="trainings.exportPlan" input={{ id: plan.id }} label="导出Word" />}
          {plan && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>}
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput label="标题" withAsterisk value={f.title} error={errors.title || undefined} onChange={(e) => set('title', e.currentTarget.value)}
            placeholder="如：清河区2026年督学培训计划" />
          <SimpleGrid cols={3}>
            <Select label="类型" data={[...TRAINING_PLAN_KINDS]} value={f.kind} allowDeselect={false} onChange={(v) => v && set('kind', v)} />
            <Select label="制定年份" data={years()} value={f.year} allowDeselect={false} onChange={(v) => v && set('year', v)} />
            <TextInput label="规划期" value={f.period} onChange={(e) => set('period', e.currentTarget.value)} placeholder="如：2026—2030年" error={errors.period || undefined} />
          </SimpleGrid>
          <Attachments files={f.files} photos={false} label="附件（已有的规划文件）" onChange={(files) => set('files', files.map(({ hash, fileName }) => ({ hash, fileName })))} />
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Text size="sm" fw={500}>正文</Text>
        <RichTextEditor value={f.body} onChange={(b) => set('body', b)} placeholder="培训目标、内容、方式、学时要求和保障措施。" />
        {errors.body && <Text size="sm" c="red">{errors.body}</Text>}
      </Stack>
      {plan && (
        <ConfirmDelete what="培训规划" title={plan.title} opened={deleting} onClose={() => setDeleting(false)}
          onConfirm={async () => { await call('trainings.deletePlan', { id: plan.id }); notifyOk('已将这份培训规划移入回收站'); navigate('/trainings/plans'); }} />
      )}
    </Stack>
  );
}
