import type { z } from 'zod';
import type { Store } from './store';
import { addDays, nowText, todayText } from '../../shared/dates';
import { noticeNumberText } from '../../shared/labels';
import { audit } from './log';
import { escapeLike } from './search';
import { problemsByIds, problemsOfNotices } from './problems/queries';
import { openProblem } from './problems/read';
import { sql, sqlFragment, sqlJoin, type Query, type SqlFragment } from './sql';
import { rows, value, values } from './statements';
import { changeStatus } from './problems/workflow';
import { AppError } from '../../shared/result';
import type { Page } from '../../shared/schemas/common';
import type { Notice, Problem, Recheck, noticeIssue, noticeList, noticeReport, recheckSave } from '../../shared/schemas/problem';

export type NoticeQuery = z.output<typeof noticeList>;

// A notice counts while its school is live; `open_count` says whether rectification is still due.
const FROM = `FROM notices n JOIN schools sc ON sc.id = n.school_id AND sc.deleted_at IS NULL`;
const OPEN_COUNT = `(SELECT count(*) FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL AND p.status <> '已销号')`;
const COLUMNS = `n.id, n.year, n.number, n.school_id AS schoolId, sc.full_name AS schoolName,
  n.issued_date AS issuedDate, n.deadline_days AS deadlineDays, n.deadline_date AS deadlineDate, n.requirement,
  n.report_text AS reportText, n.report_date AS reportDate, ${OPEN_COUNT} AS openCount`;
const SELECT = `SELECT ${COLUMNS} ${FROM}`;

type Row = Omit<Notice, 'numberText' | 'reportFiles' | 'problems' | 'rechecks' | 'overdue'> & { openCount: number };

const IDS = 'SELECT value FROM json_each(?)';

/** Notices with their problems, files and re-checks, fetched in three batched queries (no N+1). */
function assemble(a: Store, rows: Row[]): Notice[] {
  if (rows.length === 0) return [];
  const problems = problemsOfNotices(a, rows.map((r) => r.id));
  const ids = JSON.stringify(rows.map((r) => r.id));
  const files = a.db.prepare(`SELECT notice_id AS noticeId, hash, file_name AS fileName FROM notice_files
    WHERE notice_id IN (${IDS}) ORDER BY notice_id, seq`).all(ids) as { noticeId: number; hash: string; fileName: string }[];
  const rechecks = a.db.prepare(`SELECT r.notice_id AS noticeId, r.id, r.date, r.supervisor_id AS supervisorId,
      s.name AS supervisorName, r.result, r.note
    FROM rechecks r JOIN supervisors s ON s.id = r.supervisor_id
    WHERE r.notice_id IN (${IDS}) ORDER BY r.date, r.id`).all(ids) as (Recheck & { noticeId: number })[];
  const on = todayText();
  return rows.map(({ openCount, ...r }) => ({
    ...r,
    numberText: noticeNumberText(r.year, r.number),
    reportFiles: files.filter((f) => f.noticeId === r.id).map(({ hash, fileName }) => ({ hash, fileName })),
    problems: problems.filter((p) => p.noticeId === r.id),
    rechecks: rechecks.filter((x) => x.noticeId === r.id).map(({ noticeId: _n, ...x }) => x),
    overdue: r.deadlineDate < on && openCount > 0,
  }));
}

