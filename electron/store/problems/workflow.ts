/**
 * Changing problems: raising one (from the 台账, a visit or a complaint), editing its fields, moving
 * it along 待整改 → 整改中 → 待回查 → 已销号 with a history line each time, and the 回收站.
 */
import type { Store } from '../store';
import { addMonths, nowText, todayText } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import type { Problem, ProblemFields } from '../../../shared/schemas/problem';
import { OTHER_ITEM, PROBLEM_TRANSITIONS, REBOUND, type ProblemStatus } from '../../../shared/vocab';
import { audit } from '../log';
import { moveToBin } from '../recycle';
import { getSettings } from '../settings';
import { getProblem } from './queries';

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
 * A linked record (visit, complaint, campaign): it must exist and be live, except that an edit may keep a
 * link it already had after that record was deleted (`kept`). Returns the row.
 */
function linked(a: Store, table: 'visits' | 'complaints' | 'campaigns', id: number, kept: boolean, message: string, field: string): Record<string, unknown> {
  const row = a.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row || (row.deleted_at && !kept)) throw new AppError('invalid', message, field);
  return row;
}

/** The owner: a live school, or (督政) a live unit, exactly one; a unit's problem is not the school's to fix. */
function checkOwner(a: Store, f: ProblemFields): void {
  if ((f.schoolId === null) === (f.unitId === null)) {
    throw new AppError('invalid', f.schoolId
      ? '「学校」一个问题只能由一所学校或一个责任单位整改：督政问题请只选责任单位，学校问题请只选学校。'
      : '「学校」请选择问题所在的学校；督政问题（由教育局科室、乡镇或县直部门整改）请选择责任单位。', 'schoolId');
  }
  if (f.schoolId && !a.db.prepare('SELECT 1 FROM schools WHERE id = ? AND deleted_at IS NULL').get(f.schoolId)) {
    throw new AppError('invalid', '「学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
  }
  if (f.unitId) {
    if (!a.db.prepare('SELECT 1 FROM units WHERE id = ? AND deleted_at IS NULL').get(f.unitId)) {
      throw new AppError('invalid', '「责任单位」所选的单位不存在或已被删除，请刷新后重新选择。', 'unitId');
    }
    if (f.actor === '学校') {
      throw new AppError('invalid', '「整改责任方」督政问题由责任单位整改，应为教育局科室或区县政府，不能是学校。', 'actor');
    }
  }
}

/**
 * Check a problem's references and vocabularies; returns its 提出日期: the visit's date, the
 * complaint's date, or today. `before` is the problem as stored, when editing.
 */
function checkProblem(a: Store, f: ProblemFields, before?: Problem): string {
  checkOwner(a, f);
  checkItem(allowedItems(a), f.category, 'category', '问题类别');
  if (f.source === '专项督导' && !f.campaignId) {
    throw new AppError('invalid', '「专项督导」来源为专项督导的问题必须选择所属的专项督导；如还没有，请先在「专项督导」中新建。', 'campaignId');
  }
  if (f.campaignId) {
    linked(a, 'campaigns', f.campaignId, f.campaignId === before?.campaignId, '「专项督导」所选的专项督导不存在或已被删除，请刷新后重新选择。', 'campaignId');
  }
  let raisedAt = todayText();
  if (f.visitId) {
    const v = linked(a, 'visits', f.visitId, f.visitId === before?.visitId, '「督导记录」所选的督导记录不存在或已被删除，请刷新后重新选择。', 'visitId');
    if (f.schoolId && v.school_id !== f.schoolId) throw new AppError('invalid', '「督导记录」所选的督导记录不是这所学校的，请核对学校或督导记录。', 'visitId');
    if (f.campaignId && v.campaign_id && v.campaign_id !== f.campaignId) {
      throw new AppError('invalid', '「专项督导」问题的专项督导与所属督导记录的不同，请核对。', 'campaignId');
    }
    raisedAt = String(v.date);
  }
  if (f.complaintId) {
    const c = linked(a, 'complaints', f.complaintId, f.complaintId === before?.complaintId, '「来访来电」所选的来访来电记录不存在或已被删除，请刷新后重新选择。', 'complaintId');
    raisedAt = String(c.received_at).slice(0, 10);
  }
  return raisedAt;
}

// The campaign's name is kept beside its id: the search index reads it (migration 002's problems_fts).
const COLUMNS = ['source', 'visit_id', 'complaint_id', 'campaign_id', 'campaign', 'school_id', 'unit_id', 'category', 'description', 'actor', 'deadline'];
const values = (a: Store, f: ProblemFields) => [f.source, f.visitId, f.complaintId, f.campaignId,
  f.campaignId ? a.db.prepare('SELECT name FROM campaigns WHERE id = ?').pluck().get(f.campaignId) as string : null,
  f.schoolId, f.unitId, f.category, f.description, f.actor, f.deadline];

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
      VALUES (${COLUMNS.map(() => '?').join(', ')}, '待整改', ?, ?)`).run(...values(a, fields), raisedAt, now);
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
      .run(...values(a, f), nowText(), id);
    const keys = Object.keys(f) as (keyof ProblemFields)[];
    const changed = Object.fromEntries(keys.filter((k) => before[k] !== f[k]).map((k) => [k, [before[k], f[k]]]));
    audit(a, '修改', 'problem', id, `修改问题「${short(f.description)}」`, changed);
  })();
}

/** Write a status move with its history and audit lines; 已销号 sets the closing date, any other clears it. */
function move(a: Store, p: Problem, to: ProblemStatus, note: string | null, on: string, reworkDue?: string | null): void {
  if (reworkDue === undefined) {
    a.db.prepare(`UPDATE problems SET status = ?, closed_at = ?, updated_at = ? WHERE id = ?`)
      .run(to, to === '已销号' ? on : null, nowText(), p.id);
  } else {
    a.db.prepare(`UPDATE problems SET status = ?, closed_at = NULL, rework_due = ?, updated_at = ? WHERE id = ?`)
      .run(to, reworkDue, nowText(), p.id);
  }
  addHistory(a, p.id, p.status, to, note);
  audit(a, '状态变更', 'problem', p.id, `问题「${short(p.description)}」：${p.status} → ${to}${note ? `（${note}）` : ''}`);
}

/**
 * A problem of a campaign that asks for 回头看 gets one when it is 销号: due that many months after the
 * closing date, unless one is already pending.
 */
function scheduleFollowup(a: Store, p: Problem, closedOn: string): void {
  const months = p.campaignId
    ? a.db.prepare('SELECT followup_months FROM campaigns WHERE id = ? AND deleted_at IS NULL').pluck().get(p.campaignId) as number | null | undefined
    : null;
  if (!months) return;
  const pending = a.db.prepare('SELECT 1 FROM followups WHERE problem_id = ? AND deleted_at IS NULL AND done_date IS NULL').get(p.id);
  if (pending) return;
  const at = nowText();
  const id = Number(a.db.prepare(`INSERT INTO followups (problem_id, campaign_id, due_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
    .run(p.id, p.campaignId, addMonths(closedOn, months), at, at).lastInsertRowid);
  audit(a, '新增', 'followup', id, `问题「${short(p.description)}」销号，按专项督导安排${months}个月后回头看`);
}

