/**
 * Drafting a month's briefing: the proposed articles, worded from the month's facts (./month-facts.ts),
 * in print order; empty ones are left out. Numbers are facts from the archive; the user edits the
 * wording before issuing.
 */
import type { Store } from '../store';
import { chineseNumber, percentText } from '../../../shared/numbers';
import type { Block } from '../../../shared/schemas/blocks';
import type { BriefingArticleData } from '../../../shared/schemas/briefing';
import { monthFacts, nextMonth, type MonthFacts } from './month-facts';

const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

/** A sentence compared as written, less spaces and its closing punctuation. */
const sentenceKey = (t: string) => t.replace(/\s+/g, '').replace(/[。；;，,.！!]+$/, '');

/**
 * The same sentence from several schools once, its schools joined (甲校、乙校), in the order each
 * sentence first appears; a school named once per sentence.
 */
export function bySentence(rows: { school: string; text: string }[]): { schools: string; text: string }[] {
  const out = new Map<string, { schools: string[]; text: string }>();
  for (const r of rows) {
    const text = r.text.trim();
    const key = sentenceKey(text);
    const seen = out.get(key);
    if (!seen) out.set(key, { schools: [r.school], text });
    else if (!seen.schools.includes(r.school)) seen.schools.push(r.school);
  }
  return [...out.values()].map((x) => ({ schools: x.schools.join('、'), text: x.text }));
}

/** The articles proposed for `month` ('yyyy-mm') from its facts. */
export function proposeArticles(month: string, f: MonthFacts): BriefingArticleData[] {
  const [y, m] = month.split('-').map(Number);
  const out: BriefingArticleData[] = [];

  // 督导数据
  if (f.visits + f.raised + f.closed + f.complaints > 0) {
    out.push({
      kind: '督导数据', title: `${m}月督导工作数据`,
      blocks: [P(`${y}年${m}月，全区共开展督导${f.visits}次，覆盖学校${f.covered}所，占全区${f.schools}所学校的${percentText(f.covered, f.schools)}；`
        + `督导中发现问题${f.raised}个，其中已销号${f.raisedClosed}个；本月销号${f.closed}个（含以前月份发现的问题）；受理来访来电${f.complaints}件。`)],
    });
  }

  // 工作动态: the calendar items done this month.
  if (f.done.length) out.push({ kind: '工作动态', title: '工作动态', blocks: [{ type: 'list', ordered: true, items: f.done }] });

  // 亮点做法: one paragraph a highlight, the schools' names in bold (several schools, one sentence: 甲校、乙校：…).
  if (f.highlights.length) {
    out.push({
      kind: '亮点做法', title: '亮点做法',
      blocks: bySentence(f.highlights.map((h) => ({ school: h.school, text: h.highlight })))
        .map((h) => ({ type: 'paragraph', runs: [{ text: `${h.schools}：`, bold: true }, { text: h.text }] })),
    });
  }

  // 存在问题: grouped by item, most frequent first, up to five examples each.
  if (f.problems.length) {
    const groups = new Map<string, MonthFacts['problems']>();
    for (const p of f.problems) groups.set(p.category, [...(groups.get(p.category) ?? []), p]);
    const sorted = [...groups.entries()].sort((x, y2) => y2[1].length - x[1].length);
    out.push({
      kind: '存在问题', title: '存在问题',
      blocks: sorted.flatMap(([category, list], i): Block[] => [
        { type: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${category}（${list.length}个）` },
        { type: 'list', ordered: true, items: bySentence(list.map((p) => ({ school: p.school, text: p.description }))).slice(0, 5).map((p) => `${p.schools}：${p.text}`) },
      ]),
    });
  }

  // 专项督导: special visits by theme, and problems raised in a campaign.
  if (f.special.length || f.campaigns.length) {
    out.push({
      kind: '专项督导', title: '专项督导',
      blocks: [
        ...f.special.map((s) => P(`开展“${s.theme.replace(/专项督导$/, '')}”专项督导，督导学校${s.n}所（${s.names.split(',').join('、')}）。`)),
        ...f.campaigns.map((c) => P(`“${c.campaign}”专项督导中发现问题${c.n}个，已督促学校限期整改。`)),
      ],
    });
  }

  // 下月安排: next month's calendar items, numbered.
  if (f.plan.length) {
    const next = nextMonth(month);
    out.push({ kind: '下月安排', title: `${Number(next.slice(5))}月工作安排`, blocks: [{ type: 'list', ordered: true, items: f.plan }] });
  }
  return out;
}

/** The month's proposed articles, from the archive as it is now. */
export function proposeBriefing(a: Store, month: string): BriefingArticleData[] {
  return proposeArticles(month, monthFacts(a, month));
}
