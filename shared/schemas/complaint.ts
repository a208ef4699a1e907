import { z } from 'zod';
import { COMPLAINT_CHANNELS, COMPLAINT_STATUSES, COMPLAINT_TOPICS } from '../vocab';
import { id, oneOf, optText, pageQuery, phone, reqText } from './common';

export const complaintFields = z.object({
  /** yyyy-mm-ddThh:mm */
  receivedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$/, '应为日期时间，格式如 2025-09-01 14:30'),
  visitor: optText(30),
  identity: optText(30),
  phone,
  channel: oneOf(COMPLAINT_CHANNELS, '方式'),
  schoolId: id.nullish().transform((v) => v ?? null),
  topic: oneOf(COMPLAINT_TOPICS, '主题'),
  content: reqText(5000),
  recorder: optText(30),
  handler: optText(30),
  result: optText(5000),
  status: oneOf(COMPLAINT_STATUSES, '状态').default('待处理'),
});
export type ComplaintFields = z.output<typeof complaintFields>;
export const complaintSave = z.object({ id: id.optional(), fields: complaintFields });

export interface Complaint extends ComplaintFields {
  id: number;
  schoolName: string | null;
  problemCount: number;
}

export const complaintList = z.object({
  ...pageQuery,
  dir: z.enum(['asc', 'desc']).default('desc'),
  schoolId: id.optional(),
  topic: z.enum(COMPLAINT_TOPICS).optional(),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  channel: z.enum(COMPLAINT_CHANNELS).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
});
