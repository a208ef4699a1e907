import { describe, expect, it } from 'vitest';
import { blocksToDoc, docToBlocks, imagesWithoutSource, tableFromAttrs, TABLE_LIMITS, type DocNode } from './rich-text';
import { blocks as blocksSchema, type Block } from './schemas/blocks';

const HASH = 'c'.repeat(64);

const SAMPLE: Block[] = [
  { type: 'heading', level: 1, text: '一、基本情况' },
  { type: 'paragraph', runs: [{ text: '本月共督导' }, { text: '九十八所次', bold: true }, { text: '，实现全覆盖。\n另起一行。' }] },
  { type: 'heading', level: 2, text: '（一）主要做法' },
  { type: 'list', ordered: true, items: ['巡视校园', '查阅资料'] },
  { type: 'list', ordered: false, items: ['座谈走访'] },
  { type: 'image', hash: HASH, width: 800, height: 600, caption: '督学随机听课' },
  { type: 'image', hash: HASH, width: 10, height: 20, caption: null },
  { type: 'heading', level: 4, text: '（1）附表' },
  { type: 'table', header: true, rows: [['学校', '次数'], ['第一小学', '3']] },
];

describe('rich text <-> blocks', () => {
  it('round-trips every block kind the profile prints', () => {
    const doc = blocksToDoc(SAMPLE);
    expect(docToBlocks(doc)).toEqual(SAMPLE);
    // The result is valid input for the archive.
    expect(blocksSchema.parse(docToBlocks(doc))).toEqual(SAMPLE);
  });

  it('maps blocks onto the editor nodes', () => {
    const doc = blocksToDoc(SAMPLE, (h) => (h === HASH ? 'blob:http://127.0.0.1/picture-1' : null));
    const types = doc.content!.map((n) => n.type);
    expect(types).toEqual(['heading', 'paragraph', 'heading', 'orderedList', 'bulletList', 'image', 'image', 'heading', 'gridTable']);
    expect(doc.content![1].content).toEqual([
      { type: 'text', text: '本月共督导' },
      { type: 'text', text: '九十八所次', marks: [{ type: 'bold' }] },
      { type: 'text', text: '，实现全覆盖。' },
      { type: 'hardBreak' },
      { type: 'text', text: '另起一行。' },
    ]);
    expect(doc.content![5].attrs).toMatchObject({ src: 'blob:http://127.0.0.1/picture-1', hash: HASH, pxWidth: 800, pxHeight: 600, alt: '督学随机听课' });
    expect(imagesWithoutSource(doc)).toEqual([]);
    expect(imagesWithoutSource(blocksToDoc(SAMPLE))).toEqual([HASH]);
  });

  it('gives an empty editor one empty paragraph, and reads it back as no blocks', () => {
    const doc = blocksToDoc([]);
    expect(doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(docToBlocks(doc)).toEqual([]);
  });

  it('normalises what a user or a paste produces', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: ' 加粗的', marks: [{ type: 'bold' }] }, { type: 'text', text: '标题 ' }] },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '   ' }] },
        { type: 'paragraph', content: [{ type: 'hardBreak' }, { type: 'text', text: '斜体', marks: [{ type: 'italic' }] }, { type: 'text', text: '与正文' }, { type: 'hardBreak' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '甲', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: '乙', marks: [{ type: 'bold' }] }] },
        {
          type: 'bulletList', content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '第一项' }] },
              { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '子项' }] }] }] }] },
            { type: 'listItem', content: [{ type: 'paragraph' }] },
          ],
        },
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'image', attrs: { src: 'https://example.com/a.png' } },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '引文' }] }] },
      ],
    };
    const out = docToBlocks(doc);
    expect(out).toEqual([
      { type: 'heading', level: 3, text: '加粗的标题' },
      { type: 'paragraph', runs: [{ text: '斜体与正文' }] },
      { type: 'paragraph', runs: [{ text: '甲\n乙', bold: true }] },
      { type: 'list', ordered: false, items: ['第一项', '子项'] },
      { type: 'paragraph', runs: [{ text: '引文' }] },
    ]);
    expect(blocksSchema.safeParse(out).success).toBe(true);
  });

  it('reads a grid table node as a valid table block', () => {
    const table = (attrs: Record<string, unknown>): DocNode => ({ type: 'doc', content: [{ type: 'gridTable', attrs }] });
    // Written in the editor's dialog: empty cells are kept, the header flag travels.
    expect(docToBlocks(table({ rows: [['学校', '次数', ''], ['第一小学', '', '备注']], header: false }))).toEqual([
      { type: 'table', header: false, rows: [['学校', '次数', ''], ['第一小学', '', '备注']] },
    ]);
    // A node without a header attr (older content) prints with one.
    expect(docToBlocks(table({ rows: [['甲']] }))).toEqual([{ type: 'table', header: true, rows: [['甲']] }]);
    // A table without any filled cell, or without rows, is dropped.
    expect(docToBlocks(table({ rows: [['', ' '], ['', '']], header: true }))).toEqual([]);
    expect(docToBlocks(table({ rows: [], header: true }))).toEqual([]);
    expect(docToBlocks(table({ rows: 'x' }))).toEqual([]);
  });

  it('makes any grid table attrs fit the table block', () => {
    // Ragged rows are padded, numbers and nulls become text.
    const ragged = tableFromAttrs([['a', 'b', 'c'], ['d'], [1, null]], true);
    expect(ragged).toEqual({ type: 'table', header: true, rows: [['a', 'b', 'c'], ['d', '', ''], ['1', '', '']] });
    // Too many columns, rows or characters are cut to the limits the archive accepts.
    const wide = Array.from({ length: TABLE_LIMITS.rows + 5 }, (_, i) => Array.from({ length: 25 }, (_, j) => (i === 0 && j === 0 ? '字'.repeat(2100) : `${i}-${j}`)));
    const cut = tableFromAttrs(wide, true)!;
    expect(cut.rows).toHaveLength(TABLE_LIMITS.rows);
    expect(cut.rows.every((r) => r.length === TABLE_LIMITS.columns)).toBe(true);
    expect(cut.rows[0][0]).toHaveLength(TABLE_LIMITS.cell);
    expect(blocksSchema.safeParse([ragged, cut]).success).toBe(true);
  });
});
