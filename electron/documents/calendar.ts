/**
 * 行事历 (work calendar) as the office prints it: "××区教育督导室2026—2027学年第一学期督导工作行事历", then
 * a table 月份 | 工作内容 with the columns chosen at export (时间, 责任 with 牵头/配合, 完成情况, 备注),
 * each as wide as its content needs and 工作内容 taking the rest. A month's cell is merged down over its
 * theme ("主题：…") and its items, which carry their own numbers and, without a 时间 column, their timing
 * in brackets. Months run across pages with the header row repeated; a month's rows are kept together
 * only when they fit on a page. Portrait or landscape; an optional 附件 label above the title, the
 * calendar's 备注 under the table and the office's name and date at the end.
 */
import { Paragraph, TextRun, type Document } from 'docx';
import { gridTable, type BuildContext, type GridCell, type GridColumn } from './blocks';
import {
  LANDSCAPE_TYPE_WIDTH, LINE, MARGIN, PAGE, SIZE, SMALL_CHAR, STYLE, TYPE_HEIGHT, TYPE_WIDTH, blankLine, fontSlots, profileDocument, section, signatureBlock, titleOf,
} from './profile';
import { docxFile, type GeneratedFile } from './pack';
import { spanText, timingText } from '../../shared/calendar-timing';
import { CALENDAR_COLUMNS, filledCalendarColumns, printedCalendarTitle, type CalendarColumn } from '../../shared/schemas/calendar';

export interface CalendarItemRow {
  /** As printed: its own ("1.", "（3）") or its place in the month. */
  number: string;
  content: string;
  /** First and last month it runs in ('YYYY-MM'). */
  month: string;
  endMonth: string;
  timing?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  lead?: string | null;
  partners?: string | null;
  status?: string | null;
  statusNote?: string | null;
  note?: string | null;
}

export interface CalendarMonthRow {
  /** yyyy-mm */
  month: string;
  /** The month's theme (一月一主题). */
  theme?: string | null;
  /** The items listed under the month: those starting in it. */
  items: CalendarItemRow[];
}

export interface CalendarInput {
  office: string;
  /** The calendar's own title ("2026—2027学年第一学期督导工作行事历"); the office's name goes before it. */
  title: string;
  months: CalendarMonthRow[];
  /** Optional columns, in any order (printed in the order of CALENDAR_COLUMNS). */
  columns: CalendarColumn[];
  landscape?: boolean;
  /** "附件1" above the title, when the calendar goes out with a notice. */
  attachment?: string | null;
  /** The calendar's 备注, under the table. */
  notes?: string | null;
  /** The office's name and this date at the end. */
  signatureDate?: string | null;
}

/** The columns a calendar's items fill: a column nobody wrote in is left out by default. */
export const filledColumns = (months: CalendarMonthRow[]): CalendarColumn[] => filledCalendarColumns(months.flatMap((m) => m.items));

/** 完成情况: blank while not started (a plan handed out before the term); a note that repeats the status stands alone. */
export function completionText(status: string | null | undefined, note: string | null | undefined): string[] {
  if (!status || status === '未开始') return note ? [note] : [];
  if (!note) return [status];
  return note.startsWith(status) ? [note] : [status, note];
}

/** 责任: the leading unit, then "配合：…" when others help. */
const responsibility = (i: CalendarItemRow): string[] => [...(i.lead ? [i.lead] : []), ...(i.partners ? [`配合：${i.partners}`] : [])];

/** "1." + content: a number ending in a mark needs no space; one without gets "．". */
const numbered = (number: string, content: string) => `${number}${/[.、）)．:：\s]$/.test(number) ? '' : '．'}${content}`;

/** Width of text in characters: ASCII counts half. */
const units = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
/**
 * A 4号 character's advance in a table cell (Normal's −5 twip spacing applies); a cell's side margins
 * (0.19 cm each), and a little more when sizing a column so its longest line surely fits.
 */
