import type { z } from 'zod';
import type { Store } from './store';
import { row as queryRow, rows as queryRows, value, values as queryValues } from './statements';
import { sql, sqlFragment, sqlJoin, type Query, type SqlFragment } from './sql';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { problemsOfComplaint } from './problems/queries';
import { moveToBin } from './recycle';
import { matchText } from './search';
import { AppError } from '../../shared/result';
import type { Page } from '../../shared/schemas/common';
import type { Complaint, ComplaintFields, complaintList } from '../../shared/schemas/complaint';
import type { Problem } from '../../shared/schemas/problem';
import { getSettings } from './settings';

export type ComplaintQuery = z.output<typeof complaintList>;

// The 应访督导 log. A complaint's school counts only while live (a deleted school reads as none);
// problemCount counts the live problems raised from it, as problemsOfComplaint lists them.
const COMPLAINT_COLUMNS = sqlFragment`
  SELECT c.id, c.received_at AS receivedAt, c.visitor, c.identity, c.phone, c.channel, s.id AS schoolId,
    s.full_name AS schoolName, c.topic, c.content, c.recorder, c.handler, c.result, c.status,
    (SELECT count(*) FROM problems p JOIN schools ps ON ps.id = p.school_id AND ps.deleted_at IS NULL
      WHERE p.complaint_id = c.id AND p.deleted_at IS NULL) AS problemCount`;
const LIVE_SCHOOL = sqlFragment`LEFT JOIN schools s ON s.id = c.school_id AND s.deleted_at IS NULL`;
const SELECT_COMPLAINT = sqlFragment`${COMPLAINT_COLUMNS} FROM complaints c ${LIVE_SCHOOL}`;

function short(text: string, n = 20): string {
  return [...text].length > n ? `${[...text].slice(0, n).join('')}…` : text;
}

/** The list's filters as one condition on `c`; school conditions test c.school_id against live schools, so no join. */
function complaintWhere(q: Partial<ComplaintQuery>): SqlFragment {
  const where: SqlFragment[] = [sqlFragment`c.deleted_at IS NULL`];
  const liveSchool = (condition: SqlFragment) =>
    sqlFragment`c.school_id IN (SELECT s.id FROM schools s WHERE s.deleted_at IS NULL AND ${condition})`;
  if (q.q?.trim()) {
    where.push(sqlFragment`(${matchText('complaints_fts', 'c.id', q.q)} OR ${liveSchool(matchText('schools_fts', 's.id', q.q))})`);
  }
  if (q.schoolId) where.push(liveSchool(sqlFragment`s.id = ${q.schoolId}`));
  if (q.zoneId) where.push(liveSchool(sqlFragment`s.zone_id = ${q.zoneId} AND s.zone_id IN (SELECT id FROM zones WHERE deleted_at IS NULL)`));
  if (q.topic) where.push(sqlFragment`c.topic = ${q.topic}`);
  if (q.status) where.push(sqlFragment`c.status = ${q.status}`);
  if (q.channel) where.push(sqlFragment`c.channel = ${q.channel}`);
  if (q.year) where.push(sqlFragment`c.received_at >= ${`${q.year}-01-01`} AND c.received_at < ${`${q.year + 1}-01-01`}`);
  if (q.month) where.push(sqlFragment`c.received_at >= ${`${q.month}-01`} AND c.received_at < ${`${q.month}-32`}`);
  return sqlJoin(where, ' AND ');
}

/**
 * The statement that picks one page's ids, newest first (or oldest), read forwards or (for a page
 * nearer the end) backwards from the end; its last two parameters are LIMIT and OFFSET, bound by the
 * caller. Unfiltered it reads complaints_received alone (received_at and the id are in the index), so
 * an OFFSET steps over index entries, not over rows and their schools. Exported for the test of its plan.
 */
export function complaintIdsSql(q: Partial<ComplaintQuery>, backwards: boolean): Query {
  const dir = (q.dir === 'asc') !== backwards ? sqlFragment`ASC` : sqlFragment`DESC`;
  return sql`SELECT c.id FROM complaints c WHERE ${complaintWhere(q)} ORDER BY c.received_at ${dir}, c.id ${dir} LIMIT ? OFFSET ?`;
}

/**
 * One page of live complaints, newest first by default; `q` is any substring of the log text or the
 * school's name. A deferred join, as the 整改通知书 list: the count and the page's ids first (20,000
 * complaints: a page 10,000 in took ~9 ms, p95 ~50 ms, stepping over rows and their schools; now ~0.3 ms),
 * then only the page read whole.
 */
