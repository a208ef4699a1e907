/**
 * A supervisor's history (issue 15): appointment changes (续聘, 解聘, 调整), each written with the
 * supervisor's new appointment fields and a copy of the old ones, and the results of finished 考核,
 * side by side by date; with each year's training attendance.
 */
import type { z } from 'zod';
import type { Store } from './store';
import { dateInWords, nowText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { appointmentRecord, Grade, HistoryEntry, SupervisorHistory } from '../../shared/schemas/assessment';
import { audit } from './log';
import { moveToBin } from './recycle';
import { checkCategory, getSupervisor } from './supervisors';

type AppointmentInput = z.output<typeof appointmentRecord>;

interface ChangeRow {
  id: number; date: string; kind: '续聘' | '解聘' | '调整'; termStart: string | null; termEnd: string | null;
  category: string | null; letterNo: string | null; note: string | null; before: string;
}

interface Before { status: string; category: string; termStart: string | null; termEnd: string | null; letterNo: string | null }

function changeEntry(r: ChangeRow): HistoryEntry {
  const before = JSON.parse(r.before) as Before;
  const parts: string[] = [];
  if (r.kind === '续聘') parts.push(`聘期 ${r.termStart ? dateInWords(r.termStart) : ''}至${r.termEnd ? dateInWords(r.termEnd) : ''}`);
  if (r.kind === '解聘') parts.push(`聘任状态 ${before.status} → 解聘`);
  if (r.category && r.category !== before.category) parts.push(`类别 ${before.category} → ${r.category}`);
  if (r.letterNo) parts.push(`聘书编号 ${r.letterNo}`);
  return {
    kind: r.kind, date: r.date, appointmentId: r.id,
    title: [r.kind, ...parts].join('：'),
    detail: r.note,
  };
}

const CHANGE_COLUMNS = `id, date, kind, term_start AS termStart, term_end AS termEnd, category, letter_no AS letterNo, note, before`;

/**
 * Record a change to a supervisor's appointment and apply it to the register in the same transaction:
 * 续聘 sets the new term (and 聘书编号) and 在聘; 解聘 sets 解聘; 调整 sets the new 类别.
 */
export function recordAppointment(a: Store, r: AppointmentInput): HistoryEntry {
  return a.db.transaction(() => {
    const s = getSupervisor(a, r.supervisorId);
    if (r.kind === '调整' && r.category) {
      checkCategory(a, r.category);
      if (r.category === s.category && !r.note) {
        throw new AppError('invalid', `「类别」督学「${s.name}」的类别已经是${s.category}，请选择新的类别或写明调整内容。`, 'category');
      }
    }
    if (r.kind === '解聘' && s.status === '解聘') {
      throw new AppError('conflict', `督学「${s.name}」已经是解聘状态，不需要再次解聘。`, 'kind');
    }
    const before: Before = { status: s.status, category: s.category, termStart: s.termStart, termEnd: s.termEnd, letterNo: s.letterNo };
    const now = nowText();
    if (r.kind === '续聘') {
      a.db.prepare(`UPDATE supervisors SET term_start = ?, term_end = ?, status = '在聘', letter_no = coalesce(?, letter_no), updated_at = ?
        WHERE id = ?`).run(r.termStart, r.termEnd, r.letterNo, now, s.id);
    } else if (r.kind === '解聘') {
      a.db.prepare(`UPDATE supervisors SET status = '解聘', updated_at = ? WHERE id = ?`).run(now, s.id);
    } else if (r.category) {
      a.db.prepare('UPDATE supervisors SET category = ?, updated_at = ? WHERE id = ?').run(r.category, now, s.id);
    }
    const id = Number(a.db.prepare(`INSERT INTO appointment_changes (supervisor_id, date, kind, term_start, term_end, category, letter_no,
      note, before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(s.id, r.date, r.kind, r.termStart, r.termEnd,
      r.kind === '调整' ? r.category : null, r.letterNo, r.note, JSON.stringify(before), now).lastInsertRowid);
    const entry = changeEntry(a.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM appointment_changes WHERE id = ?`).get(id) as ChangeRow);
    audit(a, r.kind, 'appointment', id, `督学「${s.name}」${entry.title}（${r.date}）`, { before });
    return entry;
  })();
}

/** To the 回收站. The register keeps the appointment as it is now: only the history line goes. */
export function deleteAppointment(a: Store, id: number): number {
  const r = a.db.prepare(`SELECT c.kind, c.date, s.name FROM appointment_changes c JOIN supervisors s ON s.id = c.supervisor_id
    WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as { kind: string; date: string; name: string } | undefined;
  if (!r) throw new AppError('not_found', `编号为 ${id} 的聘任变动记录不存在或已被删除，请刷新后重试。`, 'id');
  return moveToBin(a, 'appointment', id, `${r.name} ${r.date} ${r.kind}`);
}

/** The supervisor's appointment changes and finished 考核, newest first, and each year's attendance. */
export function supervisorHistory(a: Store, supervisorId: number): SupervisorHistory {
  getSupervisor(a, supervisorId);
  const changes = (a.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM appointment_changes WHERE supervisor_id = ? AND deleted_at IS NULL`)
    .all(supervisorId) as ChangeRow[]).map(changeEntry);
  const results = (a.db.prepare(`SELECT x.id, x.year, substr(x.finished_at, 1, 10) AS date, r.total, r.grade, r.rank,
      (SELECT count(*) FROM assessment_results o JOIN supervisors s ON s.id = o.supervisor_id AND s.deleted_at IS NULL
        WHERE o.assessment_id = x.id) AS "of"
    FROM assessment_results r JOIN assessments x ON x.id = r.assessment_id AND x.deleted_at IS NULL AND x.status = '已完成'
    WHERE r.supervisor_id = ?`).all(supervisorId) as { id: number; year: number; date: string; total: number; grade: Grade; rank: number; of: number }[])
    .map((r): HistoryEntry => ({
      kind: '考核', date: r.date, assessmentId: r.id, year: r.year, grade: r.grade, total: r.total, rank: r.rank, of: r.of,
      title: `${r.year}年度考核：${r.grade}`, detail: `总分${r.total}分，第${r.rank}名（共${r.of}人）`,
    }));
  const entries = [...changes, ...results].sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
  const years = a.db.prepare(`SELECT CAST(substr(t.date, 1, 4) AS INTEGER) AS year,
      count(*) FILTER (WHERE ta.status = '出席') AS present, count(ta.status) AS recorded,
      coalesce(sum(t.hours) FILTER (WHERE ta.status = '出席'), 0) AS hours
    FROM training_attendance ta JOIN trainings t ON t.id = ta.training_id AND t.deleted_at IS NULL
    WHERE ta.supervisor_id = ? GROUP BY 1 ORDER BY 1 DESC`).all(supervisorId) as SupervisorHistory['years'];
  return { entries, years };
}
