import { z } from 'zod';
import { EVALUATION_KINDS, SURVEY_GROUPS } from '../vocab';
import { checkOutline } from '../indicators';
import { count, id, oneOf, optDate, optText, reqText } from './common';
import { uploadIdField } from './files';

// Evaluation against indicators (issue 14): a reusable indicator library (一级/二级/三级 with 评价要点, 分值
// and 达标线), rounds that score each school per indicator with evidence and the scorer's name, their
// results (per school, per indicator, the round's 达标率) and 满意度测评.


const score = (what: string) => z.number({ error: `${what}必须是数字` }).min(0, `${what}不能为负数`).max(1000, `${what}不能超过1000`);
const optScore = (what: string) => score(what).nullish().transform((v) => v ?? null);

export const indicatorItem = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: '指标级别应为1（一级）、2（二级）或3（三级）' }).describe('级别'),
  name: reqText(100).describe('指标名称'),
  points: optText(1000).describe('评价要点'),
  /** 分值, on the indicators that are scored (those with no lower level under them); a higher one sums its own. */
  maxScore: optScore('分值').describe('分值'),
  /** 达标线: the score at which this indicator counts as met. */
  passScore: optScore('达标线').describe('达标线'),
});
export type IndicatorItem = z.output<typeof indicatorItem>;

/** Indicators in outline order (a 一级 first, then each one's lower levels under it), checked as a whole. */
export const indicatorOutline = z.array(indicatorItem).min(1, '请至少填写一项指标').max(300, '最多300项指标')
  .superRefine((items, ctx) => {
    for (const e of checkOutline(items)) ctx.addIssue({ code: 'custom', message: e.message, path: [e.row] });
  });

export const indicatorSetFields = z.object({
  name: reqText(60).describe('指标体系名称'),
  kind: oneOf(EVALUATION_KINDS, '评估类别').describe('评估类别'),
  /** 达标线 of a school's total score. */
  passScore: optScore('总分达标线').describe('总分达标线'),
  notes: optText(1000).describe('说明'),
  indicators: indicatorOutline.describe('指标'),
});
export type IndicatorSetFields = z.output<typeof indicatorSetFields>;
export const indicatorSetSave = z.object({ id: id.optional(), fields: indicatorSetFields });

export interface IndicatorSet extends IndicatorSetFields {
  id: number;
  /** The sum of the scored indicators' 分值. */
  fullScore: number;
  updatedAt: string;
}

export interface IndicatorSetSummary extends Omit<IndicatorSet, 'indicators'> {
  indicatorCount: number;
  /** Rounds set up from it. */
  rounds: number;
}

// ---- Rounds ----

export const gradeLine = z.object({ name: reqText(10).describe('等级'), min: score('等级分数线').describe('分数线') });
export type GradeLine = z.output<typeof gradeLine>;

export const roundFields = z.object({
  name: reqText(80).describe('评估名称'),
  kind: oneOf(EVALUATION_KINDS, '评估类别').describe('评估类别'),
  year: z.number({ error: '必须是年份' }).int('必须是整数').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('年度'),
  startDate: optDate.describe('开始日期'),
  endDate: optDate.describe('结束日期'),
  /** A school whose total reaches it is 达标. */
  passScore: score('总分达标线').describe('总分达标线'),
  /** From the highest grade down, each with its lowest total; a total below the last is 不合格. */
  grades: z.array(gradeLine).max(6, '最多6个等级').default([]).describe('等级'),
  schoolIds: z.array(id).min(1, '请至少选择一所学校').max(500, '最多500所学校').describe('参评学校'),
  /** 总体评价 and 建议, for the report. */
  summary: optText(5000).describe('总体评价与建议'),
});
export type RoundFields = z.output<typeof roundFields>;
/** A new round copies the indicators of a set from the library. */
export const roundCreate = z.object({ setId: id.describe('指标体系'), fields: roundFields });
export const roundSave = z.object({ id, fields: roundFields });
export const roundClose = z.object({ id, closed: z.boolean().describe('完成') });

/** A round's copy of an indicator, with its outline code (1, 1.2, 1.2.3). */
export interface RoundIndicator extends IndicatorItem {
  id: number;
  code: string;
  /** Scored directly (no lower level under it). */
  leaf: boolean;
  /** 分值 of a higher indicator: the sum under it. */
  fullScore: number;
}

