import { z } from 'zod';
import { id, isoDate } from './common';
import { uploadIdField } from './files';

// 督导记录表 sent out and filed back without retyping (issue 15).

export const visitFormTemplates = z.object({
  supervisorIds: z.array(id).min(1, '请至少选择一名督学').max(500, '一次最多500名督学')
    .refine((a) => new Set(a).size === a.length, '同一督学选了两次').describe('督学'),
  /** 填报期间: records dated outside it are refused when the form comes back. */
  from: isoDate.describe('填报期间开始'),
  to: isoDate.describe('填报期间结束'),
}).refine((x) => x.from <= x.to, { message: '不能早于开始日期', path: ['to'] })
  .refine((x) => Date.parse(x.to) - Date.parse(x.from) <= 400 * 86_400_000, { message: '填报期间最长一年，请分学期生成', path: ['to'] });

/** Returned files, received first (uploads of kind visitForm): the preview and then the commit read the same ones. */
export const visitFormFiles = z.object({
  uploadIds: z.array(uploadIdField).min(1, '请选择交回的督导记录表').max(300, '一次最多导入300个文件，请分批导入')
    .refine((a) => new Set(a).size === a.length, '同一文件选了两次').describe('文件'),
});

export type VisitFormRowStatus = 'ok' | 'error' | 'duplicate';

export interface VisitFormRowPreview {
  /** Excel's row number. */
  rowNumber: number;
  status: VisitFormRowStatus;
  errors: string[];
  /** Why it is a duplicate: the record already in the archive, or the earlier row of this batch. */
  duplicateOf: string | null;
  /** Display values by column header. */
  values: Record<string, string>;
  photos: number;
  /** Whether a problem will be raised into the 台账. */
  problem: boolean;
}

export type VisitFormFileStatus = 'ready' | 'imported' | 'repeated' | 'invalid';

export interface VisitFormFilePreview {
  /** SHA-256 of the file's content: how a file imported before is known. */
  hash: string;
  fileName: string;
  status: VisitFormFileStatus;
  /** The file as a whole: why it cannot be read, when it was imported before. */
  message: string | null;
  supervisorId: number | null;
  supervisorName: string | null;
  from: string | null;
  to: string | null;
  rows: VisitFormRowPreview[];
}

export interface VisitFormPreview {
  columns: string[];
  files: VisitFormFilePreview[];
  counts: { files: number; readyFiles: number; rows: number; ok: number; errors: number; duplicates: number; photos: number; problems: number };
}

export interface VisitFormResult {
  files: number;
  visits: number;
  problems: number;
  photos: number;
  /** Rows left out: errors and duplicates. */
  skipped: number;
}

export interface VisitFormImport {
  id: number;
  fileName: string;
  hash: string;
  supervisorId: number;
  supervisorName: string;
  from: string;
  to: string;
  importedAt: string;
  actor: string;
  visits: number;
  problems: number;
  photos: number;
  skipped: number;
}

export const visitFormImportList = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