export function getNotice(a: Store, id: number): Notice {
  const row = a.db.prepare(`${SELECT} WHERE n.id = ? AND n.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new AppError('not_found', `编号为 ${id} 的整改通知书不存在或已被删除，请刷新列表后重试。`, 'id');
  return assemble(a, [row])[0];
}

/**
 * The list's filters as one condition on `n` alone, so the count and a page's ids are read from
 * notices_live_order (migration 016) without a join: a live notice of a live school, of the year, of
 * the school, whose school's name or printed number (“2025〕第3号”) holds the text, and overdue (past
 * its deadline with a problem still open, found among the open problems on problems_open_due).
 */
function noticeWhere(query: Partial<NoticeQuery>): SqlFragment {
  const where = [sqlFragment`n.deleted_at IS NULL`, sqlFragment`n.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL)`];
  if (query.year) where.push(sqlFragment`n.year = ${query.year}`);
  if (query.schoolId) where.push(sqlFragment`n.school_id = ${query.schoolId}`);
  const q = query.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    where.push(sqlFragment`(n.school_id IN (SELECT id FROM schools WHERE full_name LIKE ${like} ESCAPE '\\' OR short_name LIKE ${like} ESCAPE '\\')
      OR ('〔' || n.year || '〕第' || n.number || '号') LIKE ${like} ESCAPE '\\')`);
  }
  if (query.overdueOnly) {
    where.push(sqlFragment`n.id IN (SELECT p.notice_id FROM problems p WHERE ${openProblem} AND p.deleted_at IS NULL) AND n.deadline_date < ${todayText()}`);
  }
  return sqlJoin(where, ' AND ');
}

/** How many notices the list's filters match (exported, as noticeIdsSql, for the test of its plan). */
export function noticeCountSql(query: Partial<NoticeQuery>): Query {
  return sql`SELECT count(*) FROM notices n WHERE ${noticeWhere(query)}`;
}

/**
 * The statement that picks one page's ids along notices_live_order, read forwards or (for a page nearer
 * the end) backwards from the end; its last two parameters are LIMIT and OFFSET, bound by the caller.
 * Exported for the test that checks its plan.
 */
export function noticeIdsSql(query: Partial<NoticeQuery>, backwards: boolean): Query {
  const dir = (query.dir === 'asc') !== backwards ? sqlFragment`ASC` : sqlFragment`DESC`;
  return sql`SELECT n.id FROM notices n WHERE ${noticeWhere(query)} ORDER BY n.year ${dir}, n.number ${dir} LIMIT ? OFFSET ?`;
}

/**
 * Notices newest first (by year and number), filtered by year, school, text and overdue. A deferred
 * join: the count and the page's ids come from the index, a page nearer the end is read backwards
 * from the end (so no OFFSET skips more than half), and only the page's notices are read whole.
 */
export function listNotices(a: Store, query: NoticeQuery): Page<Notice> {
  const { offset, limit } = query;
  return a.db.transaction(() => {
    const total = value<number>(a, noticeCountSql(query));
    if (offset >= total) return { rows: [], total };
    const after = total - offset - limit;
    const backwards = after < offset;
    const [text, params] = noticeIdsSql(query, backwards);
    const ids = values<number>(a, [text, [...params, backwards ? Math.min(limit, total - offset) : limit, backwards ? Math.max(0, after) : offset]]);
    if (backwards) ids.reverse();
    // CROSS JOIN keeps json_each outermost: the notices come back in the page's order.
    const page = rows<Row>(a, [`SELECT ${COLUMNS} FROM json_each(?) j CROSS JOIN notices n ON n.id = j.value
      JOIN schools sc ON sc.id = n.school_id ORDER BY j.key`, [JSON.stringify(ids)]]);
    return { rows: assemble(a, page), total };
  })();
}

function brief(p: Problem): string {
  const d = [...p.description];
  return d.length > 16 ? `${d.slice(0, 16).join('')}…` : p.description;
}

function checkHashes(a: Store, hashes: string[], field: string, label: string): void {
  const has = a.db.prepare('SELECT 1 FROM attachments WHERE hash = ?');
  for (const h of hashes) {
    if (!has.get(h)) throw new AppError('invalid', `「${label}」有文件不在档案中，请重新上传。`, field);
  }
}

/**
 * Issue a 整改通知书 for open problems of one school: the next number of the issue year, the
 * deadline date, and 待整改 problems move to 整改中. All in one transaction, so two notices can
 * never get the same number and a refused problem leaves nothing half done.
 */
export function issueNotice(a: Store, input: z.output<typeof noticeIssue>): number {
  return a.db.transaction(() => {
    const school = a.db.prepare('SELECT full_name AS name FROM schools WHERE id = ? AND deleted_at IS NULL').get(input.schoolId) as
      { name: string } | undefined;
    if (!school) throw new AppError('invalid', '「学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
    const ids = [...new Set(input.problemIds)];
    const problems = problemsByIds(a, ids);
    if (problems.length !== ids.length) {
      throw new AppError('not_found', `「问题」所选问题中有 ${ids.length - problems.length} 个不存在或已被删除，请刷新后重新选择。`, 'problemIds');
    }
    for (const p of problems) {
      if (p.unitId) {
        throw new AppError('invalid', `「问题」问题「${brief(p)}」是督政问题（责任单位：${p.ownerName}），不开具整改通知书：请在「督政问题」中导出督导建议书或协商函。`, 'problemIds');
      }
      if (p.schoolId !== input.schoolId) {
        throw new AppError('invalid', `「问题」一份整改通知书只针对一所学校：问题「${brief(p)}」属于「${p.schoolName}」，不是「${school.name}」。请按学校分别开具。`, 'problemIds');
      }
      if (p.noticeNumber) {
        throw new AppError('conflict', `「问题」问题「${brief(p)}」已列入整改通知书${p.noticeNumber}，不能重复开具。`, 'problemIds');
      }
      if (p.status === '已销号') {
        throw new AppError('invalid', `「问题」问题「${brief(p)}」已销号，无需开具整改通知书。`, 'problemIds');
      }
    }
    const year = Number(input.issuedDate.slice(0, 4));
    // Numbers are never reused, so the maximum counts deleted notices too (the UNIQUE index does).
    const number = (a.db.prepare('SELECT coalesce(max(number), 0) + 1 AS n FROM notices WHERE year = ?').get(year) as { n: number }).n;
    const numberText = noticeNumberText(year, number);
    const res = a.db.prepare(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, requirement, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(year, number, input.schoolId, input.issuedDate, input.deadlineDays,
      addDays(input.issuedDate, input.deadlineDays), input.requirement, nowText());
    const id = Number(res.lastInsertRowid);
    const link = a.db.prepare('UPDATE problems SET notice_id = ?, updated_at = ? WHERE id = ?');
    for (const p of problems) {
      link.run(id, nowText(), p.id);
      if (p.status === '待整改') changeStatus(a, p.id, '整改中', `下发整改通知书${numberText}`);
    }
    audit(a, '新增', 'notice', id, `向「${school.name}」下发整改通知书${numberText}（${problems.length}个问题，限${input.deadlineDays}天）`);
    return id;
  })();
}

function requireNotice(a: Store, id: number, field = 'id'): Notice {
  try {
    return getNotice(a, id);
  } catch (e) {
    if (e instanceof AppError) throw new AppError('not_found', e.message, field);
    throw e;
  }
}

/**
 * Record (or correct) the school's 整改报告: text, date and files; problems 整改中 move to 待回查.
 * A school sends a new report after a failed re-check; the latest one is kept (the history and the
 * audit log keep the trail).
 */
export function reportNotice(a: Store, input: z.output<typeof noticeReport>): void {
  a.db.transaction(() => {
    const n = requireNotice(a, input.id);
    if (n.problems.every((p) => p.status === '已销号')) {
      throw new AppError('conflict', `整改通知书${n.numberText}的问题已全部销号，无需再登记整改报告。`);
    }
    if (input.reportDate < n.issuedDate) {
      throw new AppError('invalid', `「报告日期」不能早于通知书的下发日期 ${n.issuedDate}。`, 'reportDate');
    }
    checkHashes(a, input.files.map((f) => f.hash), 'files', '附件');
    a.db.prepare('UPDATE notices SET report_text = ?, report_date = ? WHERE id = ?').run(input.reportText, input.reportDate, n.id);
    a.db.prepare('DELETE FROM notice_files WHERE notice_id = ?').run(n.id);
    const addFile = a.db.prepare('INSERT INTO notice_files (notice_id, hash, file_name, seq) VALUES (?, ?, ?, ?)');
    input.files.forEach((f, i) => addFile.run(n.id, f.hash, f.fileName, i + 1));
    for (const p of n.problems) {
      if (p.status === '整改中') changeStatus(a, p.id, '待回查', `学校提交整改报告（${input.reportDate}）`);
    }
    audit(a, '整改报告', 'notice', n.id, `登记「${n.schoolName}」对整改通知书${n.numberText}的整改报告（${input.reportDate}）`,
      n.reportText ? { previous: { date: n.reportDate, text: n.reportText } } : undefined);
  })();
}

/** A 回查: 通过 closes every problem awaiting re-check (销号); 未通过 returns them to 整改中 (退回). */
export function recheckNotice(a: Store, input: z.output<typeof recheckSave>): void {
  a.db.transaction(() => {
    const n = requireNotice(a, input.noticeId, 'noticeId');
    const s = a.db.prepare('SELECT name FROM supervisors WHERE id = ? AND deleted_at IS NULL').get(input.supervisorId) as { name: string } | undefined;
    if (!s) throw new AppError('invalid', '「回查督学」所选的督学不存在或已被删除，请刷新后重新选择。', 'supervisorId');
    const waiting = n.problems.filter((p) => p.status === '待回查');
    if (waiting.length === 0) {
      throw new AppError('conflict', `整改通知书${n.numberText}没有待回查的问题：请先登记学校的整改报告，再登记回查。`);
    }
    if (n.reportDate && input.date < n.reportDate) {
      throw new AppError('invalid', `「回查日期」不能早于整改报告日期 ${n.reportDate}。`, 'date');
    }
    a.db.prepare(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(n.id, input.date, input.supervisorId, input.result, input.note, nowText());
    const passed = input.result === '通过';
    for (const p of waiting) {
      if (passed) changeStatus(a, p.id, '已销号', `回查通过（${s.name}，${input.date}）${input.note ? `：${input.note}` : ''}`, input.date);
      else changeStatus(a, p.id, '整改中', `退回：回查未通过（${s.name}，${input.date}）${input.note ? `：${input.note}` : ''}`);
    }
    audit(a, '回查', 'notice', n.id, `回查整改通知书${n.numberText}（${s.name}，${input.date}）：${input.result}`);
  })();
}
