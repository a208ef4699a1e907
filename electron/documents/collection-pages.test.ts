import { Paragraph, TextRun } from 'docx';
import { layoutDocument } from 'docx/layout';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../shared/schemas/blocks';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { blockRenderer } from './blocks';
import { bylineText } from './collection';
import { isMonospacedCjkFont, listItemLines, paragraphLines, piecePages } from './collection-pages';
import { STYLE, blankLine, profileDocument, section } from './profile';

const fonts = DEFAULT_SETTINGS.fonts;

/** A deterministic mix of what body text holds: ideographs, full-width punctuation, quotes, dashes, digits, Latin. */
function sampleTexts(count: number): string[] {
  const parts = ['督导', '学校', '，', '。', '、', '“课后服务”', '——', '2025年', '3月12日', '（4901）', '《方案》', '：', '；',
    '第1次', 'PPT', '……', '问题整改', '100%', '℃', '①', '！', '？', '·', 'A-B', '检查了食堂后厨', '6.5'];
  let seed = 7;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  return Array.from({ length: count }, (_, i) => {
    let t = '';
    const target = 1 + (i * 7) % 190;
    while ([...t].length < target) t += parts[next() % parts.length];
    return t;
  });
}

/** Lines of each paragraph as docx's layout lays them out (the reference the counter must agree with). */
function laidOutLines(blocks: Block[]): number[] {
  const children = blockRenderer().render(blocks);
  const { pages } = layoutDocument(profileDocument(fonts, { title: 't', sections: [section({ children })] }), { guess: true });
  const lines: number[] = [];
  for (const page of pages) for (const b of page.body) if (b.type === 'paragraph') lines[b.index] = (lines[b.index] ?? 0) + b.lines.length;
  return lines;
}

describe('collection page counting', () => {
  it('counts the lines of body paragraphs as docx/layout lays them out', () => {
    const texts = [...sampleTexts(120), '督'.repeat(26), '督'.repeat(27), '督'.repeat(54), '督'.repeat(55), '一行\n二行', '末尾换行\n'];
    const counted = texts.map((t) => paragraphLines(t));
    expect(counted.every((n) => n !== null)).toBe(true);
    expect(counted).toEqual(laidOutLines(texts.map((text) => ({ type: 'paragraph', runs: [{ text }] }))));
  });

  it('counts the lines of numbered list items, numbers of one and two digits', () => {
    const items = sampleTexts(14).map((t, i) => (i % 2 ? t : '群众反映：学校附近新开网吧，有学生放学后进入。'.repeat(1 + (i % 3))));
    const counted = items.map((t, i) => listItemLines(t, i));
    expect(counted.every((n) => n !== null)).toBe(true);
    expect(counted).toEqual(laidOutLines([{ type: 'list', ordered: true, items }]));
  });

  it("leaves what it can't be sure of to the layout", () => {
    expect(paragraphLines('with spaces in it')).toBeNull();
    expect(paragraphLines('制表\t符')).toBeNull();
    expect(paragraphLines('a'.repeat(80))).toBeNull(); // a word longer than a line
    expect(paragraphLines(`${'督'.repeat(30)}\u3000督`)).toBeNull();
    expect(paragraphLines('학교')).toBeNull();
  });

  it('knows which fonts the layout measures an em or half an em a character', () => {
    for (const f of ['仿宋_GB2312', '方正小标宋简体', '楷体_GB2312', '黑体', '宋体', 'FangSong', 'SimSun']) expect(isMonospacedCjkFont(f)).toBe(true);
    for (const f of ['微软雅黑', 'Microsoft YaHei', '等线', 'Times New Roman', 'Calibri']) expect(isMonospacedCjkFont(f)).toBe(false);
  });

  it("counts a piece's pages as the layout breaks them: long titles, headings kept with the next line", () => {
    const texts = sampleTexts(60);
    const pieces = Array.from({ length: 16 }, (_, k) => {
      const blocks: Block[] = [];
      for (let j = 0; j < 2 + (k % 5); j++) {
        blocks.push({ type: 'heading', level: 1 + (j % 2) as 1 | 2, text: `${'一二三四五六'[j]}、情况` });
        blocks.push({ type: 'paragraph', runs: [{ text: texts[(k * 3 + j) % texts.length] }] });
        if (j % 2) blocks.push({ type: 'list', ordered: true, items: texts.slice(j, j + 2 + (k % 4)) });
        // Fill towards a page's foot, so a heading there has to move on.
        if ((k + j) % 3 === 0) blocks.push({ type: 'paragraph', runs: [{ text: '督'.repeat(28 * (k % 9)) }] });
      }
      const title = k % 2 ? '精准督导——双河镇中心幼儿园整改案例（4901）' : '家校协同化解入学矛盾';
      return { title, author: '王某某', school: k % 3 ? '清河区实验小学' : null, blocks };
    });
    // The title, byline and empty line leave room for 18 body lines: a 17-line paragraph puts the heading on the
    // page's last line, which moves on with the 22 lines after it, onto a third page.
    const P = (n: number): Block => ({ type: 'paragraph', runs: [{ text: '督'.repeat(n) }] });
    pieces.push({ title: '标题', author: '王某某', school: null, blocks: [P(26 + 16 * 28), { type: 'heading', level: 1, text: '二、做法' }, P(26 + 21 * 28)] });
    const counted = pieces.map((p) => piecePages({ title: p.title, byline: bylineText(p), blocks: p.blocks }, fonts));
    expect(counted.every((n) => n !== null)).toBe(true);

    const renderer = blockRenderer();
    const children = pieces.flatMap((p) => [
      new Paragraph({ style: STYLE.title, pageBreakBefore: true, children: [new TextRun(p.title)] }),
      new Paragraph({ style: STYLE.byline, children: [new TextRun(bylineText(p))] }),
      blankLine(),
      ...renderer.render(p.blocks),
    ]);
    const { pages } = layoutDocument(profileDocument(fonts, { title: 't', sections: [section({ children })] }), { guess: true });
    // A piece starts on the page whose first line is its title's (the Title paragraphs' indexes, in order).
    const titleIndexes: number[] = [];
    let index = 0;
    for (const p of pieces) { titleIndexes.push(index); index += 3 + renderer.render(p.blocks).length; }
    const starts = titleIndexes.map((i) => pages.findIndex((pg) => pg.body.some((b) => b.index === i)));
    const laidOut = starts.map((s, k) => (k + 1 < starts.length ? starts[k + 1] : pages.length) - s);
    expect(counted).toEqual(laidOut);
    expect(new Set(counted).size).toBeGreaterThan(1);
    expect(counted.at(-1)).toBe(3);
  });
});
