import { z } from 'zod';

/**
 * The rich-text block model for case bodies, briefing articles and the like. It maps one-to-one onto the
 * Word profile's styles: paragraph → 正文 (Normal), heading n → heading n (一、 （一） 1. （1）), list →
 * numbered or bulleted body lines, image → a centred picture with its caption, table → a simple grid.
 */

const textRun = z.object({
  text: z.string().max(20_000, '一段文字不能超过20000个字'),
  bold: z.boolean().optional(),
});
export type TextRunData = z.output<typeof textRun>;

const HASH = /^[0-9a-f]{64}$/;
const pixels = (what: string) =>
  z.number({ error: `${what}必须是数字` }).int(`${what}必须是整数`).min(1, `${what}至少为1像素`).max(20_000, `${what}过大`);

const paragraphBlock = z.object({
  type: z.literal('paragraph'),
  runs: z.array(textRun).max(500, '一段最多500处格式变化'),
});
const headingBlock = z.object({
  type: z.literal('heading'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: '标题级别应为1到4' }),
  text: z.string().trim().min(1, '标题不能为空').max(200, '标题不能超过200个字'),
});
const listBlock = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(z.string().trim().min(1, '列表项不能为空').max(5000, '列表项不能超过5000个字'))
    .min(1, '列表至少要有一项').max(500, '列表最多500项'),
});
const imageBlock = z.object({
  type: z.literal('image'),
  /** The attachment's content hash (SHA-256, hex). */
  hash: z.string().regex(HASH, '图片附件无效，请重新上传'),
  /** The picture's own size in pixels; the document scales it to fit the page, keeping its proportions. */
  width: pixels('图片宽度'),
  height: pixels('图片高度'),
  caption: z.string().trim().max(200, '图片说明不能超过200个字').nullish().transform((v) => (v ? v : null)),
});
const tableBlock = z.object({
  type: z.literal('table'),
  /** The first row is a header row (bold, repeated on each page). */
  header: z.boolean().default(true),
  rows: z.array(z.array(z.string().max(2000, '单元格不能超过2000个字')).min(1, '每行至少要有一个单元格').max(20, '表格最多20列'))
    .min(1, '表格至少要有一行').max(1000, '表格最多1000行')
    .refine((rows) => rows.every((r) => r.length === rows[0].length), '表格每行的单元格数必须相同'),
});

const block = z.discriminatedUnion('type', [paragraphBlock, headingBlock, listBlock, imageBlock, tableBlock],
  { error: '内容块类型无效' });
export const blocks = z.array(block).max(5000, '内容过长');

export type Block = z.output<typeof block>;
export type TableBlock = z.output<typeof tableBlock>;

/** Plain text → paragraphs, one per non-empty line (for narrative fields typed as plain text). */
export function textToBlocks(text: string | null | undefined): Block[] {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
    .map((l) => ({ type: 'paragraph' as const, runs: [{ text: l }] }));
}

/** The blocks' text without formatting (search, previews, word counts). */
export function blocksText(bs: Block[]): string {
  return bs.map((b) => {
    switch (b.type) {
      case 'paragraph': return b.runs.map((r) => r.text).join('');
      case 'heading': return b.text;
      case 'list': return b.items.join('\n');
      case 'image': return b.caption ?? '';
      case 'table': return b.rows.map((r) => r.join('\t')).join('\n');
    }
  }).filter(Boolean).join('\n');
}
