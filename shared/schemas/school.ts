import { z } from 'zod';
import { SCHOOL_NATURES, SCHOOL_TYPES, URBAN_RURAL } from '../vocab';
import { count, id, oneOf, optText, pageQuery, phone, reqText } from './common';

export const schoolFields = z.object({
  fullName: reqText(60),
  shortName: optText(20),
  type: oneOf(SCHOOL_TYPES, '学段/类型'),
  nature: oneOf(SCHOOL_NATURES, '办学性质').default('公办'),
  urbanRural: oneOf(URBAN_RURAL, '城乡').nullish().transform((v) => v ?? null),
  address: optText(120),
  principal: optText(20),
  phone,
  students: count,
  teachers: count,
  zoneId: id.nullish().transform((v) => v ?? null),
  notes: optText(1000),
});
export type SchoolFields = z.output<typeof schoolFields>;

export const schoolSave = z.object({ id: id.optional(), fields: schoolFields });

export interface School extends SchoolFields {
  id: number;
  zoneName: string | null;
  /** Pinyin initials of the full name and the short name: 'qhqdyxx qhyx' (for finding it by typing). */
  initials: string;
  supervisorCount: number;
  updatedAt: string;
}

export const SCHOOL_SORTS = ['fullName', 'type', 'zone', 'students', 'updatedAt'] as const;

export const schoolList = z.object({
  ...pageQuery,
  type: z.enum(SCHOOL_TYPES).optional(),
  nature: z.enum(SCHOOL_NATURES).optional(),
  urbanRural: z.enum(URBAN_RURAL).optional(),
  zoneId: id.optional(),
  /** Schools in no zone. */
  noZone: z.boolean().optional(),
  sort: z.enum(SCHOOL_SORTS).default('fullName'),
});

export interface SchoolSupervisor {
  assignmentId: number;
  supervisorId: number;
  name: string;
  role: string;
  mobile: string | null;
  category: string;
  photo: string | null;
}

/** The 公示牌 at the school gate. */
export interface SchoolBoard {
  school: School;
  officeName: string;
  officePhone: string | null;
  items: string[];
  supervisors: SchoolSupervisor[];
}
