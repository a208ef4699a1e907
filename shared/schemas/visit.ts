import { z } from 'zod';
import { PROBLEM_ACTORS, VISIT_METHODS, VISIT_TYPES } from '../vocab';
import { id, isoDate, oneOf, optDate, optText, pageQuery, yearMonth } from './common';

// Field labels are set with .describe(): keys such as type, date and category mean other things elsewhere.

/** Keep the first of each value: a method or item ticked twice counts once. */
const unique = <T>(xs: T[]) => [...new Set(xs)];

const hash = z.string().regex(/^[0-9a-f]{64}$/, '附件无效，请重新上传');
const month = yearMonth;

/** A raised-from-the-record problem, saved with the visit. */
export const visitProblemDraft = z.object({
  category: z.string().trim().min(1, '必须填写').max(60).describe('问题类别'),
  description: z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(2000, '不能超过2000个字').describe('问题描述'),
  actor: oneOf(PROBLEM_ACTORS, '整改责任方').default('学校').describe('整改责任方'),
  deadline: optDate.describe('整改期限'),
});

/** The "三五七" visit record. 事项 are validated against the office's eight items (+ 其他). */
export const visitFields = z.object({
  schoolId: id.describe('学校'),
  date: isoDate.describe('督导日期'),
  supervisorIds: z.array(id).min(1, '请至少选择一名督学').max(20, '最多20名督学').describe('督学'),
  type: oneOf(VISIT_TYPES, '督导类型').describe('督导类型'),
  /** Empty: the month's theme from the 行事历 (一月一主题). */
  theme: optText(100).describe('主题'),
  methods: z.array(oneOf(VISIT_METHODS, '督导方式')).max(8).default([]).transform(unique).describe('督导方式'),
  items: z.array(z.string().trim().min(1).max(60)).max(12).default([]).transform(unique).describe('督导事项'),
  narrative: optText(20000).describe('督导纪实'),
  highlight: optText(2000).describe('亮点'),
  feedback: optText(2000).describe('现场反馈'),
  calendarItemId: id.nullish().transform((v) => v ?? null).describe('行事历事项'),
  /** The 专项督导 this visit checks one of its schools for (type 专项); its problems belong to it too. */
  campaignId: id.nullish().transform((v) => v ?? null).describe('专项督导'),
  attachments: z.array(z.object({
    hash, fileName: z.string().trim().min(1).max(200).describe('文件名'), kind: z.enum(['photo', 'file']),
  })).max(100, '最多100个文件').default([]).describe('照片和附件'),
});
export type VisitFields = z.output<typeof visitFields>;
export const visitSave = z.object({
  id: id.optional(),
  fields: visitFields,
  /** New problems to raise from this record (only on save; existing ones are managed in 问题整改). */
  newProblems: z.array(visitProblemDraft).max(50).default([]).describe('问题'),
});

export interface Visit extends VisitFields {
  id: number;
  schoolName: string;
  zoneName: string | null;
  /** The campaign's name, when it belongs to one. */
  campaignName: string | null;
  supervisorNames: string[];
  problemCount: number;
  updatedAt: string;
}

export const VISIT_SORTS = ['date', 'school', 'type', 'updatedAt'] as const;
export const visitList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  schoolId: id.optional().describe('学校'),
  supervisorId: id.optional().describe('督学'),
  zoneId: id.optional().describe('责任区'),
  /** yyyy-mm */
  month: month.optional().describe('月份'),
  year: z.number().int().min(2000).max(2100).optional().describe('年份'),
  type: z.enum(VISIT_TYPES).optional().describe('督导类型'),
  item: z.string().max(60).optional().describe('督导事项'),
  campaignId: id.optional().describe('专项督导'),
  sort: z.enum(VISIT_SORTS).default('date'),
});
