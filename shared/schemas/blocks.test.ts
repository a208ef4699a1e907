import { describe, expect, it } from 'vitest';
import { blocks, blocksText, textToBlocks } from './blocks';

const HASH = 'c'.repeat(64);

describe('block model', () => {
  it('accepts every kind of block and fills defaults', () => {
    const r = blocks.parse([
      { type: 'paragraph', runs: [{ text: '正文' }, { text: '加粗', bold: true }] },
      { type: 'heading', level: 2, text: ' （一）做法 ' },
      { type: 'list', ordered: true, items: ['一项'] },
      { type: 'image', hash: HASH, width: 800, height: 600, caption: '' },
      { type: 'table', rows: [['甲', '乙'], ['1', '2']] },
    ]);
    expect(r[1]).toEqual({ type: 'heading', level: 2, text: '（一）做法' });
    expect(r[3]).toMatchObject({ caption: null });
    expect(r[4]).toMatchObject({ header: true });
  });

  it('rejects invalid blocks with Chinese messages', () => {
    const message = (input: unknown) => {
      const r = blocks.safeParse([input]);
      return r.success ? '' : r.error.issues[0].message;
    };
    expect(message({ type: 'heading', level: 5, text: '标题' })).toBe('标题级别应为1到4');
    expect(message({ type: 'heading', level: 1, text: '  ' })).toBe('标题不能为空');
    expect(message({ type: 'list', ordered: false, items: [] })).toBe('列表至少要有一项');
    expect(message({ type: 'image', hash: 'x', width: 1, height: 1 })).toBe('图片附件无效，请重新上传');
    expect(message({ type: 'image', hash: HASH, width: 0, height: 1 })).toBe('图片宽度至少为1像素');
    expect(message({ type: 'table', rows: [['a', 'b'], ['c']] })).toBe('表格每行的单元格数必须相同');
    expect(message({ type: 'video' })).toBe('内容块类型无效');
  });

  it('turns plain text into paragraphs and blocks back into text', () => {
    const b = textToBlocks('第一段\r\n\n 第二段 ');
    expect(b).toEqual([{ type: 'paragraph', runs: [{ text: '第一段' }] }, { type: 'paragraph', runs: [{ text: '第二段' }] }]);
    expect(textToBlocks(null)).toEqual([]);
    expect(blocksText([...b, { type: 'table', header: true, rows: [['a', 'b']] }])).toBe('第一段\n第二段\na\tb');
  });
});
