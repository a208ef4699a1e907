import { describe, expect, it } from 'vitest';
import { estimatePageNumbersWith } from 'docx/layout';
import { buildCollection, type CollectionInput } from './collection';
import { attr, paragraphs, readDocx, sectionBodies, styleOf, textOf } from '../testing/read-docx';
import { SAMPLE_HASH, sampleCollection, sampleContext } from '../testing/samples';

describe('buildCollection', () => {
  it('writes a cover without a page number: title, 第N册, office, year', async () => {
    const d = await readDocx(buildCollection(sampleCollection(), sampleContext()));
    const [cover] = sectionBodies(d.document);
    expect(paragraphs(cover).map(textOf).filter(Boolean)).toEqual(['教育督导案例集', '第二册', '××区人民政府教育督导室', '2025年']);
    expect(d.footers[0].default).not.toContain('PAGE');
    // Its back is a blank page of its own, unnumbered.
    const bodies = sectionBodies(d.document);
    expect(paragraphs(bodies[1]).map(textOf).join('')).toBe('');
    expect(d.footers[1].default).not.toContain('PAGE');
    // 前言 and 目录 (two pages, a whole sheet) unnumbered from an odd page; the body from an odd page, numbered from 1.
    expect(attr(d.sections[2], 'w:type', 'w:val')).toBe('oddPage');
    expect(d.footers[2].default).not.toContain('PAGE');
    expect(d.sections).toHaveLength(4);
    expect(attr(d.sections[3], 'w:type', 'w:val')).toBe('oddPage');
    expect(attr(d.sections[3], 'w:pgNumType', 'w:start')).toBe('1');
    expect(d.footers[3].default).toContain('PAGE');
    // Without a 前言 the 目录 is one page: a blank page makes up the sheet.
    const short = await readDocx(buildCollection({ ...sampleCollection(), preface: null }, sampleContext()));
    expect(short.sections).toHaveLength(5);
    expect(paragraphs(sectionBodies(short.document)[3]).map(textOf).join('')).toBe('');
  });

  it('has a TOC field over the piece titles, filled in, and asks Word to update fields', async () => {
    const d = await readDocx(buildCollection(sampleCollection(), sampleContext()));
    expect(d.settings).toMatch(/<w:updateFields(?: w:val="(true|1)")?\/>/);
    const instr = /<w:instrText[^>]*>(\s*TOC [^<]*)<\/w:instrText>/.exec(d.document)?.[1] ?? '';
    expect(instr).toMatch(/\\t (&quot;|")Title,1(&quot;|")/);
    // Word's TOC is a content control (w:sdt) holding the field and its entries.
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(d.document)?.[0] ?? '';
    expect(toc).toContain('TOC \\');
    const entries = paragraphs(toc).filter((p) => styleOf(p) === 'TOC1').map(textOf);
    // Each entry: the title, then its page, counted from the body's first page.
    expect(entries).toEqual(['以督促改　让思政课“活”起来1', '食堂管理督导中的“三查三看”3', '家校协同化解入学矛盾4']);
  });

  it('starts each piece on a new page with its title, byline and body', async () => {
    const d = await readDocx(buildCollection(sampleCollection(), sampleContext()));
    const ps = paragraphs(d.document);
    const titles = ps.filter((p) => styleOf(p) === 'Title');
    expect(titles.map(textOf)).toEqual(['以督促改　让思政课“活”起来', '食堂管理督导中的“三查三看”', '家校协同化解入学矛盾']);
    // The first starts the body's section (a page of its own already); the others break to a new page.
    expect(titles[0]).not.toContain('<w:pageBreakBefore/>');
    for (const t of titles.slice(1)) expect(t).toContain('<w:pageBreakBefore/>');
    const bylines = ps.filter((p) => styleOf(p) === 'Byline').map(textOf);
    expect(bylines.slice(-3)).toEqual(['××区第一实验小学　张某某', '××区实验中学　李某某', '王某某']);
    expect(d.document).toContain('<w:drawing>');
    expect(ps.map(textOf)).toContain('前言');
  });

  it('leaves out 前言 when there is none', async () => {
    const d = await readDocx(buildCollection({ ...sampleCollection(), preface: null, volume: null }, sampleContext()));
    const texts = paragraphs(d.document).map(textOf);
    expect(texts).not.toContain('前言');
    expect(texts).not.toContain('第二册');
  });

  it("writes the page numbers docx's full layout of the document gives, for pieces of every kind", async () => {
    const base = sampleCollection();
    const para = (n: number, i: number) => ({ type: 'paragraph' as const, runs: [{ text: `第${i}段：${'督学深入学校开展经常性督导，检查了课程表、教案和作业批改情况。'.repeat(n)}` }] });
    const pieces: CollectionInput['pieces'] = Array.from({ length: 14 }, (_, i) => ({
      title: i % 3 ? `从问题到机制——望江镇小天鹅幼儿园整改案例（${4900 + i}）` : `案例${i}`,
      author: '王某某', school: i % 2 ? '清河区实验小学' : null,
      blocks: [
        { type: 'heading', level: 1, text: '一、基本情况' }, para(1 + (i * 5) % 13, i),
        ...(i === 3 ? [{ type: 'image' as const, hash: SAMPLE_HASH, width: 640, height: 400, caption: '督学随堂听课' }] : []),
        ...(i === 5 ? [{ type: 'table' as const, header: true, rows: [['学校', '问题'], ...Array.from({ length: 30 }, (_, r) => [`第${r}校`, '食堂留样记录不完整，部分餐次缺少留样'])] }] : []),
        ...(i === 7 ? [{ type: 'list' as const, ordered: false, items: ['一项', '二项'] }] : []),
        { type: 'list', ordered: true, items: ['群众反映：学校附近新开网吧，有学生放学后进入。', '某班主任在家长群中发布不当言论。'] },
        { type: 'heading', level: 2, text: i === 9 ? '（一）做法 with spaces' : '（一）主要做法' }, para(i % 4, i),
      ],
    }));
    const input = { ...base, pieces: [...base.pieces, ...pieces] };
    const tocOf = (xml: string) => paragraphs(/<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)?.[0] ?? '').filter((p) => styleOf(p) === 'TOC1').map(textOf);
    const ours = tocOf((await readDocx(buildCollection(input, sampleContext()))).document);
    const full = buildCollection({ ...input, tocPageNumbers: false }, sampleContext());
    (full as unknown as { documentWrapper: { document: { body: { pageNumbers: unknown } } } }).documentWrapper.document.body.pageNumbers = estimatePageNumbersWith({ guess: true });
    const reference = tocOf((await readDocx(full)).document);
    expect(reference).toHaveLength(17);
    expect(reference.every((e) => /\d$/.test(e))).toBe(true);
    expect(ours).toEqual(reference);
  });
});
