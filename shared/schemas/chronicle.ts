import { z } from 'zod';
import { id, partialDate } from './common';

export const CHRONICLE_PRECISIONS = ['day', 'month', 'year'] as const;

export const chronicleEntryFields = z.object({
  year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000年到2100年之间').max(2100, '应在2000年到2100年之间').describe('年份'),
  precision: z.enum(CHRONICLE_PRECISIONS, { error: '应为具体日期（day）、只知月份（month）或只知年份（year）' }).describe('日期精度'),
  /** yyyy-mm-dd, yyyy-mm or yyyy, matching the precision and the year. */
  date: partialDate.describe('日期'),
  text: z.string({ error: '必须填写' }).trim().min(1, '必须填写').max(300, '一条大事记不能超过300个字').describe('事件'),
  sourceKind: z.string().max(30).nullish().transform((v) => v ?? null),
  sourceId: id.nullish().transform((v) => v ?? null),
});
export type ChronicleEntryFields = z.output<typeof chronicleEntryFields>;
export const chronicleSave = z.object({ id: id.optional(), fields: chronicleEntryFields });

export interface ChronicleEntryRow extends ChronicleEntryFields {
  id: number;
}

/** A proposed entry collected from the archive, not yet accepted. */
export interface ChronicleCandidate extends ChronicleEntryFields {
  sourceKind: string;
  sourceId: number;
  /** What kind of record it came from, in Chinese (行事历, 简报, 整改通知书 …). */
  sourceLabel: string;
}

export const chronicleYear = z.object({ year: chronicleEntryFields.shape.year });
export const chronicleReject = z.object({ year: chronicleYear.shape.year, sourceKind: z.string().min(1).max(30), sourceId: id });
export const chronicleExport = z.object({ year: chronicleYear.shape.year, form: z.enum(['list', 'table'], { error: '应为 list（列表）或 table（表格）' }) });
