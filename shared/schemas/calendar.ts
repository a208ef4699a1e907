import { z } from 'zod';
import { CALENDAR_ITEM_CATEGORIES, CALENDAR_ITEM_STATUSES, PERIOD_KINDS } from '../vocab';
import { chineseNumber } from '../numbers';
import { monthLabel } from '../dates';
import { id, oneOf, optDate, optMonth, optText, reqText, yearMonth } from './common';

// Field labels are set with .describe(): keys such as title and status mean other things elsewhere.
const month = yearMonth;

export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** '2026—2027' for the school year starting in 2026. */
export const schoolYearText = (y: number): string => `${y}—${y + 1}`;

/** The school year a month falls in: August starts a new one. */
export const schoolYearOf = (month: string): number => Number(month.slice(0, 4)) - (Number(month.slice(5, 7)) >= 8 ? 0 : 1);

/** The term a month falls in: 第一学期 August to January, 第二学期 February to July. */
export const termOf = (month: string): 1 | 2 => (Number(month.slice(5, 7)) >= 8 || month.slice(5, 7) === '01' ? 1 : 2);

/** The period as printed: 2026—2027学年第一学期, 2026—2027学年, 2026年. */
export function periodText(c: { periodKind: PeriodKind; schoolYear: number | null; term: number | null; startMonth: string }): string {
  if (c.periodKind === '自然年' || c.schoolYear === null) return `${c.startMonth.slice(0, 4)}年`;
  return `${schoolYearText(c.schoolYear)}学年${c.periodKind === '学期' && c.term ? `第${chineseNumber(c.term)}学期` : ''}`;
}

/** A calendar's own name when it is given none: 2026—2027学年第一学期督导工作行事历. */
export const defaultCalendarTitle = (c: Parameters<typeof periodText>[0]): string => `${periodText(c)}督导工作行事历`;

/** The printed title: the office's name before the calendar's (once). */
export const printedCalendarTitle = (office: string, title: string): string => (office && !title.startsWith(office) ? `${office}${title}` : title);

/** The usual months of a period: 学年 September to August, 第一学期 September to January, 第二学期 February to July. */
export function periodMonths(kind: PeriodKind, schoolYear: number, term: number | null): { startMonth: string; endMonth: string } {
  if (kind === '自然年') return { startMonth: `${schoolYear}-01`, endMonth: `${schoolYear}-12` };
  if (kind === '学期') {
    return term === 2 ? { startMonth: `${schoolYear + 1}-02`, endMonth: `${schoolYear + 1}-07` } : { startMonth: `${schoolYear}-09`, endMonth: `${schoolYear + 1}-01` };
  }
  return { startMonth: `${schoolYear}-09`, endMonth: `${schoolYear + 1}-08` };
}

/**
 * A 行事历: one plan for a 学年 (Sep→Aug), a 学期 (第一学期 crossing the new year) or a 自然年, as a range
 * of months. 学年 and 学期 are fields (read from the start month when a caller leaves them out); the
 * title defaults to the period's name, and the printed title puts the office's name before it.
 */
