import { z } from 'zod';
import { id } from './common';
import { uploadIdField } from './files';

// 年度归档 (the year package and the read-only mark) and 历年档案 (files from before the app).

export const yearField = z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间')
  .max(2100, '应在2000至2100之间').describe('年份');

export const yearInput = z.object({ year: yearField });

/**
 * 归档: the year, and how many items of open work (yearClose.check) the user saw and accepted. A year
 * with open work is archived only when this is that number, so nobody archives it without the list in view.
 */
export const yearCloseInput = z.object({
  year: yearField,
  openWork: z.number({ error: '必须是数字' }).int('必须是整数').min(0, '不能为负数').optional().describe('确认的未办结事项数'),
});

/**
 * Why a year cannot be archived yet, or null when it can: a year is archived after it has ended, from
 * 1 January of the next year (`today` is yyyy-mm-dd). The page and the handler say the same.
 */
export function notEndedReason(year: number, today: string): string | null {
  const current = Number(today.slice(0, 4));
  if (year > current) return `${year}年度还没有开始，不能归档。年度归档在该年度结束后进行，${year}年度自${year + 1}年1月1日起可以归档。`;
  if (year === current) return `${year}年度尚未结束，不能归档：该年度的工作还在进行。${year}年度自${year + 1}年1月1日起可以归档。`;
  return null;
}

/** Kinds of a year's work that can still be open when it is archived. */
export const OPEN_WORK_KINDS = [
  'notice', 'problem', 'complaint', 'briefing', 'piece', 'calendarItem', 'campaign', 'evaluation', 'followup', 'training', 'assessment',
] as const;
export type OpenWorkKind = (typeof OPEN_WORK_KINDS)[number];
export const OPEN_WORK_LABELS: Record<OpenWorkKind, string> = {
  notice: '整改通知书：整改中、待回查',
  problem: '问题：未销号（未列入本年度整改通知书）',
  complaint: '来访来电：未办结',
  briefing: '简报：未印发（草稿）',
  piece: '文章：未定稿（草稿）',
  calendarItem: '行事历事项：未开始、进行中',
  campaign: '专项督导：未完成',
  evaluation: '评估：未完成',
  followup: '回头看：到期未登记',
  training: '培训和会议：出勤未登记',
  assessment: '督学考核：未完成（草稿）',
};
/** How a count of each kind reads: 整改通知书2份、问题3个 … */
const OPEN_WORK_NOUNS: Record<OpenWorkKind, [noun: string, unit: string]> = {
  notice: ['整改通知书', '份'], problem: ['问题', '个'], complaint: ['来访来电', '件'], briefing: ['简报', '期'], piece: ['文章', '篇'], calendarItem: ['行事历事项', '项'],
  campaign: ['专项督导', '项'], evaluation: ['评估', '项'], followup: ['回头看', '次'],
  training: ['培训和会议', '次'], assessment: ['督学考核', '项'],
};
export function openWorkSummary(groups: { kind: OpenWorkKind; total: number }[]): string {
  return groups.map((g) => `${OPEN_WORK_NOUNS[g.kind][0]}${g.total}${OPEN_WORK_NOUNS[g.kind][1]}`).join('、');
}
/** Rectification crosses years: these go on after the year is archived (结转); the rest become read-only. */
export const CARRIED_OVER: readonly OpenWorkKind[] = ['notice', 'problem', 'followup'];
/** Items listed per kind; the total counts them all. */
export const OPEN_WORK_SHOWN = 200;

export interface OpenWorkItem {
  id: number;
  /** The calendar of a calendar item (its page is the calendar's); null for other kinds. */
  parentId: number | null;
  title: string;
  status: string;
  /** yyyy-mm-dd or yyyy-mm: when it was raised, received, planned; a notice's deadline. */
  date: string;
}

export interface OpenWorkGroup { kind: OpenWorkKind; label: string; total: number; carriedOver: boolean; items: OpenWorkItem[] }

/** What yearClose.check answers: whether the year can be archived now, and what is still open in it. */
export interface YearCheck {
  year: number;
  /** Why it cannot be archived now (not ended, already archived), or null. */
  refusal: string | null;
  /** Every open item, all kinds together: the number the close must confirm. */
  openWork: number;
  /** Kinds with open items only, in OPEN_WORK_KINDS order. */
  groups: OpenWorkGroup[];
}

export const REOPEN_CONFIRM = '重新开启';
export const yearReopen = z.object({
  year: yearField,
  confirm: z.string({ error: `请输入「${REOPEN_CONFIRM}」以确认` })
    .refine((v) => v.trim() === REOPEN_CONFIRM, `请输入「${REOPEN_CONFIRM}」四个字以确认`).describe('确认文字'),
});

/** One line of the 归档目录. */
export interface CatalogueEntry {
  no: number;
  title: string;
  /** 类别: 大事记, 简报, 案例集, 行事历, 整改台账, 统计报告, 附件, 历年档案 */
  kind: string;
  /** yyyy-mm-dd, yyyy-mm or yyyy */
  date: string;
  size: number;
  sha256: string;
  /** The file inside the year package folder (forward slashes). */
  path: string;
}

export interface YearCounts {
  visits: number; problems: number; complaints: number; calendarItems: number; briefings: number;
  chronicle: number; pieces: number; collections: number; legacyFiles: number;
}

export interface YearSummary {
  year: number;
  counts: YearCounts;
  archived: null | { at: string; by: string; folder: string; files: number };
}

export interface YearCloseResult {
  year: number;
  /** Absolute paths of the package folder and its .zip. */
  folder: string;
  zip: string;
  catalogue: CatalogueEntry[];
}

export const LEGACY_KINDS = ['大事记', '简报', '案例集', '行事历', '整改台账', '统计报告', '工作总结', '工作计划', '督导报告', '照片', '其他'] as const;
export const LEGACY_EXTENSIONS = ['docx', 'pdf', 'xlsx', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp'] as const;

export const legacyAdd = z.object({
  year: yearField,
  title: z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(100, '不能超过100个字').describe('题名'),
  kind: z.enum(LEGACY_KINDS, { error: `应为以下之一：${LEGACY_KINDS.join('、')}` }).describe('类别'),
  /** The received file (kind 'legacy'); its name comes with it. */
  uploadId: uploadIdField,
});

export const legacyList = z.object({
  year: yearField.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500, '每页最多500条').default(100),
});

export interface LegacyFile {
  id: number;
  year: number;
  title: string;
  kind: string;
  fileName: string;
  mime: string;
  size: number;
  /** Whether text was extracted (a .docx) and so the global search finds its content. */
  searchable: boolean;
  createdAt: string;
}

export { id };
