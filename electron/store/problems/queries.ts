/**
 * Reading problems: one page of the 台账 (and how its ids are picked along an index), one problem, its
 * history, the problems of a visit, complaint or notice, problems by id, and the counts other areas ask.
 */
import type { Store } from '../store';
import { todayText } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import type { Page } from '../../../shared/schemas/common';
import type { Problem, ProblemHistoryEntry, ProblemOrigin } from '../../../shared/schemas/problem';
import { sql, sqlFragment, sqlJoin, type Query, type SqlFragment } from '../sql';
import { row, rows, value, values } from '../statements';
import {
  LIVE_OWNER, PROBLEM_COLUMNS, PROBLEM_JOINS, SELECT_PROBLEMS, STATUS_ORDER, ledgerWhere, toProblem, type ProblemQuery, type ProblemRow,
} from './read';

/**
 * The same orders as `orderBy` (./read), each exactly the column order of one index (migration 009), all in
 * one direction, so a page's ids are read along it with no sort and a deep OFFSET skips index
 * entries only. Empty deadlines come last either way: from earliest by
 * `due IS NULL` first; from latest by `due` alone, where NULL is the smallest value. By 学校 the walk
 * goes school by school in pinyin order of their names (schools_live_pinyin; sc.id makes the order
 * total), each school's problems by id.
 */
function pageOrder(sort: ProblemQuery['sort'], dir: ProblemQuery['dir']): { order: SqlFragment[]; index: SqlFragment } {
  switch (sort) {
    case 'raisedAt': return { order: [sqlFragment`p.raised_at`, sqlFragment`p.id`], index: sqlFragment`problems_live_raised_id` };
    case 'deadline': return dir === 'asc'
      ? { order: [sqlFragment`p.due IS NULL`, sqlFragment`p.due`, sqlFragment`p.id`], index: sqlFragment`problems_live_due_last` }
      : { order: [sqlFragment`p.due`, sqlFragment`p.id`], index: sqlFragment`problems_live_due_id` };
    case 'status': return { order: [STATUS_ORDER, sqlFragment`p.id`], index: sqlFragment`problems_live_status_id` };
    case 'school': return { order: [sqlFragment`sc.name_pinyin`, sqlFragment`sc.id`, sqlFragment`p.id`], index: sqlFragment`problems_school_live_id` };
  }
}

/**
 * Up to this many matches, a page's ids come from sorting the matches, found first on their own
 * (a MATERIALIZED CTE, so the planner picks the filters' index: 学校, 状态, 逾期, 年份): a few thousand
 * rows sort in a few ms, while walking an order index for a rare filter (整改中 by 期限) can pass
 * most of the 120,000 problems. More matches than this are dense along the order index, which is
 * then named (INDEXED BY): with no statistics the planner may prefer a narrower index that does
 * not hold school_id and read every problem row.
 */
const SORT_MATCHES_UP_TO = 10_000;

/**
 * The statement that picks one page's ids, read forwards or (for a page nearer the end) backwards
 * from the end; its last two parameters are LIMIT and OFFSET, bound by the caller. Exported for the
 * test that checks each order's plan.
 */
export function pageIdsSql(query: Pick<ProblemQuery, 'sort' | 'dir'> & Partial<ProblemQuery>, backwards: boolean, sortMatches: boolean): Query {
  const where = ledgerWhere(query, todayText());
  const dir = (query.dir === 'asc') !== backwards ? sqlFragment`ASC` : sqlFragment`DESC`;
  const { order, index } = pageOrder(query.sort, query.dir);
  const orderBy = sqlFragment`ORDER BY ${sqlJoin(order.map((c) => sqlFragment`${c} ${dir}`), ', ')} LIMIT ? OFFSET ?`;
  const school = query.sort === 'school';
  if (sortMatches) {
    // The 督政 ledger's 学校 order is by unit (named sc, as the order reads sc.name_pinyin).
    const owner = query.owner === 'unit'
      ? sqlFragment`JOIN units sc ON sc.id = p.unit_id` : sqlFragment`JOIN schools sc ON sc.id = p.school_id`;
    return sql`WITH m AS MATERIALIZED (SELECT p.id, p.raised_at, p.due, p.status, p.school_id, p.unit_id FROM problems p WHERE ${where})
      SELECT p.id FROM m p ${school ? owner : sqlFragment``} ${orderBy}`;
  }
  const from = school
    ? sqlFragment`schools sc INDEXED BY schools_live_pinyin CROSS JOIN problems p INDEXED BY ${index} ON p.school_id = sc.id WHERE sc.deleted_at IS NULL AND`
    : sqlFragment`problems p INDEXED BY ${index} WHERE`;
  return sql`SELECT p.id FROM ${from} ${where} ${orderBy}`;
}

/**
 * One page of the 台账 with filters; `total` counts every match. A deferred join: the count and the
 * page's ids come from indexes alone, then only those ≤ limit problems are read with their school,
 * zone and notice. A page nearer the end than the start is read backwards from the end (and turned
 * round), so no OFFSET skips more than half the matches. (`sortUpTo`: SORT_MATCHES_UP_TO, set by tests.)
 */
