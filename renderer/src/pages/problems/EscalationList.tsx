import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPencil, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { showSaveError } from '../../lib/forms';
import { years } from '../../lib/options';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { DateField } from '../../components/DateFields';
import type { Input } from '../../../../shared/contract';
import type { Escalation } from '../../../../shared/schemas/oversight';
import type { Problem } from '../../../../shared/schemas/problem';
import { ESCALATION_KINDS } from '../../../../shared/vocab';
import { todayText } from '../../../../shared/dates';
import { ProblemTabs } from './ProblemTabs';

type Fields = Input<'escalations.save'>['fields'];
type Picked = Pick<Problem, 'id' | 'description' | 'ownerName'>;

/** Find problems by text (schools' and units') and pick them. */
function ProblemPicker({ picked, onChange, error }: { picked: Picked[]; onChange: (p: Picked[]) => void; error?: string }) {
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q.trim(), 250);
  const [found, setFound] = useState<Problem[]>([]);
  useEffect(() => {
    if (!search) { setFound([]); return; }
    let live = true;
    Promise.all([call('problems.list', { q: search, limit: 15 }), call('problems.list', { q: search, limit: 15, owner: 'unit' })])
      .then(([s, u]) => { if (live) setFound([...s.rows, ...u.rows]); }).catch(() => undefined);
    return () => { live = false; };
  }, [search]);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>涉及的问题</Text>
      {picked.map((p) => (
        <Group key={p.id} gap={4} wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>{p.ownerName}：{p.description}</Text>
          <ActionIcon size="sm" variant="subtle" color="red" aria-label={`移除问题 ${p.description}`} onClick={() => onChange(picked.filter((x) => x.id !== p.id))}><IconX size={14} /></ActionIcon>
        </Group>
      ))}
      <TextInput placeholder="输入问题描述或学校、单位名称查找问题" value={q} onChange={(e) => setQ(e.currentTarget.value)} aria-label="查找问题" error={error} />
      {found.filter((f) => !picked.some((p) => p.id === f.id)).slice(0, 10).map((f) => (
        <Anchor key={f.id} size="sm" component="button" type="button" ta="left" onClick={() => { onChange([...picked, f]); setQ(''); }}>
          ＋ {f.ownerName}：{f.description}（{f.status}）
        </Anchor>
      ))}
    </Stack>
  );
}

