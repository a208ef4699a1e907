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

export interface Briefing extends BriefingFields {
  id: number;
  status: '草稿' | '已印发';
  year: number | null;
  issueNo: number | null;
  totalNo: number | null;
  updatedAt: string;
}

/** A briefing as listed: its articles' titles (本期要目) without their text. */
export interface BriefingSummary extends Omit<Briefing, 'articles'> {
  articleTitles: string[];
}

export const briefingPropose = z.object({ month });
export const briefingIssue = z.object({ id: id.describe('简报'), issueDate: isoDate.describe('印发日期') });
export type { Block };
