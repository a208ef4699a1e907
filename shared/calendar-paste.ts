// A 行事历 as offices have it in Word: month headings ("9月", "九月份", "2026年9月", "7—8月", with a
// 主题 after them or on the next line) and numbered items ("1.", "（1）", "3、", "①"), several on a line
// separated by "；", each with its timing at the front ("第2周：", "9月上旬，") or in brackets at the end,
// and who leads it ("（牵头：督导室；配合：各责任区）"). Read into items before anything is saved: the
// page previews them as the text is typed, and the archive reads the same text the same way to save it.

import { CALENDAR_ITEM_CATEGORIES } from './vocab';
import { NUM, itemSpan, numberOf, parseTiming, spanText, type Timing } from './calendar-timing';
import { monthLabel } from './dates';

type Category = (typeof CALENDAR_ITEM_CATEGORIES)[number];

export interface PastedItem {
  /** 1-based line of the text it came from. */
  line: number;
  month: string;
  endMonth: string;
  number: string | null;
  content: string;
  timing: string | null;
  start: string | null;
  end: string | null;
  lead: string | null;
  partners: string | null;
  category: Category | null;
  /** Already in the calendar (same month, same content): not added again. */
  existing: boolean;
}

export interface PasteLine { line: number; text: string; message: string }

export interface PasteResult {
  items: PastedItem[];
  /** Month themes read from the headings, in order. */
  themes: { month: string; theme: string; line: number }[];
  /** Lines that keep the text from being saved, each with what to do. */
  problems: PasteLine[];
  /** Lines read over on purpose (the title, a table's header row). */
  ignored: PasteLine[];
}

export interface PasteScope {
  /** The calendar's months, in order. */
  months: readonly string[];
  weekOne: string | null;
  /** Items the calendar has already. */
  existing?: readonly { month: string; content: string }[];
}

