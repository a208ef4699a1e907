import { z } from 'zod';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '../vocab';
import { dateTimeMinutes, id, oneOf, optText, pageQuery, phone, reqText, yearMonth } from './common';

// Field labels are set with .describe(): keys such as status and result mean other things elsewhere.
export const complaintFields = z.object({
  /** yyyy-mm-dd hh:mm (a 'T' between date and time is accepted and stored as a space). */
  receivedAt: dateTimeMinutes.describe('日期时间'),
  visitor: optText(30).describe('来访人'),
  identity: optText(30).describe('身份'),
  phone: phone.describe('电话'),
  channel: oneOf(COMPLAINT_CHANNELS, '方式').describe('方式'),
  schoolId: id.nullish().transform((v) => v ?? null).describe('反映学校'),
  /** One of the office's topics (设置 → 来访来电主题), checked by the archive. */
  topic: reqText(20).describe('主题'),
  content: reqText(5000).describe('反映内容'),
  recorder: optText(30).describe('记录人'),
  handler: optText(30).describe('处理人'),
  result: optText(5000).describe('处理结果'),
  status: oneOf(COMPLAINT_STATUSES, '状态').default('待处理').describe('状态'),
});
export type ComplaintFields = z.output<typeof complaintFields>;
export const complaintSave = z.object({ id: id.optional().describe('来访来电'), fields: complaintFields });

export interface Complaint extends ComplaintFields {
  id: number;
  schoolName: string | null;
  /** Live problems raised from this complaint. */
  problemCount: number;
}

export const complaintList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  schoolId: id.optional().describe('反映学校'),
  /** The reported school's 责任区 (the dashboard's zone filter). */
  zoneId: id.optional().describe('责任区'),
  topic: z.string().trim().max(20).optional().describe('主题'),
  status: oneOf(COMPLAINT_STATUSES, '状态').optional().describe('状态'),
  channel: oneOf(COMPLAINT_CHANNELS, '方式').optional().describe('方式'),
  year: z.number({ error: '必须是年份' }).int().min(2000, '应在2000至2100之间').max(2100, '应在2000至2100之间').optional().describe('年份'),
  month: yearMonth.optional().describe('月份'),
});
