import { z } from 'zod';
import { blocks, type Block } from './blocks';
import { id, isoDate, optText } from './common';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月，格式如 2025-09');

/** Where a proposed article came from (the user may keep, edit, reorder or drop each). */
export const ARTICLE_KINDS = ['工作动态', '督导数据', '亮点做法', '存在问题', '专项督导', '下月安排', '其他'] as const;

export const briefingArticle = z.object({
  kind: z.enum(ARTICLE_KINDS).default('其他'),
  title: z.string().trim().min(1, '文章标题不能为空').max(100, '文章标题不能超过100个字'),
  blocks,
});
export type BriefingArticleData = z.output<typeof briefingArticle>;

export const briefingFields = z.object({
  month,
  title: optText(60),
  issuingUnit: optText(40),
  issueDate: isoDate.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  copies: z.number().int().min(1).max(10000).nullish().transform((v) => v ?? null),
  showToc: z.boolean().default(true),
  articles: z.array(briefingArticle).max(50, '一期最多50篇文章'),
});
export type BriefingFields = z.output<typeof briefingFields>;
export const briefingSave = z.object({ id: id.optional(), fields: briefingFields });

export interface Briefing extends BriefingFields {
  id: number;
  status: '草稿' | '已印发';
  year: number | null;
  issueNo: number | null;
  totalNo: number | null;
  updatedAt: string;
}

export const briefingPropose = z.object({ month });
export const briefingIssue = z.object({ id, issueDate: isoDate });
export type { Block };
