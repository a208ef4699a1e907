import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { Store } from './store';
import { nowText, todayText } from '../../shared/dates';
import { noticeNumberText } from '../../shared/labels';
import { audit } from './log';
import { prepared } from './statements';
import { moveToBin } from './recycle';
import { escapeLike, textMatch } from './search';
import { getSettings } from './settings';
import { AppError } from '../../shared/result';
import type { Page } from '../../shared/schemas/common';
import type { Problem, ProblemFields, ProblemHistoryEntry, problemList } from '../../shared/schemas/problem';
import { OTHER_ITEM, PROBLEM_STATUSES, PROBLEM_TRANSITIONS, type ProblemStatus } from '../../shared/vocab';

export type ProblemQuery = z.output<typeof problemList>;

/** The office's eight items plus 其他: what a visit or a problem may be tagged with. */
export function allowedItems(a: Store): string[] {
  return [...getSettings(a).eightItems, OTHER_ITEM];
}

export function checkItem(allowed: string[], item: string, field: string, label: string): void {
  if (!allowed.includes(item)) {
    throw new AppError('invalid', `「${label}」“${item}”不在本室的督导事项中，应为八项经常性督导事项或“其他”；如需调整事项，请先在「设置」中修改。`, field);
  }
}

/**
 * Overdue: open (not 已销号) and due before `?` (bind today's date). Listing the open statuses rather
 * than `<> '已销号'` lets counts read the problems_open_live_due index.
 */
const OPEN_STATUSES = PROBLEM_STATUSES.filter((s) => s !== '已销号').map((s) => `'${s}'`).join(', ');
export const OVERDUE_SQL = `(p.status IN (${OPEN_STATUSES}) AND p.due < ?)`;

/**
 * Problems count only while their school is live (and, with a zone, while the school is in that live
 * zone). As a condition on `p.school_id` rather than a join, counts walk the (school, live) index
 * instead of looking up the school of each of 100,000 rows. Bind the zone id twice (or null twice).
 */
export const LIVE_SCHOOL_SQL = `p.school_id IN (SELECT s.id FROM schools s WHERE s.deleted_at IS NULL
  AND (? IS NULL OR s.zone_id = ? AND s.zone_id IN (SELECT id FROM zones WHERE deleted_at IS NULL)))`;

/** Live problems of live schools, with the school, zone and live notice they hang on (for display). */
const PROBLEM_JOINS = `JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL
  LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
  LEFT JOIN notices n ON n.id = p.notice_id AND n.deleted_at IS NULL`;
export const PROBLEM_FROM = `FROM problems p ${PROBLEM_JOINS}`;

/**
 * A problem's dueDate is `p.due`: the deadline that counts (its live notice's, else its own), kept by
 * migration 009's triggers; the sorts, the overdue filter and the counts read the same column.
 */
const PROBLEM_COLUMNS = `p.id, p.source, p.visit_id AS visitId, p.complaint_id AS complaintId, p.campaign,
  p.school_id AS schoolId, p.category, p.description, p.actor, p.deadline, p.status,
  sc.full_name AS schoolName, z.name AS zoneName, n.id AS noticeId, n.year AS noticeYear, n.number AS noticeNo,
  p.raised_at AS raisedAt, p.closed_at AS closedAt, p.due AS dueDate`;
const SELECT = `SELECT ${PROBLEM_COLUMNS} ${PROBLEM_FROM}`;

type Row = Omit<Problem, 'overdue' | 'noticeNumber'> & { noticeYear: number | null; noticeNo: number | null };

function toProblem(r: Row, on: string): Problem {
  const { noticeYear, noticeNo, ...rest } = r;
  return {
    ...rest,
    noticeNumber: noticeYear && noticeNo ? noticeNumberText(noticeYear, noticeNo) : null,
    overdue: !!r.dueDate && r.dueDate < on && r.status !== '已销号',
  };
}