const ADVANCE = SMALL_CHAR - 5;
const CELL_MARGINS = 2 * 108;
const CELL_PADDING = CELL_MARGINS + 40;
/** A table line (表格文字: exact 22 pt), and what a row adds to its lines (its border; measured on a rendering). */
const ROW_LINE = 440;
const ROW_EXTRA = 10;
/** The title's line (exact 35 pt, 2号 characters of 22 pt). */
const TITLE_LINE = 700;
const TITLE_ADVANCE = 440 - 5;
const twips = (u: number) => Math.round(u * ADVANCE + CELL_PADDING);
/** Lines a cell's text takes in a column `width` twips wide. */
const linesIn = (text: string[], width: number) => {
  const per = Math.max(1, Math.floor((width - CELL_MARGINS) / ADVANCE));
  return Math.max(1, text.reduce((n, t) => n + Math.max(1, Math.ceil(units(t) / per)), 0));
};

/** Months printed together: one month, or several when the later ones only carry the first's items on ("7—8月"). */
interface Group { months: string[]; theme: string | null; items: CalendarItemRow[] }
function groups(months: CalendarMonthRow[]): Group[] {
  const out: Group[] = [];
  for (const m of months) {
    const last = out[out.length - 1];
    const carried = last && last.items.length > 0 && m.items.length === 0 && !m.theme && last.items.every((i) => i.endMonth >= m.month);
    if (carried) last.months.push(m.month);
    else out.push({ months: [m.month], theme: m.theme ?? null, items: m.items });
  }
  return out;
}

/** Most characters the optional columns take before they wrap. */
const CAP: Record<CalendarColumn, number> = { timing: 7, responsibility: 8, status: 7, note: 8 };
/** Fewest: the header, and for 时间 and 责任 a short timing or unit name kept on one line. */
const FLOOR: Record<CalendarColumn, number> = { timing: 5, responsibility: 4, status: 4, note: 2 };

/**
 * Column widths: 月份 as its longest label; each optional column as wide as its longest line, within its
 * limits; 工作内容 the rest. When the optional columns want more than half the width, the widest give
 * way first, down to a common width (but not below their floors).
 */
function plannedWidths(total: number, monthUnits: number, optional: CalendarColumn[], lines: string[][]): number[] {
  const want = optional.map((k, i) => Math.min(CAP[k], Math.max(units(CALENDAR_COLUMNS[k]), ...lines[i].map(units))));
  const floor = optional.map((k, i) => Math.min(want[i], Math.max(units(CALENDAR_COLUMNS[k]), FLOOR[k])));
  const at = (level: number) => want.map((u, i) => Math.max(floor[i], Math.min(u, level)));
  const room = total / 2 - twips(monthUnits);
  let level = Math.max(0, ...want);
  while (level > 0 && at(level).reduce((x, u) => x + twips(u), 0) > room) level -= 0.25;
  const fixed = at(level).map(twips);
  return [twips(monthUnits), total - twips(monthUnits) - fixed.reduce((x, y) => x + y, 0), ...fixed];
}

interface Planned { cells: GridCell[]; lines: number }

/**
 * Which rows keep with the next, from the rows' estimated heights: a month that fits in what is left of
 * the page is kept together; one that does not runs on to the next page (its theme kept with its first
 * item, its last item not left alone), so no page is left a third empty for a month that would not fit.
 */
function keepFlags(months: Planned[][], firstPage: number, pageHeight: number, header: number): boolean[][] {
  let used = firstPage + header;
  const SLACK = 2 * ROW_LINE;
  return months.map((rows) => {
    const heights = rows.map((r) => r.lines * ROW_LINE + ROW_EXTRA);
    const height = heights.reduce((x, y) => x + y, 0);
    if (used + height <= pageHeight - SLACK) {
      used += height;
      return rows.map((_, k) => k < rows.length - 1);
    }
    for (const h of heights) used = used + h > pageHeight ? header + h : used + h;
    return rows.map((_, k) => (k === 0 && rows.length > 1) || (k === rows.length - 2 && rows.length > 2));
  });
}

