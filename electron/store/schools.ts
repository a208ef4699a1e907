import type { z } from 'zod';
import type { Store } from './store';
import { row, rows } from './statements';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { nameMatch } from './search';
import { pinyinKey, schoolInitials } from './pinyin';
import { sql, sqlFragment, sqlJoin, sqlLiteral, type SqlFragment } from './sql';
import { getSettings } from './settings';
import { AppError } from '../../shared/result';
import { ASSIGNMENT_ROLES, SCHOOL_TYPES } from '../../shared/vocab';
import type { Page } from '../../shared/schemas/common';
import type { School, SchoolBoard, SchoolFields, SchoolSupervisor, schoolList } from '../../shared/schemas/school';

export type SchoolQuery = z.output<typeof schoolList>;

/**
 * Throw unless `id` names a live (not soft-deleted) row of `table`. `label` is the Chinese name of
 * the field, so the message tells the user which choice to redo.
 */
export function requireLive(a: Store, table: 'schools' | 'zones' | 'supervisors', id: number, label: string, field: string): void {
  const found = a.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!found) throw new AppError('invalid', `「${label}」所选的记录不存在或已被删除，请刷新后重新选择。`, field);
}

/** Order of an enumerated column as the vocabulary lists it (Chinese text does not sort usefully). */
function vocabOrder(column: SqlFragment, values: readonly string[]): SqlFragment {
  const whens = values.map((v, i) => sqlFragment`WHEN ${sqlLiteral(v)} THEN ${sqlLiteral(i)}`);
  return sqlFragment`CASE ${column} ${sqlJoin(whens, ' ')} ELSE ${sqlLiteral(values.length)} END`;
}

// A school's zone counts only while the zone is live: a deleted zone's schools read as 未分区.
const SELECT_SCHOOL = sqlFragment`
  SELECT s.id, s.full_name AS fullName, s.short_name AS shortName, s.type, s.nature, s.urban_rural AS urbanRural,
    s.address, s.principal, s.phone, s.students, s.teachers, z.id AS zoneId, z.name AS zoneName, s.notes,
    s.name_initials AS initials, s.updated_at AS updatedAt,
    (SELECT count(DISTINCT asg.supervisor_id) FROM assignments asg
       JOIN supervisors p ON p.id = asg.supervisor_id AND p.deleted_at IS NULL
      WHERE asg.school_id = s.id AND asg.deleted_at IS NULL) AS supervisorCount
  FROM schools s
  LEFT JOIN zones z ON z.id = s.zone_id AND z.deleted_at IS NULL`;

// Sort keys; blanks (no zone, no student count) go last in either direction.
const SORTS: Record<SchoolQuery['sort'], { expr: SqlFragment; nullable?: boolean }> = {
  fullName: { expr: sqlFragment`s.name_pinyin` }, // pinyin order (pinyin.ts)
  type: { expr: vocabOrder(sqlFragment`s.type`, SCHOOL_TYPES) },
  zone: { expr: sqlFragment`z.name`, nullable: true },
  students: { expr: sqlFragment`s.students`, nullable: true },
  updatedAt: { expr: sqlFragment`s.updated_at` },
};

const DEFAULT_QUERY: SchoolQuery = { offset: 0, limit: 50, dir: 'asc', sort: 'fullName' };

/** One page of live schools matching the search and filters, with the total count. */
export function listSchools(a: Store, query: Partial<SchoolQuery> = {}): Page<School> {
  const q = { ...DEFAULT_QUERY, ...query };
  // Full name, short name and the rest of the record's text, or the name's pinyin initials (qhyx).
  const where: SqlFragment[] = [sqlFragment`s.deleted_at IS NULL`, nameMatch('schools_fts', 's.id', 's.name_initials', q.q)];
  if (q.type) where.push(sqlFragment`s.type = ${q.type}`);
  if (q.nature) where.push(sqlFragment`s.nature = ${q.nature}`);
  if (q.urbanRural) where.push(sqlFragment`s.urban_rural = ${q.urbanRural}`);
  if (q.noZone) where.push(sqlFragment`z.id IS NULL`);
  else if (q.zoneId) where.push(sqlFragment`z.id = ${q.zoneId}`);
  const whereSql = sqlJoin(where, ' AND ');

  const dir = q.dir === 'desc' ? sqlFragment`DESC` : sqlFragment`ASC`;
  const { expr, nullable } = SORTS[q.sort];
  // The name and id after the chosen key keep pages stable.
  const order = sqlFragment`${nullable ? sqlFragment`${expr} IS NULL, ` : sqlFragment``}${expr} ${dir}, s.name_pinyin ${dir}, s.id`;
  const page = rows<School>(a, sql`${SELECT_SCHOOL} WHERE ${whereSql} ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`);
  const { n } = row<{ n: number }>(a, sql`SELECT count(*) AS n FROM schools s LEFT JOIN zones z ON z.id = s.zone_id AND z.deleted_at IS NULL
    WHERE ${whereSql}`)!;
  return { rows: page, total: n };
}

