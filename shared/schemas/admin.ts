import { z } from 'zod';
import { id } from './common';

export interface DataFolderStatus {
  initialized: boolean;
  folder: string;
  schemaVersion: number;
  appVersion: string;
  counts: { supervisors: number; schools: number; zones: number; assignments: number };
}
export const dataFolderInitialize = z.object({ mode: z.enum(['empty', 'demo'], { error: '应为 empty（空档案）或 demo（示例档案）' }) });

export const RECYCLE_KINDS = [
  'supervisor', 'school', 'zone', 'assignment', 'calendar', 'calendarItem', 'visit', 'problem', 'complaint',
  'briefing', 'chronicleEntry', 'piece', 'collection', 'legacyFile',
  'unit', 'campaign', 'followup', 'escalation', 'indicatorSet', 'evaluation',
] as const;
export type RecycleKind = (typeof RECYCLE_KINDS)[number];
export const RECYCLE_KIND_LABELS: Record<RecycleKind, string> = {
  supervisor: '督学', school: '学校', zone: '责任区', assignment: '挂牌',
  calendar: '行事历', calendarItem: '行事历事项', visit: '督导记录', problem: '问题', complaint: '来访来电',
  briefing: '简报', chronicleEntry: '大事记条目', piece: '文章', collection: '汇编', legacyFile: '历年档案文件',
  unit: '责任单位', campaign: '专项督导', followup: '回头看', escalation: '约谈通报', indicatorSet: '指标体系', evaluation: '评估',
};

export interface RecycleItem {
  id: number;
  kind: RecycleKind;
  entityId: number;
  title: string;
  deletedAt: string;
  deletedBy: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  kind: string;
  entityId: number | null;
  summary: string;
}
export const auditList = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  kind: z.string().max(30).optional(),
});

const MAX_FILE_BASE64 = 28 * 1024 * 1024; // ~20 MB of file

export const attachmentPut = z.object({
  fileName: z.string().trim().min(1, '必须填写').max(200, '文件名过长'),
  mime: z.string().max(100).default('application/octet-stream'),
  data: z.string().min(1, '文件为空').max(MAX_FILE_BASE64, '文件超过20MB，请压缩后再上传'),
});
export const attachmentGet = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, '附件编号无效') });

export const ROSTER_KINDS = ['supervisors', 'schools'] as const;
export const rosterKind = z.enum(ROSTER_KINDS, { error: '应为 supervisors（督学）或 schools（学校）' });
export const excelImport = z.object({
  kind: rosterKind,
  data: z.string().min(1, '文件为空').max(MAX_FILE_BASE64, '文件超过20MB'),
});

export interface ImportRow {
  /** Row number in the sheet as Excel shows it. */
  rowNumber: number;
  /** Display values by Chinese column header. */
  values: Record<string, string>;
  errors: string[];
  /** Would update an existing record (matched by 督学证编号/姓名+手机, or 学校全称). */
  action: 'insert' | 'update' | 'skip';
}
export interface ImportPreview {
  kind: (typeof ROSTER_KINDS)[number];
  columns: string[];
  rows: ImportRow[];
  validCount: number;
  invalidCount: number;
}
export interface ImportResult {
  inserted: number;
  updated: number;
  skipped: number;
}
export interface FileOut {
  fileName: string;
  /** base64 */
  data: string;
}
export { id };
