/**
 * 督学考核 (issue 15): the office's 考核办法 (one, editable), and each year's 考核 computed from the archive
 * under a copy of it, with manual adjustments (each with its reason), grades and ranks. A finished 考核
 * no longer changes (reopen it to change it); its results show in the supervisors' history.
 */
import type { Store } from './store';
import { nowText, todayText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import {
  DEFAULT_SCHEME, assessmentScheme, type Assessment, type AssessmentScheme, type AssessmentSummary,
  type Grade, type ItemMeasure,
} from '../../shared/schemas/assessment';
import { ASSESSMENT_GRADES } from '../../shared/vocab';
import { adjustmentKey, round1, scoreRange, scoreRows, type Adjustment, type Person } from '../../shared/assessment-score';
import { measureAll, type Period } from './assessment-measures';
import { audit } from './log';
import { moveToBin } from './recycle';
import { getSettings } from './settings';

// ---- The 考核办法 ----

/** The office's 考核办法: as saved, or the app's default until it is. */
export function getScheme(a: Store): AssessmentScheme {
  const raw = a.db.prepare('SELECT body FROM assessment_scheme WHERE id = 1').pluck().get() as string | undefined;
  if (!raw) return structuredClone(DEFAULT_SCHEME);
  const parsed = assessmentScheme.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SCHEME);
}

/** The 考核对象 must be categories of the office's list (设置 → 督学类别). */
function checkScheme(a: Store, s: AssessmentScheme): void {
  const allowed = getSettings(a).supervisorCategories;
  const unknown = s.categories.filter((c) => !allowed.includes(c));
  if (unknown.length) {
    throw new AppError('invalid', `「考核对象」${unknown.map((c) => `“${c}”`).join('、')}不在本室的督学类别中，请重新选择。`, 'categories');
  }
}

export function saveScheme(a: Store, s: AssessmentScheme): AssessmentScheme {
  return a.db.transaction(() => {
    checkScheme(a, s);
    const full = s.items.reduce((n, i) => n + i.points, 0);
    a.db.prepare(`INSERT INTO assessment_scheme (id, body, updated_at) VALUES (1, ?, ?)
      ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`).run(JSON.stringify(s), nowText());
    audit(a, '修改', 'assessmentScheme', null, `修改考核办法「${s.title}」：${s.items.length}个考核项目，满分${round1(full)}分`);
    return getScheme(a);
  })();
}

// ---- A year's 考核 ----

interface Row {
  id: number; year: number; scheme: string; status: Assessment['status']; until: string; computedAt: string; finishedAt: string | null;
}
const COLUMNS = 'id, year, scheme, status, until, computed_at AS computedAt, finished_at AS finishedAt';

