/**
 * Changing problems: raising one (from the 台账, a visit or a complaint), editing its fields, moving
 * it along 待整改 → 整改中 → 待回查 → 已销号 with a history line each time, and the 回收站.
 */
import type { Store } from '../store';
import { nowText, todayText } from '../../../shared/dates';
import { AppError } from '../../../shared/result';
import type { Problem, ProblemFields } from '../../../shared/schemas/problem';
import { OTHER_ITEM, PROBLEM_TRANSITIONS, type ProblemStatus } from '../../../shared/vocab';
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
 * A linked record (visit, complaint): it must exist and be live, except that an edit may keep a link
 * it already had after that record was deleted (`kept`). Returns the row.
 */
function linked(a: Store, table: 'visits' | 'complaints', id: number, kept: boolean, message: string, field: string): Record<string, unknown> {
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
