import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { SupervisorSelect } from '../../components/SupervisorSelect';
import { zoneFields, type Zone } from '../../../../shared/schemas/zone';

/** Create or edit a 责任区: its name, its leader (a supervisor) and notes. */
export function ZoneForm({ opened, zone, onClose, onSaved }: {
  opened: boolean;
  zone: Zone | null;
  onClose: () => void;
  onSaved: (z: Zone) => void;
}) {
  const [name, setName] = useState('');
  const [leaderId, setLeaderId] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(zone?.name ?? '');
    setLeaderId(zone?.leaderId ?? null);
    setNotes(zone?.notes ?? '');
    setErrors({});
  }, [opened, zone]);

  async function save() {
    const parsed = zoneFields.safeParse({ name, leaderId, notes });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      setErrors(next);
      return;
    }
    setBusy(true);
    try {
      const saved = await call('zones.save', { id: zone?.id, fields: parsed.data });
      notifyOk(zone ? `已保存责任区「${saved.name}」` : `已新增责任区「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      const field = e instanceof ApiCallError ? e.error.field?.replace(/^fields\./, '') : undefined;
      if (field === 'name' || field === 'leaderId') setErrors({ [field]: (e as Error).message });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={zone ? `编辑责任区：${zone.name}` : '新增责任区'} centered>
      <Stack gap="sm">
        <TextInput label="责任区名称" required value={name} error={errors.name || undefined}
          onChange={(e) => { setName(e.currentTarget.value); setErrors({}); }} />
        <SupervisorSelect
          label="组长" placeholder="输入姓名搜索督学（可不填）" value={leaderId}
          current={zone?.leaderId && zone.leaderName ? { id: zone.leaderId, name: zone.leaderName } : null}
          onChange={(v) => { setLeaderId(v); setErrors({}); }} error={errors.leaderId || undefined}
        />
        <Textarea label="备注" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes || undefined} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button onClick={save} loading={busy}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
