import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  ActionIcon, Alert, Anchor, Badge, Button, Group, Loader, NumberInput, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowLeft, IconArrowUp, IconChecks, IconPlus, IconSearch, IconTrash, IconX } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { RichTextEditor } from '../../components/RichTextEditor';
import { ExportButton } from '../../components/ExportButton';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { years } from './PieceTabs';
import { useDraftWarning } from './DraftWarning';
import { PIECE_KINDS, collectionFields, type Collection } from '../../../../shared/schemas/piece';
import type { Block } from '../../../../shared/schemas/blocks';

type Chosen = Collection['pieces'][number];
/** `title` null: not named yet, so named after the office, year and kind (defaultTitle). */
interface FormState { title: string | null; kind: string; volume: number | string; year: string; preface: Block[]; pieces: Chosen[] }
const FIELDS = ['title', 'kind', 'volume', 'year', 'preface', 'pieceIds'] as const;

/** What a collection of each kind is called after the office and year. */
const KIND_TITLES: Record<string, string> = { 案例: '督导案例集', 学习心得: '督导学习心得汇编', 论文: '督导论文集', 调研报告: '督导调研报告汇编' };

/** A new collection's name: 清河区人民政府教育督导室2026年度督导案例集. */
export const defaultTitle = (office: string, year: string, kind: string) => `${office}${year}年度${KIND_TITLES[kind] ?? '督导文章汇编'}`;

function fromCollection(c: Collection | null): FormState {
  return {
    title: c?.title ?? null, kind: c?.kind ?? '案例', volume: c?.volume ?? '', year: String(c?.year ?? new Date().getFullYear()),
    preface: c?.preface ?? [], pieces: c?.pieces ?? [],
  };
}

