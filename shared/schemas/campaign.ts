import { z } from 'zod';
import { CAMPAIGN_CHECKLISTS, CAMPAIGN_ROLES, CAMPAIGN_SCOPES } from '../vocab';
import { blocks, type Block } from './blocks';
import { id, isoDate, oneOf, optDate, optText, reqText, searchQuery } from './common';
import type { Problem } from './problem';

// 专项督导 (issue 14): a campaign with its basis, period, scope of schools, checklist, team and schedule;
// the visits and problems that belong to it; its 专项督导报告 and the 督导意见书 to each school.

const year = z.number({ error: '必须是年份' }).int('必须是整数').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间');

export const campaignFields = z.object({
  name: reqText(60).describe('专项名称'),
  basisTitle: optText(100).describe('依据文件'),
  basisNumber: optText(60).describe('文号'),
  startDate: isoDate.describe('开始日期'),
  endDate: isoDate.describe('结束日期'),
  scopeKind: oneOf(CAMPAIGN_SCOPES, '督导范围').describe('督导范围'),
  /** 学段类型: the school type; 责任区: the zone's id. Unused for the other scopes. */
  scopeValue: optText(60).describe('范围'),
  /**
   * The schools and their planned dates (日程). With 选定学校 this is the list; with the other scopes the
   * list is every live school the scope names when saved, and these entries give only planned dates.
   */
  schools: z.array(z.object({ schoolId: id.describe('学校'), plannedDate: optDate.describe('计划日期') }))
    .max(500, '最多500所学校').default([]).describe('督导学校'),
  checklistKind: oneOf(CAMPAIGN_CHECKLISTS, '检查内容').describe('检查内容'),
  /** The eight items chosen, or the campaign's own indicators, one a line. */
  checklist: z.array(reqText(200)).max(60, '最多60项').default([]).describe('检查项目'),
  members: z.array(z.object({ supervisorId: id.describe('督学'), role: oneOf(CAMPAIGN_ROLES, '职责').describe('职责') }))
    .max(60, '督导组最多60人').default([]).describe('督导组'),
  /** A 回头看 this many months after each problem's 销号; empty for none. */
  followupMonths: z.number({ error: '必须是数字' }).int('必须是整数').min(1, '至少1个月').max(24, '最多24个月')
    .nullish().transform((v) => v ?? null).describe('回头看间隔（月）'),
  notes: optText(2000).describe('备注'),
});
export type CampaignFields = z.output<typeof campaignFields>;
export const campaignSave = z.object({ id: id.optional(), fields: campaignFields });

export const CAMPAIGN_STATUSES = ['未开始', '进行中', '待总结', '已完成'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What the campaign has done so far, from its live records. */
export interface CampaignProgress {
  schoolsPlanned: number;
  /** Schools with at least one live visit of the campaign. */
  schoolsChecked: number;
  visits: number;
  /** Its live problems (of live schools or units), and how many are 销号. */
  problemsRaised: number;
  problemsClosed: number;
  /** closed / raised, per cent, one decimal. */
  rate: number;
  /** 回头看 of its problems not yet done, and those past due. */
  followupsPending: number;
  followupsOverdue: number;
}

export interface CampaignSummary {
  id: number;
  name: string;
  basisTitle: string | null;
  basisNumber: string | null;
  startDate: string;
  endDate: string;
  scopeKind: CampaignFields['scopeKind'];
  /** e.g. 全部初中、第一责任区、选定学校 */
  scopeLabel: string;
  /** 已完成 once closed; before that by its dates: 未开始, 进行中, 待总结 (ended, report not done). */
  status: CampaignStatus;
  closedAt: string | null;
  progress: CampaignProgress;
}

export interface Campaign extends Omit<CampaignFields, 'schools' | 'members'>, CampaignSummary {
  reportTitle: string | null;
  reportTo: string | null;
  reportDate: string | null;
  report: ReportSection[];
}

export interface CampaignSchool {
  schoolId: number;
  schoolName: string;
  zoneName: string | null;
  plannedDate: string | null;
  /** Its live visits of the campaign, by date. */
  visits: { id: number; date: string; supervisorNames: string[] }[];
  problems: number;
  closed: number;
  /** The 督导意见 written for the school's 督导意见书, and its date. */
  opinion: string | null;
  opinionDate: string | null;
}

export interface CampaignMember {
  supervisorId: number;
  name: string;
  role: string;
}

export interface CampaignDetail {
  campaign: Campaign;
  schools: CampaignSchool[];
  members: CampaignMember[];
  problems: Problem[];
}

export const campaignList = z.object({
  q: searchQuery().optional(),
  year: year.optional().describe('年份'),
  status: z.enum(CAMPAIGN_STATUSES).optional().describe('状态'),
});

/** One school's row of a campaign: its planned date and the 督导意见 for its 意见书. */
export const campaignSchoolSave = z.object({
  id: id.describe('专项督导'),
  schoolId: id.describe('学校'),
  plannedDate: optDate.describe('计划日期'),
  opinion: optText(5000).describe('督导意见'),
  opinionDate: optDate.describe('意见书日期'),
});

export const campaignClose = z.object({ id, closed: z.boolean().describe('完成') });

// ---- The 专项督导报告 ----

export const reportSection = z.object({
  title: reqText(100).describe('标题'),
  blocks: blocks.describe('内容'),
});
export type ReportSection = z.output<typeof reportSection>;

export const campaignReport = z.object({
  id,
  title: reqText(100).describe('报告标题'),
  /** 主送: e.g. 区人民政府, 区教育局. */
  to: optText(100).describe('主送单位'),
  date: isoDate.describe('成文日期'),
  sections: z.array(reportSection).max(20, '最多20部分').describe('报告内容'),
});

export const campaignOpinion = z.object({ id: id.describe('专项督导'), schoolId: id.describe('学校') });
export const campaignFollowups = z.object({ id: id.describe('专项督导'), dueDate: isoDate.describe('回头看日期') });

/** For the 首页: campaigns under way (and those ended awaiting their report), and the 回头看 due. */
export interface CampaignBoard {
  campaigns: CampaignSummary[];
  followupsDue: number;
  unitProblemsOpen: number;
}

export type { Block };
