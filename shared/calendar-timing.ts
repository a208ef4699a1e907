// The timing of a 行事历 item as offices write it: dates (9月15日, 9月1日—12日, 9.28—10.8), parts of a
// month (上旬/中旬/下旬, 月初, 月底), weeks of the term (第3周, 第3—4周), months (9—10月), and the
// descriptive ones that name no day (每周五, 开学初, 期末). One parser for the item form, the pasted text
// and the archive side, so the three agree on what a timing means and which months it touches.

import { addDays, daysInMonth, monthLabel } from './dates';

export interface TimingScope {
  /** The calendar's months in order ('YYYY-MM'): a bare 9月 is the one of these. */
  months: readonly string[];
  /** The month a bare 上旬 or 15日 belongs to: the item's first month. */
  month: string;
  /** Any day of the term's first week, for 第N周; null when the calendar has none. */
  weekOne: string | null;
}

export interface Timing {
  /** As written (trimmed). */
  text: string;
  /** First and last day, when the text names days; only `end` for "9月15日前". */
  start: string | null;
  end: string | null;
  /** First and last month the text names, when it names any ('YYYY-MM'). */
  fromMonth: string | null;
  toMonth: string | null;
  /** In weeks of the term (第N周). */
  weeks?: boolean;
  /** 第N周 without a first week to count from: no days, no months. */
  weekUnknown?: boolean;
}

export type TimingResult = { ok: true; timing: Timing } | { ok: false; error: string };

const pad = (n: number) => String(n).padStart(2, '0');

const CN: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '12', '十二', '二十五', '元' (元月) → number; null otherwise. */
export function numberOf(s: string): number | null {
  if (/^\d{1,4}$/.test(s)) return Number(s);
  if (s === '元') return 1;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] && !m[3] ? CN[m[1]] : null;
  return (m[1] ? CN[m[1]] : 1) * 10 + (m[3] ? CN[m[3]] : 0);
}

/** A number as written in timings and headings: digits or Chinese numerals. */
export const NUM = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';

/** Full-width digits and punctuation as ASCII, one kind of dash for every range mark, no spaces. */
export function normalizeTiming(s: string): string {
  return s.trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/[．]/g, '.')
    .replace(/\s+/g, '')
    .replace(/号/g, '日')
    .replace(/月份/g, '月')
    .replace(/(?:——|—|–|－|-|~|～|至|到)+/g, '—');
}

/** Timings that name no day or month: they fit any month of the item. */
const DESCRIPTIVE = /^(?:每|全|长期|常态|常规|日常|随时|待定|另定|另行|开学|期中|期末|学期|学年|寒假|暑假|暑期|假期|节前|节后|年底|年末|年初|上半年|下半年)/;

type Xun = 'upper' | 'middle' | 'lower';
interface Point { year?: number; month?: number; day?: number; xun?: Xun; week?: number; bare?: number }

const XUN: Record<string, Xun> = { 上: 'upper', 初: 'upper', 中: 'middle', 下: 'lower', 底: 'lower', 末: 'lower' };

/** One end of a range: 2026年9月15日, 9月, 9月上旬, 月底, 15日, 9.15, 第3周, 3周, 3. */
function point(part: string): Point | null {
  // "第3周", and "第3" or "3周" as the ends of "第3—4周".
  let m = new RegExp(`^(?:第(${NUM})周?|(${NUM})周)$`).exec(part);
  if (m) return { week: numberOf(m[1] ?? m[2]) ?? undefined };
  m = /^月(初|中|底|末)$/.exec(part);
  if (m) return { xun: XUN[m[1]] };
  m = /^(\d{1,2})\.(\d{1,2})$/.exec(part);
  if (m) return { month: Number(m[1]), day: Number(m[2]) };
  m = new RegExp(`^(?:(\\d{4})年)?(?:(${NUM})月)?(?:(${NUM})日?|([上中下])旬|(初|中|底|末))?$`).exec(part);
  if (!m || part === '') return null;
  const p: Point = {};
  if (m[1]) p.year = Number(m[1]);
  if (m[2]) p.month = numberOf(m[2]) ?? undefined;
  if (m[3]) {
    const n = numberOf(m[3]) ?? undefined;
    // A number without 月 or 日 ("9" in 9—10月): its unit comes from the other end.
    if (!m[2] && !part.endsWith('日')) p.bare = n; else p.day = n;
  }
  if (m[4]) p.xun = XUN[m[4]];
  if (m[5]) p.xun = XUN[m[5]];
  if (p.month === undefined && m[2]) return null;
  return p;
}

