import { useState } from 'react';
import {
  ActionIcon, Alert, Button, Grid, Group, Paper, Select, Stack, Text, Title, Tooltip,
} from '@mantine/core';
import { IconDownload, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { call } from '../api';
import { useApi } from '../useApi';
import { saveFile } from '../files';
import { notifyError, notifyLatest } from '../notify';
import type { ChronicleEntryRow } from '../../../shared/schemas/chronicle';
import { EntryForm, type EntryDraft } from './chronicle/EntryForm';
import { CandidatePanel } from './chronicle/CandidatePanel';

const MONTHS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

/** How an entry's date is printed: 3月12日 / 是月 / 是年. */
function lead(e: { precision: string; date: string }): string {
  if (e.precision === 'year') return '是年';
  if (e.precision === 'month') return '是月';
  return `${Number(e.date.slice(5, 7))}月${Number(e.date.slice(8, 10))}日`;
}

/** Entries under month headings, in the order they print. */
function grouped(entries: ChronicleEntryRow[]): { heading: string; entries: ChronicleEntryRow[] }[] {
  const out: { heading: string; entries: ChronicleEntryRow[] }[] = [];
  for (const e of entries) {
    const heading = e.precision === 'year' ? '全年' : `${MONTHS[Number(e.date.slice(5, 7)) - 1]}月`;
    if (out[out.length - 1]?.heading !== heading) out.push({ heading, entries: [] });
    out[out.length - 1].entries.push(e);
  }
  return out;
}

/** 督导大事记: the year's entries, candidates from the archive, manual entries, export. */
export function ChroniclePage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const entries = useApi('chronicle.list', { year });
  const candidates = useApi('chronicle.candidates', { year });
  const [editing, setEditing] = useState<EntryDraft | null>(null);
  const reload = () => { void entries.reload(); void candidates.reload(); };

  const act = async (f: () => Promise<unknown>, ok: string) => {
    try { await f(); notifyLatest('chronicle', ok); reload(); } catch (e) { notifyError(e); }
  };
  const exportAs = async (form: 'list' | 'table') => {
    try {
      await saveFile(await call('chronicle.export', { year, form }));
    } catch (e) { notifyError(e); }
  };

  const list = entries.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>督导大事记</Title>
          <Select aria-label="年份" w={110} allowDeselect={false} value={String(year)}
            data={Array.from({ length: 10 }, (_, i) => ({ value: String(thisYear + 1 - i), label: `${thisYear + 1 - i}年` }))}
            onChange={(v) => v && setYear(Number(v))} />
        </Group>
        <Group gap="xs">
          <Button leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ year, precision: 'day', date: `${year}-01-01`, text: '', sourceKind: null, sourceId: null })}>添加条目</Button>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => exportAs('list')}>导出Word（列表）</Button>
          <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => exportAs('table')}>导出Word（表格）</Button>
        </Group>
      </Group>

      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" aria-label="大事记条目" role="region">
            <Text fw={600} mb="xs">{year}年大事记（{list.length}条）</Text>
            {entries.error && <Alert color="red">{entries.error}</Alert>}
            {entries.data && list.length === 0 && (
              <Text c="dimmed" size="sm">还没有条目。从右侧的候选中采纳，或点击「添加条目」。</Text>
            )}
            <Stack gap="sm">
              {grouped(list).map((g) => (
                <div key={g.heading}>
                  <Text fw={700} c="red.8" mb={4}>{g.heading}</Text>
                  <Stack gap={4}>
                    {g.entries.map((e) => (
                      <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start" role="listitem" aria-label={e.text}>
                        <Text size="sm" w={70} fw={500} style={{ flexShrink: 0 }}>{lead(e)}</Text>
                        <Text size="sm" style={{ flex: 1 }}>{e.text}</Text>
                        <Tooltip label="修改"><ActionIcon variant="subtle" aria-label="修改条目" onClick={() => setEditing({ ...e })}><IconEdit size={16} /></ActionIcon></Tooltip>
                        <Tooltip label="删除"><ActionIcon variant="subtle" color="red" aria-label="删除条目"
                          onClick={() => act(() => call('chronicle.delete', { id: e.id }), '条目已移入回收站。')}><IconTrash size={16} /></ActionIcon></Tooltip>
                      </Group>
                    ))}
                  </Stack>
                </div>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <CandidatePanel year={year} candidates={candidates.data} error={candidates.error} onChanged={reload}
            onEdit={({ group: _g, ...c }) => setEditing(c)} />
        </Grid.Col>
      </Grid>

      <EntryForm draft={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
    </Stack>
  );
}
