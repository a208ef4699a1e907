/**
 * A round's results: per school (total, grade, 达标, rank, weakest indicators), per indicator (average,
 * 得分率, schools at its 达标线, met or not), the round's 达标率 (shared/indicators.ts words it), the
 * grades' spread, and the 满意度测评 summed per group and overall.
 */
import type { Store } from '../store';
import { gradeOf, leavesUnder, reachesLine, round2 } from '../../../shared/indicators';
import { percent } from '../../../shared/numbers';
import type { EvaluationResults, IndicatorResult, SchoolResult, SurveyCounts } from '../../../shared/schemas/evaluation';
import { SURVEY_GROUPS } from '../../../shared/vocab';
import { getRound } from './rounds';

const satisfactionRate = (c: SurveyCounts) => percent(c.satisfied + c.fair, c.satisfied + c.fair + c.unsatisfied, 2);

export function roundResults(a: Store, id: number): EvaluationResults {
  const round = getRound(a, id);
  const { indicators } = round;
  const leaves = indicators.filter((i) => i.leaf);
  const schools = a.db.prepare(`SELECT es.school_id AS id, sc.full_name AS name, z.name AS zone FROM eval_schools es
    JOIN schools sc ON sc.id = es.school_id AND sc.deleted_at IS NULL LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
    WHERE es.round_id = ? ORDER BY sc.name_pinyin, sc.id`).all(id) as { id: number; name: string; zone: string | null }[];
  const scores = a.db.prepare('SELECT school_id AS schoolId, indicator_id AS indicatorId, score FROM eval_scores WHERE round_id = ?')
    .all(id) as { schoolId: number; indicatorId: number; score: number }[];
  const score = new Map(scores.map((s) => [`${s.schoolId}:${s.indicatorId}`, s.score]));
  const of = (schoolId: number, indicatorId: number) => score.get(`${schoolId}:${indicatorId}`);

  // Per indicator: a higher one's score at a school is the sum under it, where every one under it is scored.
  const at = (schoolId: number, i: number): number | null => {
    const under = leavesUnder(indicators, i).map((j) => of(schoolId, indicators[j].id));
    return under.every((v) => v !== undefined) ? round2(under.reduce((s, v) => s! + v!, 0)!) : null;
  };
  const perIndicator: IndicatorResult[] = indicators.map((ind, i) => {
    const values = schools.map((s) => at(s.id, i)).filter((v): v is number => v !== null);
    const average = values.length ? round2(values.reduce((x, y) => x + y, 0) / values.length) : null;
    return {
      indicatorId: ind.id, code: ind.code, name: ind.name, level: ind.level, fullScore: ind.fullScore, passScore: ind.passScore,
      average, rate: average === null ? null : percent(average, ind.fullScore),
      metSchools: ind.passScore === null ? 0 : values.filter((v) => v >= ind.passScore!).length,
      scoredSchools: values.length,
      met: ind.passScore === null || average === null ? null : average >= ind.passScore,
    };
  });

  const results: SchoolResult[] = schools.map((s) => {
    const mine = leaves.map((l) => ({ l, v: of(s.id, l.id) }));
    const scored = mine.filter((m) => m.v !== undefined);
    const total = round2(scored.reduce((sum, m) => sum + m.v!, 0));
    const complete = leaves.length > 0 && scored.length === leaves.length;
    const weakest = [...scored].sort((x, y) => x.v! / x.l.fullScore - y.v! / y.l.fullScore || x.l.code.localeCompare(y.l.code))
      .filter((m) => m.v! < m.l.fullScore).slice(0, 3).map((m) => `${m.l.code} ${m.l.name}`);
    return {
      schoolId: s.id, schoolName: s.name, zoneName: s.zone, total, scored: scored.length, complete,
      grade: complete ? gradeOf(total, round.grades) : null, passed: complete ? reachesLine(total, round.passScore) : null, rank: null, weakest,
    };
  });
  // Rank among the complete ones, equal totals sharing a rank.
  const ranked = results.filter((r) => r.complete).sort((x, y) => y.total - x.total);
  ranked.forEach((r, i) => { r.rank = i > 0 && ranked[i - 1].total === r.total ? ranked[i - 1].rank : i + 1; });

  const gradeNames = [...round.grades].sort((x, y) => y.min - x.min).map((g) => g.name);
  if (gradeNames.length) gradeNames.push('不合格');
  const withLine = perIndicator.filter((i) => i.passScore !== null);

  const surveys = a.db.prepare(`SELECT v.school_id AS schoolId, sc.full_name AS schoolName, v.respondent, v.satisfied, v.fair, v.unsatisfied
    FROM eval_surveys v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
      JOIN eval_schools es ON es.round_id = v.round_id AND es.school_id = v.school_id
    WHERE v.round_id = ? ORDER BY sc.name_pinyin, sc.id, CASE v.respondent WHEN '教师' THEN 0 WHEN '学生' THEN 1 ELSE 2 END`)
    .all(id) as (SurveyCounts & { schoolId: number; schoolName: string; respondent: string })[];
  const sum = (list: SurveyCounts[]): SurveyCounts & { total: number } => {
    const c = list.reduce((t, x) => ({ satisfied: t.satisfied + x.satisfied, fair: t.fair + x.fair, unsatisfied: t.unsatisfied + x.unsatisfied }),
      { satisfied: 0, fair: 0, unsatisfied: 0 });
    return { ...c, total: c.satisfied + c.fair + c.unsatisfied };
  };
  const overall = sum(surveys);
  return {
    round: (({ indicators: _i, schoolIds: _s, grades: _g, summary: _m, ...r }) => r)(round),
    schools: results,
    indicators: perIndicator,
    indicatorsWithLine: withLine.length,
    indicatorsMet: withLine.filter((i) => i.met).length,
    grades: gradeNames.map((name) => ({ name, count: results.filter((r) => r.grade === name).length })),
    satisfaction: {
      rows: surveys.map((s) => ({ ...s, rate: satisfactionRate(s) })),
      groups: SURVEY_GROUPS.map((g) => ({ respondent: g, ...sum(surveys.filter((s) => s.respondent === g)) }))
        .filter((g) => g.total > 0).map((g) => ({ ...g, rate: satisfactionRate(g) })),
      overall: { ...overall, rate: satisfactionRate(overall) },
    },
  };
}
