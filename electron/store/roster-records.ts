import type { Store } from './store';
import type { SupervisorFields } from '../../shared/schemas/supervisor';
import type { SchoolFields } from '../../shared/schemas/school';
import type { RosterKind } from '../../shared/rosters';
import { getSettings } from './settings';
import { listZones } from './zones';

/** A live record as import matches it and export writes it. */
export interface Existing<F> { id: number; fields: F; title: string }

// Read-only lookups of whole registers in one query each, in pinyin order (the export's rows);
// writes go through the repositories.

export function liveSupervisors(a: Store): Existing<SupervisorFields>[] {
  const rows = a.db.prepare(`SELECT id, name, gender, birth_month AS birthMonth, unit, position, education, title, stage,
      subject, mobile, cert_no AS certNo, letter_no AS letterNo, term_start AS termStart, term_end AS termEnd,
      status, category, notes, photo
    FROM supervisors WHERE deleted_at IS NULL ORDER BY name_pinyin, id`).all() as (SupervisorFields & { id: number })[];
  return rows.map(({ id, ...fields }) => ({ id, fields, title: fields.name }));
}

export function liveSchools(a: Store): Existing<SchoolFields & { zoneName: string | null }>[] {
  // A school in a deleted zone reads as in no zone, as everywhere else.
  const rows = a.db.prepare(`SELECT s.id, s.full_name AS fullName, s.short_name AS shortName, s.type, s.nature,
      s.urban_rural AS urbanRural, s.address, s.principal, s.phone, s.students, s.teachers, z.id AS zoneId,
      z.name AS zoneName, s.notes
    FROM schools s LEFT JOIN zones z ON z.id = s.zone_id AND z.deleted_at IS NULL
    WHERE s.deleted_at IS NULL ORDER BY s.name_pinyin, s.id`).all() as (SchoolFields & { id: number; zoneName: string | null })[];
  return rows.map(({ id, ...fields }) => ({ id, fields, title: fields.fullName }));
}

export function liveRecords(a: Store, kind: RosterKind): Existing<Record<string, unknown>>[] {
  return (kind === 'supervisors' ? liveSupervisors(a) : liveSchools(a)) as unknown as Existing<Record<string, unknown>>[];
}

/** The lists a roster sheet's drop-downs offer: the office's 督学类别 and the live 责任区 by name. */
export function rosterLists(a: Store): { categories: string[]; zones: string[] } {
  return { categories: getSettings(a).supervisorCategories, zones: listZones(a).map((z) => z.name) };
}
