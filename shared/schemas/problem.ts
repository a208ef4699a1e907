import { z } from 'zod';
import { PROBLEM_ACTORS, PROBLEM_SOURCES, PROBLEM_STATUSES, RECHECK_RESULTS } from '../vocab';
import { id, isoDate, oneOf, optDate, optText, pageQuery } from './common';

const hash = z.string().regex(/^[0-9a-f]{64}$/, '附件无效，请重新上传');

export const problemFields = z.object({
  source: oneOf(PROBLEM_SOURCES, '来源'),
  visitId: id.nullish().transform((v) => v ?? null),
  complaintId: id.nullish().transform((v) => v ?? null),
  /** Name of the special campaign (专项督导), when that is the source. */
  campaign: optText(60),
  schoolId: id,
  category: z.string().trim().min(1, '必须填写').max(60),
  description: z.string().trim().min(1, '必须填写').max(2000, '不能超过2000个字'),
  actor: oneOf(PROBLEM_ACTORS, '整改责任方').default('学校'),
  deadline: optDate,
});
export type ProblemFields = z.output<typeof problemFields>;
export const problemSave = z.object({ id: id.optional(), fields: problemFields });

export interface ProblemHistoryEntry {
  at: string;
  actor: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
}

export interface Problem extends ProblemFields {
  id: number;
  status: (typeof PROBLEM_STATUSES)[number];
  schoolName: string;
  zoneName: string | null;
  noticeId: number | null;
  /** e.g. 〔2025〕第12号 */
  noticeNumber: string | null;
  raisedAt: string;
  closedAt: string | null;
  overdue: boolean;
}

export const PROBLEM_SORTS = ['raisedAt', 'deadline', 'school', 'status'] as const;
export const problemList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  schoolId: id.optional(),
  zoneId: id.optional(),
  status: z.enum(PROBLEM_STATUSES).optional(),
  category: z.string().max(60).optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  actor: z.enum(PROBLEM_ACTORS).optional(),
  overdueOnly: z.boolean().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  sort: z.enum(PROBLEM_SORTS).default('raisedAt'),
});

export const problemTransition = z.object({
  id,
  to: oneOf(PROBLEM_STATUSES, '状态'),
  note: optText(500),
});

/** 整改通知书: one or more open problems of one school, numbered per year. */
export const noticeIssue = z.object({
  schoolId: id,
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(100),
  issuedDate: isoDate,
  deadlineDays: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少1天').max(365, '最多365天'),
  requirement: optText(1000),
});

export interface Notice {
  id: number;
  year: number;
  number: number;
  /** 〔2025〕第12号 */
  numberText: string;
  schoolId: number;
  schoolName: string;
  issuedDate: string;
  deadlineDays: number;
  deadlineDate: string;
  requirement: string | null;
  reportText: string | null;
  reportDate: string | null;
  reportFiles: { hash: string; fileName: string }[];
  problems: Problem[];
  rechecks: Recheck[];
  overdue: boolean;
}

export const noticeReport = z.object({
  id,
  reportDate: isoDate,
  reportText: z.string().trim().min(1, '必须填写').max(20000),
  files: z.array(z.object({ hash, fileName: z.string().trim().min(1).max(200) })).max(50).default([]),
});

export const recheckSave = z.object({
  noticeId: id,
  date: isoDate,
  supervisorId: id,
  result: oneOf(RECHECK_RESULTS, '回查结果'),
  note: optText(2000),
});

export interface Recheck {
  id: number;
  date: string;
  supervisorId: number;
  supervisorName: string;
  result: string;
  note: string | null;
}

export const noticeList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  year: z.number().int().min(2000).max(2100).optional(),
  schoolId: id.optional(),
});
