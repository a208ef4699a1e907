// Indicators as an outline (一级 / 二级 / 三级 in order, each under the one before it of a higher level), and
// the figures read from it: one definition each for the library, the rounds, the results and the report.
import { percent } from './numbers';

interface Outlined {
  level: number;
  name: string;
  maxScore: number | null;
  passScore: number | null;
}

/** Two decimals, as scores are written (8.5, 92.25). */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Whether the item at `i` is scored directly: nothing of a lower level follows it. */
export function isLeaf(items: readonly { level: number }[], i: number): boolean {
  return i === items.length - 1 || items[i + 1].level <= items[i].level;
}

/** Each item's outline code: 1, 1.1, 1.1.1 … */
export function outlineCodes(items: readonly { level: number }[]): string[] {
  const counters = [0, 0, 0];
  return items.map(({ level }) => {
    counters[level - 1] += 1;
    for (let l = level; l < 3; l++) counters[l] = 0;
    return counters.slice(0, level).join('.');
  });
}

/** The indexes of the items under the item at `i` that are scored directly (itself, when it is one). */
export function leavesUnder(items: readonly { level: number }[], i: number): number[] {
  const out: number[] = [];
  for (let j = i; j < items.length && (j === i || items[j].level > items[i].level); j++) if (isLeaf(items, j)) out.push(j);
  return out;
}

/** 分值 of each item: its own when scored directly, else the sum under it. */
export function fullScores(items: readonly Outlined[]): number[] {
  return items.map((_, i) => round2(leavesUnder(items, i).reduce((s, j) => s + (items[j].maxScore ?? 0), 0)));
}

/** The whole outline's 满分: the sum of the directly scored items. */
export function fullScoreOf(items: readonly Outlined[]): number {
  return round2(items.reduce((s, it, i) => s + (isLeaf(items, i) ? it.maxScore ?? 0 : 0), 0));
}

const LEVEL = ['一级', '二级', '三级'];

/** What is wrong with an outline, row by row (0-based), in words a clerk can act on. */
export function checkOutline(items: readonly Outlined[]): { row: number; message: string }[] {
  const out: { row: number; message: string }[] = [];
  const full = fullScores(items);
  items.forEach((it, i) => {
    const at = `第${i + 1}行「${it.name}」`;
    const before = i === 0 ? 0 : items[i - 1].level;
    if (it.level > before + 1) {
      out.push({ row: i, message: `${at}是${LEVEL[it.level - 1]}指标，应排在一项${LEVEL[it.level - 2]}指标之下` });
      return;
    }
    if (isLeaf(items, i) && !it.maxScore) out.push({ row: i, message: `${at}没有下级指标，需要填写分值` });
    if (!isLeaf(items, i) && it.maxScore !== null && it.maxScore !== full[i]) {
      out.push({ row: i, message: `${at}的分值${it.maxScore}与其下级指标分值之和${full[i]}不一致：有下级指标的分值按下级相加，请留空` });
    }
    if (it.passScore !== null && it.passScore > full[i]) out.push({ row: i, message: `${at}的达标线${it.passScore}高于分值${full[i]}` });
  });
  return out;
}

/** 达标: a school's total (two decimals) reaches the round's 达标线. The one definition for the results, lists and reports. */
export function reachesLine(total: number, passScore: number): boolean {
  return round2(total) >= passScore;
}

/** A total's grade: the first (highest) line it reaches, else 不合格; null when the round has no grades. */
export function gradeOf(total: number, grades: readonly { name: string; min: number }[]): string | null {
  if (grades.length === 0) return null;
  const sorted = [...grades].sort((x, y) => y.min - x.min);
  return sorted.find((g) => total >= g.min)?.name ?? '不合格';
}

/** 达标率 as the office writes it: '26/37 = 70.27%' (two decimals). */
export function passRateText(passed: number, assessed: number): string {
  return `${passed}/${assessed} = ${percent(passed, assessed, 2)}%`;
}

/** Grades a new round starts with: 优秀 90 %, 良好 80 %, 合格 60 % of the full score (the office may change them). */
export function defaultGrades(full: number): { name: string; min: number }[] {
  return [['优秀', 0.9], ['良好', 0.8], ['合格', 0.6]].map(([name, k]) => ({ name: name as string, min: round2(full * (k as number)) }));
}
