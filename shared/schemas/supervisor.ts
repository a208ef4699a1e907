import { z } from 'zod';
import { APPOINTMENT_STATUSES, EDUCATION_LEVELS, GENDERS, TEACHING_STAGES } from '../vocab';
import { id, mobile, oneOf, optDate, optMonth, optText, pageQuery, reqText } from './common';

/** Every field of a 督学 record (domain.md). 类别 is validated against the office's editable list. */
export const supervisorFields = z.object({
  name: reqText(20),
  gender: oneOf(GENDERS, '性别').nullish().transform((v) => v ?? null),
  birthMonth: optMonth,
  unit: optText(100),
  position: optText(50),
  education: oneOf(EDUCATION_LEVELS, '学历').nullish().transform((v) => v ?? null),
  title: optText(50),
  stage: oneOf(TEACHING_STAGES, '学段').nullish().transform((v) => v ?? null),
  subject: optText(30),
  mobile,
  certNo: optText(40),
  letterNo: optText(40),
  termStart: optDate,
  termEnd: optDate,
  status: oneOf(APPOINTMENT_STATUSES, '聘任状态').default('在聘'),
  category: reqText(20),
  notes: optText(1000),
  /** Content hash of the photo in the archive's attachments, from 'attachments.put'. */
  photo: z.string().regex(/^[0-9a-f]{64}$/, '照片无效，请重新上传').nullish().transform((v) => v ?? null),
}).refine((s) => !s.termStart || !s.termEnd || s.termStart <= s.termEnd, {
  message: '聘任截止日期不能早于起始日期', path: ['termEnd'],
});
export type SupervisorFields = z.output<typeof supervisorFields>;

export const supervisorSave = z.object({ id: id.optional(), fields: supervisorFields });

export interface Supervisor extends SupervisorFields {
  id: number;
  /** Names of the zones this supervisor leads or is assigned through schools. */
  zoneNames: string[];
  schoolCount: number;
  /** Pinyin initials of the name: 'zm' for 张明 (for finding a person by typing). */
  initials: string;
  /** Days until termEnd when it is within the warning window (negative: already past). */
  termDaysLeft: number | null;
  termExpiring: boolean;
  updatedAt: string;
}

export const SUPERVISOR_SORTS = ['name', 'category', 'status', 'termEnd', 'unit', 'updatedAt'] as const;

export const supervisorList = z.object({
  ...pageQuery,
  category: z.string().optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  stage: z.enum(TEACHING_STAGES).optional(),
  subject: z.string().optional(),
  zoneId: id.optional(),
  expiringOnly: z.boolean().optional(),
  sort: z.enum(SUPERVISOR_SORTS).default('name'),
});

export interface SupervisorAssignment {
  assignmentId: number;
  schoolId: number;
  schoolName: string;
  role: string;
}
