import { z } from 'zod';
import { APPOINTMENT_CHANGE_KINDS, ASSESSMENT_GRADES, ASSIGNMENT_ROLES } from '../vocab';
import { PIECE_KINDS } from './piece';
import { id, isoDate, oneOf, optDate, optText, reqText } from './common';

// 督学考核 (issue 15): the office's 考核办法 as a scoring template, a year's 考核 computed from the
// archive with manual adjustments, and the supervisor's history (appointment changes and 考核 results).

export type Grade = (typeof ASSESSMENT_GRADES)[number];

/** What an item measures in the archive; `manual` is scored by hand only (扣分项, 加分项). */
export const ASSESSMENT_ITEM_KINDS = ['coverage', 'onTime', 'closed', 'attendance', 'writing', 'manual'] as const;
export type AssessmentItemKind = (typeof ASSESSMENT_ITEM_KINDS)[number];
export const ASSESSMENT_ITEM_KIND_LABELS: Record<AssessmentItemKind, string> = {
  coverage: '每月督导挂牌学校',
  onTime: '督导记录按时填报',
  closed: '问题跟踪至销号',
  attendance: '培训和会议出勤',
  writing: '撰写案例和文章',
  manual: '人工评分（扣分或加分）',
};

const points = (what: string) => z.number({ error: '必须是数字' }).min(-100, `${what}不能低于-100`).max(100, `${what}不能超过100`)
  .refine((n) => Number.isInteger(n * 10), '最多一位小数');

/** One 考核项目. Every parameter is on every item; each kind reads its own (the others keep their defaults). */
export const schemeItem = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, '项目编号无效'),
  label: reqText(40).describe('考核项目'),
  kind: oneOf(ASSESSMENT_ITEM_KINDS, '计分方式').describe('计分方式'),
  /** The item's full marks (分值); a 扣分项 has 0. */
  points: points('分值').refine((n) => n >= 0, '不能为负数').describe('分值'),
  /** 评分标准 as printed on the 考核表. */
  rule: optText(300).describe('评分标准'),
  /** coverage: the 挂牌 roles whose schools count. */
  roles: z.array(oneOf(ASSIGNMENT_ROLES, '挂牌角色')).min(1, '至少选择一种挂牌角色').max(ASSIGNMENT_ROLES.length)
    .default(['责任督学']).describe('计入的挂牌角色'),
  /** coverage: the months in which every school is to be visited (1–12; 7, 8 are the summer holidays). */
  months: z.array(z.number().int().min(1, '月份应为1至12').max(12, '月份应为1至12')).min(1, '至少选择一个月份').max(12)
    .refine((m) => new Set(m).size === m.length, '月份重复').default([3, 4, 5, 6, 9, 10, 11, 12]).describe('计入的月份'),
  /** onTime: a record entered within this many days of the visit is on time. */
  days: z.number({ error: '必须是数字' }).int('必须是整数').min(0, '不能为负数').max(90, '不能超过90天').default(7).describe('填报时限（天）'),
  /** attendance: a 请假 counts as this fraction of an attendance. */
  leaveWeight: z.number({ error: '必须是数字' }).min(0, '应在0至1之间').max(1, '应在0至1之间').default(0.5).describe('请假折算'),
  /** writing: points per finished piece, up to the item's points. */
  perPiece: points('每篇分值').refine((n) => n >= 0, '不能为负数').default(5).describe('每篇分值'),
  pieceKinds: z.array(oneOf(PIECE_KINDS, '文章类型')).min(1, '至少选择一种文章类型').default([...PIECE_KINDS]).describe('计入的文章类型'),
  /** manual: the lowest score (a 扣分项 goes down to e.g. −20). */
  floor: points('最低分').refine((n) => n <= 0, '应为0或负数').default(0).describe('最低分'),
  /** coverage, onTime, closed, attendance: with nothing to do (no school, no record …), full marks or none. */
  emptyFull: z.boolean().default(true).describe('无任务时按满分计'),
});
export type SchemeItem = z.output<typeof schemeItem>;

