/**
 * The printed 行事历 as a reader sees it (LibreOffice → PDF → words with their positions): the office's
 * title, the header row at the top of every page, months running across pages so that no page is left
 * part empty, the items' own numbers. Portrait and landscape. Skips, saying why, without LibreOffice.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCalendar } from './calendar';
import { toDocx } from './pack';
import { pdfLines, pdfPages, pt, renderMissing, renderPdfs, type PdfWord } from '../testing/render-pdf';
import { sampleCalendar, sampleContext } from '../testing/samples';

const missing = renderMissing();
if (missing) console.warn(`calendar.render.test.ts skipped: ${missing}`);

const HEADER = ['月份', '工作内容', '时间', '责任', '完成情况'];
/** The type area's top edge (天头 37 mm) and height: portrait 225 mm, landscape 210 − 37 − 35 mm. */
const TOP = pt(37);
const HEIGHT = { portrait: pt(225), landscape: pt(210 - 37 - 35) };

describe.skipIf(missing)('the 行事历 rendered by LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-calendar-render-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const pages: Record<'portrait' | 'landscape', PdfWord[][]> = { portrait: [], landscape: [] };

  beforeAll(async () => {
    const files = [];
    for (const kind of ['portrait', 'landscape'] as const) {
      const file = path.join(dir, `${kind}.docx`);
      fs.writeFileSync(file, await toDocx(buildCalendar(sampleCalendar({ landscape: kind === 'landscape' }), sampleContext())));
      files.push(file);
    }
    const [portrait, landscape] = renderPdfs(files, dir);
    pages.portrait = pdfPages(portrait);
    pages.landscape = pdfPages(landscape);
  }, 300_000);

  const lines = (kind: 'portrait' | 'landscape', page: number) => pdfLines(pages[kind][page]);
  const headerOf = (kind: 'portrait' | 'landscape', page: number) => lines(kind, page).find((l) => HEADER.every((h) => l.words.some((w) => w.text === h)));

  for (const kind of ['portrait', 'landscape'] as const) {
    it(`${kind}: is titled by the office and the calendar's 学年 and 学期`, () => {
      const header = headerOf(kind, 0)!;
      const title = lines(kind, 0).filter((l) => l.y < header.y).map((l) => l.text).join('');
      expect(title).toBe('××区人民政府教育督导室2025—2026学年第一学期督导工作行事历');
    });

    it(`${kind}: repeats the header row at the top of every page, its columns where they were`, () => {
      expect(pages[kind].length).toBeGreaterThanOrEqual(2);
      const first = headerOf(kind, 0)!;
      for (let p = 1; p < pages[kind].length; p++) {
        const header = headerOf(kind, p);
        expect(header, `page ${p + 1} has no header row`).toBeDefined();
        expect(Math.abs(header!.y - TOP)).toBeLessThan(6);
        expect(header!.words.filter((w) => HEADER.includes(w.text)).map((w) => Math.round(w.xMin)))
          .toEqual(first.words.filter((w) => HEADER.includes(w.text)).map((w) => Math.round(w.xMin)));
      }
    });

    it(`${kind}: lets months run on across pages, so no page but the last is left a fifth empty`, () => {
      const n = pages[kind].length;
      for (let p = 0; p < n - 1; p++) {
        const body = lines(kind, p).filter((l) => !/^—\d+—$/.test(l.text.replace(/\s/g, '')));
        const bottom = Math.max(...body.map((l) => l.y));
        expect((bottom - TOP) / HEIGHT[kind], `page ${p + 1}`).toBeGreaterThan(0.8);
      }
      // A month continued on the next page: October's items start on one page and end on another.
      const pageOf = (text: string) => pages[kind].findIndex((ws) => pdfLines(ws).some((l) => l.text.includes(text)));
      expect(pageOf('25.制定下学期')).toBe(n - 1);
    });

    it(`${kind}: prints the items with their own numbers, all 25 of them`, () => {
      const text = pages[kind].map((ws) => pdfLines(ws).map((l) => l.text).join('\n')).join('\n');
      for (let k = 1; k <= 25; k++) expect(text, `item ${k}`).toContain(`${k}.`);
      expect(text).toContain('主题：新学期开学工作和招生入学情况');
    });
  }
});
