import { useEffect, useState } from 'react';
import {
  Autocomplete, Button, Checkbox, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea,
} from '@mantine/core';
import { call } from '../../api';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { useChoices } from '../../lib/options';
import { DateField } from '../../components/DateFields';
import { namePicker } from '../../components/name-options';
import { SupervisorsPicker } from '../../components/SupervisorPicker';
import type { Input } from '../../../../shared/contract';
import type { Campaign, CampaignDetail } from '../../../../shared/schemas/campaign';
import { CAMPAIGN_CHECKLISTS, CAMPAIGN_SCOPES, CAMPAIGN_TOPICS, SCHOOL_TYPES } from '../../../../shared/vocab';
import { addDays, todayText } from '../../../../shared/dates';

type Fields = Input<'campaigns.save'>['fields'];
const FIELDS = ['name', 'basisTitle', 'basisNumber', 'startDate', 'endDate', 'scopeKind', 'scopeValue', 'schools', 'checklistKind', 'checklist',
  'members', 'followupMonths', 'notes'];

/** 新建 / 编辑专项督导: basis, period, scope (chosen schools, a type, a zone, all), checklist, team, 回头看. */
export function CampaignForm({ opened, campaign, onClose, onSaved }: {
  opened: boolean;
  campaign: CampaignDetail | null;
  onClose: () => void;
  onSaved: (c: Campaign) => void;
}) {
  const choices = useChoices();
  const [f, setF] = useState<Fields>(blank());
  const [schools, setSchools] = useState<string[]>([]);
  const [members, setMembers] = useState<string[]>([]);
  const [leader, setLeader] = useState<string | null>(null);
  const [ownItems, setOwnItems] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setErrors({});
    if (!campaign) {
      setF(blank()); setSchools([]); setMembers([]); setLeader(null); setOwnItems('');
      return;
    }
    const c = campaign.campaign;
    setF({ name: c.name, basisTitle: c.basisTitle, basisNumber: c.basisNumber, startDate: c.startDate, endDate: c.endDate, scopeKind: c.scopeKind,
      scopeValue: c.scopeValue, checklistKind: c.checklistKind, checklist: c.checklist, followupMonths: c.followupMonths, notes: c.notes });
    setSchools(campaign.schools.map((s) => String(s.schoolId)));
    setMembers(campaign.members.map((m) => String(m.supervisorId)));
    setLeader(campaign.members.find((m) => m.role === '组长') ? String(campaign.members.find((m) => m.role === '组长')!.supervisorId) : null);
    setOwnItems(c.checklistKind === '自定指标' ? c.checklist.join('\n') : '');
  }, [opened, campaign]);
  const set = (change: Partial<Fields>) => { setF((x) => ({ ...x, ...change })); setErrors({}); };

  async function save() {
    setBusy(true);
    try {
      const planned = new Map(campaign?.schools.map((s) => [String(s.schoolId), s.plannedDate]) ?? []);
      const fields: Fields = {
        ...f,
        schools: f.scopeKind === '选定学校' ? schools.map((id) => ({ schoolId: Number(id), plannedDate: planned.get(id) ?? null })) : [],
        checklist: f.checklistKind === '自定指标' ? ownItems.split('\n').map((l) => l.trim()).filter(Boolean) : f.checklist,
        members: members.map((id) => ({ supervisorId: Number(id), role: id === leader ? '组长' as const : '组员' as const })),
      };
      const saved = await call('campaigns.save', { id: campaign?.campaign.id, fields });
      notifyOk(campaign ? '专项督导已修改' : `已新建「${saved.name}」专项督导，督导学校${saved.progress.schoolsPlanned}所`);
      onSaved(saved);
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={campaign ? '编辑专项督导' : '新建专项督导'} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <Autocomplete label="专项名称" required data={[...CAMPAIGN_TOPICS]} value={f.name} error={errors.name}
            onChange={(name) => set({ name })} placeholder="如 双减、食品安全" />
          <DateField label="开始日期" required value={f.startDate} error={errors.startDate} onChange={(startDate) => set({ startDate })} />
          <DateField label="结束日期" required value={f.endDate} error={errors.endDate} onChange={(endDate) => set({ endDate })} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <TextInput label="依据文件" value={f.basisTitle ?? ''} error={errors.basisTitle} placeholder="如 关于开展学校食品安全专项督导的通知"
            onChange={(e) => set({ basisTitle: e.currentTarget.value })} />
          <TextInput label="文号" value={f.basisNumber ?? ''} error={errors.basisNumber} placeholder="如 清教督〔2026〕2号"
            onChange={(e) => set({ basisNumber: e.currentTarget.value })} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>督导范围</Text>
          <SegmentedControl aria-label="督导范围" data={[...CAMPAIGN_SCOPES]} value={f.scopeKind}
            onChange={(v) => set({ scopeKind: v as Fields['scopeKind'], scopeValue: null })} />
          {errors.scopeKind && <Text c="red" size="xs">{errors.scopeKind}</Text>}
        </Stack>
        {f.scopeKind === '选定学校' && (
          <MultiSelect label="督导学校" required searchable data={choices.schools} {...namePicker} value={schools} error={errors.schools}
            onChange={(v) => { setSchools(v); setErrors({}); }} placeholder="选择要督导的学校" nothingFoundMessage="没有匹配的学校" />
        )}
        {f.scopeKind === '学段类型' && (
          <Select label="学段类型" required data={[...SCHOOL_TYPES]} value={f.scopeValue ?? null} error={errors.scopeValue ?? errors.schools}
            onChange={(v) => set({ scopeValue: v })} description="保存时列入该类型的全部学校" />
        )}
        {f.scopeKind === '责任区' && (
          <Select label="责任区" required data={choices.zones} value={f.scopeValue ?? null} error={errors.scopeValue ?? errors.schools}
            onChange={(v) => set({ scopeValue: v })} description="保存时列入该责任区的全部学校" />
        )}
        {f.scopeKind === '全部学校' && <Text size="sm" c="dimmed">保存时列入全部学校。{errors.schools}</Text>}
        <Stack gap={4}>
          <Text size="sm" fw={500}>检查内容</Text>
          <SegmentedControl aria-label="检查内容" data={[...CAMPAIGN_CHECKLISTS]} value={f.checklistKind}
            onChange={(v) => set({ checklistKind: v as Fields['checklistKind'] })} />
        </Stack>
        {f.checklistKind === '八项事项' ? (
          <Checkbox.Group label="检查项目" value={f.checklist} error={errors.checklist} onChange={(checklist) => set({ checklist })}>
            <SimpleGrid cols={2} mt={4} spacing={6}>{choices.items.map((m) => <Checkbox key={m} value={m} label={m} />)}</SimpleGrid>
          </Checkbox.Group>
        ) : (
          <Textarea label="检查指标（每行一项）" autosize minRows={3} value={ownItems} error={errors.checklist}
            onChange={(e) => { setOwnItems(e.currentTarget.value); setErrors({}); }} placeholder={'课后服务时间安排\n课后服务内容和质量'} />
        )}
        <SimpleGrid cols={3}>
          <SupervisorsPicker label="督导组成员" options={choices.supervisors} value={members} error={errors.members}
            onChange={(v) => { setMembers(v); if (leader && !v.includes(leader)) setLeader(null); }} />
          <Select label="组长" data={choices.supervisors.filter((s) => members.includes(s.value))} {...namePicker} value={leader} onChange={setLeader}
            placeholder={members.length ? '从成员中选择' : '先选择成员'} clearable />
          <NumberInput label="回头看间隔（月）" min={1} max={24} value={f.followupMonths ?? ''} error={errors.followupMonths}
            description="问题销号后多少个月回头看；留空则不自动安排"
            onChange={(v) => set({ followupMonths: typeof v === 'number' ? v : null })} />
        </SimpleGrid>
        <Textarea label="备注" autosize minRows={1} value={f.notes ?? ''} onChange={(e) => set({ notes: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function blank(): Fields {
  const today = todayText();
  return { name: '', basisTitle: '', basisNumber: '', startDate: today, endDate: addDays(today, 30), scopeKind: '选定学校', scopeValue: null,
    checklistKind: '八项事项', checklist: [], followupMonths: 3, notes: '' };
}
