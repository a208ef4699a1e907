import { z } from 'zod';
import { id } from './common';
import { uploadIdField } from './files';

// 年度归档 (the year package and the read-only mark) and 历年档案 (files from before the app).

export const yearField = z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间')
  .max(2100, '应在2000至2100之间').describe('年份');

export const yearInput = z.object({ year: yearField });

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