/** The calendar month numbered `n` ('YYYY-MM'): of `year` when given, else the first at or after `after`. */
function monthNamed(n: number, year: number | undefined, scope: TimingScope): string | { error: string } {
  if (n < 1 || n > 12) return { error: `没有${n}月` };
  const all = scope.months.filter((x) => Number(x.slice(5, 7)) === n && (year === undefined || Number(x.slice(0, 4)) === year));
  const found = all.find((x) => x >= scope.month) ?? all[0];
  if (!found) {
    const range = scope.months.length ? `（${monthLabel(scope.months[0])}至${monthLabel(scope.months[scope.months.length - 1])}）` : '';
    return { error: `${year ? `${year}年` : ''}${n}月不在行事历的周期${range}内` };
  }
  return found;
}

const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The Monday of the week holding `date`. */
function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

/** The days of one end: [first, last] or a whole month [month, month] when it names no day. */
function resolve(p: Point, scope: TimingScope): { start: string | null; end: string | null; month: string | null } | { error: string } | 'week-unknown' {
  if (p.week !== undefined) {
    if (p.week < 1 || p.week > 30) return { error: `第${p.week}周超出一个学期（第1至30周）` };
    if (!scope.weekOne) return 'week-unknown';
    const start = addDays(mondayOf(scope.weekOne), 7 * (p.week - 1));
    return { start, end: addDays(start, 4), month: null };
  }
  let month = scope.month;
  if (p.month !== undefined) {
    const found = monthNamed(p.month, p.year, scope);
    if (typeof found !== 'string') return found;
    month = found;
  }
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const last = daysInMonth(y, m);
  if (p.day !== undefined) {
    if (p.day < 1 || p.day > last) return { error: `${m}月没有${p.day}日` };
    const d = `${month}-${pad(p.day)}`;
    return { start: d, end: d, month };
  }
  if (p.xun) {
    const [from, to] = p.xun === 'upper' ? [1, 10] : p.xun === 'middle' ? [11, 20] : [21, last];
    return { start: `${month}-${pad(from)}`, end: `${month}-${pad(to)}`, month };
  }
  return { start: null, end: null, month };
}

const EXAMPLES = '可写：9月15日、9月1日—12日、9月上旬、下旬、第3周、第3—4周、9—10月、每周五、期末';

/**
 * Read a timing. An error says what was not understood, with the forms that are; a timing naming a
 * month outside the calendar is an error too. Whether it fits the item's own months is `itemSpan`'s.
 */
