import { z } from 'zod';
import { ESCALATION_KINDS, FOLLOWUP_RESULTS, UNIT_KINDS, UNIT_LETTER_KINDS } from '../vocab';
import { id, isoDate, oneOf, optDate, optText, phone, reqText } from './common';

// 督政 and follow-through (issue 14): the units that own 督政 problems and their letters, the 四清单,
// 回头看 after 销号, and 约谈 / 通报.

const year = z.number({ error: '必须是年份' }).int('必须是整数').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间');

// ---- Units ----

export const unitFields = z.object({
  name: reqText(60).describe('单位名称'),
  kind: oneOf(UNIT_KINDS, '单位类别').describe('单位类别'),
  contact: optText(30).describe('联系人'),
  phone: phone.describe('联系电话'),
  notes: optText(500).describe('备注'),
});
export type UnitFields = z.output<typeof unitFields>;
export const unitSave = z.object({ id: id.optional(), fields: unitFields });

export interface Unit extends UnitFields {
  id: number;
  /** Its live problems not yet 销号, and all of them. */
  openProblems: number;
  problems: number;
}

/** A 督导建议书 (to a government or department) or a 协商函 (to a bureau section) on some of one unit's problems. */
export const unitLetter = z.object({
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(100, '一次最多100个问题').describe('问题'),
  kind: oneOf(UNIT_LETTER_KINDS, '文书类别').describe('文书类别'),
  issuedDate: isoDate.describe('发文日期'),
  /** The reply date asked for; the problems' latest deadline when left out. */
  replyBy: optDate.describe('反馈时限'),
});

// ---- 四清单 ----

/** Per campaign, or every campaign's and every 督政 problem raised in a year. */
export const fourListsQuery = z.object({
  campaignId: id.optional().describe('专项督导'),
  year: year.optional().describe('年份'),
}).refine((q) => q.campaignId !== undefined || q.year !== undefined, { error: '请选择一项专项督导，或选择年份查看全年的四清单', path: ['year'] });

/** One problem as the 四清单 lists it: 任务、问题、整改、责任. */
export interface FourListRow {
  problemId: number;
  // 任务清单
  task: string;
  item: string;
  // 问题清单
  problem: string;
  raisedAt: string;
  // 整改清单
  measure: string;
  dueDate: string | null;
  status: string;
  closedAt: string | null;
  /** e.g. 回头看巩固（2026年3月2日）, 反弹1次, 已约谈, 已通报 */
  followThrough: string;
  // 责任清单
  owner: string;
  actor: string;
  supervisors: string;
  overdue: boolean;
}

export interface FourLists {
  title: string;
  rows: FourListRow[];
  /** The same rows counted: raised, closed, overdue now, 反弹. */
  counts: { raised: number; closed: number; overdue: number; rebounds: number };
}

// ---- 回头看 ----

export const FOLLOWUP_STATES = ['待回头看', '已回头看'] as const;

export const followupList = z.object({
  state: z.enum(FOLLOWUP_STATES).optional().describe('状态'),
  campaignId: id.optional().describe('专项督导'),
  problemId: id.optional().describe('问题'),
  /** Only those due on or before this day. */
  dueBy: optDate.describe('到期日期'),
});

export const followupSchedule = z.object({
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(500, '一次最多500个问题').describe('问题'),
  dueDate: isoDate.describe('回头看日期'),
});

export const followupRecord = z.object({
  id,
  doneDate: isoDate.describe('回头看日期'),
  supervisorId: id.describe('回头看督学'),
  result: oneOf(FOLLOWUP_RESULTS, '回头看结果').describe('回头看结果'),
  note: optText(2000).describe('回头看情况'),
  /** 反弹: the new deadline of the reopened rectification. */
  reworkDue: optDate.describe('重新整改期限'),
});

export interface Followup {
  id: number;
  problemId: number;
  problem: string;
  ownerName: string;
  campaignId: number | null;
  campaignName: string | null;
  /** The problem's 销号 date (as it was when the 回头看 was scheduled, or now). */
  closedAt: string | null;
  problemStatus: string;
  dueDate: string;
  doneDate: string | null;
  supervisorId: number | null;
  supervisorName: string | null;
  result: (typeof FOLLOWUP_RESULTS)[number] | null;
  note: string | null;
  /** Pending and past its due date. */
  overdue: boolean;
  /** When it was last written (its result, when recorded): orders it in the problem's timeline. */
  updatedAt: string;
}

// ---- 约谈 and 通报 ----

export const escalationFields = z.object({
  kind: oneOf(ESCALATION_KINDS, '类别').describe('类别'),
  date: isoDate.describe('日期'),
  /** 约谈: who was talked to (e.g. 城关第一小学校长 王某); 通报: to whom (e.g. 全区中小学). */
  target: reqText(100).describe('对象'),
  /** 约谈: who held it; 通报: the document's name and 文号. */
  hosts: optText(100).describe('约谈人／通报文件'),
  outcome: optText(2000).describe('结果'),
  problemIds: z.array(id).min(1, '请至少选择一个问题').max(200, '最多200个问题').describe('问题'),
});
export type EscalationFields = z.output<typeof escalationFields>;
export const escalationSave = z.object({ id: id.optional(), fields: escalationFields });

export interface Escalation extends EscalationFields {
  id: number;
  problems: { id: number; description: string; ownerName: string; status: string }[];
}

export const escalationList = z.object({
  year: year.optional().describe('年份'),
  kind: z.enum(ESCALATION_KINDS).optional().describe('类别'),
  problemId: id.optional().describe('问题'),
});
