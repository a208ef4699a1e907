import { useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { Attachments, type StoredFile } from '../../components/Attachments';
import { namePicker, schoolOptionOf } from '../../components/name-options';
import { useChoices } from '../../lib/options';
import type { Round } from '../../../../shared/schemas/evaluation';
import { round2 } from '../../../../shared/indicators';

interface Entry { score: number | null; note: string; evidence: StoredFile[]; scorer?: string | null; scoredAt?: string | null }
const SCORER_KEY = 'dudao-scorer';

/**
 * Scoring one school: every indicator of the round in outline order, a score (within its 分值), a note on
 * what was deducted and evidence files on the ones scored directly; saved with the scorer's name.
 */
export function ScoreEntry({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const results = useApi('evaluations.results', { id: round.id });
  const choices = useChoices();
  const [schoolId, setSchoolId] = useState<string | null>(null);
  const [scorer, setScorer] = useState(() => localStorage.getItem(SCORER_KEY) ?? '');
  const [entries, setEntries] = useState<Record<number, Entry>>({});
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The school whose scores are shown: the grid waits for them, so nothing typed is overwritten as they arrive.
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const schools = results.data?.schools ?? [];

  useEffect(() => {
    if (!schoolId) return;
    setLoadedFor(null);
    let live = true;
    call('evaluations.scores', { id: round.id, schoolId: Number(schoolId) }).then((rows) => {
      if (!live) return;
      setEntries(Object.fromEntries(rows.map((r) => [r.indicatorId,
        { score: r.score, note: r.note ?? '', evidence: r.evidence, scorer: r.scorer, scoredAt: r.scoredAt }])));
      setLoadError(null);
      setLoadedFor(schoolId);
    }).catch((e: unknown) => { if (live) setLoadError(e instanceof Error ? e.message : String(e)); });
    return () => { live = false; };
  }, [schoolId]);

  const leaves = round.indicators.filter((i) => i.leaf);
  const total = round2(leaves.reduce((s, l) => s + (entries[l.id]?.score ?? 0), 0));
  const scored = leaves.filter((l) => entries[l.id]?.score !== null && entries[l.id]?.score !== undefined).length;
  const update = (id: number, change: Partial<Entry>) => setEntries((e) => ({ ...e, [id]: { ...(e[id] ?? { score: null, note: '', evidence: [] }), ...change } }));

  async function save() {
    setBusy(true);
    try {
      localStorage.setItem(SCORER_KEY, scorer);
      await call('evaluations.saveScores', { id: round.id, schoolId: Number(schoolId), scorer, scores: leaves.map((l) => ({
        indicatorId: l.id, score: entries[l.id]?.score ?? null, note: entries[l.id]?.note || null, evidence: entries[l.id]?.evidence ?? [],
      })) });
      notifyOk(`已保存${schools.find((s) => String(s.schoolId) === schoolId)?.schoolName ?? ''}的评分（${scored}/${leaves.length}项，总分${total}）`);
      await results.reload();
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select label="学校" searchable w={280} placeholder="选择要评分的学校" value={schoolId} onChange={setSchoolId} {...namePicker}
          data={schools.map((s) => schoolOptionOf(choices.schools, s.schoolId, s.schoolName, s.complete ? `${s.total}分` : s.scored ? `已评${s.scored}项` : undefined))} />
        <TextInput label="评分人" required w={160} value={scorer} onChange={(e) => setScorer(e.currentTarget.value)} />
        {schoolId && loadedFor === schoolId && <Text size="sm">已评 {scored}/{leaves.length} 项，总分 <b>{total}</b>（达标线 {round.passScore}）</Text>}
        {schoolId && loadedFor === schoolId && !round.closedAt && (
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={busy} disabled={!scorer.trim()} onClick={() => void save()}>保存评分</Button>
        )}
      </Group>
      {round.closedAt && <Alert color="green">评估已完成，评分只可查看。如需修改，请先「重新打开」。</Alert>}
      {loadError && <Alert color="red" title="无法读取评分">{loadError}</Alert>}
      {!schoolId && <Text size="sm" c="dimmed">选择一所学校，按指标逐项评分；也可「导出评分表」在 Excel 中填写后「导入评分表」。</Text>}
      {schoolId && loadedFor !== schoolId && !loadError && <Loader size="sm" />}
      {schoolId && loadedFor === schoolId && (
        <Paper withBorder>
          <Table aria-label="评分" verticalSpacing={4}>
            <Table.Thead><Table.Tr><Table.Th w={70}>编码</Table.Th><Table.Th>指标与评价要点</Table.Th><Table.Th w={70}>分值</Table.Th><Table.Th w={110}>得分</Table.Th>
              <Table.Th w={220}>扣分说明</Table.Th><Table.Th w={220}>佐证材料</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {round.indicators.map((i) => (i.leaf ? (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.code}</Table.Td>
                  <Table.Td><Text size="sm">{i.name}</Text>{i.points && <Text size="xs" c="dimmed">{i.points}</Text>}</Table.Td>
                  <Table.Td>{i.fullScore}</Table.Td>
                  <Table.Td><NumberInput size="xs" aria-label={`${i.code} ${i.name}得分`} min={0} max={i.fullScore} step={0.5} decimalScale={2} readOnly={!!round.closedAt}
                    value={entries[i.id]?.score ?? ''} onChange={(v) => update(i.id, { score: typeof v === 'number' ? v : null })}
                    error={(entries[i.id]?.score ?? 0) > i.fullScore ? `不能超过${i.fullScore}` : undefined} />
                    {entries[i.id]?.scorer && <Text size="xs" c="dimmed">{entries[i.id]!.scorer} {entries[i.id]!.scoredAt?.slice(0, 10)}</Text>}</Table.Td>
                  <Table.Td><TextInput size="xs" aria-label={`${i.code}扣分说明`} value={entries[i.id]?.note ?? ''} readOnly={!!round.closedAt}
                    onChange={(e) => update(i.id, { note: e.currentTarget.value })} /></Table.Td>
                  <Table.Td><Attachments files={entries[i.id]?.evidence ?? []} photos={false} label="佐证"
                    onChange={round.closedAt ? undefined : (evidence) => update(i.id, { evidence })} /></Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={i.id} bg="gray.0">
                  <Table.Td fw={700}>{i.code}</Table.Td><Table.Td colSpan={5}><Text size="sm" fw={700}>{i.name}（{i.fullScore}分）</Text></Table.Td>
                </Table.Tr>
              )))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
