/**
 * 回头看: a follow-up check some months after a problem's 销号. Scheduled per problem (or for all of a
 * campaign's 销号 problems, or by the campaign itself when a problem closes: problems/workflow.ts);
 * recorded as 巩固 (the fix held) or 反弹, which reopens the problem with a new deadline.
 */
import type { z } from 'zod';
import type { Store } from './store';
import { nowText, todayText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { Followup, followupList, followupRecord } from '../../shared/schemas/oversight';
import { audit } from './log';
import { getProblem, problemsByIds } from './problems/queries';
import { reopenProblem } from './problems/workflow';
import { moveToBin } from './recycle';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from './sql';
import { rows } from './statements';

type Row = Omit<Followup, 'overdue'>;

// Follow-ups of live problems whose school or unit is live.
const SELECT = sqlFragment`SELECT f.id, f.problem_id AS problemId, p.description AS problem, coalesce(sc.full_name, u.name) AS ownerName,
    f.campaign_id AS campaignId, cp.name AS campaignName, p.closed_at AS closedAt, p.status AS problemStatus,
    f.due_date AS dueDate, f.done_date AS doneDate, f.supervisor_id AS supervisorId, s.name AS supervisorName, f.result, f.note,
    f.updated_at AS updatedAt
  FROM followups f JOIN problems p ON p.id = f.problem_id AND p.deleted_at IS NULL
    LEFT JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL LEFT JOIN units u ON u.id = p.unit_id AND u.deleted_at IS NULL
    LEFT JOIN campaigns cp ON cp.id = f.campaign_id LEFT JOIN supervisors s ON s.id = f.supervisor_id
  WHERE f.deleted_at IS NULL AND (sc.id IS NOT NULL OR u.id IS NOT NULL)`;

const toFollowup = (r: Row, today: string): Followup => ({ ...r, overdue: !r.doneDate && r.dueDate < today });

function where(a: Store, condition: SqlFragment): Followup[] {
  const today = todayText();
  return rows<Row>(a, sql`${SELECT} AND ${condition} ORDER BY f.done_date IS NOT NULL, coalesce(f.done_date, f.due_date), f.id`)
    .map((r) => toFollowup(r, today));
}

/** Pending ones first (by due date), then those done (by date). */
export function listFollowups(a: Store, q: z.output<typeof followupList>): Followup[] {
  const c: SqlFragment[] = [sqlFragment`1`];
  if (q.state === '待回头看') c.push(sqlFragment`f.done_date IS NULL`);
  if (q.state === '已回头看') c.push(sqlFragment`f.done_date IS NOT NULL`);
  if (q.campaignId) c.push(sqlFragment`f.campaign_id = ${q.campaignId}`);
  if (q.problemId) c.push(sqlFragment`f.problem_id = ${q.problemId}`);
  if (q.dueBy) c.push(sqlFragment`f.done_date IS NULL AND f.due_date <= ${q.dueBy}`);
  return where(a, sqlJoin(c, ' AND '));
}

export function getFollowup(a: Store, id: number): Followup {
  const found = where(a, sqlFragment`f.id = ${id}`)[0];
  if (!found) throw new AppError('not_found', `编号为 ${id} 的回头看不存在或已被删除，请刷新后重试。`, 'id');
  return found;
}

const short = (t: string, n = 20) => ([...t].length > n ? `${[...t].slice(0, n).join('')}…` : t);

/**
 * A 回头看 on `dueDate` for each problem: it must be 销号, and on or after its 销号 date; one already
 * pending is left as it is. Returns how many were scheduled. `campaignId` marks them as the campaign's.
 */
export function scheduleFollowups(a: Store, problemIds: number[], dueDate: string, campaignId: number | null = null): number {
  return a.db.transaction(() => {
    const ids = [...new Set(problemIds)];
    const problems = problemsByIds(a, ids);
    if (problems.length !== ids.length) {
      throw new AppError('not_found', `「问题」所选问题中有 ${ids.length - problems.length} 个不存在或已被删除，请刷新后重新选择。`, 'problemIds');
    }
    for (const p of problems) {
      if (p.status !== '已销号') {
        throw new AppError('invalid', `「问题」问题「${short(p.description)}」尚未销号（${p.status}）：回头看安排在销号之后。`, 'problemIds');
      }
      if (dueDate < p.closedAt!) {
        throw new AppError('invalid', `「回头看日期」不能早于问题「${short(p.description)}」的销号日期 ${p.closedAt}。`, 'dueDate');
      }
    }
    const pending = a.db.prepare('SELECT 1 FROM followups WHERE problem_id = ? AND done_date IS NULL AND deleted_at IS NULL');
    const insert = a.db.prepare('INSERT INTO followups (problem_id, campaign_id, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    const at = nowText();
    let n = 0;
    for (const p of problems) {
      if (pending.get(p.id)) continue;
      const id = Number(insert.run(p.id, campaignId ?? p.campaignId, dueDate, at, at).lastInsertRowid);
      audit(a, '新增', 'followup', id, `安排回头看（${dueDate}）：${p.ownerName}「${short(p.description)}」`);
      n += 1;
    }
    return n;
  })();
}

/** Every 销号 problem of a campaign gets a 回头看 on `dueDate` (those that have one pending keep it). */
export function scheduleCampaignFollowups(a: Store, campaignId: number, dueDate: string): number {
  const closed = rows<{ id: number }>(a, sql`SELECT p.id FROM problems p WHERE p.campaign_id = ${campaignId} AND p.deleted_at IS NULL
    AND p.status = '已销号' AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.problem_id = p.id AND f.done_date IS NULL AND f.deleted_at IS NULL)`);
  if (closed.length === 0) throw new AppError('conflict', '这项专项督导没有需要安排回头看的已销号问题（或都已安排）。');
  return scheduleFollowups(a, closed.map((r) => r.id), dueDate, campaignId);
}

/**
 * Record a pending 回头看. 巩固: the problem stays 销号. 反弹: it is reopened (整改中) with the new deadline,
 * in its history, in the same transaction.
 */
export function recordFollowup(a: Store, input: z.output<typeof followupRecord>): void {
  a.db.transaction(() => {
    const f = getFollowup(a, input.id);
    if (f.doneDate) throw new AppError('conflict', `这次回头看已于 ${f.doneDate} 登记（${f.result}），不能再改；如再次检查，请另行安排回头看。`);
    const s = a.db.prepare('SELECT name FROM supervisors WHERE id = ? AND deleted_at IS NULL').get(input.supervisorId) as { name: string } | undefined;
    if (!s) throw new AppError('invalid', '「回头看督学」所选的督学不存在或已被删除，请刷新后重新选择。', 'supervisorId');
    const p = getProblem(a, f.problemId);
    if (p.status !== '已销号') {
      throw new AppError('conflict', `问题「${short(p.description)}」已不是销号状态（${p.status}），请待其重新销号后再回头看。`);
    }
    if (input.doneDate < p.closedAt!) throw new AppError('invalid', `「回头看日期」不能早于问题的销号日期 ${p.closedAt}。`, 'doneDate');
    if (input.doneDate > todayText()) throw new AppError('invalid', '「回头看日期」不能晚于今天：请在回头看之后登记结果。', 'doneDate');
    if (input.result === '反弹') {
      if (!input.reworkDue) throw new AppError('invalid', '「重新整改期限」发现反弹时，请给出重新整改的期限。', 'reworkDue');
      if (input.reworkDue <= input.doneDate) throw new AppError('invalid', '「重新整改期限」应晚于回头看日期。', 'reworkDue');
    }
    a.db.prepare('UPDATE followups SET done_date = ?, supervisor_id = ?, result = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(input.doneDate, input.supervisorId, input.result, input.note, nowText(), f.id);
    if (input.result === '反弹') {
      const said = input.note ? `：${input.note.replace(/[。；;.，,]+$/, '')}` : '';
      reopenProblem(a, p.id, `回头看发现反弹（${s.name}，${input.doneDate}）${said}，限${input.reworkDue}前重新整改`, input.reworkDue!);
    }
    audit(a, '回头看', 'followup', f.id, `回头看（${s.name}，${input.doneDate}）：${p.ownerName}「${short(p.description)}」${input.result}`);
  })();
}

/** A pending 回头看 to the 回收站 (one recorded is part of the problem's history). */
export function deleteFollowup(a: Store, id: number): number {
  const f = getFollowup(a, id);
  if (f.doneDate) throw new AppError('conflict', '已登记结果的回头看是问题整改过程的一部分，不能删除。');
  return moveToBin(a, 'followup', id, `${f.dueDate} 回头看：${short(f.problem)}`);
}