/** 登记约谈 / 通报: date, 对象, who held it (or the document), outcome, and the problems it concerns. */
export function EscalationForm({ opened, escalation, problems, kind = '约谈', onClose, onSaved }: {
  opened: boolean;
  escalation: Escalation | null;
  /** Problems to start with (from a problem's page). */
  problems?: Picked[];
  kind?: Fields['kind'];
  onClose: () => void;
  onSaved: () => void;
}) {
  const [f, setF] = useState<Omit<Fields, 'problemIds'>>({ kind, date: todayText(), target: '', hosts: '', outcome: '' });
  const [picked, setPicked] = useState<Picked[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setErrors({});
    if (escalation) {
      setF({ kind: escalation.kind, date: escalation.date, target: escalation.target, hosts: escalation.hosts, outcome: escalation.outcome });
      setPicked(escalation.problems);
    } else {
      setF({ kind, date: todayText(), target: '', hosts: '', outcome: '' });
      setPicked(problems ?? []);
    }
  }, [opened, escalation]);
  const set = (c: Partial<Fields>) => { setF((x) => ({ ...x, ...c })); setErrors({}); };
  async function save() {
    setBusy(true);
    try {
      await call('escalations.save', { id: escalation?.id, fields: { ...f, problemIds: picked.map((p) => p.id) } });
      notifyOk(`${f.kind}已登记，并记入所涉问题的整改过程`);
      onSaved();
    } catch (e) {
      showSaveError(e, ['kind', 'date', 'target', 'hosts', 'outcome', 'problemIds'], setErrors);
    } finally {
      setBusy(false);
    }
  }
  const talk = f.kind === '约谈';
  return (
    <Modal opened={opened} onClose={onClose} title={escalation ? `修改${f.kind}` : `登记${f.kind}`} size="lg">
      <Stack gap="sm">
        <SegmentedControl aria-label="类别" data={[...ESCALATION_KINDS]} value={f.kind} onChange={(v) => set({ kind: v as Fields['kind'] })} />
        <Group grow>
          <DateField label="日期" required value={f.date} error={errors.date} onChange={(date) => set({ date })} />
          <TextInput label={talk ? '约谈对象' : '通报范围'} required value={f.target} error={errors.target}
            placeholder={talk ? '如 城关第一小学校长 王某某' : '如 全区中小学'} onChange={(e) => set({ target: e.currentTarget.value })} />
        </Group>
        <TextInput label={talk ? '约谈人' : '通报文件'} value={f.hosts ?? ''} error={errors.hosts}
          placeholder={talk ? '如 区教育督导室主任' : '如 关于……的通报（清教督〔2026〕8号）'} onChange={(e) => set({ hosts: e.currentTarget.value })} />
        <Textarea label={talk ? '约谈结果' : '通报内容'} autosize minRows={2} value={f.outcome ?? ''} error={errors.outcome}
          onChange={(e) => set({ outcome: e.currentTarget.value })} />
        <ProblemPicker picked={picked} onChange={(p) => { setPicked(p); setErrors({}); }} error={errors.problemIds} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button loading={busy} onClick={() => void save()}>保存</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 问题整改 · 约谈通报: the year's 约谈 and 通报 with the problems each concerns. */
export function EscalationsPage() {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const got = useApi('escalations.list', { year: Number(year) });
  const [editing, setEditing] = useState<Escalation | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Escalation | null>(null);
  return (
    <Stack gap="md">
      <Title order={2}>问题整改</Title>
      <ProblemTabs />
      <Group justify="space-between">
        <Select label="年份" w={110} allowDeselect={false} data={years()} value={year} onChange={(v) => v && setYear(v)} />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>登记约谈或通报</Button>
      </Group>
      {got.error && <Alert color="red" title="无法读取约谈通报">{got.error}</Alert>}
      <Paper withBorder>
        <Table aria-label="约谈通报" verticalSpacing="xs">
          <Table.Thead><Table.Tr><Table.Th w={110}>日期</Table.Th><Table.Th w={70}>类别</Table.Th><Table.Th w={200}>对象</Table.Th><Table.Th>涉及问题</Table.Th><Table.Th w={220}>结果</Table.Th><Table.Th w={80} /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {got.data?.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.date}</Table.Td>
                <Table.Td><Badge color={e.kind === '约谈' ? 'orange' : 'red'}>{e.kind}</Badge></Table.Td>
                <Table.Td><Text size="sm">{e.target}</Text>{e.hosts && <Text size="xs" c="dimmed">{e.hosts}</Text>}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>{e.problems.map((p) => <Anchor key={p.id} component={Link} to={`/problems/${p.id}`} size="sm">{p.ownerName}：{p.description}</Anchor>)}</Stack>
                </Table.Td>
                <Table.Td><Text size="sm" lineClamp={3}>{e.outcome ?? ''}</Text></Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`修改${e.kind} ${e.date}`} onClick={() => setEditing(e)}><IconPencil size={16} /></ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`删除${e.kind} ${e.date}`} onClick={() => setDeleting(e)}><IconTrash size={16} /></ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {got.data?.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">{year}年没有约谈或通报。整改不力、回头看反弹的问题，可登记约谈或通报。</Text>}
      </Paper>
      <EscalationForm opened={editing !== undefined} escalation={editing ?? null} onClose={() => setEditing(undefined)}
        onSaved={() => { setEditing(undefined); void got.reload(); }} />
      <ConfirmDelete what={deleting?.kind ?? '约谈'} title={`${deleting?.date ?? ''} ${deleting?.target ?? ''}`} opened={!!deleting} onClose={() => setDeleting(null)}
        onConfirm={async () => { await call('escalations.delete', { id: deleting!.id }); notifyOk('已移入回收站'); void got.reload(); }} />
    </Stack>
  );
}
