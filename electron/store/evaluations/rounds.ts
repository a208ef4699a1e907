/**
 * Evaluation rounds (综合督导评估, 达标监测, 办学质量考评 …): set up from a library set (its indicators
 * copied), with their schools, 达标线 and grades; each school's scores per indicator, with evidence and
 * the scorer's name; 满意度测评 counts; closing and the 回收站.
 */
import type { z } from 'zod';
import type { Store } from '../store';
import { nowText } from '../../../shared/dates';
import { fullScores, isLeaf, outlineCodes, reachesLine, round2 } from '../../../shared/indicators';
import { percent } from '../../../shared/numbers';
import { AppError } from '../../../shared/result';
import type {
  GradeLine, Round, RoundFields, RoundIndicator, RoundSummary, ScoreRow, scoresSave, surveySave,
} from '../../../shared/schemas/evaluation';
import { audit } from '../log';
import { moveToBin } from '../recycle';
import { sql } from '../sql';
import { value } from '../statements';
import { getIndicatorSet } from './library';

type Row = Omit<RoundSummary, 'fullScore' | 'schools' | 'assessed' | 'passed' | 'passRate'> & { grades: string; summary: string | null };

const SELECT = sql`SELECT r.id, r.name, r.kind, r.year, r.start_date AS startDate, r.end_date AS endDate, r.set_name AS setName,
    r.pass_score AS passScore, r.grades, r.summary, r.closed_at AS closedAt
  FROM eval_rounds r WHERE r.deleted_at IS NULL`[0];

/** A round's indicators in outline order, with codes, leaf marks and the 分值 of the higher ones. */
export function roundIndicators(a: Store, roundId: number): RoundIndicator[] {
  const items = a.db.prepare(`SELECT id, level, name, points, max_score AS maxScore, pass_score AS passScore FROM eval_indicators
    WHERE round_id = ? ORDER BY seq`).all(roundId) as Omit<RoundIndicator, 'code' | 'leaf' | 'fullScore'>[];
  const codes = outlineCodes(items);
  const full = fullScores(items);
  return items.map((it, i) => ({ ...it, code: codes[i], leaf: isLeaf(items, i), fullScore: full[i] }));
}

/** Each of a round's live schools: its total and how many indicators it has a score for. */
export function schoolTotals(a: Store, roundId: number): { schoolId: number; total: number; scored: number }[] {
  return a.db.prepare(`SELECT es.school_id AS schoolId, coalesce(sum(s.score), 0) AS total, count(s.score) AS scored
    FROM eval_schools es JOIN schools sc ON sc.id = es.school_id AND sc.deleted_at IS NULL
      LEFT JOIN eval_scores s ON s.round_id = es.round_id AND s.school_id = es.school_id
    WHERE es.round_id = ? GROUP BY es.school_id`).all(roundId) as { schoolId: number; total: number; scored: number }[];
}

/** A round's headline figures: its schools, those fully scored, those of them at or above the 达标线, the 达标率. */
function summarize(a: Store, r: Row): RoundSummary & { grades: GradeLine[]; summary: string | null } {
  const indicators = roundIndicators(a, r.id);
  const leaves = indicators.filter((i) => i.leaf).length;
  const totals = schoolTotals(a, r.id);
  const complete = totals.filter((t) => t.scored === leaves && leaves > 0);
  const passed = complete.filter((t) => reachesLine(t.total, r.passScore)).length;
  return {
    ...r, grades: JSON.parse(r.grades) as GradeLine[],
    fullScore: round2(indicators.filter((i) => i.leaf).reduce((s, i) => s + (i.maxScore ?? 0), 0)),
    schools: totals.length, assessed: complete.length, passed, passRate: percent(passed, complete.length, 2),
  };
}

export function listRounds(a: Store): RoundSummary[] {
  return (a.db.prepare(`${SELECT} ORDER BY r.year DESC, r.id DESC`).all() as Row[]).map((r) => {
    const { grades: _g, summary: _s, ...s } = summarize(a, r);
    return s;
  });
}

