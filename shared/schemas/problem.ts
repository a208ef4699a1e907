import { z } from 'zod';
import { PROBLEM_ACTORS, PROBLEM_SOURCES, PROBLEM_STATUSES, RECHECK_RESULTS } from '../vocab';
import { id, isoDate, oneOf, optDate, optText, pageQuery, yearMonth } from './common';

// Field labels are set with .describe(): keys such as status, category and result mean other things elsewhere.

const hash = z.string().regex(/^[0-9a-f]{64}$/, '附件无效，请重新上传');
const month = yearMonth;
const year = z.number({ error: '必须是年份' }).int().min(2000).max(2100);
const files = z.array(z.object({ hash, fileName: z.string().trim().min(1).max(200).describe('文件名') }));

export const problemFields = z.object({
  source: oneOf(PROBLEM_SOURCES, '来源').describe('问题来源'),
  visitId: id.nullish().transform((v) => v ?? null).describe('督导记录'),
  complaintId: id.nullish().transform((v) => v ?? null).describe('来访来电'),
  /** The 专项督导 it was found in (campaigns.*), required when that is the source. */
  campaignId: id.nullish().transform((v) => v ?? null).describe('专项督导'),
  /** Who must rectify: a school, or (督政) a unit — exactly one of the two. */
  schoolId: id.nullish().transform((v) => v ?? null).describe('学校'),
  unitId: id.nullish().transform((v) => v ?? null).describe('责任单位'),
  category: z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(60).describe('问题类别'),
  description: z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(2000, '不能超过2000个字').describe('问题描述'),
  actor: oneOf(PROBLEM_ACTORS, '整改责任方').default('学校').describe('整改责任方'),
  deadline: optDate.describe('整改期限'),
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
  /** The campaign's name, when it belongs to one. */
  campaign: string | null;
  schoolName: string | null;
  /** The unit of a 督政 problem. */
  unitName: string | null;
  /** Who must rectify, by name: the school's or the unit's. */
  ownerName: string;
  zoneName: string | null;
  noticeId: number | null;
  /** e.g. 〔2025〕第12号 */
  noticeNumber: string | null;
  /** 提出日期 (yyyy-mm-dd): the visit's or complaint's date, else the day it was entered. */
  raisedAt: string;
  /** 销号日期 (yyyy-mm-dd). */
  closedAt: string | null;
  /** The deadline that counts: the notice's deadline date when on a notice, else the problem's own. */
  dueDate: string | null;
  /** Past dueDate and not yet 已销号. */
  overdue: boolean;
  /** Times a 回头看 found it 反弹 (reopened). */
  rebounds: number;
  /** Named in a 约谈 / in a 通报 (escalations.*). */
  talked: boolean;
  publicized: boolean;
}

/** A problem's school ledger (整改台账) or its 督政 ledger (problems owned by units). */
export const PROBLEM_OWNERS = ['school', 'unit'] as const;
/**
 * Where a problem came from, as a document states it (协商函, 回执): a visit on its date (with the visit's
 * type), a complaint on its date (with its channel), a special campaign, or entered in the office.
 */
export type ProblemOrigin =
  | { kind: 'visit'; date: string; visitType: string | null; campaign?: string | null }
  | { kind: 'complaint'; date: string; channel: string | null }
  | { kind: 'campaign'; date: string; campaign: string }
  | { kind: 'entered'; date: string };

export const PROBLEM_SORTS = ['raisedAt', 'deadline', 'school', 'status'] as const;
/** The 台账 filters; the export takes the same. month/year filter the 提出日期 (and, with carryOver, the 结转). */
export const problemList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  schoolId: id.optional().describe('学校'),
  zoneId: id.optional().describe('责任区'),
  owner: z.enum(PROBLEM_OWNERS).default('school').describe('问题归属'),
  unitId: id.optional().describe('责任单位'),
  campaignId: id.optional().describe('专项督导'),
  status: z.enum(PROBLEM_STATUSES).optional().describe('整改状态'),
  category: z.string().max(60).optional().describe('问题类别'),
  source: z.enum(PROBLEM_SOURCES).optional().describe('问题来源'),
  actor: z.enum(PROBLEM_ACTORS).optional().describe('整改责任方'),
  overdueOnly: z.boolean().optional().describe('只看逾期'),
  year: year.optional().describe('年份'),
  month: month.optional().describe('月份'),
  /**
   * With a year or month: the problems carried over into it (结转: raised before it, not yet 销号 on its
   * first day). 'include' lists them with the period's own, 'only' lists them alone; left out, the
   * period means 提出日期 in it.
   */
  carryOver: z.enum(['include', 'only']).optional().describe('往年结转'),
  sort: z.enum(PROBLEM_SORTS).default('raisedAt'),
});

/**
 * The 台账 export: every problem the filters select, in the 台账's order, never a page of them (a
 * `limit` or `offset` is refused rather than ignored).
 */
const notPaged = z.undefined({ error: '导出台账按筛选条件导出全部符合的问题，不分页，请不要指定每页条数或起始位置' }).optional();
export const ledgerExport = problemList.extend({ offset: notPaged, limit: notPaged });

export const problemTransition = z.object({
  id,
  to: oneOf(PROBLEM_STATUSES, '整改状态').describe('目标状态'),
  note: optText(500).describe('说明'),
});

/** 整改通知书: one or more open problems of one school, numbered per year. */
export const noticeIssue = z.object({
  schoolId: id.describe('学校'),
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(100, '一份通知书最多100个问题').describe('问题'),
  issuedDate: isoDate.describe('下发日期'),
  deadlineDays: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少1天').max(365, '最多365天').describe('整改期限（天）'),
  requirement: optText(1000).describe('整改要求'),
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
  /** Past the deadline date with problems not yet 已销号. */
  overdue: boolean;
}

/** The school's 整改报告; recording it again (after a 退回) replaces the earlier one. */
export const noticeReport = z.object({
  id,
  reportDate: isoDate.describe('报告日期'),
  reportText: z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(20000, '不能超过20000个字').describe('整改报告'),
  files: files.max(50, '最多50个文件').default([]).describe('附件'),
});

export const recheckSave = z.object({
  noticeId: id.describe('整改通知书'),
  date: isoDate.describe('回查日期'),
  supervisorId: id.describe('回查督学'),
  result: oneOf(RECHECK_RESULTS, '回查结果').describe('回查结果'),
  note: optText(2000).describe('回查情况'),
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
  year: year.optional().describe('年份'),
  schoolId: id.optional().describe('学校'),
  overdueOnly: z.boolean().optional().describe('只看逾期'),
});