export const assessmentScheme = z.object({
  title: reqText(60).describe('考核办法名称'),
  /** The 督学类别 assessed; empty: every category. Only supervisors 在聘 are assessed. */
  categories: z.array(z.string().trim().min(1).max(20)).max(50).default([]).describe('考核对象'),
  items: z.array(schemeItem).min(1, '至少要有一个考核项目').max(20, '最多20个考核项目')
    .refine((xs) => new Set(xs.map((x) => x.key)).size === xs.length, '考核项目编号重复')
    .describe('考核项目'),
  /** The lowest total of each grade; below 基本合格 is 不合格. */
  thresholds: z.object({
    excellent: points('优秀分数线').describe('优秀分数线'),
    pass: points('合格分数线').describe('合格分数线'),
    basic: points('基本合格分数线').describe('基本合格分数线'),
  }).refine((t) => t.excellent > t.pass && t.pass > t.basic, { message: '应为 优秀 > 合格 > 基本合格', path: ['excellent'] })
    .describe('等次分数线'),
});
export type AssessmentScheme = z.output<typeof assessmentScheme>;

/** The grade of a total under the scheme's thresholds. */
export function gradeOf(total: number, t: AssessmentScheme['thresholds']): Grade {
  if (total >= t.excellent) return '优秀';
  if (total >= t.pass) return '合格';
  if (total >= t.basic) return '基本合格';
  return '不合格';
}

const item = (over: Partial<SchemeItem> & Pick<SchemeItem, 'key' | 'label' | 'kind' | 'points' | 'rule'>): SchemeItem =>
  schemeItem.parse(over);

/** The 考核办法 an archive starts with (100 points), after 青山区's 《责任督学考核办法》 in outline. */
export const DEFAULT_SCHEME: AssessmentScheme = {
  title: '责任督学考核办法',
  categories: [],
  items: [
    item({ key: 'coverage', label: '每月督导挂牌学校', kind: 'coverage', points: 40,
      rule: '每月对挂牌学校至少督导一次（7、8月除外）。得分＝分值×实督导校次÷应督导校次。' }),
    item({ key: 'on-time', label: '督导记录按时填报', kind: 'onTime', points: 15, days: 7, emptyFull: false,
      rule: '督导记录在督导后7日内报送录入。得分＝分值×按时记录数÷记录总数；没有督导记录的不得分。' }),
    item({ key: 'closed', label: '问题跟踪至销号', kind: 'closed', points: 15,
      rule: '本人督导提出的问题跟踪督促整改至销号。得分＝分值×已销号数÷提出数；未提出问题的按满分计。' }),
    item({ key: 'attendance', label: '培训和会议出勤', kind: 'attendance', points: 15, leaveWeight: 0.5,
      rule: '参加督导室组织的培训和会议，请假按半次计，缺席不计。得分＝分值×折算出勤次数÷应参加次数。' }),
    item({ key: 'writing', label: '撰写案例和文章', kind: 'writing', points: 15, perPiece: 5,
      rule: '撰写督导案例、学习心得、论文等，定稿一篇计5分，最高15分。' }),
    item({ key: 'deduction', label: '扣分项', kind: 'manual', points: 0, floor: -20,
      rule: '违反工作纪律、督导记录弄虚作假、被投诉查实等，每次扣2至5分，由督导室认定并说明理由，最多扣20分。' }),
  ],
  thresholds: { excellent: 90, pass: 75, basic: 60 },
};