export const calendarFields = z.object({
  periodKind: oneOf(PERIOD_KINDS, '周期').describe('周期'),
  schoolYear: z.number({ error: '应为学年的起始年份，如 2026（2026—2027学年）' }).int('应为学年的起始年份，如 2026（2026—2027学年）')
    .min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').nullish().describe('学年'),
  term: z.union([z.literal(1), z.literal(2)], { error: '应为第一学期或第二学期' }).nullish().describe('学期'),
  title: optText(80).describe('标题'),
  startMonth: month.describe('开始月份'),
  endMonth: month.describe('结束月份'),
  /** Any day of the term's first week: 第N周 counts from it. */
  weekOne: optDate.describe('第1周'),
  notes: optText(1000).describe('备注'),
}).transform((c) => {
  const school = c.periodKind !== '自然年';
  const schoolYear = school ? c.schoolYear ?? schoolYearOf(c.startMonth) : null;
  const term = c.periodKind === '学期' ? c.term ?? termOf(c.startMonth) : null;
  const filled = { ...c, schoolYear, term };
  return { ...filled, title: c.title ?? defaultCalendarTitle(filled) };
}).superRefine((c, ctx) => {
  if (c.startMonth > c.endMonth) ctx.addIssue({ code: 'custom', message: '不能早于开始月份', path: ['endMonth'] });
  else if (monthsBetween(c.startMonth, c.endMonth).length > 24) ctx.addIssue({ code: 'custom', message: '一份行事历最多24个月，请缩短周期', path: ['endMonth'] });
  if (c.schoolYear !== null) {
    const [from, to] = [`${c.schoolYear}-08`, `${c.schoolYear + 1}-08`];
    const within = `应在${schoolYearText(c.schoolYear)}学年内（${monthLabel(from)}至${monthLabel(to)}）`;
    if (c.startMonth < from || c.startMonth > to) ctx.addIssue({ code: 'custom', message: within, path: ['startMonth'] });
    if (c.endMonth < from || c.endMonth > to) ctx.addIssue({ code: 'custom', message: within, path: ['endMonth'] });
  }
  // The first week may start in the last days of the month before the term.
  if (c.weekOne && (c.weekOne.slice(0, 7) < previousMonth(c.startMonth) || c.weekOne.slice(0, 7) > c.endMonth)) {
    ctx.addIssue({ code: 'custom', message: '应是本行事历周期内的一天（开学第一周的任意一天）', path: ['weekOne'] });
  }
});
export type CalendarFields = z.output<typeof calendarFields>;
export const calendarSave = z.object({ id: id.optional().describe('行事历'), fields: calendarFields });

export interface Calendar extends CalendarFields {
  id: number;
  itemCount: number;
  doneCount: number;
}

export const calendarMonthTheme = z.object({
  calendarId: id.describe('行事历'),
  month: month.describe('月份'),
  theme: optText(100).describe('月主题'),
});

export const calendarItemFields = z.object({
  calendarId: id.describe('行事历'),
  /** The month it is listed (and numbered) under: its first. */
  month: month.describe('月份'),
  /** Its last month, when it runs on (an item of 9—10月). */
  endMonth: optMonth.describe('结束月份'),
  /** Its own number as published (1. / （1） / 3、); without one it is numbered by position. */
  number: optText(12).describe('编号'),
  content: reqText(500).describe('工作内容'),
  category: z.preprocess((v) => (v === '' ? null : v), oneOf(CALENDAR_ITEM_CATEGORIES, '类别').nullish())
    .transform((v) => v ?? null).describe('类别'),
  /** 第3周, 9月上旬, 9月1日—12日, 每周五 … (calendar-timing.ts); its days are worked out from it. */
  timing: optText(40).describe('时间'),
  /** Days for a caller without a timing text; with one, they come from it. */
  startDate: optDate.describe('开始日期'),
  endDate: optDate.describe('结束日期'),
  lead: optText(100).describe('牵头'),
  partners: optText(200).describe('配合'),
  schoolIds: z.array(id).max(500, '最多选择500所学校').default([]).describe('学校'),
  status: oneOf(CALENDAR_ITEM_STATUSES, '完成情况').default('未开始').describe('完成情况'),
  statusNote: optText(500).describe('完成情况说明'),
  note: optText(200).describe('备注'),
}).refine((i) => !i.endMonth || i.endMonth >= i.month, { message: '不能早于开始月份', path: ['endMonth'] })
  .refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, { message: '不能早于开始日期', path: ['endDate'] });
export type CalendarItemFields = z.output<typeof calendarItemFields>;
export const calendarItemSave = z.object({ id: id.optional().describe('事项'), fields: calendarItemFields });

export interface CalendarItem extends Omit<CalendarItemFields, 'endMonth'> {
  id: number;
  endMonth: string;
  /** Position within its first month (1, 2, …). */
  seq: number;
  /** The number as printed: its own, or "seq.". */
  numberText: string;
  schoolNames: string[];
  /** Visit records linked to this item. */
  visitCount: number;
}

export interface CalendarMonth {
  month: string;
  theme: string | null;
  /** Items listed under this month (their first). */
  items: CalendarItem[];
  /** Items from earlier months still running in this one. */
  continued: CalendarItem[];
}

