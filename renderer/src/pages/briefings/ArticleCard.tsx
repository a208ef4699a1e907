import { ActionIcon, Badge, Group, Paper, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { RichTextEditor } from '../../components/RichTextEditor';
import type { BriefingArticleData } from '../../../../shared/schemas/briefing';
import { ArticleView } from './ArticleView';

/** An article in the editor; `key` keeps each card (and its editor's cursor) with its article when reordered. */
export interface EditArticle extends BriefingArticleData {
  key: number;
}

interface Props {
  article: EditArticle;
  index: number;
  count: number;
  readOnly: boolean;
  onChange(a: EditArticle): void;
  onMove(delta: -1 | 1): void;
  onDrop(): void;
}

/** One article of the briefing: its title and body, moved up or down, or dropped. */
export function ArticleCard({ article, index, count, readOnly, onChange, onMove, onDrop }: Props) {
  const n = index + 1;
  return (
    <Paper withBorder p="md" aria-label={`第${n}篇文章`} role="group">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ flex: 1 }}>
            <Badge variant="light" w={80}>{article.kind}</Badge>
            <TextInput aria-label={`第${n}篇标题`} style={{ flex: 1 }} value={article.title} readOnly={readOnly}
              placeholder="文章标题" onChange={(e) => onChange({ ...article, title: e.currentTarget.value })} />
          </Group>
          {!readOnly && (
            <Group gap={4} wrap="nowrap">
              <Tooltip label="上移"><ActionIcon variant="subtle" aria-label={`上移第${n}篇`} disabled={index === 0} onClick={() => onMove(-1)}><IconArrowUp size={16} /></ActionIcon></Tooltip>
              <Tooltip label="下移"><ActionIcon variant="subtle" aria-label={`下移第${n}篇`} disabled={index === count - 1} onClick={() => onMove(1)}><IconArrowDown size={16} /></ActionIcon></Tooltip>
              <Tooltip label="删去这篇"><ActionIcon variant="subtle" color="red" aria-label={`删去第${n}篇`} onClick={onDrop}><IconTrash size={16} /></ActionIcon></Tooltip>
            </Group>
          )}
        </Group>
        {readOnly ? <ArticleView blocks={article.blocks} label={`第${n}篇正文`} /> : (
          <RichTextEditor value={article.blocks} label={`第${n}篇正文`} minHeight={100}
            placeholder="在此输入正文。可设置小标题（一、 （一））、编号列表、加粗，插入图片和表格。"
            onChange={(blocks) => onChange({ ...article, blocks })} />
        )}
      </Stack>
    </Paper>
  );
}
