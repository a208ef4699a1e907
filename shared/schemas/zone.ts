import { z } from 'zod';
import { id, optText, reqText } from './common';

export const zoneFields = z.object({
  name: reqText(30).describe('责任区名称'),
  leaderId: id.nullish().transform((v) => v ?? null),
  notes: optText(500),
});
export type ZoneFields = z.output<typeof zoneFields>;
export const zoneSave = z.object({ id: id.optional(), fields: zoneFields });

export interface Zone extends ZoneFields {
  id: number;
  leaderName: string | null;
  schoolCount: number;
}

/** Move schools into a zone (or out of every zone with zoneId null). */
export const zoneMoveSchools = z.object({
  schoolIds: z.array(id).min(1, '请至少选择一所学校').max(1000),
  zoneId: id.nullable(),
});
