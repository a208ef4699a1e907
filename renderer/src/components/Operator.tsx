import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconUser } from '@tabler/icons-react';
import { call } from '../api';
import { notifyError, notifyOk } from '../notify';
import type { Operator } from '../../../shared/schemas/admin';

// The person the 操作日志 names (issue 16): asked on first start (WelcomePage), shown in the header,
// changed in 设置. A change is announced so the header follows at once.

const EVENT = 'dudao:operator';

/** The header's 操作人, a link to 设置 where it is changed. */
export function OperatorBadge({ initial }: { initial: Operator }) {
  const [op, setOp] = useState(initial);
  useEffect(() => {
    const on = (e: Event) => setOp((e as CustomEvent<Operator>).detail);
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, []);
  return (
    <Tooltip label={op.named ? '操作日志记录的操作人，可在“设置”中修改' : '尚未填写姓名，操作日志暂记为本机账户；请在“设置”中填写'}>
      <Anchor component={Link} to="/settings" size="sm" c={op.named ? 'dimmed' : 'orange.8'} style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap"><IconUser size={14} />操作人：{op.name}</Group>
      </Anchor>
    </Tooltip>
  );
}

/** 设置's 操作人: the name every change is logged under. */
export function OperatorField({ initial }: { initial: Operator }) {
  const [saved, setSaved] = useState(initial);
  const [name, setName] = useState(initial.named ? initial.name : '');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      const op = await call('operator.save', { name });
      setSaved(op);
      setName(op.name);
      setError(undefined);
      window.dispatchEvent(new CustomEvent(EVENT, { detail: op }));
      notifyOk(`操作人已改为「${op.name}」`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Group align="flex-end" gap="sm">
      <TextInput label="操作人姓名" w={240} maxLength={20} value={name} placeholder={saved.account} error={error}
        description={saved.named ? undefined : `尚未填写，目前记为本机账户「${saved.account}」`}
        onChange={(e) => { setName(e.currentTarget.value); setError(undefined); }}
        onKeyDown={(e) => { if (e.key === 'Enter') void save(); }} />
      <Button variant="light" loading={busy} disabled={!name.trim() || (saved.named && name.trim() === saved.name)} onClick={save}>保存姓名</Button>
      <Text size="sm" c="dimmed" mb={6}>本机每一次修改都以此姓名记入操作日志。</Text>
    </Group>
  );
}
