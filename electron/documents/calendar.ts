/**
 * 行事历 (work calendar): title, then a table 月份 | 工作内容 | 责任人 | 完成情况 with one row per item,
 * the month cell merged down over its items and the header row repeated on every page.
 */
import { Paragraph, TextRun, type Document } from 'docx';
import { gridTable, type BuildContext, type GridCell } from './blocks';
import { LANDSCAPE_TYPE_WIDTH, STYLE, TYPE_WIDTH, blankLine, profileDocument, section } from './profile';
import { docxFile, type GeneratedFile } from './pack';
import { chineseNumber } from '../../shared/numbers';

export interface CalendarItemRow {
  content: string;
  owner?: string | null;
  /** 完成情况 as printed; blank in a plan handed out before the term. */
  status?: string | null;
}

export interface CalendarMonthRow {
  /** yyyy-mm */
  month: string;
  /** The month's theme (一月一主题), printed under the month. */
  theme?: string | null;
  items: CalendarItemRow[];
}

export interface CalendarInput {
  office: string;
  /** e.g. 2025—2026 */
  schoolYear: string;
  /** 1 or 2 for 第一学期 / 第二学期; null for the whole school year. */
  term?: number | null;
  /** A title of its own (a calendar by natural year, say); by default the 学年度 title below. */
  title?: string | null;
  months: CalendarMonthRow[];
  landscape?: boolean;
}

export function calendarTitle(office: string, schoolYear: string, term?: number | null): string {
  return `${office}${schoolYear}学年度${term ? `（第${chineseNumber(term)}学期）` : ''}教育督导工作行事历`;
}

/**
 * Table rows: a month's first row carries the merged month cell; a month's rows are kept on one page; a
 * month without items gets one empty row.
 */
export function calendarRows(months: CalendarMonthRow[]): { cells: GridCell[]; keepNext: boolean }[] {
  // 9月 reads unambiguously within a year; a plan longer than that names the year too.
  const withYear = new Set(months.map((m) => m.month.slice(5))).size < months.length;
  return months.flatMap((m) => {
    const name = `${withYear ? `${m.month.slice(0, 4)}年` : ''}${Number(m.month.slice(5))}月`;
    const label = [name, ...(m.theme ? [m.theme] : [])];
    const items = m.items.length ? m.items : [{ content: '' }];
    return items.map((it, i) => {
      const cells: GridCell[] = [
        it.content ? `${i + 1}.${it.content}` : '',
        it.owner ?? '',
        it.status ?? '',
      ];
      return { cells: i === 0 ? [{ lines: label, rowSpan: items.length }, ...cells] : cells, keepNext: i < items.length - 1 };
    });
  });
}

/** The title printed on the calendar (and its file's name). */
function titleOf(c: CalendarInput): string {
  return c.title || calendarTitle(c.office, c.schoolYear, c.term);
}

export function buildCalendar(c: CalendarInput, ctx: BuildContext): Document {
  const title = titleOf(c);
  const width = c.landscape ? LANDSCAPE_TYPE_WIDTH : TYPE_WIDTH;
  const table = gridTable({
    width,
    columns: [
      { title: '月份', weight: 3, align: 'center' },
      { title: '工作内容', weight: c.landscape ? 16 : 8 },
      { title: '责任人', weight: 3, align: 'center' },
      { title: '完成情况', weight: 3, align: 'center' },
    ],
    rows: calendarRows(c.months),
  });
  return profileDocument(ctx.fonts, {
    title,
    sections: [section({
      landscape: c.landscape,
      children: [new Paragraph({ style: STYLE.title, children: [new TextRun(title)] }), blankLine(), table],
    })],
  });
}

/** The calendar as a .docx named after its title. */
export function calendarFile(c: CalendarInput, ctx: BuildContext): Promise<GeneratedFile> {
  return docxFile(titleOf(c), buildCalendar(c, ctx));
}
