import { useEffect, useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { useChoices } from '../../lib/options';
import type { Input } from '../../../../shared/contract';
import type { Problem } from '../../../../shared/schemas/problem';
import { PROBLEM_ACTORS, PROBLEM_SOURCES } from '../../../../shared/vocab';
import { DateField } from '../../components/DateFields';
import { namePicker } from '../../components/name-options';

type Fields = Input<'problems.save'>['fields'];
const FIELDS = ['source', 'campaign', 'schoolId', 'category', 'description', 'actor', 'deadline', 'visitId', 'complaintId'];

/** 登记问题 / 编辑问题: a problem entered in 问题整改 directly (专项督导 needs the campaign's name). */
export function ProblemForm({ opened, problem, onClose, onSaved }: {
  opened: boolean;
  problem: Problem | null;
  onClose: () => void;
  onSaved: (p: Problem) => void;
}) {
  const choices = useChoices();
  const [f, setF] = useState<Fields>({ source: '专项督导', schoolId: 0, category: '', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(problem ? {
      source: problem.source, visitId: problem.visitId, complaintId: problem.complaintId, campaign: problem.campaign,
      schoolId: problem.schoolId, category: problem.category, description: problem.description, actor: problem.actor, deadline: problem.deadline,
    } : { source: '专项督导', schoolId: 0, category: '', description: '', actor: '学校', campaign: '', deadline: '' });
  }, [opened, problem]);
  const set = (change: Partial<Fields>) => { setF((x) => ({ ...x, ...change })); setErrors({}); };

  async function save() {
    if (!f.schoolId) { setErrors({ schoolId: '请选择学校' }); return; }
    if (!f.category) { setErrors({ category: '请选择问题类别' }); return; }
    setBusy(true);
    try {
      const p = await call('problems.save', { id: problem?.id, fields: f });
      notifyOk(problem ? '问题已修改' : '问题已登记，列入问题整改台账');
      onSaved(p);
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={problem ? '编辑问题' : '登记问题'} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select label="问题来源" required data={[...PROBLEM_SOURCES]} value={f.source} error={errors.source}
            onChange={(v) => set({ source: (v ?? '专项督导') as Fields['source'] })} />
          <TextInput label="专项名称" placeholder="如 双减、校园安全" value={f.campaign ?? ''} error={errors.campaign}
            disabled={f.source !== '专项督导'} onChange={(e) => set({ campaign: e.currentTarget.value })} />
        </SimpleGrid>
        <Select label="学校" required searchable data={choices.schools} {...namePicker} value={f.schoolId ? String(f.schoolId) : null} error={errors.schoolId}
          onChange={(v) => set({ schoolId: v ? Number(v) : 0 })} nothingFoundMessage="没有匹配的学校" />
        <Select label="问题类别" required data={choices.items} value={f.category || null} error={errors.category}
          onChange={(v) => set({ category: v ?? '' })} />
        <Textarea label="问题描述" required autosize minRows={3} value={f.description} error={errors.description}
          onChange={(e) => set({ description: e.currentTarget.value })} />
        <SimpleGrid cols={2}>
          <Select label="整改责任方" data={[...PROBLEM_ACTORS]} value={f.actor ?? '学校'} error={errors.actor}
            onChange={(v) => set({ actor: (v ?? '学校') as Fields['actor'] })} />
          <DateField label="整改期限" value={f.deadline ?? ''} error={errors.deadline} onChange={(deadline) => set({ deadline })} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
