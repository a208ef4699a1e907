/**
 * The layout claims checked on a rendering, as a reader sees them: a long briefing → LibreOffice → PDF →
 * text per page (pdftotext -layout). A full body page has 22 lines, a full line 28 characters, pages are
 * numbered "— N —" at the right on odd pages and at the left on even pages, and the colophon page has none.
 * Skips, saying why, where LibreOffice or pdftotext is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBriefing } from './briefing';
import { toDocx } from './pack';
import { sampleBriefing, sampleContext } from '../testing/samples';

const has = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
const missing = !has('soffice', '--version') ? 'LibreOffice (soffice) is not installed'
  : !has('pdftotext', '-v') ? 'pdftotext (poppler-utils) is not installed' : null;
if (missing) console.warn(`render.test.ts skipped: ${missing}`);

/** The shared render script maps the office's font names onto installed CJK fonts (fontconfig). */
const SCRIPT = path.resolve('../shared/tools/render-docx.sh');
const FONT_ALIASES: [string[], string][] = [
  [['仿宋_GB2312', '仿宋', 'FangSong', '宋体', 'SimSun', '方正小标宋简体'], 'Noto Serif CJK SC'],
  [['楷体_GB2312', '楷体', 'KaiTi'], 'AR PL UKai CN'],
  [['黑体', 'SimHei'], 'Noto Sans CJK SC'],
];

/** Render to PDF with the shared script when present, else directly; the PDF's path. */
function renderPdf(docx: string, out: string): string {
  const base = path.basename(docx, '.docx');
  if (fs.existsSync(SCRIPT)) {
    // The script may find the fonts missing and reach for apt, which another process can hold; try twice.
    try { execFileSync('bash', [SCRIPT, docx, out], { stdio: 'pipe' }); } catch { execFileSync('bash', [SCRIPT, docx, out], { stdio: 'pipe' }); }
  } else {
    // Same mapping as the script, in a private fontconfig file, without installing anything.
    const conf = path.join(out, 'fonts.conf');
    fs.writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${
      FONT_ALIASES.flatMap(([names, to]) => names.map((n) => `<alias binding="same"><family>${n}</family><prefer><family>${to}</family></prefer></alias>`)).join('')
    }</fontconfig>`);
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(out, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx],
      { stdio: 'pipe', timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: conf } });
  }
  return path.join(out, `${base}.pdf`);
}

/** Each page's text, laid out as on the page. */
const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);

interface Word { xMin: number; xMax: number; text: string }
/** The words of one page with their horizontal extent in points. */
function words(pdf: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] }));
}
const pt = (mm: number) => (mm * 72) / 25.4;
/** The type area's left and right edges, and one 4号 (14 pt) character. */
const LEFT = pt(28);
const RIGHT = pt(210 - 26);
const SMALL_CHAR = 14;

const PAGE_NUMBER = /^\s*—\s*(\d+)\s*—\s*$/;
const lines = (page: string) => page.split('\n').filter((l) => l.trim());

describe.skipIf(missing)('a long briefing rendered by LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-render-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let pdf = '';
  let pages: string[] = [];

  it('renders', async () => {
    const file = path.join(dir, 'briefing.docx');
    fs.writeFileSync(file, await toDocx(buildBriefing(sampleBriefing(true), sampleContext())));
    pdf = renderPdf(file, dir);
    pages = pageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
  }, 240_000);

  it('fills a body page with exactly 22 lines of 28 characters', () => {
    // Page 2 is all body text (the first article's paragraphs).
    const body = lines(pages[1]).filter((l) => !PAGE_NUMBER.test(l));
    expect(body).toHaveLength(22);
    const chars = (l: string) => [...l.replace(/\s/g, '')].length;
    // A paragraph's first line is indented two characters; a line followed by another line of the same
    // paragraph is full: 28 characters on the grid, plus a closing mark hanging past the edge as Word and
    // LibreOffice let punctuation do by default (标点溢出边界).
    const indented = (l: string) => /^\s{2,}\S/.test(l);
    const hanging = (l: string) => /[，。、；：！？”’）》]$/.test(l.trim());
    const full = body.filter((l, i) => i + 1 < body.length && !indented(body[i + 1]) && !indented(l));
    expect(full.length).toBeGreaterThanOrEqual(8);
    for (const l of full) expect(chars(l) - (chars(l) === 29 && hanging(l) ? 1 : 0)).toBe(28);
    for (const l of body.filter(indented)) expect(chars(l)).toBeLessThanOrEqual(26);
  });

  it('numbers pages "— N —", odd at the right and even at the left', () => {
    const numberLine = (p: string) => lines(p).find((l) => PAGE_NUMBER.test(l)) ?? '';
    expect(PAGE_NUMBER.exec(numberLine(pages[0]))?.[1]).toBe('1');
    expect(PAGE_NUMBER.exec(numberLine(pages[1]))?.[1]).toBe('2');
    const lead = (l: string) => l.length - l.trimStart().length;
    expect(lead(numberLine(pages[0]))).toBeGreaterThan(20);
    expect(lead(numberLine(pages[1]))).toBeLessThan(4);
  });

  it('sets the page numbers and the colophon one 4号 character in from the type area\'s edges', () => {
    const near = (v: number, want: number) => expect(Math.abs(v - want)).toBeLessThan(1.5);
    const dashes = (page: number) => words(pdf, page).filter((w) => w.text === '—');
    near(Math.max(...dashes(1).map((w) => w.xMax)), RIGHT - SMALL_CHAR);
    near(Math.min(...dashes(2).map((w) => w.xMin)), LEFT + SMALL_CHAR);
    // Body lines run from the left edge to the right edge (less than one character's spacing short), but
    // for a closing mark hanging past it.
    const body = words(pdf, 2).filter((w) => w.text.length >= 20 && !/[，。、；：！？”’）》]$/.test(w.text));
    near(Math.min(...body.map((w) => w.xMin)), LEFT);
    const right = Math.max(...body.map((w) => w.xMax));
    expect(right).toBeLessThanOrEqual(RIGHT + 0.5);
    expect(right).toBeGreaterThan(RIGHT - 2);
    const last = words(pdf, pages.length);
    near(last.find((w) => w.text.startsWith('报：'))?.xMin ?? 0, LEFT + SMALL_CHAR);
    near(last.find((w) => w.text.endsWith('印发'))?.xMax ?? 0, RIGHT - SMALL_CHAR);
  });

  it('puts the colophon on the last page without a page number', () => {
    const last = lines(pages[pages.length - 1]);
    expect(last.some((l) => PAGE_NUMBER.test(l))).toBe(false);
    expect(last[0].trim()).toMatch(/^报：/);
    expect(last[last.length - 1]).toMatch(/印发\s*$/);
  });

  it('keeps a colophon with a long distribution list on one page', async () => {
    const b = sampleBriefing();
    const fa = [...Array.from({ length: 40 }, (_, i) => `第${i + 1}中学`), 'ABC培训学校2025分部'];
    const file = path.join(dir, 'long-list.docx');
    fs.writeFileSync(file, await toDocx(buildBriefing({ ...b, distribution: { ...b.distribution, fa } }, sampleContext())));
    const all = pageTexts(renderPdf(file, dir));
    const last = lines(all[all.length - 1]);
    expect(last[0].trim()).toMatch(/^报：/);
    expect(last.join('').replace(/\s/g, '')).toContain('第40中学');
    expect(last[last.length - 1]).toMatch(/印发\s*$/);
  }, 240_000);
});
