import { z } from 'zod';
import { id } from './common';
import { uploadIdField } from './files';

export interface DataFolderStatus {
  initialized: boolean;
  folder: string;
  schemaVersion: number;
  appVersion: string;
  counts: { supervisors: number; schools: number; zones: number; assignments: number };
  operator: Operator;
}

/**
 * Who the log names for this archive's changes: a person's name, asked on first start and changeable
 * in 设置; until one is given, the computer's account (`account`).
 */
export interface Operator { name: string; account: string; named: boolean }
export const operatorName = z.string({ error: '必须填写' }).trim().min(1, '请填写姓名').max(20, '不能超过20个字').describe('操作人姓名');
export const operatorSave = z.object({ name: operatorName });
export const dataFolderInitialize = z.object({
  mode: z.enum(['empty', 'demo'], { error: '应为 empty（空档案）或 demo（示例档案）' }),
  operator: operatorName.optional(),
});

export const RECYCLE_KINDS = [
  'supervisor', 'school', 'zone', 'assignment', 'calendar', 'calendarItem', 'visit', 'problem', 'complaint',
  'briefing', 'chronicleEntry', 'piece', 'collection', 'legacyFile',
  'unit', 'campaign', 'followup', 'escalation', 'indicatorSet', 'evaluation',
  'training', 'trainingPlan', 'assessment', 'appointment',
] as const;
export type RecycleKind = (typeof RECYCLE_KINDS)[number];
export const RECYCLE_KIND_LABELS: Record<RecycleKind, string> = {
  supervisor: '督学', school: '学校', zone: '责任区', assignment: '挂牌',
  calendar: '行事历', calendarItem: '行事历事项', visit: '督导记录', problem: '问题', complaint: '来访来电',
  briefing: '简报', chronicleEntry: '大事记条目', piece: '文章', collection: '汇编', legacyFile: '历年档案文件',
  unit: '责任单位', campaign: '专项督导', followup: '回头看', escalation: '约谈通报', indicatorSet: '指标体系', evaluation: '评估',
  training: '培训会议', trainingPlan: '培训规划', assessment: '督学考核', appointment: '聘任变动',
};

export interface RecycleItem {
  id: number;
  kind: RecycleKind;
  entityId: number;
  title: string;
  deletedAt: string;
  deletedBy: string;
}

/** Chinese names of every kind of record the 操作日志 mentions. */
export const AUDIT_KIND_LABELS: Record<string, string> = {
  ...RECYCLE_KIND_LABELS,
  notice: '整改通知书', settings: '设置', archive: '档案', attachment: '附件', backup: '备份', year: '年度归档', operator: '操作人',
  assessmentScheme: '考核办法', visitForm: '回收督导记录表',
};

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  kind: string;
  /** AUDIT_KIND_LABELS[kind], or the kind itself for one the labels do not know. */
  kindLabel: string;
  entityId: number | null;
  summary: string;
  /** The record still exists (not in the 回收站), so the log can link to it. */
  live: boolean;
  /** A calendar item's calendar (its page is the calendar's). */
  parentId: number | null;
}
export const auditList = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  kind: z.string().max(30).optional(),
});

/** Store a received file (its name and type come with the upload). */
export const attachmentPut = z.object({ uploadId: uploadIdField });
export const attachmentGet = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, '附件编号无效') });

export const ROSTER_KINDS = ['supervisors', 'schools'] as const;
export const rosterKind = z.enum(ROSTER_KINDS, { error: '应为 supervisors（督学）或 schools（学校）' });
export const excelImport = z.object({ kind: rosterKind, uploadId: uploadIdField });

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
export { id };
