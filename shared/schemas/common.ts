import { z } from 'zod';

/** Optional free text: trimmed; empty becomes null. */
export const optText = (max = 200) =>
  z.string().trim().max(max, `不能超过${max}个字`).nullish().transform((v) => (v ? v : null));

export const reqText = (max = 100) =>
  z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(max, `不能超过${max}个字`);

export const id = z.number({ error: '必须是有效编号' }).int('必须是整数').positive('必须是有效编号');

/** yyyy-mm-dd */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式如 2025-09-01')
  .refine((s) => !Number.isNaN(Date.parse(s)), '不是有效日期');
export const optDate = isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null));

/** yyyy-mm */
export const optMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月，格式如 1980-05')
  .nullish().or(z.literal('')).transform((v) => (v ? v : null));

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
  q: z.string().trim().max(50, '不能超过50个字').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500, '每页最多500条').default(50),
  dir: z.enum(['asc', 'desc']).default('asc'),
};

export interface Page<T> {
  rows: T[];
  total: number;
}

export const idInput = z.object({ id });
