/**
 * How problems are read: the conditions every count and list shares (live school, overdue, the
 * deadline that counts), the columns and joins shown with a problem, the 台账 filters and orders, and
 * the row → Problem mapping. Conditions leave this module only as fragments (../sql.ts).
 */
import type { z } from 'zod';
import { noticeNumberText } from '../../../shared/labels';
import type { Problem, problemList } from '../../../shared/schemas/problem';
import { PROBLEM_STATUSES } from '../../../shared/vocab';
import { escapeLike, matchText } from '../search';
import { sqlFragment, sqlJoin, sqlLiteral, type SqlFragment } from '../sql';

export type ProblemQuery = z.output<typeof problemList>;

const OPEN_STATUSES = sqlJoin(PROBLEM_STATUSES.filter((s) => s !== '已销号').map((s) => sqlLiteral(s)), ', ');

/**
 * `p` is still open (not 已销号). Listing the open statuses rather than `<> '已销号'` lets counts read
 * the indexes that start with status (problems_open_live_due, problems_open_due).
 */
export const openProblem = sqlFragment`p.status IN (${OPEN_STATUSES})`;

/** Overdue: open and due before `on` (today's date). */
export function overdueOn(on: string): SqlFragment {
  return sqlFragment`(${openProblem} AND p.due < ${on})`;
}

/**
 * 结转 (carried over) into a period starting on `start`: live problems raised before it and not yet 销号
 * on that day, so the period takes over their rectification. The same definition for the 台账 and the
 * 首页. As rows (id, school_id, status), read from two covering indexes: those still open, and those
 * 销号 since the period began (migration 011).
 */
export function carriedRows(start: string): SqlFragment {
  return sqlFragment`SELECT c.id, c.school_id, c.status FROM problems c INDEXED BY problems_open_live_due
      WHERE c.status IN (${OPEN_STATUSES}) AND c.deleted_at IS NULL AND c.raised_at < ${start}
    UNION ALL SELECT c.id, c.school_id, c.status FROM problems c INDEXED BY problems_closed_live
      WHERE c.status = '已销号' AND c.deleted_at IS NULL AND c.closed_at >= ${start} AND c.raised_at < ${start}`;
}

/** The condition on `p` of being carried over into a period starting on `start` (see carriedRows). */
export function carriedInto(start: string): SqlFragment {
  return sqlFragment`p.id IN (SELECT id FROM (${carriedRows(start)}))`;
}

/**
 * Problems count only while their school is live (and, with a zone, while the school is in that live
 * zone). As a condition on `p.school_id` rather than a join, counts walk the (school, live) index
 * instead of looking up the school of each of 100,000 rows.
 */
export function liveSchoolIn(zoneId: number | null): SqlFragment {
  return sqlFragment`p.school_id IN (SELECT s.id FROM schools s WHERE s.deleted_at IS NULL
  AND (${zoneId} IS NULL OR s.zone_id = ${zoneId} AND s.zone_id IN (SELECT id FROM zones WHERE deleted_at IS NULL)))`;
}

/** Live problems of live schools, with the school, zone and live notice they hang on (for display). */
export const PROBLEM_JOINS = sqlFragment`JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL
  LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
  LEFT JOIN notices n ON n.id = p.notice_id AND n.deleted_at IS NULL`;

/**
 * A problem's dueDate is `p.due`: the deadline that counts (its live notice's, else its own), kept by
 * migration 009's triggers; the sorts, the overdue filter and the counts read the same column.
 */
export const PROBLEM_COLUMNS = sqlFragment`p.id, p.source, p.visit_id AS visitId, p.complaint_id AS complaintId, p.campaign,
  p.school_id AS schoolId, p.category, p.description, p.actor, p.deadline, p.status,
  sc.full_name AS schoolName, z.name AS zoneName, n.id AS noticeId, n.year AS noticeYear, n.number AS noticeNo,
  p.raised_at AS raisedAt, p.closed_at AS closedAt, p.due AS dueDate`;

/** `SELECT <columns> FROM problems p <joins>`: add the WHERE. */
export const SELECT_PROBLEMS = sqlFragment`SELECT ${PROBLEM_COLUMNS} FROM problems p ${PROBLEM_JOINS}`;