export interface RoundSummary {
  id: number;
  name: string;
  kind: RoundFields['kind'];
  year: number;
  startDate: string | null;
  endDate: string | null;
  setName: string | null;
  passScore: number;
  fullScore: number;
  schools: number;
  /** Schools with every scored indicator scored. */
  assessed: number;
  passed: number;
  /** passed / assessed, per cent, two decimals (26/37 = 70.27). */
  passRate: number;
  closedAt: string | null;
}

export interface Round extends RoundSummary, Omit<RoundFields, 'schoolIds'> {
  schoolIds: number[];
  indicators: RoundIndicator[];
}

// ---- Scores ----

export const scoreEntry = z.object({
  indicatorId: id.describe('指标'),
  /** Null clears the score. */
  score: score('得分').nullable().describe('得分'),
  note: optText(500).describe('扣分说明'),
  evidence: z.array(z.object({
    hash: z.string().regex(/^[0-9a-f]{64}$/, '附件无效，请重新上传'),
    fileName: z.string().trim().min(1).max(200).describe('文件名'),
  })).max(20, '每项最多20个佐证材料').default([]).describe('佐证材料'),
});
export const scoresSave = z.object({
  id: id.describe('评估'),
  schoolId: id.describe('学校'),
  scorer: reqText(20).describe('评分人'),
  scores: z.array(scoreEntry).max(300, '最多300项').describe('得分'),
});
export const schoolScoresQuery = z.object({ id: id.describe('评估'), schoolId: id.describe('学校') });

export interface ScoreRow {
  indicatorId: number;
  score: number | null;
  scorer: string | null;
  note: string | null;
  scoredAt: string | null;
  evidence: { hash: string; fileName: string }[];
}

// ---- Results ----

export interface SchoolResult {
  schoolId: number;
  schoolName: string;
  zoneName: string | null;
  /** Sum of its scores (two decimals). */
  total: number;
  scored: number;
  /** Every scored indicator has a score. */
  complete: boolean;
  /** Once complete: its grade and whether it reached the 达标线. */
  grade: string | null;
  passed: boolean | null;
  /** 1 = highest total among the complete ones. */
  rank: number | null;
  /** Its three indicators with the lowest 得分率. */
  weakest: string[];
}

export interface IndicatorResult {
  indicatorId: number;
  code: string;
  name: string;
  level: number;
  fullScore: number;
  passScore: number | null;
  /** Over the schools that have a score for it (a higher indicator: the sum of its own under it). */
  average: number | null;
  /** average / fullScore, per cent, one decimal. */
  rate: number | null;
  /** Schools at or above its 达标线, of those scored. */
  metSchools: number;
  scoredSchools: number;
  /** With a 达标线: the average reaches it. */
  met: boolean | null;
}

export interface SurveyCounts { satisfied: number; fair: number; unsatisfied: number }
export interface SurveyRow extends SurveyCounts { schoolId: number; respondent: string }

export interface EvaluationResults {
  round: RoundSummary;
  schools: SchoolResult[];
  indicators: IndicatorResult[];
  /** Indicators with a 达标线: how many, and how many are met. */
  indicatorsWithLine: number;
  indicatorsMet: number;
  grades: { name: string; count: number }[];
  satisfaction: {
    rows: (SurveyRow & { schoolName: string; rate: number })[];
    /** Per respondent group over every school, and overall; rate = (满意 + 基本满意) / all, per cent, two decimals. */
    groups: (SurveyCounts & { respondent: string; total: number; rate: number })[];
    overall: SurveyCounts & { total: number; rate: number };
  };
}

export const surveySave = z.object({
  id: id.describe('评估'),
  schoolId: id.describe('学校'),
  respondent: oneOf(SURVEY_GROUPS, '测评对象').describe('测评对象'),
  satisfied: count.describe('满意'),
  fair: count.describe('基本满意'),
  unsatisfied: count.describe('不满意'),
});

// ---- Excel ----

export const scoresImport = z.object({
  id: id.describe('评估'),
  scorer: reqText(20).describe('评分人'),
  /** The filled score sheet, received first (upload kind 'scores'). */
  uploadId: uploadIdField,
  /** False: check and show what would be written; true: write the rows without errors. */
  commit: z.boolean().default(false),
});

export interface ScoresImportRow {
  rowNumber: number;
  schoolName: string;
  /** Scores read, by indicator code. */
  scores: Record<string, number | null>;
  errors: string[];
}
export interface ScoresImportResult {
  rows: ScoresImportRow[];
  valid: number;
  invalid: number;
  /** Scores written (commit only). */
  written: number;
}
