import { z } from 'zod';
import { VISIT_METHODS, VISIT_TYPES } from '../vocab';
import { id, isoDate, oneOf, optText, pageQuery } from './common';

const hash = z.string().regex(/^[0-9a-f]{64}$/, '附件无效，请重新上传');

/** A raised-from-the-record problem, saved with the visit. */
export const visitProblemDraft = z.object({
  category: z.string().trim().min(1, '必须填写').max(60),
  description: z.string().trim().min(1, '必须填写').max(2000, '不能超过2000个字'),
  actor: z.enum(['学校', '教育局科室', '区县政府']).default('学校'),
  deadline: isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
});

/** The "三五七" visit record. 事项 are validated against the office's eight items (+ 其他). */
export const visitFields = z.object({
  schoolId: id,
  date: isoDate,
  supervisorIds: z.array(id).min(1, '请至少选择一名督学').max(20),
  type: oneOf(VISIT_TYPES, '督导类型'),
  theme: optText(100),
  methods: z.array(oneOf(VISIT_METHODS, '督导方式')).max(8).default([]),
  items: z.array(z.string().trim().min(1).max(60)).max(12).default([]),
  narrative: optText(20000),
  highlight: optText(2000),
  feedback: optText(2000),
  calendarItemId: id.nullish().transform((v) => v ?? null),
  attachments: z.array(z.object({ hash, fileName: z.string().trim().min(1).max(200), kind: z.enum(['photo', 'file']) }))
    .max(100).default([]),
});
export type VisitFields = z.output<typeof visitFields>;
export const visitSave = z.object({
  id: id.optional(),
  fields: visitFields,
  /** New problems to raise from this record (only on save; existing ones are managed in 问题整改). */
  newProblems: z.array(visitProblemDraft).max(50).default([]),
});

export interface Visit extends VisitFields {
  id: number;
  schoolName: string;
  zoneName: string | null;
  supervisorNames: string[];
  problemCount: number;
  updatedAt: string;
}

export const VISIT_SORTS = ['date', 'school', 'type', 'updatedAt'] as const;
export const visitList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  schoolId: id.optional(),
  supervisorId: id.optional(),
  zoneId: id.optional(),
  /** yyyy-mm */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月，格式如 2025-09').optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  type: z.enum(VISIT_TYPES).optional(),
  item: z.string().max(60).optional(),
  sort: z.enum(VISIT_SORTS).default('date'),
});
