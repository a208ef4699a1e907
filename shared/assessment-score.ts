// 督学考核 scores (issue 15): from what each item measured in the archive, the 考核办法's rules and the
// manual adjustments, every supervisor's item scores, total, grade and rank. One definition, used by
// the store (which keeps totals, grades and ranks for the supervisors' history) and shown as computed.
import {
  gradeOf, type AssessmentRow, type AssessmentScheme, type ItemMeasure, type ItemScore, type SchemeItem,
} from './schemas/assessment';

/** Scores are kept to one decimal (0.1 分). */
export const round1 = (n: number): number => Math.round(n * 10 + Number.EPSILON * 10) / 10;

/** The score an item earns from its measure, before adjustments. */
export function computedScore(item: SchemeItem, m: ItemMeasure): number {
  switch (item.kind) {
    case 'manual':
      return 0;
    case 'writing':
      return round1(Math.min(item.points, m.done * item.perPiece));
    default:
      if (!m.required) return item.emptyFull ? item.points : 0;
      return round1((item.points * Math.min(m.done, m.required)) / m.required);
  }
}

/** The lowest and highest score of an item: 0 (a manual item's floor, e.g. −20) to its points. */
export function scoreRange(item: SchemeItem): { low: number; high: number } {
  return { low: item.kind === 'manual' ? item.floor : 0, high: item.points };
}

export interface Adjustment { points: number; comment: string }

export interface Person { supervisorId: number; name: string; category: string; unit: string | null }

/**
 * Every supervisor's row: item scores (computed, adjusted within the item's range), total, grade;
 * ranked by total, equal totals sharing a rank (1, 2, 2, 4); `people` in the order ties are listed.
 */
export function scoreRows(scheme: AssessmentScheme, people: Person[], measures: Map<number, Record<string, ItemMeasure>>,
  adjustments: Map<string, Adjustment>): AssessmentRow[] {
  const rows = people.map((p) => {
    const items = scheme.items.map((item): ItemScore => {
      const measure = measures.get(p.supervisorId)?.[item.key] ?? { done: 0, required: null, text: '' };
      const computed = computedScore(item, measure);
      const adj = adjustments.get(adjustmentKey(p.supervisorId, item.key)) ?? null;
      const { low, high } = scoreRange(item);
      const score = round1(Math.min(high, Math.max(low, computed + (adj?.points ?? 0))));
      return { key: item.key, measure, computed, adjustment: adj?.points ?? null, comment: adj?.comment ?? null, score };
    });
    const total = round1(items.reduce((n, i) => n + i.score, 0));
    return { ...p, items, total, grade: gradeOf(total, scheme.thresholds), rank: 0 };
  });
  for (const r of rows) r.rank = 1 + rows.filter((o) => o.total > r.total).length;
  return rows.map((r, i) => ({ r, i })).sort((x, y) => x.r.rank - y.r.rank || x.i - y.i).map((x) => x.r);
}

export const adjustmentKey = (supervisorId: number, itemKey: string): string => `${supervisorId}:${itemKey}`;