/** A live school, or not_found. */
export function getSchool(a: Store, id: number): School {
  const school = row<School>(a, sql`${SELECT_SCHOOL} WHERE s.id = ${id} AND s.deleted_at IS NULL`);
  if (!school) throw new AppError('not_found', '该学校不存在或已被删除，请刷新列表后重试。');
  return school;
}

/** Check what the schema cannot: a unique 全称 and a live 责任区. */
function checkFields(a: Store, f: SchoolFields, selfId: number | null): void {
  const dup = a.db.prepare('SELECT id FROM schools WHERE full_name = ? AND deleted_at IS NULL AND id IS NOT ?').get(f.fullName, selfId);
  if (dup) throw new AppError('conflict', `档案中已有名为「${f.fullName}」的学校，「学校全称」不能重复。请核对后修改名称，或直接编辑已有的那所学校。`, 'fullName');
  if (f.zoneId !== null) requireLive(a, 'zones', f.zoneId, '所属责任区', 'zoneId');
}

/** The fields' values, then the name's pinyin sort key and initials (pinyin.ts), in the column order below. */
function fieldParams(f: SchoolFields) {
  return [f.fullName, f.shortName, f.type, f.nature, f.urbanRural, f.address, f.principal, f.phone,
    f.students, f.teachers, f.zoneId, f.notes, pinyinKey(f.fullName, 'place'), schoolInitials(f.fullName, f.shortName)];
}

export function insertSchool(a: Store, f: SchoolFields): number {
  return a.db.transaction(() => {
    checkFields(a, f, null);
    const at = nowText();
    const res = a.db.prepare(`INSERT INTO schools (full_name, short_name, type, nature, urban_rural, address, principal,
      phone, students, teachers, zone_id, notes, name_pinyin, name_initials, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...fieldParams(f), at, at);
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'school', id, `新增学校「${f.fullName}」`);
    return id;
  })();
}

export function updateSchool(a: Store, id: number, f: SchoolFields): void {
  a.db.transaction(() => {
    const before = getSchool(a, id);
    checkFields(a, f, id);
    a.db.prepare(`UPDATE schools SET full_name = ?, short_name = ?, type = ?, nature = ?, urban_rural = ?, address = ?,
      principal = ?, phone = ?, students = ?, teachers = ?, zone_id = ?, notes = ?, name_pinyin = ?, name_initials = ?,
      updated_at = ? WHERE id = ?`)
      .run(...fieldParams(f), nowText(), id);
    const renamed = before.fullName !== f.fullName ? `（原名「${before.fullName}」）` : '';
    audit(a, '修改', 'school', id, `修改学校「${f.fullName}」${renamed}`);
  })();
}

/** Soft-delete into the 回收站; its assignments stay and return with it on restore. */
export function deleteSchool(a: Store, id: number): number {
  const s = getSchool(a, id);
  return moveToBin(a, 'school', id, s.fullName);
}

const ROLE_ORDER = vocabOrder(sqlFragment`asg.role`, ASSIGNMENT_ROLES);

/** The live supervisors listed at a school, by role order then name. */
export function schoolSupervisors(a: Store, schoolId: number): SchoolSupervisor[] {
  return rows<SchoolSupervisor>(a, sql`SELECT asg.id AS assignmentId, p.id AS supervisorId, p.name, asg.role, p.mobile, p.category, p.photo
    FROM assignments asg JOIN supervisors p ON p.id = asg.supervisor_id AND p.deleted_at IS NULL
    WHERE asg.school_id = ${schoolId} AND asg.deleted_at IS NULL
    ORDER BY ${ROLE_ORDER}, p.name_pinyin, asg.id`);
}

/** What the 公示牌 at the school gate shows. */
export function schoolBoard(a: Store, id: number): SchoolBoard {
  const school = getSchool(a, id);
  const s = getSettings(a);
  return {
    school,
    officeName: s.officeName,
    officePhone: s.officePhone,
    items: s.eightItems,
    supervisors: schoolSupervisors(a, id),
  };
}