export type ProblemRow = Omit<Problem, 'overdue' | 'noticeNumber'> & { noticeYear: number | null; noticeNo: number | null };

export function toProblem(r: ProblemRow, on: string): Problem {
  const { noticeYear, noticeNo, ...rest } = r;
  return {
    ...rest,
    noticeNumber: noticeYear && noticeNo ? noticeNumberText(noticeYear, noticeNo) : null,
    overdue: !!r.dueDate && r.dueDate < on && r.status !== '已销号',
  };
}

/** Must stay the same expression as the problems_live_status_id index (migration 009). */
export const STATUS_ORDER = sqlFragment`CASE p.status ${sqlJoin(PROBLEM_STATUSES.map((s, i) => sqlFragment`WHEN ${sqlLiteral(s)} THEN ${sqlLiteral(i)}`), ' ')} END`;

const SORT_SQL: Record<ProblemQuery['sort'], { expr: SqlFragment; nullable?: boolean }> = {
  raisedAt: { expr: sqlFragment`p.raised_at` },
  deadline: { expr: sqlFragment`p.due`, nullable: true },
  school: { expr: sqlFragment`sc.name_pinyin` },
  status: { expr: STATUS_ORDER },
};

/** The 台账 filters as one condition over `p` alone; shared by counts, pages and the export. */
export function ledgerWhere(query: Partial<ProblemQuery>, on: string): SqlFragment {
  const carrying = !!query.carryOver && !!(query.year || query.month);
  // With 结转 the matches are found by id (carriedRows) and by 提出日期 (an index that starts with
  // deleted_at): the live mark written `+p.deleted_at` is no index constraint, else the planner, which
  // takes an equality for selective, walks every problem along deleted_at.
  const where: SqlFragment[] = [carrying ? sqlFragment`+p.deleted_at IS NULL` : sqlFragment`p.deleted_at IS NULL`, liveSchoolIn(query.zoneId ?? null)];
  const q = query.q?.trim();
  if (q) {
    // Any substring of the problem's text, or of the school's name.
    const like = `%${escapeLike(q)}%`;
    where.push(sqlFragment`(${matchText('problems_fts', 'p.id', query.q)} OR p.school_id IN (SELECT id FROM schools WHERE full_name LIKE ${like} ESCAPE '\\' OR short_name LIKE ${like} ESCAPE '\\'))`);
  }
  if (query.schoolId) where.push(sqlFragment`p.school_id = ${query.schoolId}`);
  if (query.status) where.push(sqlFragment`p.status = ${query.status}`);
  if (query.category) where.push(sqlFragment`p.category = ${query.category}`);
  if (query.source) where.push(sqlFragment`p.source = ${query.source}`);
  if (query.actor) where.push(sqlFragment`p.actor = ${query.actor}`);
  if (query.overdueOnly) where.push(overdueOn(on));
  const periods = [query.month && [`${query.month}-01`, `${query.month}-32`], query.year && [`${query.year}-01-01`, `${query.year + 1}-01-01`]];
  for (const period of periods) {
    if (!period) continue;
    const [start, end] = period;
    const raised = sqlFragment`(p.raised_at >= ${start} AND p.raised_at < ${end})`;
    if (!carrying) where.push(raised);
    else if (query.carryOver === 'only') where.push(carriedInto(start));
    else where.push(sqlFragment`((p.deleted_at IS NULL AND ${raised}) OR ${carriedInto(start)})`);
  }
  return sqlJoin(where, ' AND ');
}

/** The 台账's order over the joined rows (the export's plain ORDER BY; pages walk indexes instead). */
export function orderBy(query: Pick<ProblemQuery, 'sort' | 'dir'>): SqlFragment {
  const dir = query.dir === 'asc' ? sqlFragment`ASC` : sqlFragment`DESC`;
  const s = SORT_SQL[query.sort];
  // Two schools may share a sort key (pinyin.ts): sc.id keeps each school's problems together.
  const school = query.sort === 'school' ? sqlFragment`sc.id ${dir}, ` : sqlFragment``;
  return sqlFragment`${s.nullable ? sqlFragment`${s.expr} IS NULL, ` : sqlFragment``}${s.expr} ${dir}, ${school}p.id ${dir}`;
}
