import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, Anchor, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyOk } from '../../notify';
import { RichTextEditor } from '../../components/RichTextEditor';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { fieldErrors, showSaveError } from '../../lib/forms';
import { years } from './PieceTabs';
import { PIECE_KINDS, PIECE_STATUSES, pieceFields, type Piece } from '../../../../shared/schemas/piece';
import type { Block } from '../../../../shared/schemas/blocks';
import { namePicker, schoolOption, supervisorOption } from '../../components/name-options';

interface FormState {
  kind: string; title: string; authorId: string | null; authorName: string; schoolId: string | null;
  year: string; status: string; body: Block[];
}
const FIELDS = ['kind', 'title', 'authorId', 'authorName', 'schoolId', 'year', 'status', 'body'] as const;

function fromPiece(p: Piece | null): FormState {
  return {
    kind: p?.kind ?? '案例', title: p?.title ?? '', authorId: p?.authorId ? String(p.authorId) : null, authorName: p?.authorName ?? '',
    schoolId: p?.schoolId ? String(p.schoolId) : null, year: String(p?.year ?? new Date().getFullYear()), status: p?.status ?? '草稿',
    body: p?.body ?? [],
  };
}

/** Write or edit one piece: its facts above, the rich-text body below. */
export function PieceEditor() {
  const { id } = useParams();
  const navigate = useNavigate();
  const pieceId = id ? Number(id) : null;
  const supervisors = useApi('supervisors.list', { limit: 500 });
  const schools = useApi('schools.list', { limit: 500, sort: 'fullName' });
  const [piece, setPiece] = useState<Piece | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [f, setF] = useState<FormState>(() => fromPiece(null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    if (!pieceId) { setPiece(null); setF(fromPiece(null)); return; }
    call('pieces.get', { id: pieceId }).then((p) => { setPiece(p); setF(fromPiece(p)); setLoadError(null); },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [pieceId]);

  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setF((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: '' }));
  };

  async function save() {
    const parsed = pieceFields.safeParse({
      ...f, authorId: f.authorId ? Number(f.authorId) : null, schoolId: f.schoolId ? Number(f.schoolId) : null, year: Number(f.year),
    });
    if (!parsed.success) { setErrors(fieldErrors(parsed.error)); return; }
    setBusy(true);
    try {
      const saved = await call('pieces.save', { id: pieceId ?? undefined, fields: parsed.data });
      notifyOk(`已保存「${saved.title}」`);
      setPiece(saved);
      if (!pieceId) navigate(`/pieces/${saved.id}`, { replace: true });
    } catch (e) {
      showSaveError(e, FIELDS, setErrors);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <Alert color="red" title="无法打开这篇文章">{loadError}</Alert>;
  if (pieceId && !piece) return <Loader />;

  return (
    <Stack gap="md" maw={980}>
      <Group justify="space-between">
        <Group gap="xs">
          <Anchor component="button" onClick={() => navigate('/pieces')} aria-label="返回文章列表"><IconArrowLeft size={18} /></Anchor>
          <Title order={2}>{piece ? piece.title : '写文章'}</Title>
        </Group>
        <Group gap="xs">
          {piece && <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>删除</Button>}
          <Button loading={busy} onClick={save}>保存</Button>
        </Group>
      </Group>

      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput label="标题" withAsterisk value={f.title} error={errors.title || undefined}
            onChange={(e) => set('title', e.currentTarget.value)} />
          <SimpleGrid cols={4}>
            <Select label="类型" withAsterisk data={[...PIECE_KINDS]} value={f.kind} allowDeselect={false}
              onChange={(v) => v && set('kind', v)} error={errors.kind || undefined} />
            <Select label="年份" withAsterisk data={years()} value={f.year} allowDeselect={false}
              onChange={(v) => v && set('year', v)} error={errors.year || undefined} />
            <Select label="状态" data={[...PIECE_STATUSES]} value={f.status} allowDeselect={false}
              onChange={(v) => v && set('status', v)} error={errors.status || undefined} />
            <Select label="学校" placeholder="可不选" searchable clearable value={f.schoolId}
              data={(schools.data?.rows ?? []).map(schoolOption)} {...namePicker}
              onChange={(v) => set('schoolId', v)} error={errors.schoolId || undefined} nothingFoundMessage="没有匹配的学校" />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select label="作者（督学）" placeholder="从督学名册中选择" searchable clearable value={f.authorId}
              data={(supervisors.data?.rows ?? []).map(supervisorOption)} {...namePicker}
              onChange={(v) => set('authorId', v)} error={errors.authorId || undefined} nothingFoundMessage="没有匹配的督学" />
            <TextInput label="作者姓名" placeholder="不在名册中的作者或合作者，如：王某某、李某某" value={f.authorName}
              error={errors.authorName || undefined} onChange={(e) => set('authorName', e.currentTarget.value)} />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Stack gap={4}>
        <Text size="sm" fw={500}>正文</Text>
        <RichTextEditor value={f.body} onChange={(b) => set('body', b)} placeholder="在此输入正文。可设置标题、列表、加粗，插入图片和表格。" />
        {errors.body && <Text size="sm" c="red">{errors.body}</Text>}
        <Text size="xs" c="dimmed">标题按公文层次打印：一级标题黑体，二级楷体，三、四级仿宋；序号请写在标题中，如“一、”“（一）”“1.”“（1）”。表格用“插入表格”按钮填写，双击表格可修改。</Text>
      </Stack>

      {piece && (
        <ConfirmDelete what="文章" title={piece.title} opened={deleting} onClose={() => setDeleting(false)}
          onConfirm={async () => {
            await call('pieces.delete', { id: piece.id });
            notifyOk('已将这篇文章移入回收站');
            navigate('/pieces');
          }} />
      )}
    </Stack>
  );
}
