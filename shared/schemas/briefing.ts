import { z } from 'zod';
import { blocks, type Block } from './blocks';
import { id, isoDate, optText, yearMonth } from './common';

const month = yearMonth.describe('月份');

/** Where a proposed article came from (the user may keep, edit, reorder or drop each). */
export const ARTICLE_KINDS = ['工作动态', '督导数据', '亮点做法', '存在问题', '专项督导', '下月安排', '其他'] as const;

export const briefingArticle = z.object({
  kind: z.enum(ARTICLE_KINDS).default('其他'),
  title: z.string({ error: '必须填写' }).trim().min(1, '不能为空').max(100, '不能超过100个字').describe('文章标题'),
  blocks: blocks.describe('文章内容'),
});
export type BriefingArticleData = z.output<typeof briefingArticle>;

export const briefingFields = z.object({
  month,
  title: optText(60).describe('备注标题'),
  issuingUnit: optText(40).describe('编印单位'),
  issueDate: isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null)).describe('印发日期'),
  copies: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少1份').max(10000, '不能超过10000份')
    .nullish().transform((v) => v ?? null).describe('印数'),
  showToc: z.boolean().default(true).describe('本期要目'),
  articles: z.array(briefingArticle).max(50, '一期最多50篇文章').describe('文章'),
});
export type BriefingFields = z.output<typeof briefingFields>;
export const briefingSave = z.object({ id: id.optional(), fields: briefingFields });

export const BRIEFING_STATUSES = ['草稿', '已印发', '更正中'] as const;

/**
 * A correction of an issued briefing: re-opened with its numbers and date kept, the version as issued
 * before kept (its .docx too), then issued again or given up.
 */
export interface BriefingCorrection {
  id: number;
  reason: string;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  outcome: '重新印发' | '放弃更正' | null;
}

export interface Briefing extends BriefingFields {
  id: number;
  /** 更正中: an issued briefing re-opened for correction (numbers and date kept). */
  status: (typeof BRIEFING_STATUSES)[number];
  year: number | null;
  issueNo: number | null;
  totalNo: number | null;
  updatedAt: string;
  /** Its corrections, oldest first (none for a draft). */
  corrections: BriefingCorrection[];
}

/** A briefing as listed: its articles' titles (本期要目) without their text. */
export interface BriefingSummary extends Omit<Briefing, 'articles' | 'corrections'> {
  articleTitles: string[];
}

export const briefingPropose = z.object({ month });

const issueNumber = (what: string) => z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少为1').max(9999, '不能超过9999').optional().describe(what);

/** Issue a draft under the numbers the user chose; a number not given is the one proposed (briefings.numbers). */
export const briefingIssue = z.object({
  id: id.describe('简报'),
  issueDate: isoDate.describe('印发日期'),
  issueNo: issueNumber('期号'),
  totalNo: issueNumber('总期号'),
});

/** The numbers proposed for a draft issued on `issueDate`, and a check of the ones chosen (if given). */
export const briefingNumbers = z.object({
  id: id.describe('简报'),
  issueDate: isoDate.describe('印发日期'),
  issueNo: issueNumber('期号'),
  totalNo: issueNumber('总期号'),
});

export interface BriefingNumberPlan {
  /** The year of issue: 第N期 counts within it. */
  year: number;
  /** The numbers proposed: after the briefings of earlier months, leaving room for earlier months' drafts. */
  proposed: { issueNo: number; totalNo: number };
  /** Why the chosen numbers cannot be given (taken by another briefing …), per field; null when they can. */
  refused: { issueNo: string | null; totalNo: string | null };
  /** What the user should know before issuing (earlier months still drafts, order against the months …). */
  notes: string[];
}

export const briefingReopen = z.object({
  id: id.describe('简报'),
  reason: z.string({ error: '必须填写' }).trim().min(2, '请写明更正原因（至少2个字）').max(200, '不能超过200个字').describe('更正原因'),
});
export const briefingCorrectionFile = z.object({ correctionId: id.describe('更正记录') });
export type { Block };
