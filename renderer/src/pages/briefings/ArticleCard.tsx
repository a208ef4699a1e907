import { ActionIcon, Badge, Group, Paper, Stack, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { Block } from '../../../../shared/schemas/blocks';
import type { BriefingArticleData } from '../../../../shared/schemas/briefing';

export interface EditArticle extends BriefingArticleData {
  key: number;
  /** The body as edited in the text box; blocks are re-read from it only once the user has typed. */
  text: string;
  edited: boolean;
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

const hasRichParts = (bs: Block[]) => bs.some((b) => b.type === 'image' || b.type === 'table' || (b.type === 'paragraph' && b.runs.some((r) => r.bold)));

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
        <Textarea aria-label={`第${n}篇正文`} autosize minRows={3} maxRows={16} value={article.text} readOnly={readOnly}
          description={!readOnly && !article.edited && hasRichParts(article.blocks) ? '这篇含加粗、图片或表格；修改文字后将按纯文字保存。' : undefined}
          placeholder="每行一段；“一、”“（一）”开头的行作为小标题，“1.”开头的连续行作为编号列表。"
          onChange={(e) => onChange({ ...article, text: e.currentTarget.value, edited: true })} />
      </Stack>
    </Paper>
  );
}
