import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { blockRenderer, columnWidths, fitImage, gridTable, imageKind, MAX_IMAGE } from './blocks';
import {
  CHAR_SPACING, FOOTER_DISTANCE, LINE, MARGIN, PAGE, RULE, TYPE_HEIGHT, TYPE_WIDTH, 
  colophonSection, mm, profileDocument, section,
} from './profile';
import { attr, paragraphs, readDocx, sectionBodies, styleOf, styleXml, textOf } from '../testing/read-docx';
import { MISSING_HASH, SAMPLE_HASH, samplePng } from '../testing/samples';

const fonts = DEFAULT_SETTINGS.fonts;
const png = samplePng(1200, 600);

async function sampleDoc() {
  const r = blockRenderer((h) => (h === SAMPLE_HASH ? png : null));
  return readDocx(profileDocument(fonts, {
    title: '测试',
    sections: [
      section({
        children: r.render([
          { type: 'heading', level: 1, text: '一、总体情况' },
          { type: 'heading', level: 2, text: '（一）主要做法' },
          { type: 'heading', level: 3, text: '1.巡视校园' },
          { type: 'heading', level: 4, text: '（1）查阅资料' },
          { type: 'paragraph', runs: [{ text: '重点：', bold: true }, { text: '第一行\n第二行' }] },
          { type: 'list', ordered: true, items: ['甲', '乙'] },
          { type: 'list', ordered: true, items: ['丙'] },
          { type: 'list', ordered: false, items: ['丁'] },
          { type: 'image', hash: SAMPLE_HASH, width: 1200, height: 600, caption: '督学听课' },
          { type: 'image', hash: MISSING_HASH, width: 10, height: 10, caption: '座谈' },
          { type: 'table', header: true, rows: [['项目', '次数'], ['经常性督导', '12']] },
        ]),
      }),
      colophonSection({ lines: [{ label: '抄送', names: ['区教育局'] }], issuer: '××区人民政府教育督导室', date: '2025-03-31' }),
    ],
  }));
}

