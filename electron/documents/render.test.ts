/**
 * The documents' printed claims, checked on a LibreOffice rendering as a reader sees them: every document
 * is written, rendered to PDF in one LibreOffice run, and measured from the words' positions
 * (pdftotext -bbox): a full body page has 22 lines of 28 characters; page numbers "— N —" sit right on
 * odd pages and left on even ones, and with double-sided printing the body's "— 1 —" is a right-hand page;
 * titles break only at word boundaries; the signature's date starts two characters right of the name;
 * the 版记 sits at the foot of an even last page and a 回执 at the foot of its page; the chronicle's entries
 * end in 。; the statistics report's charts and tables state one period and the same numbers.
 * Skips, saying why, where LibreOffice or pdftotext is not installed (CI installs them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Document } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBriefing } from './briefing';
import { buildChronicle } from './chronicle';
import { buildCollection } from './collection';
import { buildNotice, buildReferral } from './notice';
import { toDocx } from './pack';
import { FIT } from './profile';
import { buildStatistics, type StatisticsInput } from './statistics';
import { titleLines } from './title-lines';
import { pdfLines, pdfPages, pdfTexts, pt, renderMissing, renderPdfs, type PdfWord } from '../testing/render-pdf';
import { sampleBriefing, sampleChronicle, sampleCollection, sampleContext, sampleNotice, sampleReferral } from '../testing/samples';

const missing = renderMissing();
if (missing) console.warn(`render.test.ts skipped: ${missing}`);

/** The type area's edges in points, one 3号 and one 4号 character. */
const LEFT = pt(28);
const RIGHT = pt(210 - 26);
const BOTTOM = pt(297 - 35);
const CHAR = 16;
const SMALL_CHAR = 14;
/** The body's exact line, 579 twips. */
const LINE_PT = 579 / 20;
const near = (v: number, want: number, within: number) => expect(Math.abs(v - want), `${v} vs ${want}`).toBeLessThanOrEqual(within);

const PAGE_NUMBER = /^—(\d+)—$/;
/** A page's number "— N —" with its side, or null on an unnumbered page. */
function pageNumber(words: PdfWord[]): { n: number; side: 'left' | 'right' } | null {
  const line = pdfLines(words.filter((w) => w.yMin > BOTTOM)).find((l) => PAGE_NUMBER.test(l.text));
  if (!line) return null;
  return { n: Number(PAGE_NUMBER.exec(line.text)![1]), side: line.xMin < (LEFT + RIGHT) / 2 ? 'left' : 'right' };
}

const ctx = sampleContext();
const OFFICE = '清河区人民政府教育督导室';
const SCHOOLS = ['清河区实验小学', '清河区第一中学'];
const words = [OFFICE, ...SCHOOLS];

const STATISTICS: StatisticsInput = {
  office: OFFICE, year: 2026, month: 11, zoneName: null, asOf: '2026-12-04',
  figures: { visits: 46, schoolsVisited: 30, schoolsTotal: 37, raised: 12, raisedClosed: 4, closedInPeriod: 7, overdue: 2, overdueNow: 5, complaints: 6, notices: 3, noticeSchools: 3 },
  problemsByItem: [{ item: '校务管理和制度执行情况', count: 5 }, { item: '食堂、食品、饮水及宿舍卫生情况', count: 4 }, { item: '其他', count: 3 }],
  complaintsByTopic: [{ topic: '入学', count: 2 }, { topic: '管理', count: 3 }, { topic: '师德', count: 1 }],
  visitsBySupervisor: [{ name: '张明', visits: 17 }, { name: '李华', visits: 13 }, { name: '王芳', visits: 9 }],
};

/** Every document rendered, by name. */
const DOCUMENTS: Record<string, () => Document> = {
  briefing: () => buildBriefing(sampleBriefing(true), ctx),
  briefingShort: () => buildBriefing(sampleBriefing(), ctx),
  collection: () => {
    const c = sampleCollection();
    // A 12-piece collection under a title that must break on the cover.
    const pieces = Array.from({ length: 12 }, (_, i) => c.pieces[i % 3]);
    return buildCollection({ ...c, title: '清河区实验小学优秀督导案例集', pieces }, { ...ctx, words });
  },
  notice: () => buildNotice({ ...sampleNotice(), office: OFFICE }, ctx),
  referral: () => buildReferral({ ...sampleReferral(), office: '清河区督导室' }, ctx),
  chronicle: () => buildChronicle({ ...sampleChronicle(), office: OFFICE }, ctx),
  chronicleTable: () => buildChronicle({ ...sampleChronicle('table'), office: OFFICE }, ctx),
  statistics: () => buildStatistics(STATISTICS, { ...ctx, words }),
};