export interface CalendarDetail {
  calendar: Calendar;
  months: CalendarMonth[];
}

/** An item with its calendar's title, for a record that links to it. */
export interface CalendarItemRef extends CalendarItem {
  calendarTitle: string;
}

/** 完成情况 set on its own: from the status badge, or offered by a linked record. */
export const calendarItemStatus = z.object({
  id: id.describe('事项'),
  status: oneOf(CALENDAR_ITEM_STATUSES, '完成情况').describe('完成情况'),
  statusNote: optText(500).describe('完成情况说明'),
});

/** A month's or a term's items pasted as text (calendar-paste.ts), saved together. */
export const calendarPaste = z.object({
  calendarId: id.describe('行事历'),
  text: z.string({ error: '请粘贴行事历的文字' }).trim().min(1, '请粘贴行事历的文字').max(100_000, '一次最多粘贴10万字，请分几次粘贴').describe('粘贴内容'),
});
export interface CalendarPasteResult {
  added: number;
  /** Items the calendar already had (same month, same content), not added again. */
  skipped: number;
  themes: number;
}

/** Start next year's plan from this one: months shifted by whole years, items reset to 未开始. */
export const calendarCopy = z.object({
  id: id.describe('行事历'),
  title: reqText(80).describe('标题'),
  shiftYears: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少顺延1年').max(5, '最多顺延5年').default(1).describe('顺延年数'),
});
export const calendarItemMove = z.object({
  id: id.describe('事项'),
  direction: z.enum(['up', 'down'], { error: '应为上移或下移' }).describe('移动方向'),
});

/** The optional columns of the printed calendar; 月份 and 工作内容 are always there. */
export const CALENDAR_COLUMNS = { timing: '时间', responsibility: '责任', status: '完成情况', note: '备注' } as const;
export type CalendarColumn = keyof typeof CALENDAR_COLUMNS;
const COLUMN_KEYS = Object.keys(CALENDAR_COLUMNS) as [CalendarColumn, ...CalendarColumn[]];

/** What an item holds for the optional columns (items of the store and of the printed calendar alike). */
interface ColumnFacts {
  month: string; endMonth: string; timing?: string | null; startDate?: string | null; endDate?: string | null;
  lead?: string | null; partners?: string | null; status?: string | null; statusNote?: string | null; note?: string | null;
}

/** The optional columns the items fill: a column nobody wrote in is left out unless asked for. */
export function filledCalendarColumns(items: readonly ColumnFacts[]): CalendarColumn[] {
  const has: Record<CalendarColumn, boolean> = {
    timing: items.some((i) => i.timing || i.startDate || i.endDate || i.endMonth !== i.month),
    responsibility: items.some((i) => i.lead || i.partners),
    status: items.some((i) => (i.status && i.status !== '未开始') || i.statusNote),
    note: items.some((i) => i.note),
  };
  return COLUMN_KEYS.filter((k) => has[k]);
}

/** Landscape unless at most one column is added to 月份 and 工作内容: 工作内容 keeps room to read. */
export const landscapeFor = (columns: readonly CalendarColumn[]): boolean => columns.length > 1;

/** How to print a calendar: columns (left out: those the items fill), orientation, 附件 label, signature. */
export const calendarExport = z.object({
  id: id.describe('行事历'),
  columns: z.array(z.enum(COLUMN_KEYS, { error: `应为以下列之一：${Object.values(CALENDAR_COLUMNS).join('、')}` }))
    .max(COLUMN_KEYS.length).optional().describe('列'),
  /** Left out: landscapeFor(columns). */
  landscape: z.boolean({ error: '应为是或否' }).optional().describe('横向'),
  /** 附件1, when the calendar goes out with a notice. */
  attachment: optText(10).describe('附件标注'),
  /** The office's name and this date at the end; none when null. */
  signatureDate: optDate.describe('落款日期'),
});

export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = [];
  let [y, m] = start.split('-').map(Number);
  const [ey, em] = end.split('-').map(Number);
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (out.length > 120) break;
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

/** 'YYYY-MM' moved by whole years. */
export function shiftMonth(month: string, years: number): string {
  return `${Number(month.slice(0, 4)) + years}${month.slice(4)}`;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