export function getRound(a: Store, id: number): Round {
  const r = a.db.prepare(`${SELECT} AND r.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', `编号为 ${id} 的评估不存在或已被删除，请刷新后重试。`, 'id');
  const schoolIds = a.db.prepare(`SELECT es.school_id FROM eval_schools es JOIN schools sc ON sc.id = es.school_id AND sc.deleted_at IS NULL
    WHERE es.round_id = ? ORDER BY sc.name_pinyin, sc.id`).pluck().all(id) as number[];
  return { ...summarize(a, r), schoolIds, indicators: roundIndicators(a, id) };
}

function checkFields(a: Store, f: RoundFields, full: number): void {
  if (f.startDate && f.endDate && f.endDate < f.startDate) throw new AppError('invalid', '「结束日期」不能早于开始日期。', 'endDate');
  if (f.passScore > full) throw new AppError('invalid', `「总分达标线」${f.passScore}高于满分${full}。`, 'passScore');
  const names = f.grades.map((g) => g.name);
  if (new Set(names).size !== names.length) throw new AppError('invalid', '「等级」等级名称不能重复。', 'grades');
  const high = f.grades.find((g) => g.min > full);
  if (high) throw new AppError('invalid', `「等级」${high.name}的分数线${high.min}高于满分${full}。`, 'grades');
  const ids = [...new Set(f.schoolIds)];
  const live = value<number>(a, sql`SELECT count(*) FROM schools WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  if (live !== ids.length) throw new AppError('invalid', '「参评学校」所选学校中有的不存在或已被删除，请刷新后重新选择。', 'schoolIds');
}

function writeSchools(a: Store, id: number, schoolIds: number[]): void {
  const ids = JSON.stringify([...new Set(schoolIds)]);
  const scored = a.db.prepare(`SELECT sc.full_name FROM eval_schools es JOIN schools sc ON sc.id = es.school_id
    WHERE es.round_id = ? AND es.school_id NOT IN (SELECT value FROM json_each(?))
      AND EXISTS (SELECT 1 FROM eval_scores s WHERE s.round_id = es.round_id AND s.school_id = es.school_id) LIMIT 1`).pluck().get(id, ids) as string | undefined;
  if (scored) throw new AppError('conflict', `「参评学校」${scored}已有评分，不能移出本次评估；如确需移出，请先清除它的评分。`, 'schoolIds');
  a.db.prepare('DELETE FROM eval_schools WHERE round_id = ? AND school_id NOT IN (SELECT value FROM json_each(?))').run(id, ids);
  a.db.prepare('INSERT OR IGNORE INTO eval_schools (round_id, school_id) SELECT ?, value FROM json_each(?)').run(id, ids);
}

const FIELDS = (f: RoundFields) => [f.name, f.kind, f.year, f.startDate, f.endDate, f.passScore, JSON.stringify(f.grades), f.summary];

/** A new round with a copy of the library set's indicators. */
export function createRound(a: Store, setId: number, f: RoundFields): number {
  return a.db.transaction(() => {
    const set = getIndicatorSet(a, setId);
    checkFields(a, f, set.fullScore);
    const at = nowText();
    const id = Number(a.db.prepare(`INSERT INTO eval_rounds (name, kind, year, start_date, end_date, pass_score, grades, summary,
      set_id, set_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...FIELDS(f), setId, set.name, at, at).lastInsertRowid);
    const copy = a.db.prepare(`INSERT INTO eval_indicators (round_id, seq, level, name, points, max_score, pass_score) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    set.indicators.forEach((it, i) => copy.run(id, i + 1, it.level, it.name, it.points, it.maxScore, it.passScore));
    writeSchools(a, id, f.schoolIds);
    audit(a, '新增', 'evaluation', id, `新建评估「${f.name}」（指标体系「${set.name}」，${f.schoolIds.length}所学校）`);
    return id;
  })();
}

export function saveRound(a: Store, id: number, f: RoundFields): void {
  a.db.transaction(() => {
    const r = getRound(a, id);
    if (r.closedAt) throw new AppError('conflict', `评估「${r.name}」已完成，不能再修改；如确需修改，请先重新打开。`);
    checkFields(a, f, r.fullScore);
    a.db.prepare(`UPDATE eval_rounds SET name = ?, kind = ?, year = ?, start_date = ?, end_date = ?, pass_score = ?, grades = ?, summary = ?,
      updated_at = ? WHERE id = ?`).run(...FIELDS(f), nowText(), id);
    writeSchools(a, id, f.schoolIds);
    audit(a, '修改', 'evaluation', id, `修改评估「${f.name}」`);
  })();
}

export function closeRound(a: Store, id: number, closed: boolean): void {
  a.db.transaction(() => {
    const r = getRound(a, id);
    if (closed === !!r.closedAt) throw new AppError('conflict', closed ? `评估「${r.name}」已经完成。` : `评估「${r.name}」尚未完成，无需重新打开。`);
    if (closed && r.assessed < r.schools) {
      throw new AppError('invalid', `评估「${r.name}」还有${r.schools - r.assessed}所学校没有评完全部指标，请评完后再标为完成。`);
    }
    a.db.prepare('UPDATE eval_rounds SET closed_at = ?, updated_at = ? WHERE id = ?').run(closed ? nowText().slice(0, 10) : null, nowText(), id);
    audit(a, closed ? '完成' : '重新打开', 'evaluation', id, `评估「${r.name}」${closed ? '完成' : '重新打开'}`);
  })();
}

export function deleteRound(a: Store, id: number): number {
  const r = getRound(a, id);
  return moveToBin(a, 'evaluation', id, `${r.year}年 ${r.name}`);
}

// ---- Scores ----

function inRound(a: Store, r: Round, schoolId: number): string {
  const name = a.db.prepare(`SELECT sc.full_name FROM eval_schools es JOIN schools sc ON sc.id = es.school_id AND sc.deleted_at IS NULL
    WHERE es.round_id = ? AND es.school_id = ?`).pluck().get(r.id, schoolId) as string | undefined;
  if (!name) throw new AppError('invalid', `「学校」这所学校不是评估「${r.name}」的参评学校，请刷新后重新选择。`, 'schoolId');
  return name;
}

/** Every score of the round, by `schoolId:indicatorId`. */
export function roundScores(a: Store, id: number): Map<string, number> {
  const all = a.db.prepare('SELECT school_id AS s, indicator_id AS i, score FROM eval_scores WHERE round_id = ?').all(id) as { s: number; i: number; score: number }[];
  return new Map(all.map((x) => [`${x.s}:${x.i}`, x.score]));
}

/** A school's score row for each scored indicator of the round (score null where none yet). */
export function schoolScores(a: Store, id: number, schoolId: number): ScoreRow[] {
  const r = getRound(a, id);
  inRound(a, r, schoolId);
  const scores = a.db.prepare(`SELECT indicator_id AS indicatorId, score, scorer, note, scored_at AS scoredAt FROM eval_scores
    WHERE round_id = ? AND school_id = ?`).all(id, schoolId) as Omit<ScoreRow, 'evidence'>[];
  const files = a.db.prepare(`SELECT indicator_id AS indicatorId, hash, file_name AS fileName FROM eval_evidence
    WHERE round_id = ? AND school_id = ? ORDER BY indicator_id, seq`).all(id, schoolId) as { indicatorId: number; hash: string; fileName: string }[];
  return r.indicators.filter((i) => i.leaf).map((i) => {
    const s = scores.find((x) => x.indicatorId === i.id);
    return {
      indicatorId: i.id, score: s?.score ?? null, scorer: s?.scorer ?? null, note: s?.note ?? null, scoredAt: s?.scoredAt ?? null,
      evidence: files.filter((f) => f.indicatorId === i.id).map(({ hash, fileName }) => ({ hash, fileName })),
    };
  });
}

/**
 * Write a school's scores (only the indicators given; a null score clears one with its evidence), each
 * within its 分值, with the scorer's name; all or nothing.
 */
export function saveScores(a: Store, input: z.output<typeof scoresSave>): void {
  a.db.transaction(() => {
    const r = getRound(a, input.id);
    if (r.closedAt) throw new AppError('conflict', `评估「${r.name}」已完成，不能再修改评分；如确需修改，请先重新打开。`);
    const school = inRound(a, r, input.schoolId);
    const has = a.db.prepare('SELECT 1 FROM attachments WHERE hash = ?');
    const at = nowText();
    for (const [i, e] of input.scores.entries()) {
      const ind = r.indicators.find((x) => x.id === e.indicatorId);
      if (!ind) throw new AppError('invalid', `「指标」第${i + 1}项不是本次评估的指标，请刷新后重试。`, 'scores');
      if (!ind.leaf) throw new AppError('invalid', `「得分」${ind.code} ${ind.name}有下级指标，按下级指标评分。`, 'scores');
      if (e.score !== null && e.score > ind.fullScore) {
        throw new AppError('invalid', `「得分」${ind.code} ${ind.name}的得分${e.score}超过分值${ind.fullScore}。`, 'scores');
      }
      for (const f of e.evidence) {
        if (!has.get(f.hash)) throw new AppError('invalid', `「佐证材料」文件“${f.fileName}”不在档案中，请重新上传。`, 'scores');
      }
      a.db.prepare('DELETE FROM eval_evidence WHERE round_id = ? AND school_id = ? AND indicator_id = ?').run(r.id, input.schoolId, ind.id);
      if (e.score === null) {
        a.db.prepare('DELETE FROM eval_scores WHERE round_id = ? AND school_id = ? AND indicator_id = ?').run(r.id, input.schoolId, ind.id);
        continue;
      }
      a.db.prepare(`INSERT INTO eval_scores (round_id, school_id, indicator_id, score, scorer, note, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (round_id, school_id, indicator_id) DO UPDATE SET score = excluded.score, scorer = excluded.scorer, note = excluded.note,
          scored_at = excluded.scored_at`).run(r.id, input.schoolId, ind.id, round2(e.score), input.scorer, e.note, at);
      const file = a.db.prepare('INSERT INTO eval_evidence (round_id, school_id, indicator_id, seq, hash, file_name) VALUES (?, ?, ?, ?, ?, ?)');
      e.evidence.forEach((f, k) => file.run(r.id, input.schoolId, ind.id, k + 1, f.hash, f.fileName));
    }
    audit(a, '评分', 'evaluation', r.id, `评估「${r.name}」：${input.scorer}为${school}评分${input.scores.length}项`);
  })();
}

/** A school's 满意度测评 counts for one group of respondents (all zero removes them). */
export function saveSurvey(a: Store, input: z.output<typeof surveySave>): void {
  a.db.transaction(() => {
    const r = getRound(a, input.id);
    if (r.closedAt) throw new AppError('conflict', `评估「${r.name}」已完成，不能再修改满意度测评；如确需修改，请先重新打开。`);
    const school = inRound(a, r, input.schoolId);
    const counts = [input.satisfied ?? 0, input.fair ?? 0, input.unsatisfied ?? 0];
    if (counts.every((n) => n === 0)) {
      a.db.prepare('DELETE FROM eval_surveys WHERE round_id = ? AND school_id = ? AND respondent = ?').run(r.id, input.schoolId, input.respondent);
    } else {
      a.db.prepare(`INSERT INTO eval_surveys (round_id, school_id, respondent, satisfied, fair, unsatisfied) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (round_id, school_id, respondent) DO UPDATE SET satisfied = excluded.satisfied, fair = excluded.fair, unsatisfied = excluded.unsatisfied`)
        .run(r.id, input.schoolId, input.respondent, ...counts);
    }
    audit(a, '满意度测评', 'evaluation', r.id, `评估「${r.name}」：${school}${input.respondent}满意度 满意${counts[0]}、基本满意${counts[1]}、不满意${counts[2]}`);
  })();
}
