import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Group, Loader, Modal, NumberInput, Paper, ScrollArea, Stack, Table, Text, Textarea, Title, Tooltip, UnstyledButton,
} from '@mantine/core';
import { IconArrowLeft, IconCheck, IconFileSpreadsheet, IconLockOpen, IconRefresh, IconTrash } from '@tabler/icons-react';
import { ApiCallError, call } from '../../api';
import { notifyError, notifyOk } from '../../notify';
import { ExportButton } from '../../components/ExportButton';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { GradeBadge } from './GradeBadge';
import { ASSESSMENT_GRADES } from '../../../../shared/vocab';
import { scoreRange } from '../../../../shared/assessment-score';
import type { Assessment, AssessmentRow, ItemScore, SchemeItem } from '../../../../shared/schemas/assessment';

interface Editing { row: AssessmentRow; item: SchemeItem; score: ItemScore }

/** One year's 考核: every supervisor's item scores (click one to adjust it, with a reason), total, grade and rank. */
export function AssessmentDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [x, setX] = useState<Assessment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    call('assessments.get', { id: Number(id) }).then(setX, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [id]);

  async function run(what: string, f: () => Promise<Assessment>, done: string) {
    setBusy(what);
    try {
      setX(await f());
      notifyOk(done);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  if (error) return <Alert color="red" title="无法打开这次考核">{error}</Alert>;
  if (!x) return <Loader />;
  const draft = x.status === '草稿';
  const full = x.scheme.items.reduce((n, i) => n + i.points, 0);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Anchor component="button" onClick={() => navigate('/assessments')} aria-label="返回督学考核"><IconArrowLeft size={18} /></Anchor>
          <Title order={2}>{x.year}年度督学考核</Title>
          <Badge color={draft ? 'gray' : 'green'} variant="light" size="lg">{x.status}</Badge>
        </Group>
        <Group gap="xs">
          {draft ? (
            <>
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={busy === 'compute'}
                onClick={() => run('compute', () => call('assessments.compute', { year: x.year }), '已按档案和当前考核办法重新计算（保留了分数调整）。')}>重新计算</Button>
              <Button leftSection={<IconCheck size={16} />} onClick={() => setFinishing(true)}>完成考核</Button>
            </>
          ) : (
            <Button variant="default" leftSection={<IconLockOpen size={16} />} loading={busy === 'reopen'}
              onClick={() => run('reopen', () => call('assessments.reopen', { id: x.id }), '已重新打开，可以调整或重新计算；完成前结果不计入督学履历。')}>重新打开</Button>
          )}
          <ExportButton channel="assessments.exportSummary" input={{ id: x.id, format: 'docx' }} label="汇总表Word" />
          <ExportButton channel="assessments.exportSummary" input={{ id: x.id, format: 'xlsx' }} label="汇总表Excel" icon={<IconFileSpreadsheet size={16} />} />
          <ExportButton channel="assessments.exportSheets" input={{ id: x.id }} label="全部考核表" />
          {draft && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>}
        </Group>
      </Group>

      <Paper withBorder p="sm">
        <Group gap="lg">
          <Text size="sm">考核依据：《{x.scheme.title}》，满分{full}分</Text>
          <Text size="sm">数据截至：{x.until}</Text>
          <Text size="sm">考核{x.supervisorCount}人：</Text>
          {ASSESSMENT_GRADES.map((g) => <Group key={g} gap={4}><GradeBadge grade={g} /><Text size="sm">{x.gradeCounts[g]}人</Text></Group>)}
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          等次：优秀{x.scheme.thresholds.excellent}分以上，合格{x.scheme.thresholds.pass}分以上，基本合格{x.scheme.thresholds.basic}分以上。
          {draft ? '点击某项得分可以调整分数并写明理由；完成考核后结果记入督学履历。' : '考核已完成，结果已记入督学履历；如需修改请先「重新打开」。'}
        </Text>
      </Paper>

      <Paper withBorder>
        <ScrollArea>
          <Table striped withColumnBorders aria-label="考核结果" miw={900}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>排名</Table.Th><Table.Th>姓名</Table.Th><Table.Th>类别</Table.Th>
                {x.scheme.items.map((i) => <Table.Th key={i.key} ta="center">{i.label}<Text size="xs" c="dimmed">{i.points}分</Text></Table.Th>)}
                <Table.Th ta="center">总分</Table.Th><Table.Th>等次</Table.Th><Table.Th>考核表</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.rows.map((r) => (
                <Table.Tr key={r.supervisorId}>
                  <Table.Td>{r.rank}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{r.category}</Text></Table.Td>
                  {x.scheme.items.map((item) => {
                    const s = r.items.find((i) => i.key === item.key)!;
                    const label = `${r.name}「${item.label}」得分${s.score}分`;
                    const cell = (
                      <Text size="sm" fw={s.adjustment !== null ? 700 : undefined} c={s.adjustment !== null ? 'orange.8' : undefined}>
                        {s.score}{s.adjustment !== null ? '*' : ''}
                      </Text>
                    );
                    return (
                      <Table.Td key={item.key} ta="center">
                        <Tooltip label={[s.measure.text, s.adjustment !== null ? `调整${s.adjustment > 0 ? '+' : ''}${s.adjustment}分：${s.comment}` : ''].filter(Boolean).join('；') || item.label} multiline maw={320}>
                          {draft ? <UnstyledButton aria-label={label} onClick={() => setEditing({ row: r, item, score: s })}>{cell}</UnstyledButton> : <span aria-label={label}>{cell}</span>}
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="center" fw={700}>{r.total}</Table.Td>
                  <Table.Td><GradeBadge grade={r.grade} /></Table.Td>
                  <Table.Td><ExportButton channel="assessments.exportSheets" input={{ id: x.id, supervisorId: r.supervisorId }} label="下载" size="xs" variant="subtle" aria-label={`下载${r.name}的考核表`} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      </Paper>

      {editing && <AdjustModal x={x} editing={editing} onClose={() => setEditing(null)} onSaved={(next) => { setX(next); setEditing(null); }} />}

      <Modal opened={finishing} onClose={() => setFinishing(false)} title={`完成${x.year}年度考核`} centered>
        <Stack>
          <Text size="sm">完成后，{x.supervisorCount}名督学的考核结果（总分、等次、排名）记入各自的督学履历，本次考核不能再调整或重新计算；确需修改时可以「重新打开」。</Text>
          {x.until < `${x.year}-12-31` && <Alert color="yellow" p="xs">{x.year}年度尚未结束：数据截至{x.until}。</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setFinishing(false)}>取消</Button>
            <Button loading={busy === 'finish'} onClick={() => { setFinishing(false); void run('finish', () => call('assessments.finish', { id: x.id }), `${x.year}年度考核已完成，结果已记入督学履历。`); }}>完成考核</Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDelete what="考核" title={`${x.year}年度督学考核`} opened={deleting} onClose={() => setDeleting(false)}
        onConfirm={async () => { await call('assessments.delete', { id: x.id }); notifyOk('已将这次考核移入回收站'); navigate('/assessments'); }} />
    </Stack>
  );
}

/** Adjust one item of one supervisor: points added or taken, kept within the item's range, with a reason. */
function AdjustModal({ x, editing, onClose, onSaved }: { x: Assessment; editing: Editing; onClose(): void; onSaved(next: Assessment): void }) {
  const { row, item, score } = editing;
  const [points, setPoints] = useState<number | string>(score.adjustment ?? '');
  const [comment, setComment] = useState(score.comment ?? '');
  const [error, setError] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { low, high } = scoreRange(item);

  async function save(remove = false) {
    setBusy(true);
    try {
      const p = remove || points === '' ? null : Number(points);
      onSaved(await call('assessments.adjust', { id: x.id, supervisorId: row.supervisorId, itemKey: item.key, points: p, comment: remove ? null : comment }));
      notifyOk(p === null ? '已取消这项调整。' : '已调整分数。');
    } catch (e) {
      const field = e instanceof ApiCallError ? e.error.field : undefined;
      if (field === 'points' || field === 'comment') setError({ [field]: e instanceof Error ? e.message : String(e) });
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={`调整分数：${row.name} · ${item.label}`} centered size="lg">
      <Stack gap="sm">
        <Text size="sm">评分标准：{item.rule ?? '—'}</Text>
        <Text size="sm">完成情况：{score.measure.text || '（人工评分）'}</Text>
        <Text size="sm">计算得分：<b>{score.computed}</b>分（本项得分范围 {low} 至 {high} 分）</Text>
        <NumberInput label="调整分值" description="加分填正数，扣分填负数；清空则取消调整" step={0.5} decimalScale={1} value={points}
          onChange={(v) => { setPoints(v); setError({}); }} error={error.points} />
        <Textarea label="调整理由" withAsterisk autosize minRows={2} value={comment} onChange={(e) => { setComment(e.currentTarget.value); setError({}); }}
          error={error.comment} placeholder="如：无故缺席12月培训一次" />
        <Group justify="space-between">
          {score.adjustment !== null ? <Button variant="subtle" color="red" onClick={() => void save(true)} loading={busy}>取消调整</Button> : <span />}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button onClick={() => void save()} loading={busy}>保存调整</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
