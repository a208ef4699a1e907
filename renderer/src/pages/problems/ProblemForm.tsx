import { useEffect, useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { useChoices } from '../../lib/options';
import type { Input } from '../../../../shared/contract';
import type { Problem } from '../../../../shared/schemas/problem';
import { PROBLEM_ACTORS, PROBLEM_SOURCES } from '../../../../shared/vocab';
import { DateField } from '../../components/DateFields';
import { namePicker } from '../../components/name-options';

type Fields = Input<'problems.save'>['fields'];
type Owner = 'school' | 'unit';
const FIELDS = ['source', 'campaignId', 'schoolId', 'unitId', 'category', 'description', 'actor', 'deadline', 'visitId', 'complaintId'];

/**
 * 登记问题 / 编辑问题: a problem entered in 问题整改 directly, owned by a school or (督政) by a unit; a 专项督导
 * problem names its campaign.
 */
export function ProblemForm({ opened, problem, campaignId, owner: startOwner = 'school', onClose, onSaved }: {
  opened: boolean;
  problem: Problem | null;
  /** A new problem of this campaign (from its page). */
  campaignId?: number;
  owner?: Owner;
  onClose: () => void;
  onSaved: (p: Problem) => void;
}) {
  const choices = useChoices();
  const units = useApi('units.list', {});
  const campaigns = useApi('campaigns.list', {});
  const [owner, setOwner] = useState<Owner>(startOwner);
  const [f, setF] = useState<Fields>({ source: '专项督导', category: '', description: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    // Units and campaigns added since the page loaded are offered too.
    void units.reload();
    void campaigns.reload();
    if (problem) {
      setOwner(problem.unitId ? 'unit' : 'school');
      setF({
        source: problem.source, visitId: problem.visitId, complaintId: problem.complaintId, campaignId: problem.campaignId,
        schoolId: problem.schoolId, unitId: problem.unitId, category: problem.category, description: problem.description, actor: problem.actor, deadline: problem.deadline,
      });
    } else {
      setOwner(startOwner);
      setF({ source: campaignId || startOwner === 'school' ? '专项督导' : '督导记录', campaignId: campaignId ?? null, category: '', description: '',
        actor: startOwner === 'unit' ? '区县政府' : '学校', deadline: '' });
    }
  }, [opened, problem]);
  const set = (change: Partial<Fields>) => { setF((x) => ({ ...x, ...change })); setErrors({}); };
  const switchOwner = (o: Owner) => {
    setOwner(o);
    set(o === 'unit' ? { schoolId: null, actor: f.actor === '学校' ? '区县政府' : f.actor } : { unitId: null, actor: '学校' });
  };

  async function save() {
    if (owner === 'school' && !f.schoolId) { setErrors({ schoolId: '请选择学校' }); return; }
    if (owner === 'unit' && !f.unitId) { setErrors({ unitId: '请选择责任单位' }); return; }
    if (!f.category) { setErrors({ category: '请选择问题类别' }); return; }
    setBusy(true);
    try {
      const p = await call('problems.save', { id: problem?.id, fields: { ...f, schoolId: owner === 'school' ? f.schoolId : null, unitId: owner === 'unit' ? f.unitId : null } });
      notifyOk(problem ? '问题已修改' : owner === 'unit' ? '督政问题已登记，列入督政问题台账' : '问题已登记，列入问题整改台账');
      onSaved(p);
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  const unitOptions = (units.data ?? []).map((u) => ({ value: String(u.id), label: `${u.name}（${u.kind}）` }));
  const campaignOptions = (campaigns.data ?? []).map((c) => ({ value: String(c.id), label: `${c.name}（${c.startDate.slice(0, 7)}）` }));
  return (
    <Modal opened={opened} onClose={onClose} title={problem ? '编辑问题' : owner === 'unit' ? '登记督政问题' : '登记问题'} size="lg">
      <Stack gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500}>整改主体</Text>
          <SegmentedControl aria-label="整改主体" value={owner} onChange={(v) => switchOwner(v as Owner)} disabled={!!problem?.noticeId}
            data={[{ value: 'school', label: '学校' }, { value: 'unit', label: '督政（责任单位）' }]} />
        </Stack>
        {owner === 'school' ? (
          <Select label="学校" required searchable data={choices.schools} {...namePicker} value={f.schoolId ? String(f.schoolId) : null} error={errors.schoolId}
            onChange={(v) => set({ schoolId: v ? Number(v) : null })} nothingFoundMessage="没有匹配的学校" />
        ) : (
          <Select label="责任单位" required searchable data={unitOptions} value={f.unitId ? String(f.unitId) : null} error={errors.unitId}
            onChange={(v) => set({ unitId: v ? Number(v) : null })} nothingFoundMessage="没有匹配的单位，请先在「督政问题」中新增责任单位" />
        )}
        <SimpleGrid cols={2}>
          <Select label="问题来源" required allowDeselect={false} data={[...PROBLEM_SOURCES]} value={f.source} error={errors.source}
            onChange={(v) => set({ source: (v ?? '专项督导') as Fields['source'] })} />
          <Select label="专项督导" searchable clearable data={campaignOptions} value={f.campaignId ? String(f.campaignId) : null} error={errors.campaignId}
            disabled={f.source !== '专项督导' || !!campaignId} onChange={(v) => set({ campaignId: v ? Number(v) : null })}
            placeholder={f.source === '专项督导' ? '选择所属的专项督导' : '—'} />
        </SimpleGrid>
        <Select label="问题类别" required data={choices.items} value={f.category || null} error={errors.category}
          onChange={(v) => set({ category: v ?? '' })} />
        <Textarea label="问题描述" required autosize minRows={3} value={f.description} error={errors.description}
          onChange={(e) => set({ description: e.currentTarget.value })} />
        <SimpleGrid cols={2}>
          <Select label="整改责任方" allowDeselect={false} data={owner === 'unit' ? PROBLEM_ACTORS.filter((x) => x !== '学校') : [...PROBLEM_ACTORS]} value={f.actor ?? '学校'} error={errors.actor}
            onChange={(v) => set({ actor: (v ?? '学校') as Fields['actor'] })} />
          <DateField label={owner === 'unit' ? '整改时限' : '整改期限'} value={f.deadline ?? ''} error={errors.deadline} onChange={(deadline) => set({ deadline })} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
