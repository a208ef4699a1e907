import type { z } from 'zod';
import type { Store } from './store';
import { row as queryRow, rows as queryRows, value } from './statements';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from './sql';
import { addDays, nowText, todayText } from '../../shared/dates';
import { audit } from './log';
import { getSettings } from './settings';
import { escapeLike, nameMatch } from './search';
import { byPinyin, pinyinInitials, pinyinKey } from './pinyin';
import { AppError } from '../../shared/result';
import type { Page } from '../../shared/schemas/common';
import type {
  Supervisor, SupervisorAssignment, SupervisorFields, supervisorList,
} from '../../shared/schemas/supervisor';
import { TERM_WARNING_DAYS } from '../../shared/vocab';

export type SupervisorQuery = z.output<typeof supervisorList>;

/** Field -> column, in one place so insert, update and select cannot drift apart. */
const COLUMNS: Record<keyof SupervisorFields, string> = {
  name: 'name', gender: 'gender', birthMonth: 'birth_month', unit: 'unit', position: 'position',
  education: 'education', title: 'title', stage: 'stage', subject: 'subject', mobile: 'mobile',
  certNo: 'cert_no', letterNo: 'letter_no', termStart: 'term_start', termEnd: 'term_end',
  status: 'status', category: 'category', notes: 'notes', photo: 'photo',
};
const FIELD_KEYS = Object.keys(COLUMNS) as (keyof SupervisorFields)[];

const SORT_SQL: Record<SupervisorQuery['sort'], SqlFragment> = {
  name: sqlFragment`s.name_pinyin`, category: sqlFragment`s.category`, status: sqlFragment`s.status`, unit: sqlFragment`s.unit`,
  updatedAt: sqlFragment`s.updated_at`, termEnd: sqlFragment`s.term_end`,
};

// Live assignments of supervisor `s` to live schools; zones count only while live too.
const LIVE_SCHOOLS_OF_S = sqlFragment`SELECT asg.school_id FROM assignments asg
  JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
  WHERE asg.supervisor_id = s.id AND asg.deleted_at IS NULL`;

/** One row per supervisor with its zones and school count as correlated aggregates (no N+1). */
const SELECT = sqlFragment`SELECT s.*,
  (SELECT count(DISTINCT x.school_id) FROM (${LIVE_SCHOOLS_OF_S}) x) AS school_count,
  (SELECT json_group_array(z.name ORDER BY z.name) FROM zones z
     WHERE z.deleted_at IS NULL AND (z.leader_id = s.id OR z.id IN (
       SELECT sc.zone_id FROM schools sc WHERE sc.id IN (${LIVE_SCHOOLS_OF_S})))) AS zone_names
  FROM supervisors s`;

interface Row {
  id: number; name: string; gender: string | null; birth_month: string | null; unit: string | null;
  position: string | null; education: string | null; title: string | null; stage: string | null;
  subject: string | null; mobile: string | null; cert_no: string | null; letter_no: string | null;
  term_start: string | null; term_end: string | null; status: string; category: string;
  notes: string | null; photo: string | null; updated_at: string; school_count: number; zone_names: string; name_initials: string;
}


function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The term warning: an end date within TERM_WARNING_DAYS from today, or already past while the
 * supervisor is still recorded as 在聘 (someone should renew or update the status).
 */
export function termFlag(termEnd: string | null, status: string, on = todayText()): { termDaysLeft: number | null; termExpiring: boolean } {
  if (!termEnd) return { termDaysLeft: null, termExpiring: false };
  const left = daysBetween(on, termEnd);
  if (left > TERM_WARNING_DAYS) return { termDaysLeft: null, termExpiring: false };
  return { termDaysLeft: left, termExpiring: left >= 0 || status === '在聘' };
}

function toSupervisor(r: Row, on: string): Supervisor {
  const fields = Object.fromEntries(FIELD_KEYS.map((k) => [k, r[COLUMNS[k] as keyof Row]])) as unknown as SupervisorFields;
  return {
    id: r.id,
    ...fields,
    zoneNames: byPinyin(JSON.parse(r.zone_names) as string[], (n) => n),
    schoolCount: r.school_count,
    initials: r.name_initials,
    ...termFlag(r.term_end, r.status, on),
    updatedAt: r.updated_at,
  };
}

/** The 类别 must be one of the office's own list (设置 → 督学类别). */
export function checkCategory(a: Store, category: string): void {
  const allowed = getSettings(a).supervisorCategories;
  if (!allowed.includes(category)) {
    throw new AppError('invalid', `「类别」“${category}”不在本室的督学类别中，应为${allowed.join('、')}之一；如需新类别，请先在「设置」中添加。`, 'category');
  }
}

function checkPhoto(a: Store, photo: string | null): void {
  if (photo && !a.db.prepare('SELECT 1 FROM attachments WHERE hash = ?').get(photo)) {
    throw new AppError('invalid', '「照片」文件不在档案中，请重新上传照片。', 'photo');
  }
}

/** A clear message for a 督学证编号 already held by another live supervisor. */
function checkCertNo(a: Store, certNo: string | null, selfId: number | null): void {
  if (!certNo) return;
  const other = a.db.prepare('SELECT name FROM supervisors WHERE cert_no = ? AND deleted_at IS NULL AND id IS NOT ?')
    .get(certNo, selfId) as { name: string } | undefined;
  if (other) {
    throw new AppError('conflict', `「督学证编号」${certNo} 已被督学「${other.name}」使用，每位督学的督学证编号必须不同，请核对后修改。`, 'certNo');
  }
}