const MAX_ITEMS = 500;
const MONTH_NUM = `(?:\\d{1,2}|[一二三四五六七八九十]{1,3}|元)`;
/** "一、" or "（一）" before a heading, and the heading: year, month (or two), 月份. */
const HEADING = new RegExp(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])?\\s*(?:(\\d{4})\\s*年\\s*)?(${MONTH_NUM})\\s*(?:月份?)?\\s*(?:[—–\\-－~～至、，,]|到)\\s*(${MONTH_NUM})\\s*月份?(?=$|[\\s：:（(【，,]|主题)|^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])?\\s*(?:(\\d{4})\\s*年\\s*)?(${MONTH_NUM})\\s*月份?(?=$|[\\s：:（(【，,]|主题)`);
/** An item's own number: 1. 1、 1） （1） ① 第1项. */
// "3.9月中旬" is item 3 in September; "2.5万元" is a number, not item 2.
const MARKER = /^(?:(\d{1,3})\s*[.．、)）](?!\d+(?:[.．]\d|[万千百亿%％元个所名次项人]))|[（(](\d{1,3})[）)]|([①-⑳])|第(\d{1,3})项[：:、]?)\s*/;
const THEME = /^[【[（(]?\s*(?:本月|月度)?主题\s*[：:】\]]\s*(.+?)\s*[】\]）)]?[。；;]?$/;
/** Decoration after a heading: 工作安排, 重点工作 … */
const HEADING_WORDS = /^(?:重点|主要)?(?:工作)?(?:安排|要点|重点|计划|内容)?[：:]?$/;
const CATEGORY = new RegExp(`^[【\\[](${CALENDAR_ITEM_CATEGORIES.join('|')})(?:督导)?[】\\]]\\s*`);

const KEYS: Record<string, 'timing' | 'lead' | 'partners' | 'category'> = {
  时间: 'timing', 日期: 'timing', 完成时间: 'timing', 时限: 'timing',
  牵头: 'lead', 牵头单位: 'lead', 牵头科室: 'lead', 负责: 'lead', 负责人: 'lead', 负责单位: 'lead', 责任: 'lead',
  责任人: 'lead', 责任单位: 'lead', 责任科室: 'lead', 主办: 'lead', 承办: 'lead',
  配合: 'partners', 配合单位: 'partners', 配合科室: 'partners', 协办: 'partners', 参与: 'partners', 参加: 'partners',
  类别: 'category',
};

/** Split at top-level separators (not inside brackets). */
function splitTop(s: string, at: (s: string, i: number) => boolean): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ('（(【[“'.includes(c)) depth++;
    else if ('）)】]”'.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && at(s, i)) {
      out.push(s.slice(from, i + 1));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  return out.map((x) => x.trim()).filter((x) => x && !/^[。；;，,、\s]+$/.test(x));
}

/** A line's items: "；" separates them, and "。" before a number; a numbered item keeps the "；" inside it. */
function splitItems(rest: string): string[] {
  const pieces = splitTop(rest, (s, i) => s[i] === '；' || s[i] === ';' || (s[i] === '。' && MARKER.test(s.slice(i + 1).trimStart())));
  if (!MARKER.test(pieces[0] ?? '')) return pieces;
  const merged: string[] = [];
  for (const p of pieces) {
    if (merged.length && !MARKER.test(p)) merged[merged.length - 1] += p;
    else merged.push(p);
  }
  return merged;
}

interface Heading { year?: number; from: number; to: number; rest: string }
function heading(line: string): Heading | null {
  const m = HEADING.exec(line);
  if (!m) return null;
  const year = m[1] ?? m[4];
  const from = numberOf(m[2] ?? m[5]);
  const to = numberOf(m[3] ?? m[5]);
  if (from === null || to === null || from < 1 || from > 12 || to < 1 || to > 12) return null;
  return { year: year ? Number(year) : undefined, from, to, rest: line.slice(m[0].length).replace(/^[\s：:，,]+/, '') };
}

/** Leading "第2周：", "9月上旬，", "9月15日" (a date needs no separator), when it reads as a timing. */
function leadingTiming(s: string, read: (t: string) => Timing | null): { timing: Timing; rest: string } | null {
  const sep = /^([^，,：:\s（(]{2,20}?)[，,：:\s]+(.+)$/.exec(s);
  if (sep && /[月日旬周]/.test(sep[1])) {
    const t = read(sep[1]);
    if (t) return { timing: t, rest: sep[2] };
  }
  const dated = new RegExp(`^((?:${NUM}月)?${NUM}日(?:[—\\-－~～至到](?:${NUM}月)?${NUM}日)?|${NUM}月[上中下]旬|第${NUM}(?:[—\\-－、至]${NUM})?周)(?![\\d日旬周])(.+)$`).exec(s);
  if (dated) {
    const t = read(dated[1]);
    if (t) return { timing: t, rest: dated[2] };
  }
  return null;
}

/**
 * Read pasted text into items. Nothing is dropped quietly: a line that is not understood, an item
 * before any month, a month outside the calendar or a timing outside its month is a problem with its
 * line number; only a title line and a table's header row before the first month are passed over.
 */
export function parseCalendarText(text: string, scope: PasteScope): PasteResult {
  const res: PasteResult = { items: [], themes: [], problems: [], ignored: [] };
  const existing = new Set((scope.existing ?? []).map((e) => `${e.month}|${e.content}`));
  let current: { month: string; endMonth: string } | null = null;
  let lastMonth = scope.months[0] ?? '';
  const inCalendar = `行事历的周期（${scope.months.length ? `${monthLabel(scope.months[0])}至${monthLabel(scope.months[scope.months.length - 1])}` : ''}）`;

  /** The calendar month numbered n (of `year` when given): the first at or after the last heading. */
  const monthNamed = (n: number, year?: number) => {
    const all = scope.months.filter((x) => Number(x.slice(5, 7)) === n && (year === undefined || Number(x.slice(0, 4)) === year));
    return all.find((x) => x >= lastMonth) ?? all[0] ?? null;
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, k) => {
    const line = k + 1;
    const text = raw.replace(/[\t\u3000]+/g, ' ').trim();
    const problem = (message: string) => res.problems.push({ line, text, message });
    if (!text || /^[\s。；;，,、.-]+$/.test(text)) return;

    const h = heading(text);
    if (h) {
      const from = monthNamed(h.from, h.year);
      const to = from ? monthNamed(h.to, h.year !== undefined && h.to < h.from ? h.year + 1 : h.year) : null;
      if (!from || !to || to < from) {
        const name = `${h.year ? `${h.year}年` : ''}${h.from === h.to ? `${h.from}月` : `${h.from}—${h.to}月`}`;
        problem(`${name}不在${inCalendar}内：请改正月份，或先在「编辑」中调整行事历的周期`);
        current = null;
        return;
      }
      current = { month: from, endMonth: to };
      lastMonth = from;
      const theme = THEME.exec(h.rest.replace(/^[（(]/, '').replace(/[）)]$/, '')) ?? THEME.exec(h.rest);
      if (theme) res.themes.push({ month: from, theme: theme[1], line });
      else if (h.rest && !HEADING_WORDS.test(h.rest)) items(h.rest, line, text);
      return;
    }
    const theme = THEME.exec(text);
    if (theme && current) {
      res.themes.push({ month: current.month, theme: theme[1], line });
      return;
    }
    if (!current && res.items.length === 0 && (/行事历|工作安排|工作计划/.test(text) || /^(?:(?:序号|月份|月|工作内容|内容|时间|责任|牵头|配合|完成情况|备注|类别)\s*)+$/.test(text))) {
      res.ignored.push({ line, text, message: /行事历|安排|计划/.test(text) ? '标题' : '表头' });
      return;
    }
    items(text, line, text);
  });

  function items(rest: string, line: number, lineText: string) {
    const problem = (message: string) => res.problems.push({ line, text: lineText, message });
    for (const piece of splitItems(rest)) {
      if (res.items.length >= MAX_ITEMS) {
        problem(`一次最多粘贴${MAX_ITEMS}项，请分几次粘贴`);
        return;
      }
      const item = readItem(piece, line, problem);
      if (item) res.items.push(item);
    }
  }

  function readItem(piece: string, line: number, problem: (m: string) => void): PastedItem | null {
    let s = piece.trim();
    let number: string | null = null;
    const mk = MARKER.exec(s);
    if (mk) {
      number = mk[0].trim().replace(/．/g, '.').replace(/\(/g, '（').replace(/\)/g, '）');
      s = s.slice(mk[0].length);
    }
    let category: Category | null = null;
    const cat = CATEGORY.exec(s);
    if (cat) { category = cat[1] as Category; s = s.slice(cat[0].length); }

    const home = current;
    const read = (t: string): Timing | null => {
      const r = parseTiming(t, { months: scope.months, month: home?.month ?? lastMonth, weekOne: scope.weekOne });
      return r.ok ? r.timing : null;
    };
    let timing: Timing | null = null;
    let lead: string | null = null;
    let partners: string | null = null;

    // Brackets at the end: （第2周） （9月上旬） （牵头：督导室；配合：各责任区）.
    for (;;) {
      const m = /[（(]([^（）()]*)[）)]\s*[。；;，,]?\s*$/.exec(s);
      if (!m) break;
      const inside = m[1].trim();
      const pairs = splitTop(inside, (x, i) => '；;，,'.includes(x[i])).map((p) => p.replace(/[；;，,]$/, ''))
        .map((p) => /^([^：:]{1,6})[：:]\s*(.*)$/.exec(p));
      if (pairs.length && pairs.every((p) => p && KEYS[p[1].trim()])) {
        for (const p of pairs as RegExpExecArray[]) {
          const key = KEYS[p[1].trim()];
          const value = p[2].trim();
          if (!value) continue;
          if (key === 'timing') {
            const r = parseTiming(value, { months: scope.months, month: home?.month ?? lastMonth, weekOne: scope.weekOne });
            if (!r.ok) { problem(`${r.error}：请改正时间`); return null; }
            timing = r.timing;
          } else if (key === 'lead') lead = lead ? `${lead}、${value}` : value;
          else if (key === 'partners') partners = partners ? `${partners}、${value}` : value;
          else if ((CALENDAR_ITEM_CATEGORIES as readonly string[]).includes(value)) category = value as Category;
          else { problem(`类别“${value}”应为${CALENDAR_ITEM_CATEGORIES.join('、')}之一`); return null; }
        }
      } else {
        const t: Timing | null = !timing && /[月日旬周]|^每|^期|^开学/.test(inside) ? read(inside) : null;
        if (!t) break;
        timing = t;
      }
      s = s.slice(0, m.index).trim();
    }
    if (!timing) {
      const lt = leadingTiming(s, read);
      if (lt) { timing = lt.timing; s = lt.rest.trim(); }
    }
    const content = s.replace(/[；;，,、\s]+$/, '').trim();
    if (!content) { problem('这一项没有工作内容：请补上内容，或删去这一行'); return null; }
    if ([...content].length > 500) { problem('工作内容超过500字：请分成几项'); return null; }

    let month: string;
    let endMonth: string;
    if (home) {
      const span = itemSpan(home.month, home.endMonth, timing);
      if (!span.ok) {
        const t = timing as Timing | null;
        const to = t?.fromMonth ? `${Number(t.fromMonth.slice(5, 7))}月` : '';
        problem(`${span.error}：请把这一项移到${to || '相应月份'}下，或改正时间`);
        return null;
      }
      ({ month, endMonth } = span);
    } else if (timing && (timing as Timing).fromMonth) {
      // No heading yet: the timing says which month.
      month = (timing as Timing).fromMonth!;
      endMonth = (timing as Timing).toMonth!;
    } else {
      problem('不知道这一项属于哪个月：请在它前面加一行月份（如“9月”），或在事项中写明时间');
      return null;
    }
    const found: Timing | null = timing;
    return {
      line, month, endMonth, number, content, timing: found ? normalizeSpaces(found.text) : null, start: found?.start ?? null, end: found?.end ?? null,
      lead, partners, category, existing: existing.has(`${month}|${content}`),
    };
  }

  return res;
}

const normalizeSpaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "9月 3项；10月 5项" for a preview's summary. */
export function pasteSummary(r: PasteResult): string {
  const by = new Map<string, number>();
  for (const i of r.items) if (!i.existing) by.set(spanText(i.month, i.month), (by.get(spanText(i.month, i.month)) ?? 0) + 1);
  return [...by].map(([m, n]) => `${m}${n}项`).join('、');
}

