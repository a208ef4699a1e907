import { z } from 'zod';
import { CALENDAR_ITEM_CATEGORIES, CALENDAR_ITEM_STATUSES, PERIOD_KINDS } from '../vocab';
import { id, oneOf, optDate, optText, reqText, yearMonth } from './common';

// Field labels are set with .describe(): keys such as title and status mean other things elsewhere.
const month = yearMonth;

/** A 行事历: one plan for a 学年 (Sep→Aug), a 学期, or a 自然年, as a range of months. */
export const calendarFields = z.object({
  title: reqText(80).describe('标题'),
  periodKind: oneOf(PERIOD_KINDS, '周期').describe('周期'),
  startMonth: month.describe('开始月份'),
  endMonth: month.describe('结束月份'),
  notes: optText(1000).describe('备注'),
}).refine((c) => c.startMonth <= c.endMonth, { message: '不能早于开始月份', path: ['endMonth'] })
  .refine((c) => monthsBetween(c.startMonth, c.endMonth).length <= 24, { message: '一份行事历最多24个月，请缩短周期', path: ['endMonth'] });
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
  month: month.describe('月份'),
  content: reqText(500).describe('工作内容'),
  category: oneOf(CALENDAR_ITEM_CATEGORIES, '类别').describe('类别'),
  owner: optText(50).describe('责任人'),
  startDate: optDate.describe('开始日期'),
  endDate: optDate.describe('结束日期'),
  schoolIds: z.array(id).max(500, '最多选择500所学校').default([]).describe('学校'),
  status: oneOf(CALENDAR_ITEM_STATUSES, '完成情况').default('未开始').describe('完成情况'),
  statusNote: optText(500).describe('完成情况说明'),
}).refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, { message: '不能早于开始日期', path: ['endDate'] });
export type CalendarItemFields = z.output<typeof calendarItemFields>;
export const calendarItemSave = z.object({ id: id.optional().describe('事项'), fields: calendarItemFields });

export interface CalendarItem extends CalendarItemFields {
  id: number;
  /** Number within its month (1, 2, …), as printed. */
  seq: number;
  schoolNames: string[];
  /** Visit records linked to this item. */
  visitCount: number;
}

export interface CalendarMonth {
  month: string;
  theme: string | null;
  items: CalendarItem[];
}

export interface CalendarDetail {
  calendar: Calendar;
  months: CalendarMonth[];
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

