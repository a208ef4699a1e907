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

/** Where candidates come from, as the page groups them (each group accepted or ignored at once). */
export const CHRONICLE_GROUPS = ['routine', 'calendar', 'visit', 'briefing', 'notice'] as const;
export type ChronicleGroup = (typeof CHRONICLE_GROUPS)[number];
export const CHRONICLE_GROUP_LABELS: Record<ChronicleGroup, string> = {
  routine: '例行工作（每月一条）', calendar: '行事历事项', visit: '专项与综合督导', briefing: '印发简报', notice: '整改通知书',
};

/** A proposed entry collected from the archive, not yet accepted. */
export interface ChronicleCandidate extends ChronicleEntryFields {
  sourceKind: string;
  sourceId: number;
  /** What kind of record it came from, in Chinese (行事历, 简报, 整改通知书 …). */
  sourceLabel: string;
  group: ChronicleGroup;
}

/** A candidate named by its source. */
const candidateKey = z.object({ sourceKind: z.string().min(1).max(30), sourceId: id });
export type CandidateKey = z.output<typeof candidateKey>;
const keys = z.array(candidateKey).max(2000, '一次最多处理2000条');

/** Accept or ignore many candidates at once (their text as proposed). */
export const chronicleMany = z.object({ year: chronicleEntryFields.shape.year, candidates: keys.min(1, '请至少选择一条候选') });
/** Undo the last action: entries it added (removed again while unchanged) and candidates it ignored (proposed again). */
export const chronicleUndo = z.object({
  year: chronicleEntryFields.shape.year,
  entryIds: z.array(id).max(2000).default([]),
  rejected: keys.default([]),
});

export const chronicleYear = z.object({ year: chronicleEntryFields.shape.year });
export const chronicleReject = z.object({ year: chronicleYear.shape.year, sourceKind: z.string().min(1).max(30), sourceId: id });
export const chronicleExport = z.object({ year: chronicleYear.shape.year, form: z.enum(['list', 'table'], { error: '应为 list（列表）或 table（表格）' }) });