function row(a: Store, id: number): Row {
  const r = a.db.prepare(`SELECT ${COLUMNS} FROM assessments WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', `编号为 ${id} 的考核不存在或已被删除，请刷新后重试。`, 'id');
  return r;
}

function gradeCounts(grades: Grade[]): Record<Grade, number> {
  return Object.fromEntries(ASSESSMENT_GRADES.map((g) => [g, grades.filter((x) => x === g).length])) as Record<Grade, number>;
}

/** The live supervisors with results in this 考核, in pinyin order. */
function people(a: Store, id: number): (Person & { measures: string })[] {
  return a.db.prepare(`SELECT s.id AS supervisorId, s.name, s.category, s.unit, r.measures FROM assessment_results r
    JOIN supervisors s ON s.id = r.supervisor_id AND s.deleted_at IS NULL
    WHERE r.assessment_id = ? ORDER BY s.name_pinyin, s.id`).all(id) as (Person & { measures: string })[];
}

function adjustments(a: Store, id: number): Map<string, Adjustment> {
  const rows = a.db.prepare('SELECT supervisor_id AS s, item_key AS k, points, comment FROM assessment_adjustments WHERE assessment_id = ?')
    .all(id) as { s: number; k: string; points: number; comment: string }[];
  return new Map(rows.map((r) => [adjustmentKey(r.s, r.k), { points: r.points, comment: r.comment }]));
}

/** The 考核 with every supervisor's scores, as the scheme it was computed under gives them. */
export function getAssessment(a: Store, id: number): Assessment {
  const r = row(a, id);
  const scheme = assessmentScheme.parse(JSON.parse(r.scheme));
  const list = people(a, id);
  const measures = new Map(list.map((p) => [p.supervisorId, JSON.parse(p.measures) as Record<string, ItemMeasure>]));
  const rows = scoreRows(scheme, list.map(({ measures: _m, ...p }) => p), measures, adjustments(a, id));
  return {
    id: r.id, year: r.year, status: r.status, until: r.until, computedAt: r.computedAt, finishedAt: r.finishedAt,
    supervisorCount: rows.length, gradeCounts: gradeCounts(rows.map((x) => x.grade)), scheme, rows,
  };
}

/** Every 考核, newest year first. */
export function listAssessments(a: Store): AssessmentSummary[] {
  const rows = a.db.prepare(`SELECT ${COLUMNS} FROM assessments WHERE deleted_at IS NULL ORDER BY year DESC`).all() as Row[];
  return rows.map((r) => {
    const grades = a.db.prepare(`SELECT r.grade FROM assessment_results r JOIN supervisors s ON s.id = r.supervisor_id AND s.deleted_at IS NULL
      WHERE r.assessment_id = ?`).pluck().all(r.id) as Grade[];
    return {
      id: r.id, year: r.year, status: r.status, until: r.until, computedAt: r.computedAt, finishedAt: r.finishedAt,
      supervisorCount: grades.length, gradeCounts: gradeCounts(grades),
    };
  });
}

/** Keep each result's total, grade and rank as the scores give them now (for the history and lists). */
function storeScores(a: Store, id: number): Assessment {
  const x = getAssessment(a, id);
  const set = a.db.prepare('UPDATE assessment_results SET total = ?, grade = ?, rank = ? WHERE assessment_id = ? AND supervisor_id = ?');
  for (const r of x.rows) set.run(r.total, r.grade, r.rank, id, r.supervisorId);
  return x;
}

function mustBeDraft(r: Row, what: string): void {
  if (r.status === '已完成') {
    throw new AppError('conflict', `${r.year}年度考核已完成，不能再${what}。如确需修改，请先点击「重新打开」。`, 'id');
  }
}

/**
 * Compute the year's 考核 from the archive under the current 考核办法: a new draft, or the draft again
 * (keeping its adjustments). Supervisors assessed: live, 在聘, of the scheme's categories.
 */
export function computeAssessment(a: Store, year: number, today = todayText()): Assessment {
  return a.db.transaction(() => {
    const first = `${year}-01-01`;
    if (first > today) throw new AppError('invalid', `「考核年度」${year}年还没有开始，不能考核；请选择今年或以前的年度。`, 'year');
    const until = `${year}-12-31` < today ? `${year}-12-31` : today;
    const scheme = getScheme(a);
    const existing = a.db.prepare(`SELECT ${COLUMNS} FROM assessments WHERE year = ? AND deleted_at IS NULL`).get(year) as Row | undefined;
    if (existing) mustBeDraft(existing, '重新计算');
    const cats = scheme.categories;
    const ids = a.db.prepare(`SELECT id FROM supervisors WHERE deleted_at IS NULL AND status = '在聘'
      AND (? = 0 OR category IN (SELECT value FROM json_each(?))) ORDER BY name_pinyin, id`).pluck().all(cats.length, JSON.stringify(cats)) as number[];
    if (ids.length === 0) {
      throw new AppError('invalid', `没有需要考核的督学：考核对象为${cats.length ? cats.join('、') : '全部类别'}的在聘督学，档案中一个也没有。请检查「考核办法」的考核对象或督学的聘任状态。`, 'year');
    }
    const now = nowText();
    let id: number;
    if (existing) {
      id = existing.id;
      a.db.prepare('UPDATE assessments SET scheme = ?, until = ?, computed_at = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(scheme), until, now, now, id);
      a.db.prepare('DELETE FROM assessment_results WHERE assessment_id = ?').run(id);
    } else {
      id = Number(a.db.prepare(`INSERT INTO assessments (year, scheme, status, until, computed_at, created_at, updated_at)
        VALUES (?, ?, '草稿', ?, ?, ?, ?)`).run(year, JSON.stringify(scheme), until, now, now, now).lastInsertRowid);
    }
    const period: Period = { year, from: first, until };
    const measures = measureAll(a, scheme.items, period, ids);
    const put = a.db.prepare(`INSERT INTO assessment_results (assessment_id, supervisor_id, measures, total, grade, rank) VALUES (?, ?, ?, 0, '不合格', 0)`);
    for (const sid of ids) put.run(id, sid, JSON.stringify(measures.get(sid)));
    const x = storeScores(a, id);
    audit(a, existing ? '重新计算' : '新增', 'assessment', id,
      `${existing ? '重新计算' : '计算'}${year}年度督学考核：${ids.length}名督学，数据截至${until}`);
    return x;
  })();
}

/** Set (or, with points null, remove) a manual adjustment of one item for one supervisor, with its reason. */
export function adjustAssessment(a: Store, input: { id: number; supervisorId: number; itemKey: string; points: number | null; comment: string | null }): Assessment {
  return a.db.transaction(() => {
    const r = row(a, input.id);
    mustBeDraft(r, '调整分数');
    const x = getAssessment(a, input.id);
    const item = x.scheme.items.find((i) => i.key === input.itemKey);
    if (!item) throw new AppError('invalid', '「考核项目」这个项目不在本次考核的考核办法中，请刷新后重试。', 'itemKey');
    const person = x.rows.find((p) => p.supervisorId === input.supervisorId);
    if (!person) throw new AppError('invalid', '「督学」这名督学不在本次考核名单中，请刷新后重试。', 'supervisorId');
    const score = person.items.find((i) => i.key === item.key)!;
    if (input.points === null) {
      a.db.prepare('DELETE FROM assessment_adjustments WHERE assessment_id = ? AND supervisor_id = ? AND item_key = ?')
        .run(input.id, input.supervisorId, item.key);
      audit(a, '调整', 'assessment', input.id, `${r.year}年度考核：取消${person.name}「${item.label}」的分数调整`);
    } else {
      const { low, high } = scoreRange(item);
      const after = round1(score.computed + input.points);
      if (after < low || after > high) {
        throw new AppError('invalid', `「调整分值」${item.label}计算得分${score.computed}分，调整${input.points > 0 ? '+' : ''}${input.points}分后为${after}分，`
          + `超出了该项的分值范围（${low}至${high}分）。请改为${round1(low - score.computed)}至${round1(high - score.computed)}之间的分值。`, 'points');
      }
      a.db.prepare(`INSERT INTO assessment_adjustments (assessment_id, supervisor_id, item_key, points, comment, at, actor)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(assessment_id, supervisor_id, item_key)
        DO UPDATE SET points = excluded.points, comment = excluded.comment, at = excluded.at, actor = excluded.actor`)
        .run(input.id, input.supervisorId, item.key, input.points, input.comment, nowText(), a.actor);
      audit(a, '调整', 'assessment', input.id,
        `${r.year}年度考核：${person.name}「${item.label}」${input.points > 0 ? '加' : '减'}${Math.abs(input.points)}分（${input.comment}）`);
    }
    a.db.prepare('UPDATE assessments SET updated_at = ? WHERE id = ?').run(nowText(), input.id);
    return storeScores(a, input.id);
  })();
}

/** Finish: the results are final and go into each supervisor's history. */
export function finishAssessment(a: Store, id: number): Assessment {
  return a.db.transaction(() => {
    const r = row(a, id);
    mustBeDraft(r, '再次完成');
    const now = nowText();
    a.db.prepare(`UPDATE assessments SET status = '已完成', finished_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
    const x = storeScores(a, id);
    const counts = ASSESSMENT_GRADES.map((g) => `${g}${x.gradeCounts[g]}人`).join('，');
    audit(a, '完成', 'assessment', id, `完成${r.year}年度督学考核：${x.rows.length}名督学，${counts}`);
    return x;
  })();
}

/** Back to a draft (to recompute or adjust); the results leave the history until finished again. */
export function reopenAssessment(a: Store, id: number): Assessment {
  return a.db.transaction(() => {
    const r = row(a, id);
    if (r.status !== '已完成') throw new AppError('conflict', `${r.year}年度考核还是草稿，不需要重新打开。`, 'id');
    a.db.prepare(`UPDATE assessments SET status = '草稿', finished_at = NULL, updated_at = ? WHERE id = ?`).run(nowText(), id);
    audit(a, '重新打开', 'assessment', id, `重新打开${r.year}年度督学考核（结果暂不计入督学履历）`);
    return getAssessment(a, id);
  })();
}

/** A draft to the 回收站; a finished 考核 is reopened first (its results are in the supervisors' history). */
export function deleteAssessment(a: Store, id: number): number {
  const r = row(a, id);
  mustBeDraft(r, '删除');
  return moveToBin(a, 'assessment', id, `${r.year}年度督学考核`);
}
