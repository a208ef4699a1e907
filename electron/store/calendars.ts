import type { Store } from './store';
import { audit } from './log';
import { moveToBin } from './recycle';
import { sql, sqlFragment, type SqlFragment } from './sql';
import { row, rows, value, values } from './statements';
import { AppError } from '../../shared/result';
import { monthLabel, nowText, shiftDate } from '../../shared/dates';
import { datesText, itemSpan, parseTiming, spanText, type Timing } from '../../shared/calendar-timing';
import { parseCalendarText } from '../../shared/calendar-paste';
import {
  monthsBetween, shiftMonth, type Calendar, type CalendarDetail, type CalendarFields, type CalendarItem, type CalendarItemFields,
  type CalendarItemRef, type CalendarMonth, type CalendarPasteResult,
} from '../../shared/schemas/calendar';

// A 行事历 is a range of months; each month has an optional theme (calendar_months) and items. An item
// is listed under its first month (`month`) and runs to `end_month`; `seq` orders a month's items and is
// kept 1, 2, … by renumbering after every change (reads number by position too, so a row restored from
// the 回收站 never shows a duplicate). An item's own published number (`number`) is printed in place of
// its position when it has one. The `owner` column holds the 牵头 unit; a category left out is ''.

const SELECT_CALENDAR = sqlFragment`
  SELECT c.id, c.title, c.period_kind AS periodKind, c.school_year AS schoolYear, c.term, c.start_month AS startMonth,
    c.end_month AS endMonth, c.week_one AS weekOne, c.notes,
    (SELECT count(*) FROM calendar_items i WHERE i.calendar_id = c.id AND i.deleted_at IS NULL) AS itemCount,
    (SELECT count(*) FROM calendar_items i WHERE i.calendar_id = c.id AND i.deleted_at IS NULL AND i.status = '已完成') AS doneCount
  FROM calendars c`;

// Linked visits count only while the visit and its school are live.
const SELECT_ITEM = sqlFragment`
  SELECT i.id, i.calendar_id AS calendarId, i.month, coalesce(i.end_month, i.month) AS endMonth, i.number, i.content,
    nullif(i.category, '') AS category, i.timing, i.start_date AS startDate, i.end_date AS endDate, i.owner AS lead, i.partners,
    i.status, i.status_note AS statusNote, i.note,
    row_number() OVER (PARTITION BY i.calendar_id, i.month ORDER BY i.seq, i.id) AS seq,
    (SELECT count(*) FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
      WHERE v.calendar_item_id = i.id AND v.deleted_at IS NULL) AS visitCount
  FROM calendar_items i`;

/** Items of live calendars that run in any month from `from` to `to` ('YYYY-MM'), for other areas' queries. */
export const itemsRunningIn = (from: string, to: string): SqlFragment =>
  sqlFragment`i.month <= ${to} AND coalesce(i.end_month, i.month) >= ${from}`;

type ItemRow = Omit<CalendarItem, 'schoolIds' | 'schoolNames' | 'numberText'>;

function short(text: string, n = 20): string {
  return [...text].length > n ? `${[...text].slice(0, n).join('')}…` : text;
}

function range(c: Pick<CalendarFields, 'startMonth' | 'endMonth'>): string {
  return `${monthLabel(c.startMonth)}至${monthLabel(c.endMonth)}`;
}

export function listCalendars(a: Store): Calendar[] {
  return rows<Calendar>(a, sql`${SELECT_CALENDAR} WHERE c.deleted_at IS NULL ORDER BY c.start_month DESC, c.id DESC`);
}

export function getCalendar(a: Store, id: number): Calendar {
  const found = row<Calendar>(a, sql`${SELECT_CALENDAR} WHERE c.id = ${id} AND c.deleted_at IS NULL`);
  if (!found) throw new AppError('not_found', '该行事历不存在或已被删除，请刷新后重试。');
  return found;
}

