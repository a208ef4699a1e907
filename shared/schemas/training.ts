import { z } from 'zod';
import { ATTENDANCE_STATUSES, TRAINING_KINDS, TRAINING_PLAN_KINDS } from '../vocab';
import { blocks } from './blocks';
import { id, isoDate, oneOf, optText, reqText } from './common';

// 培训 and 会议 (issue 15): events with attendance per supervisor, and the office's training plans.
// Field labels are set with .describe(): keys such as kind and status mean other things elsewhere.

const hash = z.string().regex(/^[0-9a-f]{64}$/, '附件无效，请重新上传');
const files = z.array(z.object({ hash, fileName: z.string().trim().min(1).max(200).describe('文件名') }))
  .max(50, '最多50个文件').default([]);

export const attendanceEntry = z.object({
  supervisorId: id.describe('督学'),
  /** null: invited, attendance not yet recorded (未登记). */
  status: oneOf(ATTENDANCE_STATUSES, '出勤情况').nullish().transform((v) => v ?? null).describe('出勤情况'),
  note: optText(100).describe('出勤说明'),
});

export const trainingFields = z.object({
  kind: oneOf(TRAINING_KINDS, '类型').describe('类型'),
  date: isoDate.describe('日期'),
  topic: reqText(100).describe('主题'),
  organiser: optText(60).describe('主办'),
  place: optText(100).describe('地点'),
  hours: z.number({ error: '必须是数字' }).min(0, '不能为负数').max(200, '不能超过200')
    .refine((h) => Number.isInteger(h * 2), '按0.5学时计，如 1、1.5、3').default(0).describe('学时'),
  /** 学习材料 as a list people read (titles, 文件名); the files themselves in `files`. */
  materials: optText(2000).describe('材料'),
  /** 会议纪要 / 培训记录: paragraphs separated by line breaks. */
  minutes: optText(20000).describe('纪要'),
  /** The 行事历 item that planned it, by id only. */
  calendarItemId: id.nullish().transform((v) => v ?? null).describe('行事历事项'),
  files: files.describe('材料文件'),
  attendance: z.array(attendanceEntry).max(1000, '参加人员最多1000人')
    .refine((a) => new Set(a.map((x) => x.supervisorId)).size === a.length, '同一督学在参加人员中出现了两次，请删除重复的一行')
    .default([]).describe('参加人员'),
});
export type TrainingFields = z.output<typeof trainingFields>;
export const trainingSave = z.object({ id: id.optional(), fields: trainingFields });

export interface TrainingAttendance {
  supervisorId: number;
  name: string;
  category: string;
  unit: string | null;
  status: (typeof ATTENDANCE_STATUSES)[number] | null;
  note: string | null;
}

export interface Training extends Omit<TrainingFields, 'attendance'> {
  id: number;
  attendance: TrainingAttendance[];
  /** The linked 行事历 item's text, when it is still there. */
  calendarItemText: string | null;
  counts: { invited: number; present: number; leave: number; absent: number; unrecorded: number };
  updatedAt: string;
}

export const trainingList = z.object({
  year: z.number().int().min(2000).max(2100).describe('年份'),
  kind: z.enum(TRAINING_KINDS).optional().describe('类型'),
  supervisorId: id.optional().describe('督学'),
});

/** A supervisor's year: each event's hours counted when present. */
export interface TrainingHours {
  supervisorId: number;
  name: string;
  category: string;
  invited: number;
  present: number;
  leave: number;
  absent: number;
  unrecorded: number;
  /** 学时 of the 培训 attended. */
  trainingHours: number;
  /** 学时 of the 会议 attended. */
  meetingHours: number;
}

/** 行事历 items that plan a 培训 or 会议 in a year, to link an event to. */
export interface PlannedEvent {
  id: number;
  month: string;
  content: string;
  category: string;
  linked: number;
}

export const trainingPlanFields = z.object({
  kind: oneOf(TRAINING_PLAN_KINDS, '规划类型').describe('规划类型'),
  title: reqText(100).describe('标题'),
  /** The year it was adopted (制定年份): an archived year's plans are read-only. */
  year: z.number({ error: '必须是年份' }).int('必须是年份').min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').describe('制定年份'),
  /** The years it covers, as written: 2026—2030年. */
  period: optText(30).describe('规划期'),
  body: blocks.describe('正文'),
  files: files.describe('附件'),
});
export type TrainingPlanFields = z.output<typeof trainingPlanFields>;
export const trainingPlanSave = z.object({ id: id.optional(), fields: trainingPlanFields });

export interface TrainingPlan extends TrainingPlanFields {
  id: number;
  updatedAt: string;
}