describe.skipIf(missing)('documents rendered by LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-render-'));
  const pages: Record<string, PdfWord[][]> = {};
  const texts: Record<string, string[]> = {};

  beforeAll(async () => {
    const files: string[] = [];
    for (const [name, build] of Object.entries(DOCUMENTS)) {
      const file = path.join(dir, `${name}.docx`);
      fs.writeFileSync(file, await toDocx(build()));
      files.push(file);
    }
    renderPdfs(files, dir).forEach((pdf, i) => {
      const name = Object.keys(DOCUMENTS)[i];
      pages[name] = pdfPages(pdf);
      texts[name] = pdfTexts(pdf);
    });
  }, 240_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('the page (a long briefing)', () => {
    const lines = (page: string) => page.split('\n').filter((l) => l.trim());

    it('fills a body page with exactly 22 lines of 28 characters', () => {
      // Page 2 is all body text (the first article's paragraphs).
      const body = lines(texts.briefing[1]).filter((l) => !/^\s*—\s*\d+\s*—\s*$/.test(l));
      expect(body).toHaveLength(22);
      const chars = (l: string) => [...l.replace(/\s/g, '')].length;
      // A line followed by another line of the same paragraph is full: 28 characters, plus a closing mark
      // hanging past the edge as Word and LibreOffice let punctuation do (标点溢出边界).
      const indented = (l: string) => /^\s{2,}\S/.test(l);
      const hanging = (l: string) => /[，。、；：！？”’）》]$/.test(l.trim());
      const full = body.filter((l, i) => i + 1 < body.length && !indented(body[i + 1]) && !indented(l));
      expect(full.length).toBeGreaterThanOrEqual(8);
      for (const l of full) expect(chars(l) - (chars(l) === 29 && hanging(l) ? 1 : 0)).toBe(28);
      for (const l of body.filter(indented)) expect(chars(l)).toBeLessThanOrEqual(26);
    });

    it('numbers pages "— N —", odd at the right and even at the left, one 4号 character in', () => {
      const p = pages.briefing;
      expect(pageNumber(p[0])).toEqual({ n: 1, side: 'right' });
      expect(pageNumber(p[1])).toEqual({ n: 2, side: 'left' });
      const dashes = (i: number) => p[i].filter((w) => w.yMin > BOTTOM && /—/.test(w.text));
      near(Math.max(...dashes(0).map((w) => w.xMax)), RIGHT - SMALL_CHAR, 1.5);
      near(Math.min(...dashes(1).map((w) => w.xMin)), LEFT + SMALL_CHAR, 1.5);
    });

    it('puts the 版记 at the foot of the last page, an even one, beside the body when it fits', () => {
      for (const name of ['briefing', 'briefingShort']) {
        const p = pages[name];
        expect(p.length % 2, name).toBe(0);
        const last = p.at(-1)!;
        const issued = last.find((w) => w.text.endsWith('印发'))!;
        // The 印发 line is the colophon's last, a rule's width above the foot of the type area; beside the body,
        // a line is kept free under it (page-end.ts), for a line the layout may count differently.
        expect(BOTTOM - issued.yMax, name).toBeGreaterThan(0);
        expect(BOTTOM - issued.yMax, name).toBeLessThan(12 + LINE_PT);
        near(issued.xMax, RIGHT - SMALL_CHAR, 1.5);
        near(last.find((w) => w.text.startsWith('报：'))!.xMin, LEFT + SMALL_CHAR, 1.5);
        expect(last.some((w) => w.text.startsWith('发：'))).toBe(true);
      }
      // The long one shares its last page with the body; that page keeps its number.
      const last = pages.briefing.at(-1)!;
      expect(pdfLines(last).filter((l) => l.y < BOTTOM - 150).length).toBeGreaterThan(3);
      expect(pageNumber(last)).toEqual({ n: pages.briefing.length, side: 'left' });
    });
  });

  it('prints a collection double-sided: blank back of the cover, the body from a right-hand page at — 1 —', () => {
    const p = pages.collection;
    expect(p.length % 2).toBe(0);
    expect(p[1]).toEqual([]);
    const numbered = p.map((w, i) => ({ physical: i + 1, number: pageNumber(w) })).filter((x) => x.number);
    expect(numbered[0].number!.n).toBe(1);
    expect(numbered[0].physical % 2).toBe(1);
    // Every numbered page: odd numbers on right-hand (odd) pages at the right, even ones at the left.
    for (const { physical, number } of numbered) {
      expect(physical % 2, `page ${physical}`).toBe(number!.n % 2);
      expect(number!.side, `page ${physical}`).toBe(number!.n % 2 ? 'right' : 'left');
    }
    expect(numbered.length).toBeGreaterThanOrEqual(12);
    // Front matter: unnumbered.
    for (let i = 0; i < numbered[0].physical - 1; i++) expect(pageNumber(p[i])).toBeNull();
  });

  /** The lines of a title at the top of a page, as printed, from the first line down to `last`. */
  const titleLinesOn = (page: PdfWord[], last: string) => {
    const ls = pdfLines(page);
    const end = ls.findIndex((l) => l.text.includes(last));
    return ls.slice(0, end + 1).map((l) => l.text);
  };

  it('breaks titles at word boundaries, as the line-breaker chose, on the cover and above the text', () => {
    const cover = titleLinesOn(pages.collection[0], '案例集');
    expect(cover).toEqual(titleLines('清河区实验小学优秀督导案例集', FIT.cover, words));
    expect(cover).toEqual(['清河区实验小学', '优秀督导案例集']);
    const chronicle = titleLinesOn(pages.chronicle[0], '大事记');
    expect(chronicle).toEqual([OFFICE, '2025年教育督导大事记']);
    const stats = titleLinesOn(pages.statistics[0], '统计报告');
    expect(stats).toEqual([OFFICE, '2026年11月教育督导工作统计报告']);
    // Each line is centred.
    for (const l of pdfLines(pages.chronicle[0]).slice(0, 2)) near((l.xMin + l.xMax) / 2, (LEFT + RIGHT) / 2, 3);
  });

  it('places the signature per GB/T 9704 7.3.5.2: the date two characters right of the name\'s first character', () => {
    const sign = (page: PdfWord[], name: string) => {
      const ls = pdfLines(page);
      const i = ls.findIndex((l) => l.text === name);
      return { name: ls[i], date: ls[i + 1] };
    };
    // A name longer than the date: the name 右空二字.
    const n = sign(pages.notice[0], OFFICE);
    expect(n.date.text).toBe('2025年4月2日');
    near(n.date.xMin - n.name.xMin, 2 * CHAR, pt(1));
    near(n.name.xMax, RIGHT - 2 * CHAR, pt(1));
    // A date longer than the name: the date 右空二字, the name moved left.
    const r = sign(pages.referral[0], '清河区督导室');
    expect(r.date.text).toBe('2025年3月20日');
    near(r.date.xMin - r.name.xMin, 2 * CHAR, pt(1));
    // Its right edge is placed from the date's measured width in the office's 仿宋_GB2312, whose digits are half
    // an em; the rendering's stand-in font draws them a tenth wider, which moves the edge about 1 mm per 4 digits.
    near(r.date.xMax, RIGHT - 2 * CHAR, pt(3.5));
  });

  it('sets the 回执 and its cut line together at the foot of the notice\'s last page', () => {
    const last = pages.notice.at(-1)!;
    const ls = pdfLines(last);
    const cut = ls.findIndex((l) => l.text.includes('沿此线剪开'));
    expect(cut).toBeGreaterThan(0);
    expect(ls[cut + 1].text.replace(/\s/g, '')).toBe('回执');
    expect(ls.at(-2)!.text).toMatch(/^签收人/);
    expect(BOTTOM - ls.at(-2)!.words[0].yMax).toBeLessThan(20 + LINE_PT);
    expect(pages.notice).toHaveLength(1);
  });

  it('ends every chronicle entry with 。, in the list and in the table (whose event column has no 是月)', () => {
    const entries = (name: string) => texts[name].join('\n').replace(/[ \t]+/g, '');
    // The entries' lines, less the title, the month headings and the page numbers, joined and cut at each entry's date.
    const body = entries('chronicle').split('\n').filter((l) => l && !/^[一二三四五六七八九十]+月$|^—\d+—$|大事记$|^清河区/.test(l));
    const list = body.join('').split(/(?=(?:\d+月\d+日|是月|是年)，)/).filter((e) => /^(\d+月\d+日|是月|是年)，/.test(e));
    expect(list).toHaveLength(8);
    for (const e of list) expect(e).toMatch(/。$/);
    expect(list).toContain('3月3日，各责任区督学开展春季开学专项督导（覆盖学校56所）。');
    expect(list).toContain('1月20日，区政府教育督导委员会召开全体成员会议，部署“双减”。');
    // The event column's words (right of the 日期 column, 3 of 14 parts of the width), line after line.
    const eventColumn = LEFT + (pt(156) * 3) / 14;
    const table = pages.chronicleTable.flatMap((p) => pdfLines(p.filter((w) => w.xMin > eventColumn && w.yMin < BOTTOM)))
      .map((l) => l.text).join('');
    expect(table).toContain('部署“双减”。');
    expect(table).toContain('（覆盖学校56所）。');
    expect(table).not.toMatch(/是[月年]，/);
  });

  it('states one period in the statistics report: title, tables and charts, with the same numbers', () => {
    const all = pages.statistics.flat();
    const ls = pages.statistics.flatMap((p) => pdfLines(p)).map((l) => l.text);
    const captions = ls.filter((l) => /^[表图]\d/.test(l));
    expect(captions.length).toBe(6);
    for (const c of captions) expect(c).toMatch(/^[表图]\d2026年11月/);
    // The charts (drawn by the reader from their own data) show the tables' numbers.
    const onPage = (caption: string) => pages.statistics.find((p) => pdfLines(p).some((l) => l.text.startsWith(caption)))!;
    const numbersOf = (page: PdfWord[]) => page.map((w) => w.text).filter((t) => /^\d+$/.test(t)).map(Number);
    for (const [caption, values] of [['图1', [5, 4, 3]], ['图2', [2, 3, 1]], ['图3', [17, 13, 9]]] as const) {
      const nums = numbersOf(onPage(caption));
      for (const v of values) expect(nums, caption).toContain(v);
    }
    expect(all.some((w) => w.text.includes('张明'))).toBe(true);
  });
});
