/**
 * The indicator library: sets of indicators (一级 / 二级 / 三级 in outline order, with 评价要点, 分值, 达标线),
 * reusable across rounds. A round copies a set's indicators when it is set up (./rounds.ts), so a set may
 * be edited later without changing any round.
 */
import type { Store } from '../store';
import { nowText } from '../../../shared/dates';
import { fullScoreOf } from '../../../shared/indicators';
import { AppError } from '../../../shared/result';
import type { IndicatorItem, IndicatorSet, IndicatorSetFields, IndicatorSetSummary } from '../../../shared/schemas/evaluation';
import { audit } from '../log';
import { moveToBin } from '../recycle';
import { sql } from '../sql';

type Row = Omit<IndicatorSet, 'indicators' | 'fullScore'> & { indicators: string; rounds: number };

const SELECT = sql`SELECT s.id, s.name, s.kind, s.pass_score AS passScore, s.notes, s.indicators, s.updated_at AS updatedAt,
    (SELECT count(*) FROM eval_rounds r WHERE r.set_id = s.id AND r.deleted_at IS NULL) AS rounds
  FROM indicator_sets s WHERE s.deleted_at IS NULL`[0];

function toSet(r: Row): IndicatorSet & { rounds: number } {
  const indicators = JSON.parse(r.indicators) as IndicatorItem[];
  return { ...r, indicators, fullScore: fullScoreOf(indicators) };
}

export function listIndicatorSets(a: Store): IndicatorSetSummary[] {
  return (a.db.prepare(`${SELECT} ORDER BY s.kind, s.name, s.id`).all() as Row[]).map((r) => {
    const { indicators, ...s } = toSet(r);
    return { ...s, indicatorCount: indicators.length };
  });
}

export function getIndicatorSet(a: Store, id: number): IndicatorSet {
  const r = a.db.prepare(`${SELECT} AND s.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', `编号为 ${id} 的指标体系不存在或已被删除，请刷新后重试。`, 'id');
  const { rounds: _r, ...set } = toSet(r);
  return set;
}

export function saveIndicatorSet(a: Store, id: number | undefined, f: IndicatorSetFields): number {
  return a.db.transaction(() => {
    if (id) getIndicatorSet(a, id);
    const dup = a.db.prepare('SELECT 1 FROM indicator_sets WHERE name = ? AND deleted_at IS NULL AND id IS NOT ?').get(f.name, id ?? null);
    if (dup) throw new AppError('conflict', `指标库中已有名为「${f.name}」的指标体系，「指标体系名称」不能重复。`, 'name');
    const full = fullScoreOf(f.indicators);
    if (f.passScore !== null && f.passScore > full) {
      throw new AppError('invalid', `「总分达标线」${f.passScore}高于指标满分${full}。`, 'passScore');
    }
    const at = nowText();
    const values = [f.name, f.kind, f.passScore, JSON.stringify(f.indicators), f.notes];
    if (id) {
      a.db.prepare('UPDATE indicator_sets SET name = ?, kind = ?, pass_score = ?, indicators = ?, notes = ?, updated_at = ? WHERE id = ?')
        .run(...values, at, id);
    } else {
      id = Number(a.db.prepare(`INSERT INTO indicator_sets (name, kind, pass_score, indicators, notes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...values, at, at).lastInsertRowid);
    }
    audit(a, '保存', 'indicatorSet', id, `保存指标体系「${f.name}」（${f.indicators.length}项指标，满分${full}）`);
    return id;
  })();
}

export function deleteIndicatorSet(a: Store, id: number): number {
  const s = getIndicatorSet(a, id);
  return moveToBin(a, 'indicatorSet', id, s.name);
}
