/**
 * Rendering Word files as a reader sees them, for render tests: LibreOffice → PDF (several files in one
 * call, which is most of the time saved), then pdftotext for the words and their positions. The office's
 * font names are mapped onto installed CJK fonts of the same metrics in a private fontconfig file
 * (Noto Serif CJK SC for 仿宋/宋体/小标宋, AR PL UKai for 楷体, Noto Sans CJK SC for 黑体).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const has = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

/** Why rendering can't run here, or null when LibreOffice and pdftotext are installed. */
export function renderMissing(): string | null {
  if (!has('soffice', '--version')) return 'LibreOffice (soffice) is not installed';
  if (!has('pdftotext', '-v')) return 'pdftotext (poppler-utils) is not installed';
  return null;
}

const FONT_ALIASES: [string[], string][] = [
  [['仿宋_GB2312', '仿宋', 'FangSong', '宋体', 'SimSun', '方正小标宋简体', '方正小标宋_GBK', '华文中宋'], 'Noto Serif CJK SC'],
  [['楷体_GB2312', '楷体', 'KaiTi'], 'AR PL UKai CN'],
  [['黑体', 'SimHei', '微软雅黑'], 'Noto Sans CJK SC'],
];

/** Render every .docx to a PDF in `out` with one LibreOffice run; the PDFs' paths, in the same order. */
export function renderPdfs(docxFiles: string[], out: string): string[] {
  const conf = path.join(out, 'fonts.conf');
  fs.writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${
    FONT_ALIASES.flatMap(([names, to]) => names.map((n) => `<alias binding="same"><family>${n}</family><prefer><family>${to}</family></prefer></alias>`)).join('')
  }</fontconfig>`);
  // Blank pages a reader inserts (an odd- or even-page break) exported too, as they are printed.
  const pdf = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}';
  execFileSync('soffice', [`-env:UserInstallation=file://${path.join(out, 'profile')}`, '--headless', '--convert-to', pdf, '--outdir', out, ...docxFiles],
    { stdio: 'pipe', timeout: 300_000, env: { ...process.env, FONTCONFIG_FILE: conf } });
  return docxFiles.map((f) => path.join(out, `${path.basename(f, '.docx')}.pdf`));
}

/** A word on a page and its box, in points from the page's top left corner. */
export interface PdfWord { xMin: number; yMin: number; xMax: number; yMax: number; text: string }

/** Each page's words with their boxes (pdftotext -bbox), pages in order. */
export function pdfPages(pdf: string): PdfWord[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html.split('<page ').slice(1).map((page) => [...page.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescape(m[5]) })));
}

const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** Each page's text laid out as on the page (pdftotext -layout). */
export function pdfTexts(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1);
}

/** Millimetres to points. */
export const pt = (mm: number): number => (mm * 72) / 25.4;

/** The words of a page grouped into lines (by their vertical position), each line's words left to right. */
export function pdfLines(words: PdfWord[]): { y: number; xMin: number; xMax: number; text: string; words: PdfWord[] }[] {
  const lines: { y: number; words: PdfWord[] }[] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l.y - w.yMin) < 3);
    if (line) line.words.push(w); else lines.push({ y: w.yMin, words: [w] });
  }
  return lines.map((l) => {
    const ws = l.words.sort((a, b) => a.xMin - b.xMin);
    return { y: l.y, xMin: ws[0].xMin, xMax: Math.max(...ws.map((w) => w.xMax)), text: ws.map((w) => w.text).join(''), words: ws };
  });
}