/** Must stay the same expression as the problems_live_status_id index (migration 009). */
const STATUS_ORDER = `CASE p.status ${PROBLEM_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;
const SORT_SQL: Record<ProblemQuery['sort'], { expr: string; nullable?: boolean }> = {
  raisedAt: { expr: 'p.raised_at' },
  deadline: { expr: 'p.due', nullable: true },
  school: { expr: 'sc.name_pinyin' },
  status: { expr: STATUS_ORDER },
};

/** WHERE clause (over `p` alone) and parameters for the 台账 filters; shared by counts, pages and the export. */
function ledgerWhere(query: Partial<ProblemQuery>, on: string): [string, unknown[]] {
  const zone = query.zoneId ?? null;
  const where: string[] = ['p.deleted_at IS NULL', LIVE_SCHOOL_SQL];
  const params: unknown[] = [zone, zone];
  if (query.q?.trim()) {
    // Any substring of the problem's text, or of the school's name.
    const [match, matchParams] = textMatch('problems_fts', 'p.id', query.q);
    where.push(`(${match} OR p.school_id IN (SELECT id FROM schools WHERE full_name LIKE ? ESCAPE '\\' OR short_name LIKE ? ESCAPE '\\'))`);
    const like = `%${escapeLike(query.q.trim())}%`;
    params.push(...matchParams, like, like);
  }
  if (query.schoolId) { where.push('p.school_id = ?'); params.push(query.schoolId); }
  if (query.status) { where.push('p.status = ?'); params.push(query.status); }
  if (query.category) { where.push('p.category = ?'); params.push(query.category); }
  if (query.source) { where.push('p.source = ?'); params.push(query.source); }
  if (query.actor) { where.push('p.actor = ?'); params.push(query.actor); }
  if (query.overdueOnly) { where.push(OVERDUE_SQL); params.push(on); }
  if (query.month) { where.push('p.raised_at >= ? AND p.raised_at < ?'); params.push(`${query.month}-01`, `${query.month}-32`); }
  if (query.year) { where.push('p.raised_at >= ? AND p.raised_at < ?'); params.push(`${query.year}-01-01`, `${query.year + 1}-01-01`); }
  return [where.join(' AND '), params];
}

function orderBy(query: Pick<ProblemQuery, 'sort' | 'dir'>): string {
  const dir = query.dir === 'asc' ? 'ASC' : 'DESC';
  const s = SORT_SQL[query.sort];
  // Two schools may share a sort key (pinyin.ts): sc.id keeps each school's problems together.
  const school = query.sort === 'school' ? `sc.id ${dir}, ` : '';
  return `${s.nullable ? `${s.expr} IS NULL, ` : ''}${s.expr} ${dir}, ${school}p.id ${dir}`;
}

/**
 * The same orders as `orderBy`, each exactly the column order of one index (migration 009), all in
 * one direction, so a page's ids are read along it with no sort and a deep OFFSET skips index
 * entries only. Empty deadlines come last either way: from earliest by
 * `due IS NULL` first; from latest by `due` alone, where NULL is the smallest value. By 学校 the walk
 * goes school by school in pinyin order of their names (schools_live_pinyin; sc.id makes the order
 * total), each school's problems by id.
 */
function pageOrder(sort: ProblemQuery['sort'], dir: ProblemQuery['dir']): { order: string[]; index: string } {
  switch (sort) {
    case 'raisedAt': return { order: ['p.raised_at', 'p.id'], index: 'problems_live_raised_id' };
    case 'deadline': return dir === 'asc'
      ? { order: ['p.due IS NULL', 'p.due', 'p.id'], index: 'problems_live_due_last' }
      : { order: ['p.due', 'p.id'], index: 'problems_live_due_id' };
    case 'status': return { order: [STATUS_ORDER, 'p.id'], index: 'problems_live_status_id' };
    case 'school': return { order: ['sc.name_pinyin', 'sc.id', 'p.id'], index: 'problems_school_live_id' };
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
 * from the end; exported for the test that checks each order's plan.
 */
export function pageIdsSql(query: Pick<ProblemQuery, 'sort' | 'dir'> & Partial<ProblemQuery>, backwards: boolean, sortMatches: boolean): [string, unknown[]] {
  const [where, params] = ledgerWhere(query, todayText());
  const asc = (query.dir === 'asc') !== backwards;
  const { order, index } = pageOrder(query.sort, query.dir);
  const orderBy = `ORDER BY ${order.map((c) => `${c} ${asc ? 'ASC' : 'DESC'}`).join(', ')} LIMIT ? OFFSET ?`;
  const school = query.sort === 'school';
  if (sortMatches) {
    return [`WITH m AS MATERIALIZED (SELECT p.id, p.raised_at, p.due, p.status, p.school_id FROM problems p WHERE ${where})
      SELECT p.id FROM m p ${school ? 'JOIN schools sc ON sc.id = p.school_id' : ''} ${orderBy}`, params];
  }
  const from = school
    ? `schools sc INDEXED BY schools_live_pinyin CROSS JOIN problems p INDEXED BY ${index} ON p.school_id = sc.id WHERE sc.deleted_at IS NULL AND`
    : `problems p INDEXED BY ${index} WHERE`;
  return [`SELECT p.id FROM ${from} ${where} ${orderBy}`, params];
}

/**
 * One page of the 台账 with filters; `total` counts every match. A deferred join: the count and the
 * page's ids come from indexes alone, then only those ≤ limit problems are read with their school,
 * zone and notice. A page nearer the end than the start is read backwards from the end (and turned
 * round), so no OFFSET skips more than half the matches. (`sortUpTo`: SORT_MATCHES_UP_TO, set by tests.)
 */
export function listProblems(a: Store, query: ProblemQuery, sortUpTo = SORT_MATCHES_UP_TO): Page<Problem> {
  const on = todayText();
  const [where, params] = ledgerWhere(query, on);
  const { offset, limit } = query;
  return a.db.transaction(() => {
    const total = prepared(a, `SELECT count(*) FROM problems p WHERE ${where}`).pluck().get(...params) as number;
    if (offset >= total) return { rows: [], total };
    const after = total - offset - limit;
    const backwards = after < offset;
    const [sql, idParams] = pageIdsSql(query, backwards, total <= sortUpTo);
    const ids = prepared(a, sql).pluck()
      .all(...idParams, backwards ? Math.min(limit, total - offset) : limit, backwards ? Math.max(0, after) : offset) as number[];
    if (backwards) ids.reverse();
    // CROSS JOIN keeps json_each outermost: the problems come back in the page's order.
    const rows = prepared(a, `SELECT ${PROBLEM_COLUMNS} FROM json_each(?) j CROSS JOIN problems p ON p.id = j.value
      ${PROBLEM_JOINS} ORDER BY j.key`).all(JSON.stringify(ids)) as Row[];
    return { rows: rows.map((r) => toProblem(r, on)), total };
  })();
}

/** Every match of the filters, for the export (no paging). */
export function allProblems(a: Store, query: Partial<ProblemQuery>, max = 200_000): Problem[] {
  const on = todayText();
  const [where, params] = ledgerWhere(query, on);
  const order = orderBy({ sort: query.sort ?? 'raisedAt', dir: query.dir ?? 'desc' });
  return (a.db.prepare(`${SELECT} WHERE ${where} ORDER BY ${order} LIMIT ?`).all(...params, max) as Row[])
    .map((r) => toProblem(r, on));
}

/** Problems matching an extra condition (a visit's, a notice's, a complaint's), oldest first. */
export function problemsWhere(a: Store, condition: string, ...params: unknown[]): Problem[] {
  const on = todayText();
  return (a.db.prepare(`${SELECT} WHERE p.deleted_at IS NULL AND ${condition} ORDER BY p.id`).all(...params) as Row[])
    .map((r) => toProblem(r, on));
}

export function getProblem(a: Store, id: number): Problem {
  const row = a.db.prepare(`${SELECT} WHERE p.id = ? AND p.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new AppError('not_found', `编号为 ${id} 的问题不存在或已被删除，请刷新列表后重试。`, 'id');
  return toProblem(row, todayText());
}