export function buildCalendar(c: CalendarInput, ctx: BuildContext): Document {
  const title = printedCalendarTitle(c.office, c.title);
  const total = c.landscape ? LANDSCAPE_TYPE_WIDTH : TYPE_WIDTH;
  const pageHeight = c.landscape ? PAGE.width - MARGIN.top - MARGIN.bottom : TYPE_HEIGHT;
  const optional = (Object.keys(CALENDAR_COLUMNS) as CalendarColumn[]).filter((k) => c.columns.includes(k));
  const gs = groups(c.months);
  // 9月 reads unambiguously within a year; a plan longer than that names the year too.
  const withYear = new Set(c.months.map((m) => m.month.slice(5))).size < c.months.length;
  const monthName = (m: string) => `${withYear ? `${m.slice(0, 4)}年` : ''}${Number(m.slice(5))}月`;
  const label = (g: Group) => (g.months.length === 1 ? monthName(g.months[0])
    : withYear ? `${monthName(g.months[0])}—${monthName(g.months[g.months.length - 1])}` : spanText(g.months[0], g.months[g.months.length - 1]));

  const cellOf = (i: CalendarItemRow, k: CalendarColumn): string[] => {
    if (k === 'timing') return [timingText(i) ?? ''];
    if (k === 'responsibility') return responsibility(i);
    if (k === 'status') return completionText(i.status, i.statusNote);
    return [i.note ?? ''];
  };
  // Without a 时间 column an item's timing goes in brackets after it.
  const contentOf = (i: CalendarItemRow) => {
    const t = optional.includes('timing') ? null : timingText(i);
    return numbered(i.number, `${i.content}${t ? `（${t}）` : ''}`);
  };

  // 月份 as its longest label, half a character spare: CJK fonts set digits a little wider than half.
  const widths = plannedWidths(total, Math.max(2, ...gs.map((g) => units(label(g)))) + 0.5, optional,
    optional.map((k) => gs.flatMap((g) => g.items.flatMap((i) => cellOf(i, k)))));
  const columns: GridColumn[] = [
    { title: '月份', weight: widths[0], align: 'center' },
    { title: '工作内容', weight: widths[1] },
    ...optional.map((k, i): GridColumn => ({ title: CALENDAR_COLUMNS[k], weight: widths[i + 2], align: k === 'timing' || k === 'status' ? 'center' : 'left' })),
  ];

  const planned = gs.map((g) => {
    const rows: Planned[] = [];
    const theme = `主题：${g.theme}`;
    if (g.theme) rows.push({ cells: [{ lines: [theme], columnSpan: columns.length - 1, bold: true }], lines: linesIn([theme], total - widths[0]) });
    for (const i of g.items) {
      const content = contentOf(i);
      const rest = optional.map((k) => cellOf(i, k));
      rows.push({ cells: [content, ...rest], lines: Math.max(linesIn([content], widths[1]), ...rest.map((r, k) => linesIn(r, widths[k + 2]))) });
    }
    if (rows.length === 0) rows.push({ cells: ['', ...optional.map(() => '')], lines: 1 });
    rows[0].cells.unshift({ lines: [label(g)], rowSpan: rows.length });
    return rows;
  });
  const titleLines = Math.ceil(units(title) / Math.floor(total / TITLE_ADVANCE));
  const header = Math.max(...columns.map((col, i) => linesIn([col.title], widths[i]))) * ROW_LINE + ROW_EXTRA;
  const keep = keepFlags(planned, (c.attachment ? LINE : 0) + titleLines * TITLE_LINE + LINE, pageHeight, header);
  const table = gridTable({
    width: total, columns,
    rows: planned.flatMap((rows, g) => rows.map((r, k) => ({ cells: r.cells, cantSplit: true, keepNext: keep[g][k] }))),
  });

  const children = [
    ...(c.attachment ? [new Paragraph({ style: STYLE.normal, indent: { firstLine: 0 },
      children: [new TextRun({ text: c.attachment, font: fontSlots(ctx.fonts.heading1), size: SIZE.sanhao })] })] : []),
    titleOf(title, ctx.words, { width: total }),
    blankLine(),
    table,
    ...(c.notes ? [new Paragraph({ style: STYLE.normal, spacing: { before: 120 }, children: [new TextRun(`备注：${c.notes}`)] })] : []),
    ...(c.signatureDate ? [blankLine(), ...signatureBlock(c.office, c.signatureDate, total)] : []),
  ];
  return profileDocument(ctx.fonts, { title, sections: [section({ landscape: c.landscape, children })] });
}

/** The calendar as a .docx named after its printed title. */
export function calendarFile(c: CalendarInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(printedCalendarTitle(c.office, c.title), buildCalendar(c, ctx));
}