/** Compile a collection: its cover facts, a preface, and the pieces in print order. */
export function CollectionEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const collectionId = id ? Number(id) : null;
  const [saved, setSaved] = useState<Collection | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [f, setF] = useState<FormState>(() => fromCollection(null));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [pickKind, setPickKind] = useState<string | null>('案例');
  const candidates = useApi('pieces.list', { q: q || undefined, kind: (pickKind ?? undefined) as never, limit: 100 });
  const settings = useApi('settings.get', {});
  const drafts = useDraftWarning();

  useEffect(() => {
    if (!collectionId) return;
    call('collections.get', { id: collectionId }).then((c) => { setSaved(c); setF(fromCollection(c)); setPickKind(c.kind); setLoadError(null); },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [collectionId]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k === 'pieces' ? 'pieceIds' : k]: '' }));
    setDirty(true);
  };
  const move = (i: number, d: -1 | 1) => {
    const next = [...f.pieces];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    set('pieces', next);
  };

  const title = f.title ?? defaultTitle(settings.data?.officeName ?? '', f.year, f.kind);

  async function save() {
    const parsed = collectionFields.safeParse({
      title, kind: f.kind, volume: f.volume === '' ? null : Number(f.volume), year: Number(f.year), preface: f.preface,
      pieceIds: f.pieces.map((p) => p.id),
    });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const c = await call('collections.save', { id: collectionId ?? undefined, fields: parsed.data });
      notifyOk(`已保存汇编「${c.title}」`);
      setSaved(c);
      setF(fromCollection(c));
      setDirty(false);
      if (!collectionId) navigate(`/pieces/collections/${c.id}`, { replace: true });
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <Alert color="red" title="无法打开这个汇编">{loadError}</Alert>;
  if (collectionId && !saved) return <Loader />;
  if (!collectionId && !settings.data) return <Loader />;
  const chosen = new Set(f.pieces.map((p) => p.id));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Anchor component="button" onClick={() => navigate('/pieces/collections')} aria-label="返回汇编列表"><IconArrowLeft size={18} /></Anchor>
          <Title order={2}>{saved ? saved.title : '新建汇编'}</Title>
        </Group>
        <Group gap="xs">
          {saved && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>}
          {saved && (
            <ExportButton channel="collections.export" input={{ id: saved.id }} label="导出 Word" disabled={dirty || saved.pieces.length === 0}
              before={() => drafts.confirm(saved)} />
          )}
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Group>
      {dirty && saved && <Text size="sm" c="orange.8">有未保存的修改：保存后才能导出。</Text>}

      <Paper withBorder p="md">
        <SimpleGrid cols={4}>
          <TextInput label="汇编名称" withAsterisk value={title} error={errors.title || undefined} onChange={(e) => set('title', e.currentTarget.value)} />
          <Select label="类型" data={[...PIECE_KINDS]} value={f.kind} allowDeselect={false} error={errors.kind || undefined}
            onChange={(v) => { if (v) { set('kind', v); setPickKind(v); } }} />
          <NumberInput label="册次（第N册）" placeholder="单册可不填" min={1} max={99} value={f.volume} error={errors.volume || undefined}
            onChange={(v) => set('volume', v)} allowDecimal={false} />
          <Select label="年份" data={years()} value={f.year} allowDeselect={false} error={errors.year || undefined}
            onChange={(v) => v && set('year', v)} />
        </SimpleGrid>
      </Paper>

      <SimpleGrid cols={2} spacing="md">
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600}>收录文章（按印刷顺序，共 {f.pieces.length} 篇）</Text>
            {errors.pieceIds && <Text size="sm" c="red">{errors.pieceIds}</Text>}
            <Table aria-label="收录文章" verticalSpacing={4}>
              <Table.Tbody>
                {f.pieces.map((p, i) => (
                  <Table.Tr key={p.id}>
                    <Table.Td w={30}><Text size="sm" c="dimmed">{i + 1}</Text></Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap"><Text size="sm">{p.title}</Text>{p.status === '草稿' && <Badge size="xs" color="orange" variant="light">草稿</Badge>}</Group>
                      <Text size="xs" c="dimmed">{p.authorDisplay}</Text>
                    </Table.Td>
                    <Table.Td w={110}>
                      <Group gap={2} wrap="nowrap">
                        <ActionIcon variant="subtle" color="gray" aria-label={`上移「${p.title}」`} disabled={i === 0} onClick={() => move(i, -1)}><IconArrowUp size={16} /></ActionIcon>
                        <ActionIcon variant="subtle" color="gray" aria-label={`下移「${p.title}」`} disabled={i === f.pieces.length - 1} onClick={() => move(i, 1)}><IconArrowDown size={16} /></ActionIcon>
                        <ActionIcon variant="subtle" color="red" aria-label={`移出「${p.title}」`} onClick={() => set('pieces', f.pieces.filter((x) => x.id !== p.id))}><IconX size={16} /></ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {f.pieces.length === 0 && (
                  <Table.Tr><Table.Td><Text size="sm" c="dimmed">还没有收录文章。从右侧列表中选择。</Text></Table.Td></Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>可选文章</Text>
              <Button size="xs" variant="light" leftSection={<IconChecks size={14} />}
                disabled={(candidates.data?.rows ?? []).every((p) => chosen.has(p.id))}
                onClick={() => set('pieces', [...f.pieces, ...(candidates.data?.rows ?? []).filter((p) => !chosen.has(p.id))
                  .sort((x, y) => x.id - y.id) // in the order written or imported
                  .map((p) => ({ id: p.id, title: p.title, authorDisplay: p.authorDisplay, status: p.status }))])}>全部收录</Button>
            </Group>
            <Group gap="xs" align="flex-end">
              <TextInput placeholder="搜索标题、作者、正文" aria-label="搜索可选文章" leftSection={<IconSearch size={14} />} style={{ flex: 1 }}
                value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
              <Select aria-label="可选文章类型" placeholder="全部类型" clearable w={120} data={[...PIECE_KINDS]} value={pickKind} onChange={setPickKind} />
            </Group>
            <ScrollArea h={300}>
              <Table aria-label="可选文章" verticalSpacing={4}>
                <Table.Tbody>
                  {(candidates.data?.rows ?? []).filter((p) => !chosen.has(p.id)).map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td><Text size="sm">{p.title}</Text><Text size="xs" c="dimmed">{[p.authorDisplay, p.schoolName, `${p.year}年`, p.status].filter(Boolean).join(' · ')}</Text></Table.Td>
                      <Table.Td w={80}>
                        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} aria-label={`收录「${p.title}」`}
                          onClick={() => set('pieces', [...f.pieces, { id: p.id, title: p.title, authorDisplay: p.authorDisplay, status: p.status }])}>收录</Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {candidates.data && candidates.data.rows.every((p) => chosen.has(p.id)) && (
                <Text size="sm" c="dimmed" py="sm">没有更多可选的文章。</Text>
              )}
            </ScrollArea>
          </Stack>
        </Paper>
      </SimpleGrid>

      <Stack gap={4}>
        <Text size="sm" fw={500}>前言（可不写）</Text>
        <RichTextEditor value={f.preface} onChange={(b) => set('preface', b)} label="前言" minHeight={140} placeholder="前言印在封面之后、目录之前。" />
      </Stack>

      {drafts.modal}
      {saved && (
        <ConfirmDelete what="汇编" title={saved.title} opened={deleting} onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await call('collections.delete', { id: saved.id });
            notifyOk('已将这个汇编移入回收站（其中的文章不受影响）');
            navigate('/pieces/collections');
          }} />
      )}
    </Stack>
  );
}