export function problemHistory(a: Store, id: number): ProblemHistoryEntry[] {
  return a.db.prepare(`SELECT at, actor, from_status AS fromStatus, to_status AS toStatus, note
    FROM problem_history WHERE problem_id = ? ORDER BY id`).all(id) as ProblemHistoryEntry[];
}

/**
 * A linked record (visit, complaint): it must exist and be live, except that an edit may keep a link
 * it already had after that record was deleted (`kept`). Returns the row.
 */
function linked(a: Store, table: string, id: number, kept: boolean, message: string, field: string): Record<string, unknown> {
  const row = a.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row || (row.deleted_at && !kept)) throw new AppError('invalid', message, field);
  return row;
}

/**
 * Check a problem's references and vocabularies; returns its 提出日期: the visit's date, the
 * complaint's date, or today. `before` is the problem as stored, when editing.
 */
function checkProblem(a: Store, f: ProblemFields, before?: Problem): string {
  if (!a.db.prepare('SELECT 1 FROM schools WHERE id = ? AND deleted_at IS NULL').get(f.schoolId)) {
    throw new AppError('invalid', '「学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
  }
  checkItem(allowedItems(a), f.category, 'category', '问题类别');
  if (f.source === '专项督导' && !f.campaign) {
    throw new AppError('invalid', '「专项名称」来源为专项督导的问题必须填写专项名称（如 双减、校园安全）。', 'campaign');
  }
  let raisedAt = todayText();
  if (f.visitId) {
    const v = linked(a, 'visits', f.visitId, f.visitId === before?.visitId, '「督导记录」所选的督导记录不存在或已被删除，请刷新后重新选择。', 'visitId');
    if (v.school_id !== f.schoolId) throw new AppError('invalid', '「督导记录」所选的督导记录不是这所学校的，请核对学校或督导记录。', 'visitId');
    raisedAt = String(v.date);
  }
  if (f.complaintId) {
    const c = linked(a, 'complaints', f.complaintId, f.complaintId === before?.complaintId, '「来访来电」所选的来访来电记录不存在或已被删除，请刷新后重新选择。', 'complaintId');
    raisedAt = String(c.received_at).slice(0, 10);
  }
  return raisedAt;
}

const COLUMNS = ['source', 'visit_id', 'complaint_id', 'campaign', 'school_id', 'category', 'description', 'actor', 'deadline'];
const values = (f: ProblemFields) => [f.source, f.visitId, f.complaintId, f.campaign, f.schoolId, f.category, f.description, f.actor, f.deadline];

function addHistory(a: Store, problemId: number, from: string | null, to: string, note: string | null, at = nowText()): void {
  a.db.prepare(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?)`)
    .run(problemId, at, a.actor, from, to, note);
}

function short(text: string, n = 24): string {
  return [...text].length > n ? `${[...text].slice(0, n).join('')}…` : text;
}

/**
 * Raise a problem (status 待整改) with its first history line; returns its id. Other areas
 * (visit records, complaints) call this inside their own transaction.
 */
export function raiseProblem(a: Store, fields: ProblemFields, note?: string | null): number {
  return a.db.transaction(() => {
    const raisedAt = checkProblem(a, fields);
    const now = nowText();
    const res = a.db.prepare(`INSERT INTO problems (${COLUMNS.join(', ')}, status, raised_at, updated_at)
      VALUES (${COLUMNS.map(() => '?').join(', ')}, '待整改', ?, ?)`).run(...values(fields), raisedAt, now);
    const id = Number(res.lastInsertRowid);
    addHistory(a, id, null, '待整改', note ?? `提出问题（来源：${fields.source}）`, now);
    audit(a, '新增', 'problem', id, `提出问题「${short(fields.description)}」（${fields.category}）`);
    return id;
  })();
}

/** Edit a problem's fields; its status moves only by `changeStatus` and the notice workflow. */
export function updateProblem(a: Store, id: number, f: ProblemFields): void {
  a.db.transaction(() => {
    const before = getProblem(a, id);
    checkProblem(a, f, before);
    if (before.noticeId && before.schoolId !== f.schoolId) {
      throw new AppError('conflict', `「学校」这个问题已列入整改通知书${before.noticeNumber}，不能改到其他学校。`, 'schoolId');
    }
    a.db.prepare(`UPDATE problems SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...values(f), nowText(), id);
    const keys = Object.keys(f) as (keyof ProblemFields)[];
    const changed = Object.fromEntries(keys.filter((k) => before[k] !== f[k]).map((k) => [k, [before[k], f[k]]]));
    audit(a, '修改', 'problem', id, `修改问题「${short(f.description)}」`, changed);
  })();
}

