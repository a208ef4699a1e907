/**
 * 督导大事记 (the year's chronicle): one event an entry, date first, in strict date order, under month
 * headings; entries without a day close their month (是月), entries without a month close the year (是年).
 * Also the table form 日期 | 事件.
 */
import { Paragraph, TextRun, type Document, type FileChild } from 'docx';
import { gridTable, type BuildContext } from './blocks';
import { STYLE, blankLine, profileDocument, section, titleOf } from './profile';
import { chineseNumber } from '../../shared/numbers';
import { docxFile, type GeneratedFile } from './pack';
import type { ChronicleEntryRow } from '../../shared/schemas/chronicle';

export interface ChronicleEntry {
  /** 1–12, or null when only the year is known (是年). */
  month: number | null;
  /** 1–31, or null when only the month is known (是月). */
  day: number | null;
  /** The event, facts only, e.g. 区教育督导室召开全体督学工作会议. */
  text: string;
}

export interface ChronicleInput {
  office: string;
  year: number;
  entries: ChronicleEntry[];
  /** 'list' (default): month headings and one paragraph an entry; 'table': 日期 | 事件. */
  form?: 'list' | 'table';
}

export function chronicleTitle(office: string, year: number): string {
  return `${office}${year}年教育督导大事记`;
}

/** Entries in print order: by month then day; a month's 是月 entries after its days; 是年 entries last. */
export function sortEntries(entries: ChronicleEntry[]): ChronicleEntry[] {
  const key = (e: ChronicleEntry) => [e.month ?? 13, e.day ?? 32];
  return entries.map((e, i) => ({ e, i })).sort((a, b) => {
    const [am, ad] = key(a.e);
    const [bm, bd] = key(b.e);
    return am - bm || ad - bd || a.i - b.i;
  }).map(({ e }) => e);
}

/**
 * The entry as a sentence ending in 。: after a closing bracket or quote too (…专项督导（第二批）。), a
 * trailing comma, semicolon or colon becomes 。; a quotation that ends its own sentence (…。”) is left so.
 */
export function sentence(text: string): string {
  const t = text.trim().replace(/[，,；;：:、\s]+$/, '');
  return /[。！？!?…]$|[。！？][”’」』]$/.test(t) ? t : `${t}。`;
}

/** The entry's date as printed before its text: 3月12日 / 是月 / 是年. */
export function entryLead(e: ChronicleEntry): string {
  if (e.month == null) return '是年';
  if (e.day == null) return '是月';
  return `${e.month}月${e.day}日`;
}

export function entryLine(e: ChronicleEntry): string {
  return `${entryLead(e)}，${sentence(e.text)}`;
}

function listForm(entries: ChronicleEntry[]): FileChild[] {
  const out: FileChild[] = [];
  let month: number | null | undefined;
  for (const e of entries) {
    if (e.month !== month && e.month != null) {
      out.push(new Paragraph({ style: STYLE.heading[0], children: [new TextRun(`${chineseNumber(e.month)}月`)] }));
    }
    month = e.month;
    out.push(new Paragraph({ style: STYLE.normal, children: [new TextRun(entryLine(e))] }));
  }
  return out;
}

function tableForm(year: number, entries: ChronicleEntry[]): FileChild[] {
  const date = (e: ChronicleEntry) => (e.month == null ? `${year}年` : e.day == null ? `${e.month}月` : `${e.month}月${e.day}日`);
  // The date column carries the date; the event column the event only.
  const text = (e: ChronicleEntry) => sentence(e.text);
  return [gridTable({
    columns: [{ title: '日期', weight: 3, align: 'center' }, { title: '事件', weight: 11 }],
    rows: entries.map((e) => [date(e), text(e)]),
  })];
}

export function buildChronicle(c: ChronicleInput, ctx: BuildContext): Document {
  const entries = sortEntries(c.entries);
  const title = chronicleTitle(c.office, c.year);
  const children: FileChild[] = [
    titleOf(title, ctx.words),
    blankLine(),
    ...(c.form === 'table' ? tableForm(c.year, entries) : listForm(entries)),
  ];
  return profileDocument(ctx.fonts, { title, sections: [section({ children })] });
}

/** The entries as kept (a date of its precision: yyyy-mm-dd, yyyy-mm or yyyy), as the document takes them. */
export function chronicleEntries(rows: Pick<ChronicleEntryRow, 'precision' | 'date' | 'text'>[]): ChronicleEntry[] {
  return rows.map((e) => ({
    month: e.precision === 'year' ? null : Number(e.date.slice(5, 7)),
    day: e.precision === 'day' ? Number(e.date.slice(8, 10)) : null,
    text: e.text,
  }));
}

/** The chronicle as a .docx: its title, marked （表格） in the table form. */
export function chronicleFile(c: ChronicleInput, ctx: BuildContext): Promise<GeneratedFile> {
  const title = chronicleTitle(c.office, c.year);
  return docxFile(c.form === 'table' ? `${title}（表格）` : title, buildChronicle(c, ctx));
}
