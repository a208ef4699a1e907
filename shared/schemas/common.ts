import { z } from 'zod';
import { isCalendarDate } from '../dates';

/**
 * Control characters no text of the archive holds: C0 and C1 controls (NUL among them) except tab,
 * line feed and carriage return. Every channel's input is checked for them before its schema runs
 * (parseInput in shared/validation.ts); the text helpers below check again for schemas used on
 * their own (the Excel import). Search queries allow none at all (searchQuery).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ANY_CONTROL_CHAR = /[\u0000-\u001F\u007F-\u009F]/;

/** '含有不可见的控制字符（NUL）…' for the first control character in `s` (see CONTROL_CHAR). */
export function controlCharMessage(s: string, pattern: RegExp = CONTROL_CHAR): string {
  const c = pattern.exec(s)?.[0] ?? '';
  const code = c === '\0' ? 'NUL' : `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `含有不可见的控制字符（${code}），请删除后重新输入`;
}

const withoutControls = (s: z.ZodString) =>
  s.refine((v) => !CONTROL_CHAR.test(v), { error: (iss) => controlCharMessage(String(iss.input)) });

/** Optional free text: trimmed; empty becomes null. */
export const optText = (max = 200) =>
  withoutControls(z.string().trim().max(max, `不能超过${max}个字`)).nullish().transform((v) => (v ? v : null));

export const reqText = (max = 100) =>
  withoutControls(z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(max, `不能超过${max}个字`));

/** A search box's text: one line, so no control characters at all (not even tab or line feed). */
export const searchQuery = (error?: string) => {
  const base = error === undefined ? z.string() : z.string({ error });
  const trimmed = base.trim();
  return (error === undefined ? trimmed : trimmed.min(1, error)).max(50, '不能超过50个字')
    .refine((v) => !ANY_CONTROL_CHAR.test(v), { error: (iss) => controlCharMessage(String(iss.input), ANY_CONTROL_CHAR) });
};

export const id = z.number({ error: '必须是有效编号' }).int('必须是整数').positive('必须是有效编号');

const NOT_A_DAY = '不是日历上的日期（月份应为1至12，日不能超过当月天数，如没有2月30日）';

/** yyyy-mm-dd, a day that exists. The one date schema: every date field is built on it. */
export const isoDate = z.string({ error: '应为日期，格式如 2025-09-01' }).regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式如 2025-09-01')
  .refine(isCalendarDate, NOT_A_DAY);
export const optDate = isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null));

/** yyyy-mm. The one month schema. */
export const yearMonth = z.string({ error: '必须填写' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月，格式如 2025-09');
export const optMonth = yearMonth.nullish().or(z.literal('')).transform((v) => (v ? v : null));

/** 'yyyy-mm-dd hh:mm' (a 'T' between date and time is accepted and stored as a space). */
export const dateTimeMinutes = z.string({ error: '必须填写' }).trim()
  .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, '应为日期时间，格式如 2025-09-01 14:30')
  .refine((s) => isCalendarDate(s.slice(0, 10)), NOT_A_DAY)
  .refine((s) => Number(s.slice(11, 13)) <= 23 && Number(s.slice(14, 16)) <= 59, '时间应在 00:00 至 23:59 之间')
  .transform((s) => s.replace('T', ' '));

/** yyyy-mm-dd, yyyy-mm or yyyy (a 大事记 whose day or month is unknown), each one that exists. */
export const partialDate = z.string({ error: '必须填写' }).regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, '应为日期（2025-03-12）、年月（2025-03）或年份（2025）')
  .refine((s) => s.length === 4 || (s.length === 7 ? yearMonth.safeParse(s).success : isCalendarDate(s)), NOT_A_DAY);

export const mobile = z.string().trim().regex(/^1\d{10}$/, '应为11位手机号码')
  .nullish().or(z.literal('')).transform((v) => (v ? v : null));

/** Office or mobile phone numbers: digits, dashes, spaces, parentheses. */
export const phone = z.string().trim().regex(/^[\d\-()（） ]{5,20}$/, '应为电话号码，如 0571-88888888 或 13800000000')
  .nullish().or(z.literal('')).transform((v) => (v ? v : null));

export const count = z.number({ error: '必须是数字' }).int('必须是整数').min(0, '不能为负数')
  .max(1_000_000, '数值过大').nullish().transform((v) => (v ?? null));

export const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `应为${what}之一：${values.join('、')}` });

export const pageQuery = {
  q: searchQuery().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500, '每页最多500条').default(50),
  dir: z.enum(['asc', 'desc']).default('asc'),
};

export interface Page<T> {
  rows: T[];
  total: number;
}

export const idInput = z.object({ id });