/** Attach each item's live schools (in one query for all of them) and its printed number. */
function withSchools(a: Store, items: ItemRow[]): CalendarItem[] {
  if (items.length === 0) return [];
  const links = rows<{ itemId: number; id: number; name: string }>(a, sql`SELECT l.item_id AS itemId, s.id, s.full_name AS name
    FROM calendar_item_schools l JOIN schools s ON s.id = l.school_id AND s.deleted_at IS NULL
    WHERE l.item_id IN (SELECT value FROM json_each(${JSON.stringify(items.map((r) => r.id))})) ORDER BY s.name_pinyin, s.id`);
  const by = new Map<number, { id: number; name: string }[]>();
  for (const l of links) by.set(l.itemId, [...(by.get(l.itemId) ?? []), l]);
  return items.map((r) => {
    const schools = by.get(r.id) ?? [];
    return { ...r, numberText: r.number ?? `${r.seq}.`, schoolIds: schools.map((s) => s.id), schoolNames: schools.map((s) => s.name) };
  });
}

/** The calendar with every month of its range: theme, the items listed under it, and those running on into it. */
export function calendarDetail(a: Store, id: number): CalendarDetail {
  const calendar = getCalendar(a, id);
  const themes = new Map(rows<{ month: string; theme: string | null }>(a, sql`SELECT month, theme FROM calendar_months WHERE calendar_id = ${id}`)
    .map((t) => [t.month, t.theme]));
  const items = withSchools(a, rows<ItemRow>(a, sql`${SELECT_ITEM} WHERE i.calendar_id = ${id} AND i.deleted_at IS NULL
    ORDER BY i.month, i.seq, i.id`));
  const months: CalendarMonth[] = monthsBetween(calendar.startMonth, calendar.endMonth).map((month) => ({
    month, theme: themes.get(month) ?? null,
    items: items.filter((i) => i.month === month),
    continued: items.filter((i) => i.month < month && i.endMonth >= month),
  }));
  return { calendar, months };
}

/** A live item of a live calendar, numbered as in its month. */
export function getCalendarItem(a: Store, id: number): CalendarItem {
  const at = row<{ calendarId: number; month: string }>(a, sql`SELECT i.calendar_id AS calendarId, i.month FROM calendar_items i
    JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.id = ${id} AND i.deleted_at IS NULL`);
  if (!at) throw new AppError('not_found', '该行事历事项不存在或已被删除，请刷新后重试。');
  const month = rows<ItemRow>(a, sql`${SELECT_ITEM} WHERE i.calendar_id = ${at.calendarId} AND i.month = ${at.month} AND i.deleted_at IS NULL`);
  return withSchools(a, month.filter((r) => r.id === id))[0];
}

/** An item with its calendar's title: what a linked record shows of it. */
export function calendarItemRef(a: Store, id: number): CalendarItemRef {
  const item = getCalendarItem(a, id);
  return { ...item, calendarTitle: getCalendar(a, item.calendarId).title };
}

/** Number a month's live items 1, 2, … in their current order. */
function renumber(a: Store, calendarId: number, month: string): void {
  const ids = values<number>(a, sql`SELECT id FROM calendar_items WHERE calendar_id = ${calendarId} AND month = ${month} AND deleted_at IS NULL
    ORDER BY seq, id`);
  const set = a.db.prepare('UPDATE calendar_items SET seq = ? WHERE id = ?');
  ids.forEach((id, i) => set.run(i + 1, id));
}

function nextSeq(a: Store, calendarId: number, month: string): number {
  return value<number>(a, sql`SELECT coalesce(max(seq), 0) + 1 FROM calendar_items WHERE calendar_id = ${calendarId} AND month = ${month}
    AND deleted_at IS NULL`);
}

// ---- calendars ----

