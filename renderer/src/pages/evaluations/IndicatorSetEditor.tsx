import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title, Tooltip,
} from '@mantine/core';
import { IconArrowLeft, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import type { Input } from '../../../../shared/contract';
import { checkOutline, fullScoreOf, fullScores, isLeaf, outlineCodes } from '../../../../shared/indicators';
import { EVALUATION_KINDS } from '../../../../shared/vocab';

type Fields = Input<'indicatorSets.save'>['fields'];
type Row = Fields['indicators'][number] & { key: number };
const LEVELS = [{ value: '1', label: '一级' }, { value: '2', label: '二级' }, { value: '3', label: '三级' }];
let keys = 0;
const row = (level: 1 | 2 | 3, name = ''): Row => ({ key: ++keys, level, name, points: '', maxScore: null, passScore: null });

/**
 * An indicator set of the library: its indicators as an outline (一级 / 二级 / 三级 in order), each with 评价要点;
 * 分值 and 达标线 on those with nothing under them (a higher one's 分值 is the sum). Checked as it is typed.
 */
export function IndicatorSetEditor() {
  const param = useParams().id;
  const id = param === 'new' ? undefined : Number(param);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Fields['kind']>('达标监测');
  const [passScore, setPassScore] = useState<number | string>('');
  const [notes, setNotes] = useState('');
  const [rows, setRows] = useState<Row[]>([row(1), row(2)]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    if (!id) return;
    call('indicatorSets.get', { id }).then((s) => {
      setName(s.name); setKind(s.kind); setPassScore(s.passScore ?? ''); setNotes(s.notes ?? '');
      setRows(s.indicators.map((i) => ({ ...i, key: ++keys })));
    }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [id]);

  const items = rows.map((r) => ({ ...r, maxScore: r.maxScore ?? null, passScore: r.passScore ?? null }));
  const codes = outlineCodes(items);
  const full = fullScores(items);
  const problems = checkOutline(items);
  const update = (key: number, change: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (i: number, d: -1 | 1) => setRows((rs) => { const n = [...rs]; [n[i], n[i + d]] = [n[i + d], n[i]]; return n; });

  async function save() {
    setBusy(true);
    try {
      const saved = await call('indicatorSets.save', { id, fields: {
        name, kind, passScore: typeof passScore === 'number' ? passScore : null, notes,
        indicators: rows.map(({ key: _k, ...r }) => ({ ...r, points: r.points || null })),
      } });
      notifyOk(`指标体系「${saved.name}」已保存（${saved.indicators.length}项指标，满分${saved.fullScore}）`);
      if (!id) navigate(`/evaluations/library/${saved.id}`, { replace: true });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/evaluations?tab=library')}>指标库</Button>
          <Title order={2}>{id ? name || '指标体系' : '新建指标体系'}</Title>
        </Group>
        <Group>
          {id && <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>}
          <Button loading={busy} onClick={() => void save()}>保存指标体系</Button>
        </Group>
      </Group>
      {error && <Alert color="red" title="无法打开指标体系">{error}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TextInput label="指标体系名称" required value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder="如 义务教育学校办学条件达标监测指标" />
          <Select label="评估类别" data={[...EVALUATION_KINDS]} value={kind} onChange={(v) => setKind((v ?? '其他') as Fields['kind'])} allowDeselect={false} />
          <NumberInput label="总分达标线" min={0} max={1000} value={passScore} onChange={setPassScore} description={`满分 ${fullScoreOf(items)}`} />
          <Textarea label="说明" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        </SimpleGrid>
      </Paper>
      {problems.length > 0 && (
        <Alert color="orange" title="指标还需调整">
          <Stack gap={2}>{problems.slice(0, 6).map((p) => <Text key={p.row} size="sm">{p.message}</Text>)}</Stack>
        </Alert>
      )}
      <Paper withBorder>
        <Table aria-label="指标" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr><Table.Th w={70}>编码</Table.Th><Table.Th w={90}>级别</Table.Th><Table.Th>指标名称</Table.Th><Table.Th>评价要点</Table.Th>
              <Table.Th w={100}>分值</Table.Th><Table.Th w={100}>达标线</Table.Th><Table.Th w={130} /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const leaf = isLeaf(items, i);
              return (
                <Table.Tr key={r.key} bg={problems.some((p) => p.row === i) ? 'orange.0' : undefined}>
                  <Table.Td><Text size="sm" fw={r.level === 1 ? 700 : undefined}>{codes[i]}</Text></Table.Td>
                  <Table.Td><Select size="xs" aria-label={`第${i + 1}行级别`} data={LEVELS} value={String(r.level)} allowDeselect={false}
                    onChange={(v) => update(r.key, { level: Number(v) as 1 | 2 | 3 })} /></Table.Td>
                  <Table.Td><TextInput size="xs" aria-label={`第${i + 1}行指标名称`} value={r.name} pl={(r.level - 1) * 16}
                    onChange={(e) => update(r.key, { name: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><TextInput size="xs" aria-label={`第${i + 1}行评价要点`} value={r.points ?? ''} onChange={(e) => update(r.key, { points: e.currentTarget.value })} /></Table.Td>
                  <Table.Td>{leaf
                    ? <NumberInput size="xs" aria-label={`第${i + 1}行分值`} min={0} max={1000} value={r.maxScore ?? ''} onChange={(v) => update(r.key, { maxScore: typeof v === 'number' ? v : null })} />
                    : <Text size="sm" c="dimmed" ta="center">{full[i]}</Text>}</Table.Td>
                  <Table.Td><NumberInput size="xs" aria-label={`第${i + 1}行达标线`} min={0} max={1000} value={r.passScore ?? ''}
                    onChange={(v) => update(r.key, { passScore: typeof v === 'number' ? v : null })} /></Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label="在下面添加同级指标"><ActionIcon variant="subtle" aria-label={`在第${i + 1}行下添加`}
                        onClick={() => setRows((rs) => [...rs.slice(0, i + 1), row(r.level), ...rs.slice(i + 1)])}><IconPlus size={14} /></ActionIcon></Tooltip>
                      <ActionIcon variant="subtle" aria-label={`上移第${i + 1}行`} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={14} /></ActionIcon>
                      <ActionIcon variant="subtle" aria-label={`下移第${i + 1}行`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={14} /></ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={`删除第${i + 1}行`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}><IconTrash size={14} /></ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group p="sm">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRows((rs) => [...rs, row(1)])}>添加一级指标</Button>
          <Text size="xs" c="dimmed">二级、三级指标排在所属上级指标之后；有下级指标的，分值按下级相加。</Text>
        </Group>
      </Paper>
      <ConfirmDelete what="指标体系" title={name} opened={deleting} onClose={() => setDeleting(false)}
        onConfirm={async () => { await call('indicatorSets.delete', { id: id! }); notifyOk('指标体系已移入回收站；已建立的评估不受影响'); navigate('/evaluations?tab=library'); }} />
    </Stack>
  );
}