export function listProblems(a: Store, query: ProblemQuery, sortUpTo = SORT_MATCHES_UP_TO): Page<Problem> {
  const on = todayText();
  const where = ledgerWhere(query, on);
  const { offset, limit } = query;
  return a.db.transaction(() => {
    const total = value<number>(a, sql`SELECT count(*) FROM problems p WHERE ${where}`);
    if (offset >= total) return { rows: [], total };
    const after = total - offset - limit;
    const backwards = after < offset;
    // The 督政 ledger is a few hundred problems at most: its matches are sorted, never walked along an index.
    const [text, params] = pageIdsSql(query, backwards, total <= sortUpTo || !!query.carryOver || query.owner === 'unit');
    const ids = values<number>(a, [text, [...params,
      backwards ? Math.min(limit, total - offset) : limit, backwards ? Math.max(0, after) : offset]]);
    if (backwards) ids.reverse();
    // CROSS JOIN keeps json_each outermost: the problems come back in the page's order.
    const page = rows<ProblemRow>(a, sql`SELECT ${PROBLEM_COLUMNS} FROM json_each(${JSON.stringify(ids)}) j CROSS JOIN problems p ON p.id = j.value
      ${PROBLEM_JOINS} ORDER BY j.key`);
    return { rows: page.map((r) => toProblem(r, on)), total };
  })();
}

export function getProblem(a: Store, id: number): Problem {
  const found = row<ProblemRow>(a, sql`${SELECT_PROBLEMS} WHERE p.id = ${id} AND p.deleted_at IS NULL AND ${LIVE_OWNER}`);
  if (!found) throw new AppError('not_found', `编号为 ${id} 的问题不存在或已被删除，请刷新列表后重试。`, 'id');
  return toProblem(found, todayText());
}

export function problemHistory(a: Store, id: number): ProblemHistoryEntry[] {
  return rows<ProblemHistoryEntry>(a, sql`SELECT at, actor, from_status AS fromStatus, to_status AS toStatus, note
    FROM problem_history WHERE problem_id = ${id} ORDER BY id`);
}

/**
 * Live problems (of live schools or units) matching `condition`, oldest first, as one statement. Every
 * condition here is selective (a visit, a complaint, a few ids): the live mark is written `+p.deleted_at`,
 * no index constraint, else the planner, which takes an equality for selective, walks all 120,000 problems
 * along an index that starts with deleted_at and checks each against the condition.
 */
export function problemsWhereSql(condition: SqlFragment): Query {
  return sql`${SELECT_PROBLEMS} WHERE +p.deleted_at IS NULL AND ${LIVE_OWNER} AND ${condition} ORDER BY p.id`;
}

export function problemsWhere(a: Store, condition: SqlFragment): Problem[] {
  const on = todayText();
  return rows<ProblemRow>(a, problemsWhereSql(condition)).map((r) => toProblem(r, on));
}

/** Which problems are on any of these notices: by problems_notice, so each is then read by its id. */
export const onNotices = (noticeIds: number[]) =>
  sqlFragment`p.id IN (SELECT id FROM problems WHERE notice_id IN (SELECT value FROM json_each(${JSON.stringify(noticeIds)})))`;

/** The problems found on a visit, oldest first. */
export function problemsOfVisit(a: Store, visitId: number): Problem[] {
  return problemsWhere(a, sqlFragment`p.visit_id = ${visitId}`);
}

/** The problems raised from a complaint, oldest first. */
export function problemsOfComplaint(a: Store, complaintId: number): Problem[] {
  return problemsWhere(a, sqlFragment`p.complaint_id = ${complaintId}`);
}

/** The problems listed on any of these notices, oldest first. */
export function problemsOfNotices(a: Store, noticeIds: number[]): Problem[] {
  return problemsWhere(a, onNotices(noticeIds));
}

/** The live problems among `ids` (missing or deleted ones left out), oldest first. */
export function problemsByIds(a: Store, ids: number[]): Problem[] {
  return problemsWhere(a, sqlFragment`p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
}

/** How many live problems were raised in a year (whatever their school). */
export function problemsRaisedIn(a: Store, year: number): number {
  return value<number>(a, sql`SELECT count(*) FROM problems WHERE deleted_at IS NULL
    AND raised_at >= ${`${year}-01-01`} AND raised_at < ${`${year + 1}-01-01`}`);
}

/**
 * Where each of these problems came from, as a document states it: its visit's date and type, its
 * complaint's date and channel, else the day it was entered (督导室登记); the campaign of a 专项 one.
 * A deleted visit or complaint still dates the problem.
 */
export function problemOrigins(a: Store, ids: number[]): Map<number, ProblemOrigin> {
  const found = rows<{ id: number; visitDate: string | null; visitType: string | null; complaintDate: string | null;
    channel: string | null; campaign: string | null; raisedAt: string }>(a, sql`SELECT p.id, v.date AS visitDate, v.type AS visitType,
      c.received_at AS complaintDate, c.channel, nullif(trim(coalesce(p.campaign, '')), '') AS campaign, p.raised_at AS raisedAt
    FROM problems p LEFT JOIN visits v ON v.id = p.visit_id LEFT JOIN complaints c ON c.id = p.complaint_id
    WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return new Map(found.map((r): [number, ProblemOrigin] => [r.id,
    r.visitDate ? { kind: 'visit', date: r.visitDate.slice(0, 10), visitType: r.visitType, campaign: r.campaign }
      : r.complaintDate ? { kind: 'complaint', date: r.complaintDate.slice(0, 10), channel: r.channel }
        : r.campaign ? { kind: 'campaign', date: r.raisedAt, campaign: r.campaign }
          : { kind: 'entered', date: r.raisedAt }]));
}