export function insertCalendar(a: Store, f: CalendarFields): number {
  return a.db.transaction(() => {
    const at = nowText();
    const res = a.db.prepare(`INSERT INTO calendars (title, period_kind, school_year, term, start_month, end_month, week_one, notes,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(f.title, f.periodKind, f.schoolYear, f.term, f.startMonth, f.endMonth, f.weekOne, f.notes, at, at);
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'calendar', id, `新增行事历「${f.title}」（${range(f)}）`);
    return id;
  })();
}

/**
 * Edit a calendar; its range may not drop months that still hold items. A new first week moves the
 * days of the items timed in weeks.
 */
export function updateCalendar(a: Store, id: number, f: CalendarFields): void {
  a.db.transaction(() => {
    const before = getCalendar(a, id);
    const outside = rows<{ month: string; n: number }>(a, sql`SELECT m.month, count(*) AS n FROM calendar_items i
      JOIN (SELECT value AS month FROM json_each(${JSON.stringify(monthsBetween(before.startMonth < f.startMonth ? before.startMonth : f.startMonth,
        before.endMonth > f.endMonth ? before.endMonth : f.endMonth))})) m ON m.month BETWEEN i.month AND coalesce(i.end_month, i.month)
      WHERE i.calendar_id = ${id} AND i.deleted_at IS NULL AND (m.month < ${f.startMonth} OR m.month > ${f.endMonth})
      GROUP BY m.month ORDER BY m.month`);
    if (outside.length) {
      const list = outside.map((o) => `${monthLabel(o.month)}（${o.n}项）`).join('、');
      throw new AppError('conflict', `新的周期不包含${list}，这些月份还有工作事项。请先删除或移走这些事项，再缩短周期。`,
        outside[0].month < f.startMonth ? 'startMonth' : 'endMonth');
    }
    a.db.prepare(`UPDATE calendars SET title = ?, period_kind = ?, school_year = ?, term = ?, start_month = ?, end_month = ?, week_one = ?,
      notes = ?, updated_at = ? WHERE id = ?`)
      .run(f.title, f.periodKind, f.schoolYear, f.term, f.startMonth, f.endMonth, f.weekOne, f.notes, nowText(), id);
    if (before.weekOne !== f.weekOne) redateWeeks(a, { ...before, ...f });
    const renamed = before.title !== f.title ? `（原名「${before.title}」）` : '';
    audit(a, '修改', 'calendar', id, `修改行事历「${f.title}」${renamed}（${range(f)}）`);
  })();
}

/** Days of the items timed in weeks, from the calendar's first week (none without one). */
function redateWeeks(a: Store, c: Pick<Calendar, 'id' | 'startMonth' | 'endMonth' | 'weekOne'>): void {
  const months = monthsBetween(c.startMonth, c.endMonth);
  const set = a.db.prepare('UPDATE calendar_items SET start_date = ?, end_date = ?, updated_at = ? WHERE id = ?');
  for (const i of rows<{ id: number; month: string; timing: string }>(a, sql`SELECT id, month, timing FROM calendar_items
    WHERE calendar_id = ${c.id} AND deleted_at IS NULL AND timing LIKE ${'%周%'}`)) {
    const r = parseTiming(i.timing, { months, month: i.month, weekOne: c.weekOne });
    if (r.ok && r.timing.weeks) set.run(r.timing.start, r.timing.end, nowText(), i.id);
  }
}

export function deleteCalendar(a: Store, id: number): number {
  const c = getCalendar(a, id);
  return moveToBin(a, 'calendar', id, c.title);
}

function requireMonthIn(c: Calendar, month: string, field = 'month', label = '月份'): void {
  if (month < c.startMonth || month > c.endMonth) {
    throw new AppError('invalid', `「${label}」${monthLabel(month)}不在行事历「${c.title}」的周期（${range(c)}）内，请选择周期内的月份。`, field);
  }
}

/** 一月一主题: set (or clear, with an empty theme) the theme of one month of the calendar. */
export function setTheme(a: Store, calendarId: number, month: string, theme: string | null): void {
  a.db.transaction(() => {
    const c = getCalendar(a, calendarId);
    requireMonthIn(c, month);
    writeTheme(a, calendarId, month, theme);
    audit(a, '修改', 'calendar', calendarId, `行事历「${c.title}」${monthLabel(month)}主题${theme ? `设为「${theme}」` : '已清除'}`);
  })();
}

function writeTheme(a: Store, calendarId: number, month: string, theme: string | null): void {
  if (theme) {
    a.db.prepare(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, ?)
      ON CONFLICT (calendar_id, month) DO UPDATE SET theme = excluded.theme`).run(calendarId, month, theme);
  } else {
    a.db.prepare('DELETE FROM calendar_months WHERE calendar_id = ? AND month = ?').run(calendarId, month);
  }
}

const INSERT_ITEM = `INSERT INTO calendar_items (calendar_id, month, end_month, seq, number, content, category, timing, start_date, end_date,
  owner, partners, status, status_note, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Start a new plan from `id`: months, first week and item dates moved by `shiftYears`, themes kept, items
 * reset to 未开始 without notes; their own numbers, timings and live schools come along. One transaction.
 */
export function copyCalendar(a: Store, id: number, title: string, shiftYears: number): number {
  return a.db.transaction(() => {
    const src = calendarDetail(a, id);
    const c = src.calendar;
    const next: CalendarFields = {
      title, periodKind: c.periodKind, notes: c.notes, term: c.term,
      schoolYear: c.schoolYear === null ? null : c.schoolYear + shiftYears, weekOne: c.weekOne && shiftDate(c.weekOne, shiftYears),
      startMonth: shiftMonth(c.startMonth, shiftYears), endMonth: shiftMonth(c.endMonth, shiftYears),
    };
    const newId = insertCalendar(a, next);
    const months = monthsBetween(next.startMonth, next.endMonth);
    const theme = a.db.prepare('INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, ?)');
    const item = a.db.prepare(INSERT_ITEM);
    const link = a.db.prepare('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)');
    const at = nowText();
    let count = 0;
    for (const m of src.months) {
      const month = shiftMonth(m.month, shiftYears);
      if (m.theme) theme.run(newId, month, m.theme);
      for (const i of m.items) {
        // A timing is read again in the new year (第3周 from the new first week); dates move with the years.
        const t = i.timing ? parseTiming(i.timing, { months, month, weekOne: next.weekOne }) : null;
        const [start, end] = t?.ok ? [t.timing.start, t.timing.end]
          : [i.startDate && shiftDate(i.startDate, shiftYears), i.endDate && shiftDate(i.endDate, shiftYears)];
        const res = item.run(newId, month, shiftMonth(i.endMonth, shiftYears), i.seq, i.number, i.content, i.category ?? '',
          t?.ok ? i.timing : null, start, end, i.lead, i.partners, '未开始', null, i.note, at, at);
        for (const s of i.schoolIds) link.run(res.lastInsertRowid, s);
        count += 1;
      }
    }
    audit(a, '复制', 'calendar', newId, `由行事历「${c.title}」复制为「${title}」（顺延${shiftYears}年，${count}项工作事项）`);
    return newId;
  })();
}

// ---- items ----

function checkSchools(a: Store, ids: number[]): number[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const live = value<number>(a, sql`SELECT count(*) FROM schools WHERE id IN (SELECT value FROM json_each(${JSON.stringify(unique)}))
    AND deleted_at IS NULL`);
  if (live !== unique.length) throw new AppError('invalid', '「学校」所选的学校中有的不存在或已被删除，请刷新后重新选择。', 'schoolIds');
  return unique;
}

function liveCalendarFor(a: Store, calendarId: number): Calendar {
  const c = row<Calendar>(a, sql`${SELECT_CALENDAR} WHERE c.id = ${calendarId} AND c.deleted_at IS NULL`);
  if (!c) throw new AppError('invalid', '「行事历」所选的行事历不存在或已被删除，请刷新后重新选择。', 'calendarId');
  return c;
}

function setSchools(a: Store, itemId: number, schoolIds: number[]): void {
  a.db.prepare('DELETE FROM calendar_item_schools WHERE item_id = ?').run(itemId);
  const link = a.db.prepare('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)');
  for (const s of schoolIds) link.run(itemId, s);
}

interface Placed { month: string; endMonth: string; timing: string | null; startDate: string | null; endDate: string | null }

/**
 * Where an item goes and when: its months within the calendar, stretched to its timing (or its dates,
 * for a caller without a timing text), the timing's days worked out. A timing that is not understood or
 * lies outside the item's months is refused, saying what to change.
 */
function place(c: Calendar, f: CalendarItemFields): Placed {
  requireMonthIn(c, f.month);
  if (f.endMonth) requireMonthIn(c, f.endMonth, 'endMonth', '结束月份');
  let timing: Timing | null = null;
  if (f.timing) {
    const r = parseTiming(f.timing, { months: monthsBetween(c.startMonth, c.endMonth), month: f.month, weekOne: c.weekOne });
    if (!r.ok) throw new AppError('invalid', `「时间」${r.error.replace(/^时间/, '')}。`, 'timing');
    timing = r.timing;
  } else if (f.startDate || f.endDate) {
    const [s, e] = [f.startDate ?? f.endDate!, f.endDate ?? f.startDate!];
    timing = { text: datesText(s, e)!, start: f.startDate, end: f.endDate, fromMonth: s.slice(0, 7), toMonth: e.slice(0, 7) };
  }
  const span = itemSpan(f.month, f.endMonth, timing);
  if (!span.ok) {
    const to = timing?.fromMonth ? `，或把「月份」改为${monthLabel(timing.fromMonth)}` : '';
    throw new AppError('invalid', `「时间」${span.error.replace(/^时间/, '')}：请改正时间${to}。`, f.timing ? 'timing' : 'startDate');
  }
  if (span.endMonth > c.endMonth || span.month < c.startMonth) {
    throw new AppError('invalid', `「时间」“${timing!.text}”超出行事历「${c.title}」的周期（${range(c)}）：请改正时间。`, f.timing ? 'timing' : 'startDate');
  }
  return { month: span.month, endMonth: span.endMonth, timing: f.timing, startDate: timing?.start ?? null, endDate: timing?.end ?? null };
}

/** Add an item at the end of its month. */
export function insertCalendarItem(a: Store, f: CalendarItemFields): number {
  return a.db.transaction(() => {
    const c = liveCalendarFor(a, f.calendarId);
    const p = place(c, f);
    const schools = checkSchools(a, f.schoolIds);
    const at = nowText();
    const res = a.db.prepare(INSERT_ITEM).run(f.calendarId, p.month, p.endMonth, nextSeq(a, f.calendarId, p.month), f.number, f.content,
      f.category ?? '', p.timing, p.startDate, p.endDate, f.lead, f.partners, f.status, f.statusNote, f.note, at, at);
    const id = Number(res.lastInsertRowid);
    setSchools(a, id, schools);
    renumber(a, f.calendarId, p.month);
    audit(a, '新增', 'calendarItem', id, `行事历「${c.title}」${monthLabel(p.month)}新增事项「${short(f.content)}」`);
    return id;
  })();
}

/** Edit an item; moved to another month (or calendar) it goes to the end there and both months renumber. */
export function updateCalendarItem(a: Store, id: number, f: CalendarItemFields): void {
  a.db.transaction(() => {
    const before = getCalendarItem(a, id);
    const c = liveCalendarFor(a, f.calendarId);
    const p = place(c, f);
    const schools = checkSchools(a, f.schoolIds);
    const moved = before.calendarId !== f.calendarId || before.month !== p.month;
    const seq = moved ? nextSeq(a, f.calendarId, p.month) : before.seq;
    a.db.prepare(`UPDATE calendar_items SET calendar_id = ?, month = ?, end_month = ?, seq = ?, number = ?, content = ?, category = ?,
      timing = ?, start_date = ?, end_date = ?, owner = ?, partners = ?, status = ?, status_note = ?, note = ?, updated_at = ? WHERE id = ?`)
      .run(f.calendarId, p.month, p.endMonth, seq, f.number, f.content, f.category ?? '', p.timing, p.startDate, p.endDate, f.lead,
        f.partners, f.status, f.statusNote, f.note, nowText(), id);
    setSchools(a, id, schools);
    if (moved) {
      renumber(a, before.calendarId, before.month);
      renumber(a, f.calendarId, p.month);
    }
    const after = { ...f, ...p };
    const keys = ['month', 'endMonth', 'number', 'content', 'category', 'timing', 'startDate', 'endDate', 'lead', 'partners', 'status',
      'statusNote', 'note'] as const;
    const changed = Object.fromEntries(keys.filter((k) => before[k] !== after[k]).map((k) => [k, [before[k], after[k]]]));
    const status = before.status !== f.status ? `，完成情况：${before.status} → ${f.status}` : '';
    audit(a, '修改', 'calendarItem', id, `修改行事历「${c.title}」${monthLabel(p.month)}事项「${short(f.content)}」${status}`, changed);
  })();
}

/** 完成情况 on its own (the status badge; a linked record's offer). */
export function setItemStatus(a: Store, id: number, status: CalendarItem['status'], statusNote: string | null): void {
  a.db.transaction(() => {
    const before = getCalendarItem(a, id);
    const note = statusNote ?? before.statusNote;
    a.db.prepare('UPDATE calendar_items SET status = ?, status_note = ?, updated_at = ? WHERE id = ?').run(status, note, nowText(), id);
    audit(a, '修改', 'calendarItem', id, `行事历${monthLabel(before.month)}事项「${short(before.content)}」完成情况：${before.status} → ${status}`,
      { status: [before.status, status], statusNote: [before.statusNote, note] });
  })();
}

/** Swap an item with its neighbour in the month; false when it is already first (or last). Own numbers swap too. */
export function moveCalendarItem(a: Store, id: number, direction: 'up' | 'down'): boolean {
  return a.db.transaction(() => {
    const item = getCalendarItem(a, id);
    renumber(a, item.calendarId, item.month);
    const list = rows<{ id: number; number: string | null }>(a, sql`SELECT id, number FROM calendar_items WHERE calendar_id = ${item.calendarId}
      AND month = ${item.month} AND deleted_at IS NULL ORDER BY seq`);
    const from = list.findIndex((r) => r.id === id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return false;
    const set = a.db.prepare('UPDATE calendar_items SET seq = ?, number = ?, updated_at = ? WHERE id = ?');
    const at = nowText();
    // "3." moved up stays the third published number's place: the numbers stay in order, the items swap.
    const both = list[from].number !== null && list[to].number !== null;
    set.run(to + 1, both ? list[to].number : list[from].number, at, id);
    set.run(from + 1, both ? list[from].number : list[to].number, at, list[to].id);
    audit(a, '调整顺序', 'calendarItem', id, `${monthLabel(item.month)}事项「${short(item.content)}」由第${from + 1}项${direction === 'up' ? '上移' : '下移'}为第${to + 1}项`);
    return true;
  })();
}

/** To the 回收站; the rest of the month closes up. */
export function deleteCalendarItem(a: Store, id: number): number {
  return a.db.transaction(() => {
    const item = getCalendarItem(a, id);
    const c = getCalendar(a, item.calendarId);
    const bin = moveToBin(a, 'calendarItem', id, `${c.title} ${monthLabel(item.month)}第${item.seq}项：${short(item.content)}`);
    renumber(a, item.calendarId, item.month);
    return bin;
  })();
}

/**
 * Items pasted as text (shared/calendar-paste.ts), read here exactly as the page previewed them, added in
 * one transaction after the items each month has; items the calendar already has (same month, same
 * content) are left out, themes set. Any line with a problem refuses the whole paste, naming the lines.
 */
export function pasteItems(a: Store, calendarId: number, text: string): CalendarPasteResult {
  return a.db.transaction((): CalendarPasteResult => {
    const c = liveCalendarFor(a, calendarId);
    const existing = rows<{ month: string; content: string }>(a, sql`SELECT month, content FROM calendar_items
      WHERE calendar_id = ${calendarId} AND deleted_at IS NULL`);
    const r = parseCalendarText(text, { months: monthsBetween(c.startMonth, c.endMonth), weekOne: c.weekOne, existing });
    if (r.problems.length) {
      const first = r.problems.slice(0, 3).map((p) => `第${p.line}行：${p.message}`).join('；');
      throw new AppError('invalid', `「粘贴内容」有${r.problems.length}行需要修改，还没有保存：${first}${r.problems.length > 3 ? '……' : ''}`, 'text');
    }
    const fresh = r.items.filter((i) => !i.existing);
    if (fresh.length === 0 && r.themes.length === 0) {
      throw new AppError('invalid', r.items.length ? '「粘贴内容」中的事项行事历里都已经有了，没有新的事项可添加。'
        : '「粘贴内容」中没有读到工作事项：请粘贴按月份排列的事项，如“9月”一行，下面“1.……”“2.……”。', 'text');
    }
    const at = nowText();
    const insert = a.db.prepare(INSERT_ITEM);
    const seqs = new Map<string, number>();
    for (const i of fresh) {
      const seq = seqs.get(i.month) ?? nextSeq(a, calendarId, i.month);
      seqs.set(i.month, seq + 1);
      insert.run(calendarId, i.month, i.endMonth, seq, i.number, i.content, i.category ?? '', i.timing, i.start, i.end, i.lead, i.partners,
        '未开始', null, null, at, at);
    }
    for (const t of r.themes) writeTheme(a, calendarId, t.month, t.theme);
    const by = new Map<string, number>();
    for (const i of fresh) by.set(i.month, (by.get(i.month) ?? 0) + 1);
    const parts = [...by].map(([m, n]) => `${spanText(m, m)}${n}项`).join('、');
    const skipped = r.items.length - fresh.length;
    audit(a, '新增', 'calendar', calendarId, `行事历「${c.title}」粘贴添加${fresh.length}项工作事项${parts ? `（${parts}）` : ''}`
      + `${skipped ? `，${skipped}项已有未重复添加` : ''}${r.themes.length ? `，设置${r.themes.length}个月的主题` : ''}`);
    return { added: fresh.length, skipped, themes: r.themes.length };
  })();
}
