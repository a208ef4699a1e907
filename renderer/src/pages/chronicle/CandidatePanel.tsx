import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconChecks, IconEdit, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { notifyError, notifyLatest } from '../../notify';
import {
  CHRONICLE_GROUPS, CHRONICLE_GROUP_LABELS, type CandidateKey, type ChronicleCandidate, type ChronicleGroup,
} from '../../../../shared/schemas/chronicle';

/** The last action, to undo: the entries it added and the candidates it ignored. */
interface Done { summary: string; entryIds: number[]; rejected: CandidateKey[] }

/** A group shows this many candidates until it is opened in full. */
const SHOWN = 3;

const key = (c: ChronicleCandidate): CandidateKey => ({ sourceKind: c.sourceKind, sourceId: c.sourceId });

/** How a candidate's date reads: 3月12日 / 3月（是月） / 是年. */
function candidateDate(c: ChronicleCandidate): string {
  if (c.precision === 'year') return '是年';
  const m = Number(c.date.slice(5, 7));
  return c.precision === 'month' ? `${m}月（是月）` : `${m}月${Number(c.date.slice(8, 10))}日`;
}

/**
 * The candidates, grouped by where they come from: each group accepted or ignored at once, or one by
 * one; a filter by source; the last action undone. One notice per action (replacing the last one).
 */
export function CandidatePanel({ year, candidates, error, onChanged, onEdit }: {
  year: number;
  candidates: ChronicleCandidate[] | undefined;
  error: string | null;
  onChanged(): void;
  onEdit(c: ChronicleCandidate): void;
}) {
  const [filter, setFilter] = useState<ChronicleGroup | null>(null);
  const [open, setOpen] = useState<Set<ChronicleGroup>>(new Set());
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);
  const list = candidates ?? [];
  const groups = CHRONICLE_GROUPS.map((g) => ({ g, items: list.filter((c) => c.group === g) })).filter((x) => x.items.length);
  // A filter on a group worked through shows all again.
  const shown = groups.some(({ g }) => g === filter) ? filter : null;

  const act = async (f: () => Promise<Done>) => {
    setBusy(true);
    try {
      const d = await f();
      setDone(d.entryIds.length || d.rejected.length ? d : null);
      notifyLatest('chronicle', d.summary);
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const acceptAll = (g: ChronicleGroup, items: ChronicleCandidate[]) => act(async () => {
    const r = await call('chronicle.acceptMany', { year, candidates: items.map(key) });
    const skipped = r.skipped ? `（${r.skipped}条已被处理过，未重复采纳）` : '';
    return { summary: `已采纳「${CHRONICLE_GROUP_LABELS[g]}」${r.entryIds.length}条${skipped}。`, entryIds: r.entryIds, rejected: [] };
  });
  const rejectAll = (g: ChronicleGroup, items: ChronicleCandidate[]) => act(async () => {
    const r = await call('chronicle.rejectMany', { year, candidates: items.map(key) });
    return { summary: `已忽略「${CHRONICLE_GROUP_LABELS[g]}」${r.rejected}条。`, entryIds: [], rejected: items.map(key) };
  });
  const acceptOne = (c: ChronicleCandidate) => act(async () => {
    const { sourceLabel: _l, group: _g, ...fields } = c;
    const e = await call('chronicle.save', { fields });
    return { summary: '已采纳为大事记。', entryIds: [e.id], rejected: [] };
  });
  const rejectOne = (c: ChronicleCandidate) => act(async () => {
    await call('chronicle.reject', { year, ...key(c) });
    return { summary: '已忽略这条候选。', entryIds: [], rejected: [key(c)] };
  });
  const undo = async () => {
    if (!done) return;
    setBusy(true);
    try {
      const r = await call('chronicle.undo', { year, entryIds: done.entryIds, rejected: done.rejected });
      const kept = r.kept ? `；${r.kept}条采纳后已修改，予以保留` : '';
      notifyLatest('chronicle', `已撤销：${r.removed ? `移出刚采纳的${r.removed}条` : ''}${r.removed && r.restored ? '，' : ''}${r.restored ? `恢复候选${r.restored}条` : ''}${kept}。`);
      setDone(null);
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" aria-label="候选条目" role="region">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>候选条目（{list.length}）</Text>
        <Select aria-label="候选来源" size="xs" w={200} placeholder={`全部来源（${list.length}）`} clearable value={shown}
          data={groups.map(({ g, items }) => ({ value: g, label: `${CHRONICLE_GROUP_LABELS[g]}（${items.length}）` }))}
          onChange={(v) => setFilter(v as ChronicleGroup | null)} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        从行事历、专项与综合督导、印发的简报和整改通知书中整理；每月的例会和经常性督导合为一条“是月”（月末后提出）。采纳或忽略后不再出现。
      </Text>
      {done && (
        <Alert color="blue" p="xs" mb="xs" aria-label="上一步">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{done.summary}</Text>
            <Button size="compact-sm" variant="white" leftSection={<IconArrowBackUp size={14} />} loading={busy} onClick={undo}>撤销</Button>
          </Group>
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {candidates && list.length === 0 && <Text c="dimmed" size="sm">没有新的候选条目。</Text>}
      <ScrollArea.Autosize mah={680}>
        <Stack gap="sm">
          {groups.filter(({ g }) => !shown || g === shown).map(({ g, items }) => {
            const all = open.has(g) || items.length <= SHOWN + 1;
            return (
              <Paper key={g} withBorder p="xs" bg="gray.0" role="region" aria-label={CHRONICLE_GROUP_LABELS[g]}>
                <Group justify="space-between" mb={6}>
                  <Text size="sm" fw={600}>{CHRONICLE_GROUP_LABELS[g]}（{items.length}）</Text>
                  <Group gap={4}>
                    <Button size="compact-xs" leftSection={<IconChecks size={12} />} loading={busy} onClick={() => acceptAll(g, items)}>全部采纳</Button>
                    <Button size="compact-xs" variant="default" leftSection={<IconX size={12} />} loading={busy} onClick={() => rejectAll(g, items)}>全部忽略</Button>
                  </Group>
                </Group>
                <Stack gap={6}>
                  {(all ? items : items.slice(0, SHOWN)).map((c) => (
                    <Paper key={`${c.sourceKind}:${c.sourceId}`} withBorder p="xs" role="article" aria-label={c.text}>
                      <Group justify="space-between" gap={4} mb={2}>
                        <Text size="sm" fw={500}>{candidateDate(c)}</Text>
                        <Badge size="xs" variant="light">{c.sourceLabel}</Badge>
                      </Group>
                      <Text size="sm">{c.text}</Text>
                      <Group gap={4} mt={4} justify="flex-end">
                        <Button size="compact-xs" variant="light" leftSection={<IconCheck size={12} />} disabled={busy} onClick={() => acceptOne(c)}>采纳</Button>
                        <Button size="compact-xs" variant="subtle" leftSection={<IconEdit size={12} />} onClick={() => onEdit(c)}>修改后采纳</Button>
                        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={12} />} disabled={busy} onClick={() => rejectOne(c)}>不采纳</Button>
                      </Group>
                    </Paper>
                  ))}
                  {!all && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setOpen(new Set([...open, g]))}>
                      展开其余{items.length - SHOWN}条
                    </Button>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}