/**
 * Move a problem along PROBLEM_TRANSITIONS, keeping the change in its history; 已销号 sets the
 * closing date (`on`, default today). Anything else is refused with the allowed next steps.
 */
export function changeStatus(a: Store, id: number, to: ProblemStatus, note: string | null, on = todayText()): void {
  a.db.transaction(() => {
    const p = getProblem(a, id);
    const allowed = PROBLEM_TRANSITIONS[p.status];
    if (!allowed.includes(to)) {
      const next = allowed.length ? `当前只能改为：${allowed.join('、')}。` : '已销号的问题不能再改变状态。';
      throw new AppError('invalid',
        `不能从「${p.status}」改为「${to}」：问题按 待整改→整改中→待回查→已销号 推进，回查未通过可退回整改中。${next}`, 'to');
    }
    const text = note ?? (p.status === '待回查' && to === '整改中' ? '退回' : null);
    a.db.prepare(`UPDATE problems SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?`)
      .run(to, to === '已销号' ? on : null, nowText(), id);
    addHistory(a, id, p.status, to, text);
    audit(a, '状态变更', 'problem', id, `问题「${short(p.description)}」：${p.status} → ${to}${text ? `（${text}）` : ''}`);
  })();
}

export function deleteProblem(a: Store, id: number): number {
  const p = getProblem(a, id);
  return moveToBin(a, 'problem', id, `${p.schoolName}：${short(p.description, 20)}`);
}

