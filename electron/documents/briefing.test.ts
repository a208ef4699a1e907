import { describe, expect, it } from 'vitest';
import { buildBriefing, mastheadSize } from './briefing';
import { RED, SIZE } from './profile';
import { attr, paragraphs, readDocx, sectionBodies, styleOf, styleXml, textOf } from '../testing/read-docx';
import { sampleBriefing, sampleContext } from '../testing/samples';

describe('buildBriefing', () => {
  it('writes the masthead: red 小标宋 name, 第N期（总第N期）, issuer left and date right, a thick red rule', async () => {
    const d = await readDocx(buildBriefing(sampleBriefing(), sampleContext()));
    const ps = paragraphs(d.document);
    expect(textOf(ps[0])).toBe('督导工作简报');
    expect(styleOf(ps[0])).toBe('Masthead');
    const masthead = styleXml(d.styles, 'Masthead');
    expect(attr(masthead, 'w:color', 'w:val')).toBe(RED);
    expect(attr(masthead, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(masthead, 'w:jc', 'w:val')).toBe('center');
    expect(textOf(ps[1])).toBe('第3期（总第27期）');
    expect(textOf(ps[2])).toBe('××区人民政府教育督导室\t2025年3月31日');
    expect(attr(ps[2], 'w:tab', 'w:val')).toBe('right');
    // The red rule: a bottom border across the unindented type area.
    expect(attr(ps[3], 'w:bottom', 'w:color')).toBe(RED);
    expect(Number(attr(ps[3], 'w:bottom', 'w:sz'))).toBeGreaterThanOrEqual(12);
    expect(attr(ps[3], 'w:ind', 'w:left')).toBe('0');
    expect(attr(ps[3], 'w:ind', 'w:right')).toBe('0');
  });

  it('leaves out （总第N期） when not given and shrinks a long name to one line', async () => {
    const d = await readDocx(buildBriefing({ ...sampleBriefing(), totalIssue: null, issue: 12 }, sampleContext()));
    expect(textOf(paragraphs(d.document)[1])).toBe('第12期');
    expect(mastheadSize('督导工作简报')).toBe(SIZE.xiaochu);
    expect(mastheadSize('××区人民政府教育督导室督导工作简报')).toBeLessThan(SIZE.xiaochu);
    expect(mastheadSize('××区人民政府教育督导室督导工作简报') * 10 * 17).toBeLessThanOrEqual(8845);
  });

  it('lists 本期要目 and writes each article title in the Title style followed by its blocks', async () => {
    const d = await readDocx(buildBriefing(sampleBriefing(), sampleContext()));
    const ps = paragraphs(d.document);
    const texts = ps.map(textOf);
    const head = texts.indexOf('本期要目');
    expect(head).toBeGreaterThan(0);
    expect(texts.slice(head + 1, head + 4)).toEqual(['全区开展思政课开设情况经常性督导', '督导数据', '亮点做法']);
    expect(ps.slice(head + 1, head + 4).map(styleOf)).toEqual(['ContentsItem', 'ContentsItem', 'ContentsItem']);
    const titles = ps.filter((p) => styleOf(p) === 'Title').map(textOf);
    expect(titles).toEqual(['全区开展思政课开设情况经常性督导', '督导数据', '亮点做法']);
    expect(d.document).toContain('<w:drawing>');
    expect(d.files.some((f) => f.startsWith('word/media/'))).toBe(true);
  });

  it('omits 本期要目 when there are no contents', async () => {
    const d = await readDocx(buildBriefing({ ...sampleBriefing(), contents: null }, sampleContext()));
    expect(paragraphs(d.document).map(textOf)).not.toContain('本期要目');
  });

  it('ends with the colophon on its own unnumbered page: 报/送/发, （共印N份）, 印发 line', async () => {
    const d = await readDocx(buildBriefing(sampleBriefing(), sampleContext()));
    expect(d.sections).toHaveLength(2);
    expect(d.footers[0].default).toContain('PAGE');
    expect(d.footers[1].default).not.toContain('PAGE');
    expect(d.footers[1].even).not.toContain('PAGE');
    const [, colophon] = sectionBodies(d.document);
    expect(paragraphs(colophon).map(textOf).filter(Boolean)).toEqual([
      '报：市人民政府教育督导室，区人民政府分管领导。',
      '送：区教育局各科室。',
      '发：各中小学，幼儿园，校外培训机构。',
      '（共印30份）',
      '××区人民政府教育督导室\t2025年3月31日印发',
    ]);
    const copies = paragraphs(colophon).find((p) => textOf(p) === '（共印30份）') ?? '';
    expect(attr(copies, 'w:jc', 'w:val')).toBe('right');
  });

  it('leaves out an empty distribution line', async () => {
    const b = sampleBriefing();
    const d = await readDocx(buildBriefing({ ...b, distribution: { ...b.distribution, song: [] } }, sampleContext()));
    expect(paragraphs(d.document).map(textOf).some((t) => t.startsWith('送：'))).toBe(false);
  });
});
