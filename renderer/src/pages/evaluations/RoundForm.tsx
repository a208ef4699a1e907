import { useEffect, useState } from 'react';
import {
  ActionIcon, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { DateField } from '../../components/DateFields';
import { namePicker, schoolOption } from '../../components/name-options';
import type { Input } from '../../../../shared/contract';
import type { GradeLine, IndicatorSetSummary, Round } from '../../../../shared/schemas/evaluation';
import { defaultGrades } from '../../../../shared/indicators';
import { EVALUATION_KINDS } from '../../../../shared/vocab';

type Fields = Omit<Input<'evaluations.save'>['fields'], 'grades'> & { grades: GradeLine[] };
const COMPULSORY = ['小学', '初中', '九年一贯制'];

/** 新建评估 (from a set of the library) / 修改评估: name, kind, year, dates, 达标线, grades, schools, 总体评价. */
export function RoundForm({ opened, round, sets, onClose, onSaved }: {
  opened: boolean;
  round: Round | null;
  sets: IndicatorSetSummary[];
  onClose: () => void;
  onSaved: (r: Round) => void;
}) {
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const [setId, setSetId] = useState<string | null>(null);
  const [f, setF] = useState<Fields>(blank());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    if (round) {
      setF({ name: round.name, kind: round.kind, year: round.year, startDate: round.startDate, endDate: round.endDate, passScore: round.passScore,
        grades: round.grades, schoolIds: round.schoolIds, summary: round.summary });
    } else {
      setSetId(null);
      setF(blank());
    }
  }, [opened, round]);
  const set = (c: Partial<Fields>) => { setF((x) => ({ ...x, ...c })); setErrors({}); };
  const pickSet = (v: string | null) => {
    setSetId(v);
    const s = sets.find((x) => String(x.id) === v);
    if (s) set({ kind: s.kind, passScore: s.passScore ?? Math.round(s.fullScore * 0.6), grades: defaultGrades(s.fullScore), name: f.name || `${f.year}年${s.name.replace(/指标$/, '')}` });
  };
  const all = schools.data?.rows ?? [];
  async function save() {
    setBusy(true);
    try {
      const r = round ? await call('evaluations.save', { id: round.id, fields: f }) : await call('evaluations.create', { setId: Number(setId), fields: f });
      notifyOk(round ? '评估已修改' : `已新建评估「${r.name}」，${r.schools}所学校参评`);
      onSaved(r);
    } catch (e) {
      showSaveError(e, ['setId', 'name', 'kind', 'year', 'startDate', 'endDate', 'passScore', 'grades', 'schoolIds', 'summary'], setErrors);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={round ? '修改评估' : '新建评估'} size="xl">
      <Stack gap="sm">
        {!round && (
          <Select label="指标体系" required data={sets.map((s) => ({ value: String(s.id), label: `${s.name}（${s.indicatorCount}项，满分${s.fullScore}）` }))}
            value={setId} onChange={pickSet} error={errors.setId} description="评估建立时复制指标库中的这套指标，以后修改指标库不影响本次评估" />
        )}
        <SimpleGrid cols={3}>
          <TextInput label="评估名称" required value={f.name} error={errors.name} onChange={(e) => set({ name: e.currentTarget.value })} />
          <Select label="评估类别" data={[...EVALUATION_KINDS]} value={f.kind} allowDeselect={false} onChange={(v) => set({ kind: (v ?? '其他') as Fields['kind'] })} />
          <NumberInput label="年度" min={2000} max={2100} value={f.year} error={errors.year} onChange={(v) => set({ year: Number(v) || f.year })} />
          <DateField label="开始日期" value={f.startDate ?? ''} error={errors.startDate} onChange={(startDate) => set({ startDate })} />
          <DateField label="结束日期" value={f.endDate ?? ''} error={errors.endDate} onChange={(endDate) => set({ endDate })} />
          <NumberInput label="总分达标线" required min={0} max={1000} value={f.passScore} error={errors.passScore} onChange={(v) => set({ passScore: Number(v) || 0 })}
            description="总分达到此分为达标" />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>等级（从高到低，总分达到分数线即为该等级，低于最低一级为不合格）</Text>
          {f.grades.map((g, i) => (
            <Group key={i} gap="xs">
              <TextInput size="xs" w={100} aria-label={`第${i + 1}个等级`} value={g.name} onChange={(e) => set({ grades: f.grades.map((x, k) => (k === i ? { ...x, name: e.currentTarget.value } : x)) })} />
              <NumberInput size="xs" w={100} aria-label={`${g.name}分数线`} value={g.min} min={0} onChange={(v) => set({ grades: f.grades.map((x, k) => (k === i ? { ...x, min: Number(v) || 0 } : x)) })} />
              <ActionIcon variant="subtle" color="red" aria-label={`删除等级${g.name}`} onClick={() => set({ grades: f.grades.filter((_, k) => k !== i) })}><IconX size={14} /></ActionIcon>
            </Group>
          ))}
          <Group><Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => set({ grades: [...f.grades, { name: '', min: 0 }] })}>添加等级</Button></Group>
          {errors.grades && <Text c="red" size="xs">{errors.grades}</Text>}
        </Stack>
        <MultiSelect label="参评学校" required searchable data={all.map(schoolOption)} {...namePicker} value={f.schoolIds.map(String)}
          error={errors.schoolIds} onChange={(v) => set({ schoolIds: v.map(Number) })} maxDropdownHeight={240} />
        <Group gap="xs">
          <Button size="xs" variant="light" onClick={() => set({ schoolIds: all.filter((s) => COMPULSORY.includes(s.type)).map((s) => s.id) })}>全部义务教育学校</Button>
          <Button size="xs" variant="light" onClick={() => set({ schoolIds: all.map((s) => s.id) })}>全部学校</Button>
          <Text size="xs" c="dimmed">已选 {f.schoolIds.length} 所</Text>
        </Group>
        <Textarea label="总体评价与建议（写入评估报告）" autosize minRows={2} value={f.summary ?? ''} onChange={(e) => set({ summary: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} disabled={!round && !setId} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function blank(): Fields {
  const year = new Date().getFullYear();
  return { name: '', kind: '达标监测', year, startDate: null, endDate: null, passScore: 60, grades: [], schoolIds: [], summary: null };
}