function validate(a: Store, f: SupervisorFields, selfId: number | null): void {
  checkCategory(a, f.category);
  checkPhoto(a, f.photo);
  checkCertNo(a, f.certNo, selfId);
}

/** The fields' values in FIELD_KEYS order, then the name's pinyin sort key and initials (pinyin.ts). */
function values(f: SupervisorFields): unknown[] {
  return [...FIELD_KEYS.map((k) => f[k]), pinyinKey(f.name, 'person'), pinyinInitials(f.name, 'person')];
}

/** Add a supervisor; returns the new id. */
export function insertSupervisor(a: Store, f: SupervisorFields): number {
  return a.db.transaction(() => {
    validate(a, f, null);
    const now = nowText();
    const cols = [...FIELD_KEYS.map((k) => COLUMNS[k]), 'name_pinyin', 'name_initials'];
    const res = a.db.prepare(`INSERT INTO supervisors (${cols.join(', ')}, created_at, updated_at)
      VALUES (${cols.map(() => '?').join(', ')}, ?, ?)`).run(...values(f), now, now);
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'supervisor', id, `新增督学「${f.name}」（${f.category}）`);
    return id;
  })();
}

/** Replace every field of a live supervisor; the audit detail keeps what changed. */
export function updateSupervisor(a: Store, id: number, f: SupervisorFields): void {
  a.db.transaction(() => {
    const before = getSupervisor(a, id);
    validate(a, f, id);
    a.db.prepare(`UPDATE supervisors SET ${FIELD_KEYS.map((k) => `${COLUMNS[k]} = ?`).join(', ')}, name_pinyin = ?, name_initials = ?, updated_at = ?
      WHERE id = ? AND deleted_at IS NULL`).run(...values(f), nowText(), id);
    const changed = Object.fromEntries(FIELD_KEYS.filter((k) => before[k] !== f[k]).map((k) => [k, [before[k], f[k]]]));
    audit(a, '修改', 'supervisor', id, `修改督学「${f.name}」`, changed);
  })();
}

export function getSupervisor(a: Store, id: number): Supervisor {
  const row = queryRow<Row>(a, sql`${SELECT} WHERE s.id = ${id} AND s.deleted_at IS NULL`);
  if (!row) throw new AppError('not_found', `编号为 ${id} 的督学不存在或已被删除，请刷新列表后重试。`, 'id');
  return toSupervisor(row, todayText());
}

/** The schools a supervisor is listed at (挂牌), with the role at each. */
export function supervisorAssignments(a: Store, id: number): SupervisorAssignment[] {
  return a.db.prepare(`SELECT asg.id AS assignmentId, sc.id AS schoolId, sc.full_name AS schoolName, asg.role
    FROM assignments asg JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
    WHERE asg.supervisor_id = ? AND asg.deleted_at IS NULL
    ORDER BY sc.name_pinyin, sc.id, asg.role`).all(id) as SupervisorAssignment[];
}

/** One page of the register with filters, search and sort; `total` counts every match. */
export function listSupervisors(a: Store, query: SupervisorQuery): Page<Supervisor> {
  const on = todayText();
  const where: SqlFragment[] = [sqlFragment`s.deleted_at IS NULL`, nameMatch('supervisors_fts', 's.id', 's.name_initials', query.q)];
  if (query.category) where.push(sqlFragment`s.category = ${query.category}`);
  if (query.status) where.push(sqlFragment`s.status = ${query.status}`);
  if (query.stage) where.push(sqlFragment`s.stage = ${query.stage}`);
  const subject = query.subject?.trim();
  if (subject) where.push(sqlFragment`s.subject LIKE ${`%${escapeLike(subject)}%`} ESCAPE '\\'`);
  if (query.zoneId) {
    // A zone's supervisors: its leader, and everyone listed at one of its schools.
    where.push(sqlFragment`s.id IN (
      SELECT z.leader_id FROM zones z WHERE z.id = ${query.zoneId} AND z.deleted_at IS NULL
      UNION
      SELECT asg.supervisor_id FROM assignments asg
        JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
        JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
        WHERE sc.zone_id = ${query.zoneId} AND asg.deleted_at IS NULL)`);
  }
  if (query.expiringOnly) {
    // Same rule as termFlag, in SQL so paging and total stay right.
    where.push(sqlFragment`s.term_end IS NOT NULL AND s.term_end <= ${addDays(on, TERM_WARNING_DAYS)} AND (s.term_end >= ${on} OR s.status = '在聘')`);
  }
  const whereSql = sqlJoin(where, ' AND ');
  const total = value<number>(a, sql`SELECT count(*) AS n FROM supervisors s WHERE ${whereSql}`);
  const dir = query.dir === 'desc' ? sqlFragment`DESC` : sqlFragment`ASC`;
  const col = SORT_SQL[query.sort];
  // Empty values go last whichever way the column is sorted; id keeps pages stable.
  const order = sqlFragment`${col} IS NULL, ${col} ${dir}, s.name_pinyin ${dir}, s.id ${dir}`;
  // Pick the page's ids first, so the aggregates run for one page only, not every match.
  const rows = queryRows<Row>(a, sql`${SELECT} WHERE s.id IN (
      SELECT s.id FROM supervisors s WHERE ${whereSql} ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset})
    ORDER BY ${order}`);
  return { rows: rows.map((r) => toSupervisor(r, on)), total };
}