/**
 * Move a problem along PROBLEM_TRANSITIONS, keeping the change in its history; 已销号 sets the
 * closing date (`on`, default today) and schedules the campaign's 回头看. 反弹 (REBOUND) is a 回头看's
 * to make (reopenProblem); anything else is refused with the allowed next steps.
 */
export function changeStatus(a: Store, id: number, to: ProblemStatus, note: string | null, on = todayText()): void {
  a.db.transaction(() => {
    const p = getProblem(a, id);
    if (p.status === REBOUND.from && to === REBOUND.to) {
      throw new AppError('invalid', '已销号的问题只能在「回头看」中发现反弹时重新整改：请安排回头看，并登记结果为「反弹」。', 'to');
    }
    const allowed = PROBLEM_TRANSITIONS[p.status];
    if (!allowed.includes(to)) {
      throw new AppError('invalid',
        `不能从「${p.status}」改为「${to}」：问题按 待整改→整改中→待回查→已销号 推进，回查未通过可退回整改中。当前只能改为：${allowed.join('、')}。`, 'to');
    }
    move(a, p, to, note ?? (p.status === '待回查' && to === '整改中' ? '退回' : null), on);
    if (to === '已销号') scheduleFollowup(a, p, on);
  })();
}

/**
 * 反弹: a 回头看 found a 销号 problem back. It is reopened (整改中) with a new deadline, which counts
 * before its notice's (due, migration 015); the rest of its rectification runs as before.
 */
export function reopenProblem(a: Store, id: number, note: string, reworkDue: string): void {
  a.db.transaction(() => {
    const p = getProblem(a, id);
    if (p.status !== REBOUND.from) {
      throw new AppError('conflict', `问题「${short(p.description)}」尚未销号（当前：${p.status}），回头看只在销号之后进行。`);
    }
    move(a, p, REBOUND.to, note, todayText(), reworkDue);
  })();
}

export function deleteProblem(a: Store, id: number): number {
  const p = getProblem(a, id);
  return moveToBin(a, 'problem', id, `${p.ownerName}：${short(p.description, 20)}`);
}