const LEDGER_COLUMNS: { header: string; width: number; value: (p: Problem, i: number) => string | number }[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '学校', width: 26, value: (p) => p.schoolName },
  { header: '责任区', width: 12, value: (p) => p.zoneName ?? '' },
  { header: '问题来源', width: 10, value: (p) => p.source },
  { header: '专项名称', width: 12, value: (p) => p.campaign ?? '' },
  { header: '问题类别', width: 22, value: (p) => p.category },
  { header: '问题描述', width: 50, value: (p) => p.description },
  { header: '整改责任方', width: 11, value: (p) => p.actor },
  { header: '提出日期', width: 12, value: (p) => p.raisedAt },
  { header: '整改通知书', width: 15, value: (p) => p.noticeNumber ?? '' },
  { header: '整改期限', width: 12, value: (p) => p.dueDate ?? '' },
  { header: '整改状态', width: 10, value: (p) => p.status },
  { header: '是否逾期', width: 9, value: (p) => (p.overdue ? '逾期' : '') },
  { header: '销号日期', width: 12, value: (p) => p.closedAt ?? '' },
];

/** The 问题整改台账 as an .xlsx: a title line, a Chinese header, one row per problem; overdue rows in red. */
export async function exportLedger(a: Store, query: Partial<ProblemQuery>): Promise<{ fileName: string; data: string }> {
  const rows = allProblems(a, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = getSettings(a).officeName;
  const ws = wb.addWorksheet('问题整改台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${getSettings(a).officeName}问题整改台账（导出于 ${todayText()}，共 ${rows.length} 条）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((p, i) => {
    const row = ws.addRow(LEDGER_COLUMNS.map((c) => c.value(p, i)));
    row.alignment = { vertical: 'top', wrapText: true };
    if (p.overdue) row.font = { color: { argb: 'FFC00000' } };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: LEDGER_COLUMNS.length } };
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `问题整改台账-${todayText().replace(/-/g, '')}.xlsx`, data: buf.toString('base64') };
}