export const ASSESSMENT_STATUSES = ['草稿', '已完成'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** What an item measured for one supervisor: `done` of `required` (required null: a count, as pieces written). */
export interface ItemMeasure {
  done: number;
  required: number | null;
  /** 完成情况 as printed: 应督导32校次，实督导30校次. */
  text: string;
}

export interface ItemScore {
  key: string;
  measure: ItemMeasure;
  /** The score from the archive, before any adjustment. */
  computed: number;
  adjustment: number | null;
  comment: string | null;
  /** computed + adjustment, kept between the item's floor and its points. */
  score: number;
}

export interface AssessmentRow {
  supervisorId: number;
  name: string;
  category: string;
  unit: string | null;
  items: ItemScore[];
  total: number;
  grade: Grade;
  /** 1 is the best; equal totals share a rank (1, 2, 2, 4). */
  rank: number;
}

export interface AssessmentSummary {
  id: number;
  year: number;
  status: AssessmentStatus;
  /** Records up to this day count (the year's end, or the day it was computed if earlier). */
  until: string;
  computedAt: string;
  finishedAt: string | null;
  supervisorCount: number;
  gradeCounts: Record<Grade, number>;
}

export interface Assessment extends AssessmentSummary {
  scheme: AssessmentScheme;
  rows: AssessmentRow[];
}

const year = z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('考核年度');
export const assessmentYear = z.object({ year });

export const assessmentAdjust = z.object({
  id: id.describe('考核'),
  supervisorId: id.describe('督学'),
  itemKey: z.string().min(1).max(40).describe('考核项目'),
  /** Points added to (or, negative, taken from) the computed score; null removes the adjustment. */
  points: points('调整分值').nullable().describe('调整分值'),
  comment: optText(300).describe('调整理由'),
}).refine((x) => x.points === null || x.points !== 0, { message: '调整分值不能为0；如要取消调整，请清空分值', path: ['points'] })
  .refine((x) => x.points === null || !!x.comment, { message: '必须填写调整理由', path: ['comment'] });

export const assessmentExportSheets = z.object({ id: id.describe('考核'), supervisorId: id.optional().describe('督学') });
export const assessmentExportSummary = z.object({ id: id.describe('考核'), format: z.enum(['docx', 'xlsx'], { error: '应为 docx 或 xlsx' }) });

// ---- The home page: each supervisor's workload ----

export const workloadQuery = z.object({
  year: z.number().int().min(2000).max(2100).describe('年份'),
  month: z.number().int().min(1).max(12).optional().describe('月份'),
  zoneId: id.optional().describe('责任区'),
});

export interface WorkloadRow {
  supervisorId: number;
  name: string;
  category: string;
  /** Live schools listed (挂牌) with the supervisor. */
  schools: number;
  /** Of those, visited by the supervisor in the period. */
  schoolsVisited: number;
  visits: number;
  /** Attendance of 培训 and 会议 in the period: present of recorded. */
  present: number;
  recorded: number;
  hours: number;
  /** Problems raised from the supervisor's visits (any year), not yet 销号; of them overdue. */
  openProblems: number;
  overdueProblems: number;
}

// ---- A supervisor's history: appointment changes, and 考核 results ----

export const appointmentRecord = z.object({
  supervisorId: id.describe('督学'),
  kind: oneOf(APPOINTMENT_CHANGE_KINDS, '变动类型').describe('变动类型'),
  date: isoDate.describe('日期'),
  /** 续聘: the new term. */
  termStart: optDate.describe('聘任起始'),
  termEnd: optDate.describe('聘任截止'),
  /** 调整: the new 类别. */
  category: optText(20).describe('类别'),
  letterNo: optText(40).describe('聘书编号'),
  note: optText(500).describe('说明'),
}).refine((x) => x.kind !== '续聘' || (!!x.termStart && !!x.termEnd), { message: '续聘须填写新的聘任起止日期', path: ['termEnd'] })
  .refine((x) => !x.termStart || !x.termEnd || x.termStart <= x.termEnd, { message: '不能早于聘任起始日期', path: ['termEnd'] })
  .refine((x) => x.kind !== '调整' || !!x.category || !!x.note, { message: '调整须选择新的类别或写明调整内容', path: ['category'] });

export interface HistoryEntry {
  kind: (typeof APPOINTMENT_CHANGE_KINDS)[number] | '考核';
  date: string;
  title: string;
  detail: string | null;
  /** An appointment change (can go to the 回收站). */
  appointmentId?: number;
  /** A finished 考核. */
  assessmentId?: number;
  year?: number;
  grade?: Grade;
  total?: number;
  rank?: number;
  of?: number;
}

export interface SupervisorHistory {
  entries: HistoryEntry[];
  /** 学时 and attendance per year, newest first. */
  years: { year: number; present: number; recorded: number; hours: number }[];
}