describe('page profile (GB/T 9704-2012)', () => {
  it('converts millimetres to twips exactly as rounded values', () => {
    expect(mm(1)).toBe(57);
    expect([PAGE.width, PAGE.height]).toEqual([11906, 16838]);
    expect(MARGIN).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    // 22 lines of 579 and 28 characters of 315 twips fit the type area, 23 and 29 do not.
    expect(22 * LINE).toBeLessThanOrEqual(TYPE_HEIGHT);
    expect(23 * LINE).toBeGreaterThan(TYPE_HEIGHT);
    expect(28 * (320 + CHAR_SPACING)).toBeLessThanOrEqual(TYPE_WIDTH);
    expect(29 * (320 + CHAR_SPACING)).toBeGreaterThan(TYPE_WIDTH);
    expect(RULE).toEqual({ thick: 8, thin: 6, red: 18 });
  });

  it('writes A4 with the GB/T margins and no linesAndChars grid', async () => {
    const d = await sampleDoc();
    for (const s of d.sections) {
      expect(attr(s, 'w:pgSz', 'w:w')).toBe('11906');
      expect(attr(s, 'w:pgSz', 'w:h')).toBe('16838');
      expect(attr(s, 'w:pgMar', 'w:top')).toBe('2098');
      expect(attr(s, 'w:pgMar', 'w:bottom')).toBe('1984');
      expect(attr(s, 'w:pgMar', 'w:left')).toBe('1587');
      expect(attr(s, 'w:pgMar', 'w:right')).toBe('1474');
      expect(attr(s, 'w:pgMar', 'w:footer')).toBe(String(FOOTER_DISTANCE));
      expect(s).not.toMatch(/linesAndChars/);
    }
    expect(d.document).not.toMatch(/linesAndChars/);
  });

  it('defines the body style: 仿宋 in all four slots, 3号, exact 579, −5 spacing, 2-character indent, widow control off', async () => {
    const { styles } = await sampleDoc();
    const normal = styleXml(styles, 'Normal');
    expect(normal).toContain('w:default="1"');
    for (const slot of ['ascii', 'eastAsia', 'hAnsi', 'cs']) expect(attr(normal, 'w:rFonts', `w:${slot}`)).toBe('仿宋_GB2312');
    expect(attr(normal, 'w:sz', 'w:val')).toBe('32');
    expect(attr(normal, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(normal, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(normal).toMatch(/<w:rPr>[\s\S]*<w:spacing w:val="-5"\/>/);
    expect(attr(normal, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(normal, 'w:widowControl', 'w:val')).toMatch(/^(false|0|off)$/);
  });

  it('replaces the default styles: Title 小标宋 2号 centred, headings 黑体/楷体/仿宋 3号, nothing blue', async () => {
    const { styles } = await sampleDoc();
    const title = styleXml(styles, 'Title');
    expect(attr(title, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
    expect(attr(title, 'w:jc', 'w:val')).toBe('center');
    const expected = [['Heading1', 'heading 1', '黑体'], ['Heading2', 'heading 2', '楷体_GB2312'], ['Heading3', 'heading 3', '仿宋_GB2312'], ['Heading4', 'heading 4', '仿宋_GB2312']];
    expected.forEach(([id, name, font], i) => {
      const s = styleXml(styles, id);
      expect(attr(s, 'w:name', 'w:val')).toBe(name);
      for (const slot of ['ascii', 'eastAsia', 'hAnsi', 'cs']) expect(attr(s, 'w:rFonts', `w:${slot}`)).toBe(font);
      expect(attr(s, 'w:sz', 'w:val')).toBe('32');
      expect(attr(s, 'w:outlineLvl', 'w:val')).toBe(String(i));
      expect(attr(s, 'w:color', 'w:val')).toBe('000000');
    });
    expect(styles).not.toMatch(/2E74B5|1F4D78|Calibri/i);
  });

  it('maps blocks one to one onto the styles', async () => {
    const d = await sampleDoc();
    const { document } = d;
    const ps = paragraphs(document);
    const byText = (t: string) => ps.find((p) => textOf(p).includes(t)) ?? '';
    expect(styleOf(byText('一、总体情况'))).toBe('Heading1');
    expect(styleOf(byText('（一）主要做法'))).toBe('Heading2');
    expect(styleOf(byText('1.巡视校园'))).toBe('Heading3');
    expect(styleOf(byText('（1）查阅资料'))).toBe('Heading4');
    // Heading fonts come from the styles, not from the runs (a TOC would copy them).
    expect(byText('一、总体情况')).not.toContain('w:rFonts');
    const bold = byText('重点：');
    expect(styleOf(bold)).toBe('Normal');
    expect(bold).toMatch(/<w:b\/>[\s\S]*重点：/);
    expect(bold).toMatch(/<w:br\/>[\s\S]*第二行/);
    // Each list is its own numbering instance, so the second starts again at 1.
    const numIds = ['甲', '乙', '丙', '丁'].map((t) => attr(byText(t), 'w:numId', 'w:val'));
    // Our two lists: "1." and "•" straight after the 2-character first-line indent, no hanging indent.
    for (const text of ['%1.', '•']) {
      const level = new RegExp(`<w:lvl w:ilvl="0"[^>]*>(?:(?!</w:lvl>).)*<w:lvlText w:val="${text}"/>(?:(?!</w:lvl>).)*</w:lvl>`).exec(d.numbering)?.[0] ?? '';
      expect(attr(level, 'w:ind', 'w:firstLine')).toBe('640');
      expect(attr(level, 'w:ind', 'w:hanging')).toBeUndefined();
      expect(attr(level, 'w:suff', 'w:val')).toBe('nothing');
      expect(attr(level, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    }
    expect(numIds[0]).toBe(numIds[1]);
    expect(new Set(numIds).size).toBe(3);
    // The picture: a drawing in the Figure style scaled to the type area's width, then its caption.
    const fig = ps.find((p) => p.includes('<w:drawing>')) ?? '';
    expect(styleOf(fig)).toBe('Figure');
    expect(Number(attr(fig, 'wp:extent', 'cx'))).toBe(MAX_IMAGE.width * 9525);
    expect(styleOf(byText('督学听课'))).toBe('Caption');
    expect(textOf(byText('座谈'))).toBe('〔图片文件缺失：座谈〕');
  });

  it('gives tables column widths and cell widths in DXA, a repeated header row and no first-line indent', async () => {
    const { document } = await sampleDoc();
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)?.[0] ?? '';
    const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols.reduce((a, b) => a + b, 0)).toBe(TYPE_WIDTH);
    expect(attr(tbl, 'w:tblW', 'w:type')).toBe('dxa');
    expect(attr(tbl, 'w:tcW', 'w:type')).toBe('dxa');
    expect(tbl).toMatch(/<w:trPr>[\s\S]*?<w:tblHeader\/>/);
    for (const p of paragraphs(tbl)) expect(attr(p, 'w:ind', 'w:firstLine')).toBe('0');
  });

  it('puts "— N —" page numbers right on odd pages and left on even pages, one 4号 character in', async () => {
    const d = await sampleDoc();
    expect(d.settings).toMatch(/<w:evenAndOddHeaders(?: w:val="(true|1)")?\/>/);
    const [body] = d.footers;
    for (const [kind, side, jc] of [['default', 'right', 'right'], ['even', 'left', 'left']] as const) {
      const f = body[kind] ?? '';
      expect(attr(f, 'w:jc', 'w:val')).toBe(jc);
      expect(attr(f, 'w:ind', `w:${side}`)).toBe('280');
      expect(f).toContain('PAGE');
      // "— " PAGE " —": em dashes (U+2014) around the page field.
      expect(f).toMatch(/<w:t xml:space="preserve">\u2014 <\/w:t>[\s\S]*PAGE[\s\S]*<w:t xml:space="preserve"> \u2014<\/w:t>/);
    }
    const footer = styleXml(d.styles, 'Footer');
    expect(attr(footer, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    expect(attr(footer, 'w:rFonts', 'w:hAnsi')).toBe('宋体');
    expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    expect(attr(footer, 'w:ind', 'w:firstLine')).toBe('0');
  });

  it('sets the colophon on its own page without page numbers, between thick and thin rules', async () => {
    const d = await sampleDoc();
    const last = d.footers[d.footers.length - 1];
    expect(last.default).toBeDefined();
    expect(last.even).toBeDefined();
    expect(last.default).not.toContain('PAGE');
    expect(last.even).not.toContain('PAGE');
    const [, colophon] = sectionBodies(d.document);
    const sizes = [...colophon.matchAll(/<w:bottom w:val="single" w:color="000000" w:sz="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes).toEqual([8, 6, 8]);
    const lines = paragraphs(colophon).map(textOf).filter(Boolean);
    expect(lines).toEqual(['抄送：区教育局。', '××区人民政府教育督导室\t2025年3月31日印发']);
    const issued = paragraphs(colophon).find((p) => textOf(p).includes('印发')) ?? '';
    expect(attr(issued, 'w:ind', 'w:left')).toBe('280');
    expect(attr(issued, 'w:ind', 'w:right')).toBe('280');
    expect(attr(issued, 'w:tab', 'w:val')).toBe('right');
    // Tab stops count from the page margin: the right stop sits one character in from the right edge.
    expect(attr(issued, 'w:tab', 'w:pos')).toBe(String(TYPE_WIDTH - 280));
    const colophonStyle = styleXml(d.styles, 'Colophon');
    expect(attr(colophonStyle, 'w:sz', 'w:val')).toBe('28');
    expect(attr(colophonStyle, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
  });
});

describe('helpers', () => {
  it('formats dates and Chinese numbers', () => {
  });
  it('fits pictures to the type area keeping proportions, never enlarging', () => {
    expect(fitImage(100, 50)).toEqual({ width: 100, height: 50 });
    expect(fitImage(2000, 1000)).toEqual({ width: MAX_IMAGE.width, height: Math.round(MAX_IMAGE.width / 2) });
    expect(fitImage(500, 5000).height).toBe(MAX_IMAGE.height);
  });
  it('knows picture formats by their first bytes', () => {
    expect(imageKind(png)).toBe('png');
    expect(imageKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
    expect(imageKind(new Uint8Array([0x52, 0x49, 0x46, 0x46]))).toBeNull();
  });
  it('splits column widths exactly over the width', () => {
    expect(columnWidths([1, 1, 1])).toEqual([2948, 2948, 2949]);
    expect(columnWidths([3, 11]).reduce((a, b) => a + b)).toBe(TYPE_WIDTH);
  });
  it('merges a cell down over rows and keeps the other columns in place', async () => {
    const t = gridTable({
      columns: [{ title: 'A', weight: 1 }, { title: 'B', weight: 1 }],
      rows: [[{ lines: ['m'], rowSpan: 2 }, 'x'], ['y']],
    });
    const d = await readDocx(profileDocument(fonts, { title: 't', sections: [section({ children: [t] })] }));
    const rows = d.document.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(rows[2]).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
    expect(textOf(rows[2])).toBe('y');
  });
});
