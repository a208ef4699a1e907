import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { IconFileSpreadsheet, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyCanceled, notifyError, notifyOk } from '../../notify';
import { saveFile } from '../../files';
import { followJob } from '../../jobs';
import { showSaveError } from '../../lib/forms';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ExportButton } from '../../components/ExportButton';
import { ProblemStatus, overdueRow } from '../../components/ProblemStatus';
import type { Input } from '../../../../shared/contract';
import type { Unit } from '../../../../shared/schemas/oversight';
import { UNIT_KINDS } from '../../../../shared/vocab';
import { todayText } from '../../../../shared/dates';
import { ProblemForm } from './ProblemForm';
import { ProblemTabs } from './ProblemTabs';

type UnitFields = Input<'units.save'>['fields'];

function UnitForm({ opened, unit, onClose, onSaved }: { opened: boolean; unit: Unit | null; onClose: () => void; onSaved: () => void }) {
  const [f, setF] = useState<UnitFields>({ name: '', kind: '乡镇（街道）' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    setF(unit ? { name: unit.name, kind: unit.kind, contact: unit.contact, phone: unit.phone, notes: unit.notes } : { name: '', kind: '乡镇（街道）' });
  }, [opened, unit]);
  const set = (c: Partial<UnitFields>) => { setF((x) => ({ ...x, ...c })); setErrors({}); };
  async function save() {
    setBusy(true);
    try {
      await call('units.save', { id: unit?.id, fields: f });
      notifyOk(unit ? '责任单位已修改' : `已新增责任单位「${f.name}」`);
      onSaved();
    } catch (e) {
      showSaveError(e, ['name', 'kind', 'contact', 'phone', 'notes'], setErrors);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={unit ? '编辑责任单位' : '新增责任单位'}>
      <Stack gap="sm">
        <TextInput label="单位名称" required value={f.name} error={errors.name} placeholder="如 城关街道办事处、区教育局计划财务科"
          onChange={(e) => set({ name: e.currentTarget.value })} />
        <Select label="单位类别" required allowDeselect={false} data={[...UNIT_KINDS]} value={f.kind} error={errors.kind} onChange={(v) => set({ kind: (v ?? '其他') as UnitFields['kind'] })} />
        <SimpleGrid cols={2}>
          <TextInput label="联系人" value={f.contact ?? ''} error={errors.contact} onChange={(e) => set({ contact: e.currentTarget.value })} />
          <TextInput label="联系电话" value={f.phone ?? ''} error={errors.phone} onChange={(e) => set({ phone: e.currentTarget.value })} />
        </SimpleGrid>
        <Textarea label="备注" autosize value={f.notes ?? ''} onChange={(e) => set({ notes: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * 督政: the units that own problems (a bureau section, a township, a county department) and their problems,
 * with 督导建议书 / 协商函 to one unit on the problems ticked.
 */
export function UnitProblems() {
  const units = useApi('units.list', {});
  const [unitId, setUnitId] = useState<number | null>(null);
  const problems = useApi('problems.list', { owner: 'unit', unitId: unitId ?? undefined, limit: 500 });
  const [editing, setEditing] = useState<Unit | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Unit | null>(null);
  const [adding, setAdding] = useState(false);
  const [ticked, setTicked] = useState<number[]>([]);
  const reload = () => { void units.reload(); void problems.reload(); };
  const [exporting, setExporting] = useState(false);
  async function exportLedger() {
    setExporting(true);
    try {
      const done = await followJob(call('problems.exportLedger', { owner: 'unit', unitId: unitId ?? undefined }));
      if (!done) notifyCanceled('没有导出督政问题台账。');
      else if (await saveFile(done.file)) notifyOk(`已导出「${done.file.fileName}」，共 ${done.rows} 条问题。`);
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  }
  const rows = problems.data?.rows ?? [];
  const tickedUnit = rows.find((p) => p.id === ticked[0])?.unitId ?? null;
  const tickedKind = units.data?.find((u) => u.id === tickedUnit)?.kind;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>问题整改</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>登记督政问题</Button>
      </Group>
      <ProblemTabs />
      {(units.error ?? problems.error) && <Alert color="red" title="无法读取督政问题">{units.error ?? problems.error}</Alert>}
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={4}>责任单位</Title>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing(null)}>新增单位</Button>
        </Group>
        <Table aria-label="责任单位" verticalSpacing={4}>
          <Table.Thead><Table.Tr><Table.Th>单位名称</Table.Th><Table.Th w={120}>类别</Table.Th><Table.Th w={160}>联系人／电话</Table.Th><Table.Th w={130}>未销号／全部问题</Table.Th><Table.Th w={80} /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {units.data?.map((u) => (
              <Table.Tr key={u.id} bg={u.id === unitId ? 'blue.0' : undefined}>
                <Table.Td><Anchor component="button" type="button" onClick={() => { setUnitId(u.id === unitId ? null : u.id); setTicked([]); }}>{u.name}</Anchor></Table.Td>
                <Table.Td><Text size="sm">{u.kind}</Text></Table.Td>
                <Table.Td><Text size="sm">{[u.contact, u.phone].filter(Boolean).join(' ') || '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{u.openProblems} / {u.problems}</Text></Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`编辑 ${u.name}`} onClick={() => setEditing(u)}><IconPencil size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`删除 ${u.name}`} onClick={() => setDeleting(u)}><IconTrash size={16} /></ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {units.data?.length === 0 && <Text size="sm" c="dimmed" ta="center" py="sm">还没有责任单位。督政问题由教育局科室、乡镇（街道）或县直部门整改，请先新增单位。</Text>}
      </Paper>

      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={4}>督政问题{unitId ? ` · ${units.data?.find((u) => u.id === unitId)?.name ?? ''}` : ''}（{problems.data?.total ?? 0}个）</Title>
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconFileSpreadsheet size={14} />} loading={exporting} onClick={() => void exportLedger()}>导出督政台账</Button>
            <Text size="xs" c="dimmed">勾选同一单位的问题导出文书：</Text>
            <ExportButton size="xs" channel="documents.unitLetter" label="导出督导建议书" disabled={!ticked.length}
              input={{ problemIds: ticked, kind: '督导建议书', issuedDate: todayText() }} color={tickedKind === '教育局科室' ? 'gray' : undefined} />
            <ExportButton size="xs" channel="documents.unitLetter" label="导出协商函" disabled={!ticked.length}
              input={{ problemIds: ticked, kind: '协商函', issuedDate: todayText() }} color={tickedKind === '教育局科室' ? undefined : 'gray'} />
          </Group>
        </Group>
        <Table aria-label="督政问题" verticalSpacing={6}>
          <Table.Thead><Table.Tr><Table.Th w={36} /><Table.Th w={180}>责任单位</Table.Th><Table.Th>问题描述</Table.Th><Table.Th w={110}>专项督导</Table.Th><Table.Th w={110}>整改时限</Table.Th><Table.Th w={140}>状态</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.id} style={overdueRow(p.overdue)}>
                <Table.Td><Checkbox aria-label={`选择 ${p.description}`} checked={ticked.includes(p.id)}
                  disabled={tickedUnit !== null && p.unitId !== tickedUnit}
                  onChange={(e) => setTicked(e.currentTarget.checked ? [...ticked, p.id] : ticked.filter((x) => x !== p.id))} /></Table.Td>
                <Table.Td><Text size="sm">{p.ownerName}</Text></Table.Td>
                <Table.Td><Anchor component={Link} to={`/problems/${p.id}`} size="sm">{p.description}</Anchor>
                  {p.rebounds > 0 && <Badge size="xs" color="red" ml={4}>反弹</Badge>}</Table.Td>
                <Table.Td><Text size="xs">{p.campaign ?? '—'}</Text></Table.Td>
                <Table.Td><Text size="sm">{p.dueDate ?? '—'}</Text></Table.Td>
                <Table.Td><ProblemStatus problem={p} /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length === 0 && <Text size="sm" c="dimmed" ta="center" py="sm">没有督政问题。</Text>}
      </Paper>

      <UnitForm opened={editing !== undefined} unit={editing ?? null} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); reload(); }} />
      <ConfirmDelete what="责任单位" title={deleting?.name ?? ''} opened={!!deleting} onClose={() => setDeleting(null)}
        onConfirm={async () => { await call('units.delete', { id: deleting!.id }); notifyOk('责任单位已移入回收站，其问题随之隐藏，恢复后重新显示'); reload(); }} />
      <ProblemForm opened={adding} problem={null} owner="unit" onClose={() => setAdding(false)} onSaved={() => { setAdding(false); reload(); }} />
    </Stack>
  );
}
