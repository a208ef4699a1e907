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

/**
 * A 督政 problem counts while its unit is live, as a school's does while its school is (liveSchoolIn);
 * the 督政 ledger's condition.
 */
export const LIVE_UNIT = sqlFragment`p.unit_id IN (SELECT u.id FROM units u WHERE u.deleted_at IS NULL)`;

/** Problems shown with their owner (a school or a unit), zone, campaign and live notice. */
export const PROBLEM_JOINS = sqlFragment`LEFT JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL
  LEFT JOIN units u ON u.id = p.unit_id AND u.deleted_at IS NULL
  LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
  LEFT JOIN campaigns cp ON cp.id = p.campaign_id
  LEFT JOIN notices n ON n.id = p.notice_id AND n.deleted_at IS NULL`;

/** With PROBLEM_JOINS: the owner (school or unit) is live. Every single problem read says so. */
export const LIVE_OWNER = sqlFragment`(sc.id IS NOT NULL OR u.id IS NOT NULL)`;

/**
 * A problem's dueDate is `p.due`: the deadline that counts (its 反弹 deadline, its live notice's, else its
 * own), kept by migration 009's and 015's triggers; the sorts, the overdue filter and the counts read the same column.
 */
export const PROBLEM_COLUMNS = sqlFragment`p.id, p.source, p.visit_id AS visitId, p.complaint_id AS complaintId,
  p.campaign_id AS campaignId, coalesce(cp.name, p.campaign) AS campaign,
  p.school_id AS schoolId, p.unit_id AS unitId, p.category, p.description, p.actor, p.deadline, p.status,
  sc.full_name AS schoolName, u.name AS unitName, z.name AS zoneName, n.id AS noticeId, n.year AS noticeYear, n.number AS noticeNo,
  p.raised_at AS raisedAt, p.closed_at AS closedAt, p.due AS dueDate,
  (SELECT count(*) FROM followups f WHERE f.problem_id = p.id AND f.deleted_at IS NULL AND f.result = '反弹') AS rebounds,
  EXISTS (SELECT 1 FROM escalation_problems ep JOIN escalations e ON e.id = ep.escalation_id AND e.deleted_at IS NULL
    WHERE ep.problem_id = p.id AND e.kind = '约谈') AS talked,
  EXISTS (SELECT 1 FROM escalation_problems ep JOIN escalations e ON e.id = ep.escalation_id AND e.deleted_at IS NULL
    WHERE ep.problem_id = p.id AND e.kind = '通报') AS publicized`;

/** `SELECT <columns> FROM problems p <joins>`: add the WHERE. */
export const SELECT_PROBLEMS = sqlFragment`SELECT ${PROBLEM_COLUMNS} FROM problems p ${PROBLEM_JOINS}`;

export type ProblemRow = Omit<Problem, 'overdue' | 'noticeNumber' | 'ownerName' | 'talked' | 'publicized'>
  & { noticeYear: number | null; noticeNo: number | null; talked: number; publicized: number };

export function toProblem(r: ProblemRow, on: string): Problem {
  const { noticeYear, noticeNo, ...rest } = r;
  return {
    ...rest,
    ownerName: r.schoolName ?? r.unitName ?? '',
    noticeNumber: noticeYear && noticeNo ? noticeNumberText(noticeYear, noticeNo) : null,
    overdue: !!r.dueDate && r.dueDate < on && r.status !== '已销号',
    talked: !!r.talked,
    publicized: !!r.publicized,
  };
}

/** Must stay the same expression as the problems_live_status_id index (migration 009). */
export const STATUS_ORDER = sqlFragment`CASE p.status ${sqlJoin(PROBLEM_STATUSES.map((s, i) => sqlFragment`WHEN ${sqlLiteral(s)} THEN ${sqlLiteral(i)}`), ' ')} END`;

const SORT_SQL: Record<ProblemQuery['sort'], { expr: SqlFragment; nullable?: boolean }> = {
  raisedAt: { expr: sqlFragment`p.raised_at` },
  deadline: { expr: sqlFragment`p.due`, nullable: true },
  school: { expr: sqlFragment`coalesce(sc.name_pinyin, u.name_pinyin)` },
  status: { expr: STATUS_ORDER },
};

/** The 台账 filters as one condition over `p` alone; shared by counts, pages and the export. */
export function ledgerWhere(query: Partial<ProblemQuery>, on: string): SqlFragment {
  const carrying = !!query.carryOver && !!(query.year || query.month);
  // With 结转 the matches are found by id (carriedRows) and by 提出日期 (an index that starts with
  // deleted_at): the live mark written `+p.deleted_at` is no index constraint, else the planner, which
  // takes an equality for selective, walks every problem along deleted_at.
  // The school ledger, or the 督政 one: problems of live schools (in the zone), or of live units.
  const units = query.owner === 'unit';
  const where: SqlFragment[] = [carrying ? sqlFragment`+p.deleted_at IS NULL` : sqlFragment`p.deleted_at IS NULL`,
    units ? LIVE_UNIT : liveSchoolIn(query.zoneId ?? null)];
  const q = query.q?.trim();
  if (q) {
    // Any substring of the problem's text, or of the school's (the unit's) name.
    const like = `%${escapeLike(q)}%`;
    const owner = units
      ? sqlFragment`p.unit_id IN (SELECT id FROM units WHERE name LIKE ${like} ESCAPE '\\')`
      : sqlFragment`p.school_id IN (SELECT id FROM schools WHERE full_name LIKE ${like} ESCAPE '\\' OR short_name LIKE ${like} ESCAPE '\\')`;
    where.push(sqlFragment`(${matchText('problems_fts', 'p.id', query.q)} OR ${owner})`);
  }
  if (query.schoolId) where.push(sqlFragment`p.school_id = ${query.schoolId}`);
  if (query.unitId) where.push(sqlFragment`p.unit_id = ${query.unitId}`);
  if (query.campaignId) where.push(sqlFragment`p.campaign_id = ${query.campaignId}`);
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
  const school = query.sort === 'school' ? sqlFragment`coalesce(sc.id, u.id) ${dir}, ` : sqlFragment``;
  return sqlFragment`${s.nullable ? sqlFragment`${s.expr} IS NULL, ` : sqlFragment``}${s.expr} ${dir}, ${school}p.id ${dir}`;
}
