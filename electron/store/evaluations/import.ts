/**
 * Importing a filled score sheet (read by electron/documents/excel/scores-file.ts): each row's school must
 * be one of the round's (by full or short name), each column a scored indicator of the round, each score a
 * number within its 分值. Checking shows every row's errors; committing writes the rows without any, each
 * with the scorer's name, in one transaction.
 */
import type { Store } from '../store';
import { AppError } from '../../../shared/result';
import type { ScoresImportResult, ScoresImportRow } from '../../../shared/schemas/evaluation';
import { getRound, saveScores } from './rounds';

export interface ReadSheet {
  rows: { rowNumber: number; school: string; scores: Record<string, number | null | 'bad'> }[];
  unknown: string[];
}

export function importScores(a: Store, id: number, scorer: string, sheet: ReadSheet, commit: boolean): ScoresImportResult {
  const round = getRound(a, id);
  if (round.closedAt) throw new AppError('conflict', `评估「${round.name}」已完成，不能再导入评分；如确需修改，请先重新打开。`);
  if (sheet.unknown.length) {
    throw new AppError('invalid', `评分表中有认不出的列：${sheet.unknown.slice(0, 3).map((u) => `「${u}」`).join('、')}。指标列的表头应以指标编码开头（如「1.2 师资队伍（10分）」），请用本次评估导出的评分表填写。`);
  }
  const leaves = new Map(round.indicators.filter((i) => i.leaf).map((i) => [i.code, i]));
  const schools = a.db.prepare(`SELECT sc.id, sc.full_name AS fullName, sc.short_name AS shortName FROM eval_schools es
    JOIN schools sc ON sc.id = es.school_id AND sc.deleted_at IS NULL WHERE es.round_id = ?`).all(id) as { id: number; fullName: string; shortName: string | null }[];
  const seen = new Set<number>();
  const checked = sheet.rows.map((r) => {
    const errors: string[] = [];
    const school = schools.find((s) => s.fullName === r.school || s.shortName === r.school);
    if (!r.school) errors.push('没有填写学校');
    else if (!school) errors.push(`「${r.school}」不是本次评估的参评学校`);
    else if (seen.has(school.id)) errors.push(`「${r.school}」在表中出现了不止一次`);
    if (school) seen.add(school.id);
    const scores: ScoresImportRow['scores'] = {};
    for (const [code, v] of Object.entries(r.scores)) {
      const ind = leaves.get(code);
      if (!ind) { errors.push(`指标「${code}」不是本次评估需要评分的指标`); continue; }
      if (v === 'bad') { errors.push(`${code} ${ind.name}的得分不是数字`); continue; }
      if (v !== null && (v < 0 || v > ind.fullScore)) { errors.push(`${code} ${ind.name}的得分${v}不在0至${ind.fullScore}之间`); continue; }
      scores[code] = v;
    }
    return { row: { rowNumber: r.rowNumber, schoolName: r.school, scores, errors }, schoolId: school?.id };
  });
  if (checked.length === 0) throw new AppError('invalid', '评分表中没有学校的得分，请填写后再导入。');
  let written = 0;
  if (commit) {
    a.db.transaction(() => {
      for (const { row, schoolId } of checked) {
        if (row.errors.length || !schoolId) continue;
        const scores = Object.entries(row.scores).filter(([, v]) => v !== null)
          .map(([code, score]) => ({ indicatorId: leaves.get(code)!.id, score, note: null, evidence: keptEvidence(a, id, schoolId, leaves.get(code)!.id) }));
        saveScores(a, { id, schoolId, scorer, scores });
        written += scores.length;
      }
    })();
  }
  const rows = checked.map((c) => c.row);
  return { rows, valid: rows.filter((r) => !r.errors.length).length, invalid: rows.filter((r) => r.errors.length).length, written };
}

/** An imported score keeps the evidence already filed for it. */
function keptEvidence(a: Store, id: number, schoolId: number, indicatorId: number): { hash: string; fileName: string }[] {
  return a.db.prepare(`SELECT hash, file_name AS fileName FROM eval_evidence WHERE round_id = ? AND school_id = ? AND indicator_id = ? ORDER BY seq`)
    .all(id, schoolId, indicatorId) as { hash: string; fileName: string }[];
}