export function parseTiming(raw: string, scope: TimingScope): TimingResult {
  const text = raw.trim();
  const fail = (why: string): TimingResult => ({ ok: false, error: `时间“${text}”${why}` });
  let s = normalizeTiming(text).replace(/(?:左右|前后|期间|内)$/, '');
  if (DESCRIPTIVE.test(s)) return { ok: true, timing: { text, start: null, end: null, fromMonth: null, toMonth: null } };
  const by = /前$/.test(s);
  if (by) s = s.slice(0, -1);
  // 上中旬, 中下旬: the two parts of the month, as a range.
  s = s.replace(/上中旬/, '上旬—中旬').replace(/中下旬/, '中旬—下旬');
  const parts = s.split(/[—、,，]/);
  if (parts.length > 2 || parts.some((p) => p === '')) return fail(`无法识别。${EXAMPLES}`);
  const points = parts.map(point);
  if (points.some((p) => p === null)) return fail(`无法识别。${EXAMPLES}`);
  const [a, b] = points as Point[];
  if (b) {
    if (b.bare !== undefined) return fail(`无法识别。${EXAMPLES}`);
    // "9—10月", "15—20日", "3—4周", "9月28—10月5日": the bare number takes the other end's unit.
    if (a.bare !== undefined) {
      if (b.week !== undefined) a.week = a.bare;
      else if (b.day !== undefined && b.month === undefined) a.day = a.bare;
      else if (b.month !== undefined && b.day === undefined && !b.xun) a.month = a.bare;
      else if (a.month !== undefined) a.day = a.bare;
      else return fail(`无法识别。${EXAMPLES}`);
      delete a.bare;
    }
    if ((a.week === undefined) !== (b.week === undefined)) return fail(`不能把周次和日期混写。${EXAMPLES}`);
    if (b.month === undefined && b.week === undefined) { b.month = a.month; b.year = a.year; }
  } else if (a.bare !== undefined) {
    return fail(`无法识别：请写明是几月、几日还是第几周。${EXAMPLES}`);
  }
  const ends = (b ? [a, b] : [a]).map((p) => resolve(p, scope));
  for (const e of ends) if (typeof e === 'object' && 'error' in e) return fail(`：${e.error}`);
  if (ends.includes('week-unknown')) {
    return { ok: true, timing: { text, start: null, end: null, fromMonth: null, toMonth: null, weeks: true, weekUnknown: true } };
  }
  const [first, last] = [ends[0], ends[ends.length - 1]] as { start: string | null; end: string | null; month: string | null }[];
  const named = (first.start !== null) || (last.end !== null);
  // A whole month beside a day ("9月—10月15日") counts from its first or to its last day.
  const start = first.start ?? (named && first.month ? `${first.month}-01` : null);
  const end = last.end ?? (named && last.month ? `${last.month}-${pad(daysInMonth(Number(last.month.slice(0, 4)), Number(last.month.slice(5, 7))))}` : null);
  const fromMonth = start?.slice(0, 7) ?? first.month;
  const toMonth = end?.slice(0, 7) ?? last.month;
  if (fromMonth && toMonth && toMonth < fromMonth) return fail('：结束早于开始');
  if (start && end && end < start) return fail(`：结束（${dayText(end)}）早于开始（${dayText(start)}）`);
  if (by) {
    // "9月15日前", "10月底前": done by then, no first day.
    if (!end) return { ok: true, timing: { text, start: null, end: null, fromMonth: toMonth, toMonth } };
    return { ok: true, timing: { text, start: null, end, fromMonth: end.slice(0, 7), toMonth: end.slice(0, 7) } };
  }
  return { ok: true, timing: { text, start, end, fromMonth, toMonth, ...(a.week !== undefined ? { weeks: true } : {}) } };
}

/** Dates as a timing text, for an item dated without one: 9月15日, 9月1日—12日, 9月28日—10月8日. */
export function datesText(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  if (!start || !end || start === end) return dayText((start ?? end)!);
  if (start.slice(0, 7) === end.slice(0, 7)) return `${dayText(start)}—${Number(end.slice(8, 10))}日`;
  return `${dayText(start)}—${dayText(end)}`;
}

/** An item's 时间 as shown and printed: as written, else its dates, else the months it runs over when more than one. */
export function timingText(i: { timing?: string | null; startDate?: string | null; endDate?: string | null; month: string; endMonth: string }): string | null {
  return i.timing || datesText(i.startDate ?? null, i.endDate ?? null) || (i.endMonth !== i.month ? spanText(i.month, i.endMonth) : null);
}

/** '9月', '9—10月', '12月—1月' (a span across the new year names both months). */
export function spanText(month: string, endMonth: string): string {
  const m = (x: string) => Number(x.slice(5, 7));
  if (month === endMonth) return `${m(month)}月`;
  if (month.slice(0, 4) === endMonth.slice(0, 4)) return `${m(month)}—${m(endMonth)}月`;
  return `${m(month)}月—${m(endMonth)}月`;
}

/**
 * The months an item covers: its own ones, stretched to its timing's when they meet (a 9月 item timed
 * 9月下旬—10月上旬 runs into October). Weeks only have to meet them: a school week straddles months
 * (第1周 from 31 August) without the item running on. A timing wholly outside the item's months is an
 * error: the item is under the wrong month, or the timing is wrong.
 */
export function itemSpan(month: string, endMonth: string | null, timing: Timing | null):
  { ok: true; month: string; endMonth: string } | { ok: false; error: string } {
  const end = endMonth && endMonth > month ? endMonth : month;
  if (!timing?.fromMonth || !timing.toMonth) return { ok: true, month, endMonth: end };
  if (timing.toMonth < month || timing.fromMonth > end) {
    return { ok: false, error: `时间“${timing.text}”不在事项的月份（${spanText(month, end)}）内` };
  }
  if (timing.weeks) return { ok: true, month, endMonth: end };
  return { ok: true, month: timing.fromMonth < month ? timing.fromMonth : month, endMonth: timing.toMonth > end ? timing.toMonth : end };
}