export function listComplaints(a: Store, q: ComplaintQuery): Page<Complaint> {
  const { offset, limit } = q;
  return a.db.transaction(() => {
    const total = value<number>(a, sql`SELECT count(*) FROM complaints c WHERE ${complaintWhere(q)}`);
    if (offset >= total) return { rows: [], total };
    const after = total - offset - limit;
    const backwards = after < offset;
    const [text, params] = complaintIdsSql(q, backwards);
    const ids = queryValues<number>(a, [text, [...params, backwards ? Math.min(limit, total - offset) : limit, backwards ? Math.max(0, after) : offset]]);
    if (backwards) ids.reverse();
    // CROSS JOIN keeps json_each outermost: the complaints come back in the page's order.
    const rows = queryRows<Complaint>(a, sql`${COMPLAINT_COLUMNS} FROM json_each(${JSON.stringify(ids)}) j
      CROSS JOIN complaints c ON c.id = j.value ${LIVE_SCHOOL} ORDER BY j.key`);
    return { rows, total };
  })();
}

export function getComplaint(a: Store, id: number): Complaint {
  const row = queryRow<Complaint>(a, sql`${SELECT_COMPLAINT} WHERE c.id = ${id} AND c.deleted_at IS NULL`);
  if (!row) throw new AppError('not_found', '该来访来电记录不存在或已被删除，请刷新列表后重试。');
  return row;
}

/** The live problems raised from a complaint, oldest first. */
export function complaintProblems(a: Store, id: number): Problem[] {
  return problemsOfComplaint(a, id);
}

/**
 * What the schema cannot check: a topic of the office's list (设置; an old record keeps a topic taken
 * off the list since), a live school, and a result once the case is closed.
 */
function check(a: Store, f: ComplaintFields, before: string | null = null): void {
  const topics = getSettings(a).complaintTopics;
  if (!topics.includes(f.topic) && f.topic !== before) {
    throw new AppError('invalid', `「主题」“${f.topic}”不在本室的来访来电主题中，应为${topics.join('、')}之一；如需新主题，请先在「设置」中添加。`, 'topic');
  }
  if (f.schoolId !== null && !a.db.prepare('SELECT 1 FROM schools WHERE id = ? AND deleted_at IS NULL').get(f.schoolId)) {
    throw new AppError('invalid', '「反映学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
  }
  if (f.status === '已办结' && !f.result) {
    throw new AppError('invalid', '「处理结果」办结前请填写处理结果（如何答复、如何处理）。', 'result');
  }
}

const COLUMNS = ['received_at', 'visitor', 'identity', 'phone', 'channel', 'school_id', 'topic', 'content', 'recorder', 'handler', 'result', 'status'];
const values = (f: ComplaintFields) => [f.receivedAt, f.visitor, f.identity, f.phone, f.channel, f.schoolId, f.topic, f.content,
  f.recorder, f.handler, f.result, f.status];

export function insertComplaint(a: Store, f: ComplaintFields): number {
  return a.db.transaction(() => {
    check(a, f);
    const at = nowText();
    const res = a.db.prepare(`INSERT INTO complaints (${COLUMNS.join(', ')}, created_at, updated_at)
      VALUES (${COLUMNS.map(() => '?').join(', ')}, ?, ?)`).run(...values(f), at, at);
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'complaint', id, `登记${f.channel}「${short(f.content)}」（${f.topic}）`);
    return id;
  })();
}

export function updateComplaint(a: Store, id: number, f: ComplaintFields): void {
  a.db.transaction(() => {
    const before = getComplaint(a, id);
    check(a, f, before.topic);
    a.db.prepare(`UPDATE complaints SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
      .run(...values(f), nowText(), id);
    const keys = Object.keys(f) as (keyof ComplaintFields)[];
    const changed = Object.fromEntries(keys.filter((k) => before[k] !== f[k]).map((k) => [k, [before[k], f[k]]]));
    const status = before.status !== f.status ? `，状态：${before.status} → ${f.status}` : '';
    audit(a, '修改', 'complaint', id, `修改来访来电「${short(f.content)}」${status}`, changed);
  })();
}

/** To the 回收站; problems raised from it keep their own course. */
export function deleteComplaint(a: Store, id: number): number {
  const c = getComplaint(a, id);
  return moveToBin(a, 'complaint', id, `${c.receivedAt.slice(0, 10)} ${c.channel}：${short(c.content)}`);
}
