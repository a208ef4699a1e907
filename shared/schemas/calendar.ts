import { z } from 'zod';
import { CALENDAR_ITEM_CATEGORIES, CALENDAR_ITEM_STATUSES, PERIOD_KINDS } from '../vocab';
import { id, oneOf, optDate, optText, reqText } from './common';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月，格式如 2025-09');

/** A 行事历: one plan for a 学年 (Sep→Aug), a 学期, or a 自然年, as a range of months. */
export const calendarFields = z.object({
  title: reqText(80),
  periodKind: oneOf(PERIOD_KINDS, '周期'),
  startMonth: month,
  endMonth: month,
  notes: optText(1000),
}).refine((c) => c.startMonth <= c.endMonth, { message: '结束月份不能早于开始月份', path: ['endMonth'] })
  .refine((c) => monthsBetween(c.startMonth, c.endMonth).length <= 24, { message: '一份行事历最多24个月', path: ['endMonth'] });
export type CalendarFields = z.output<typeof calendarFields>;
export const calendarSave = z.object({ id: id.optional(), fields: calendarFields });

export interface Calendar extends CalendarFields {
  id: number;
  itemCount: number;
  doneCount: number;
}

export const calendarMonthTheme = z.object({ calendarId: id, month, theme: optText(100) });

export const calendarItemFields = z.object({
  calendarId: id,
  month,
  content: reqText(500),
  category: oneOf(CALENDAR_ITEM_CATEGORIES, '类别'),
  owner: optText(50),
  startDate: optDate,
  endDate: optDate,
  schoolIds: z.array(id).max(500).default([]),
  status: oneOf(CALENDAR_ITEM_STATUSES, '完成情况').default('未开始'),
  statusNote: optText(500),
}).refine((i) => !i.startDate || !i.endDate || i.startDate <= i.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] });
export type CalendarItemFields = z.output<typeof calendarItemFields>;
export const calendarItemSave = z.object({ id: id.optional(), fields: calendarItemFields });

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
export const calendarCopy = z.object({ id, title: reqText(80), shiftYears: z.number().int().min(1).max(5).default(1) });
export const calendarItemMove = z.object({ id, direction: z.enum(['up', 'down']) });

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
