import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { AppError } from '../../shared/result';
import { monthsBetween, shiftMonth, type Calendar, type CalendarDetail, type CalendarFields, type CalendarItem, type CalendarItemFields, type CalendarMonth } from '../../shared/schemas/calendar';
import { monthLabel, shiftDate } from '../../shared/dates';

// A 行事历 is a range of months; each month has an optional theme (calendar_months) and numbered
// items. `seq` is kept 1, 2, … per month by renumbering after every change; reads number items by
// position too, so a row restored from the 回收站 (keeping its old seq) never shows a duplicate.

const SELECT_CALENDAR = `
  SELECT c.id, c.title, c.period_kind AS periodKind, c.start_month AS startMonth, c.end_month AS endMonth, c.notes,
    (SELECT count(*) FROM calendar_items i WHERE i.calendar_id = c.id AND i.deleted_at IS NULL) AS itemCount,
    (SELECT count(*) FROM calendar_items i WHERE i.calendar_id = c.id AND i.deleted_at IS NULL AND i.status = '已完成') AS doneCount
  FROM calendars c`;

// Linked visits count only while the visit and its school are live.
const SELECT_ITEM = `
  SELECT i.id, i.calendar_id AS calendarId, i.month, i.content, i.category, i.owner, i.start_date AS startDate,
    i.end_date AS endDate, i.status, i.status_note AS statusNote,
    row_number() OVER (PARTITION BY i.month ORDER BY i.seq, i.id) AS seq,
    (SELECT count(*) FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
      WHERE v.calendar_item_id = i.id AND v.deleted_at IS NULL) AS visitCount
  FROM calendar_items i`;

type ItemRow = Omit<CalendarItem, 'schoolIds' | 'schoolNames'>;

function short(text: string, n = 20): string {
  return [...text].length > n ? `${[...text].slice(0, n).join('')}…` : text;
}

function range(c: Pick<CalendarFields, 'startMonth' | 'endMonth'>): string {
  return `${monthLabel(c.startMonth)}至${monthLabel(c.endMonth)}`;
}

export function listCalendars(a: Store): Calendar[] {
  return a.db.prepare(`${SELECT_CALENDAR} WHERE c.deleted_at IS NULL ORDER BY c.start_month DESC, c.id DESC`).all() as Calendar[];
}

export function getCalendar(a: Store, id: number): Calendar {
  const row = a.db.prepare(`${SELECT_CALENDAR} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as Calendar | undefined;
  if (!row) throw new AppError('not_found', '该行事历不存在或已被删除，请刷新后重试。');
  return row;
}

/** Attach each item's live schools, in one query for all of them. */
function withSchools(a: Store, rows: ItemRow[]): CalendarItem[] {
  if (rows.length === 0) return [];
  const links = a.db.prepare(`SELECT l.item_id AS itemId, s.id, s.full_name AS name FROM calendar_item_schools l
    JOIN schools s ON s.id = l.school_id AND s.deleted_at IS NULL
    WHERE l.item_id IN (SELECT value FROM json_each(?)) ORDER BY s.name_pinyin, s.id`)
    .all(JSON.stringify(rows.map((r) => r.id))) as { itemId: number; id: number; name: string }[];
  const by = new Map<number, { id: number; name: string }[]>();
  for (const l of links) by.set(l.itemId, [...(by.get(l.itemId) ?? []), l]);
  return rows.map((r) => {
    const schools = by.get(r.id) ?? [];
    return { ...r, schoolIds: schools.map((s) => s.id), schoolNames: schools.map((s) => s.name) };
  });
}

/** The calendar with every month of its range (theme and numbered items), in three queries. */
export function calendarDetail(a: Store, id: number): CalendarDetail {
  const calendar = getCalendar(a, id);
  const themes = new Map((a.db.prepare('SELECT month, theme FROM calendar_months WHERE calendar_id = ?').all(id) as
    { month: string; theme: string | null }[]).map((t) => [t.month, t.theme]));
  const items = withSchools(a, a.db.prepare(`${SELECT_ITEM} WHERE i.calendar_id = ? AND i.deleted_at IS NULL
    ORDER BY i.month, i.seq, i.id`).all(id) as ItemRow[]);
  const months: CalendarMonth[] = monthsBetween(calendar.startMonth, calendar.endMonth)
    .map((month) => ({ month, theme: themes.get(month) ?? null, items: items.filter((i) => i.month === month) }));
  return { calendar, months };
}

/** A live item of a live calendar, numbered as in its month. */
export function getCalendarItem(a: Store, id: number): CalendarItem {
  const at = a.db.prepare(`SELECT i.calendar_id AS calendarId, i.month FROM calendar_items i
    JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.id = ? AND i.deleted_at IS NULL`).get(id) as { calendarId: number; month: string } | undefined;
  if (!at) throw new AppError('not_found', '该行事历事项不存在或已被删除，请刷新后重试。');
  const month = a.db.prepare(`${SELECT_ITEM} WHERE i.calendar_id = ? AND i.month = ? AND i.deleted_at IS NULL`)
    .all(at.calendarId, at.month) as ItemRow[];
  return withSchools(a, month.filter((r) => r.id === id))[0];
}

/** Number a month's live items 1, 2, … in their current order. */
function renumber(a: Store, calendarId: number, month: string): void {
  const ids = a.db.prepare(`SELECT id FROM calendar_items WHERE calendar_id = ? AND month = ? AND deleted_at IS NULL
    ORDER BY seq, id`).pluck().all(calendarId, month) as number[];
  // Only rows out of place are written: renumbering a month in order changes nothing.
  const set = a.db.prepare('UPDATE calendar_items SET seq = ? WHERE id = ? AND seq IS NOT ?');
  ids.forEach((id, i) => set.run(i + 1, id, i + 1));
}

function nextSeq(a: Store, calendarId: number, month: string): number {
  return (a.db.prepare(`SELECT coalesce(max(seq), 0) + 1 FROM calendar_items WHERE calendar_id = ? AND month = ? AND deleted_at IS NULL`)
    .pluck().get(calendarId, month) as number);
}

// ---- calendars ----

export function insertCalendar(a: Store, f: CalendarFields): number {
  return a.db.transaction(() => {
    const at = nowText();
    const res = a.db.prepare(`INSERT INTO calendars (title, period_kind, start_month, end_month, notes, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(f.title, f.periodKind, f.startMonth, f.endMonth, f.notes, at, at);
    const id = Number(res.lastInsertRowid);
    audit(a, '新增', 'calendar', id, `新增行事历「${f.title}」（${range(f)}）`);
    return id;
  })();
}

/** Edit a calendar; its range may not drop months that still hold items. */
export function updateCalendar(a: Store, id: number, f: CalendarFields): void {
  a.db.transaction(() => {
    const before = getCalendar(a, id);
    const outside = a.db.prepare(`SELECT month, count(*) AS n FROM calendar_items WHERE calendar_id = ? AND deleted_at IS NULL
      AND (month < ? OR month > ?) GROUP BY month ORDER BY month`).all(id, f.startMonth, f.endMonth) as { month: string; n: number }[];
    if (outside.length) {
      const list = outside.map((o) => `${monthLabel(o.month)}（${o.n}项）`).join('、');
      throw new AppError('conflict', `新的周期不包含${list}，这些月份还有工作事项。请先删除或移走这些事项，再缩短周期。`,
        outside[0].month < f.startMonth ? 'startMonth' : 'endMonth');
    }
    a.db.prepare(`UPDATE calendars SET title = ?, period_kind = ?, start_month = ?, end_month = ?, notes = ?, updated_at = ? WHERE id = ?`)
      .run(f.title, f.periodKind, f.startMonth, f.endMonth, f.notes, nowText(), id);
    const renamed = before.title !== f.title ? `（原名「${before.title}」）` : '';
    audit(a, '修改', 'calendar', id, `修改行事历「${f.title}」${renamed}（${range(f)}）`);
  })();
}

export function deleteCalendar(a: Store, id: number): number {
  const c = getCalendar(a, id);
  return moveToBin(a, 'calendar', id, c.title);
}

function requireMonthIn(c: Calendar, month: string): void {
  if (month < c.startMonth || month > c.endMonth) {
    throw new AppError('invalid', `「月份」${monthLabel(month)}不在行事历「${c.title}」的周期（${range(c)}）内，请选择周期内的月份。`, 'month');
  }
}

/** 一月一主题: set (or clear, with an empty theme) the theme of one month of the calendar. */
export function setTheme(a: Store, calendarId: number, month: string, theme: string | null): void {
  a.db.transaction(() => {
    const c = getCalendar(a, calendarId);
    requireMonthIn(c, month);
    if (theme) {
      a.db.prepare(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, ?)
        ON CONFLICT (calendar_id, month) DO UPDATE SET theme = excluded.theme`).run(calendarId, month, theme);
    } else {
      a.db.prepare('DELETE FROM calendar_months WHERE calendar_id = ? AND month = ?').run(calendarId, month);
    }
    audit(a, '修改', 'calendar', calendarId, `行事历「${c.title}」${monthLabel(month)}主题${theme ? `设为「${theme}」` : '已清除'}`);
  })();
}

/**
 * Start a new plan from `id`: months (and item dates) moved by `shiftYears`, themes kept, items
 * renumbered and reset to 未开始 without notes; their live schools come along. One transaction.
 */
export function copyCalendar(a: Store, id: number, title: string, shiftYears: number): number {
  return a.db.transaction(() => {
    const src = calendarDetail(a, id);
    const c = src.calendar;
    const newId = insertCalendar(a, {
      title, periodKind: c.periodKind, notes: c.notes,
      startMonth: shiftMonth(c.startMonth, shiftYears), endMonth: shiftMonth(c.endMonth, shiftYears),
    });
    const theme = a.db.prepare('INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, ?)');
    const item = a.db.prepare(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, start_date, end_date,
      status, status_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '未开始', NULL, ?, ?)`);
    const link = a.db.prepare('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)');
    const at = nowText();
    let count = 0;
    for (const m of src.months) {
      const month = shiftMonth(m.month, shiftYears);
      if (m.theme) theme.run(newId, month, m.theme);
      for (const i of m.items) {
        const res = item.run(newId, month, i.seq, i.content, i.category, i.owner,
          i.startDate && shiftDate(i.startDate, shiftYears), i.endDate && shiftDate(i.endDate, shiftYears), at, at);
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
  const live = a.db.prepare(`SELECT count(*) FROM schools WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
    .pluck().get(JSON.stringify(unique)) as number;
  if (live !== unique.length) throw new AppError('invalid', '「学校」所选的学校中有的不存在或已被删除，请刷新后重新选择。', 'schoolIds');
  return unique;
}

function liveCalendarFor(a: Store, calendarId: number): Calendar {
  const c = a.db.prepare(`${SELECT_CALENDAR} WHERE c.id = ? AND c.deleted_at IS NULL`).get(calendarId) as Calendar | undefined;
  if (!c) throw new AppError('invalid', '「行事历」所选的行事历不存在或已被删除，请刷新后重新选择。', 'calendarId');
  return c;
}

function setSchools(a: Store, itemId: number, schoolIds: number[]): void {
  a.db.prepare('DELETE FROM calendar_item_schools WHERE item_id = ?').run(itemId);
  const link = a.db.prepare('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)');
  for (const s of schoolIds) link.run(itemId, s);
}

/** Add an item at the end of its month. */
export function insertCalendarItem(a: Store, f: CalendarItemFields): number {
  return a.db.transaction(() => {
    const c = liveCalendarFor(a, f.calendarId);
    requireMonthIn(c, f.month);
    const schools = checkSchools(a, f.schoolIds);
    const at = nowText();
    const res = a.db.prepare(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, start_date, end_date,
      status, status_note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(f.calendarId, f.month, nextSeq(a, f.calendarId, f.month), f.content, f.category, f.owner, f.startDate, f.endDate,
        f.status, f.statusNote, at, at);
    const id = Number(res.lastInsertRowid);
    setSchools(a, id, schools);
    renumber(a, f.calendarId, f.month);
    audit(a, '新增', 'calendarItem', id, `行事历「${c.title}」${monthLabel(f.month)}新增事项「${short(f.content)}」`);
    return id;
  })();
}

/** Edit an item; moved to another month (or calendar) it goes to the end there and both months renumber. */
export function updateCalendarItem(a: Store, id: number, f: CalendarItemFields): void {
  a.db.transaction(() => {
    const before = getCalendarItem(a, id);
    const c = liveCalendarFor(a, f.calendarId);
    requireMonthIn(c, f.month);
    const schools = checkSchools(a, f.schoolIds);
    const moved = before.calendarId !== f.calendarId || before.month !== f.month;
    const seq = moved ? nextSeq(a, f.calendarId, f.month) : before.seq;
    a.db.prepare(`UPDATE calendar_items SET calendar_id = ?, month = ?, seq = ?, content = ?, category = ?, owner = ?,
      start_date = ?, end_date = ?, status = ?, status_note = ?, updated_at = ? WHERE id = ?`)
      .run(f.calendarId, f.month, seq, f.content, f.category, f.owner, f.startDate, f.endDate, f.status, f.statusNote, nowText(), id);
    setSchools(a, id, schools);
    if (moved) {
      renumber(a, before.calendarId, before.month);
      renumber(a, f.calendarId, f.month);
    }
    const keys = ['month', 'content', 'category', 'owner', 'startDate', 'endDate', 'status', 'statusNote'] as const;
    const changed = Object.fromEntries(keys.filter((k) => before[k] !== f[k]).map((k) => [k, [before[k], f[k]]]));
    const status = before.status !== f.status ? `，完成情况：${before.status} → ${f.status}` : '';
    audit(a, '修改', 'calendarItem', id, `修改行事历「${c.title}」${monthLabel(f.month)}事项「${short(f.content)}」${status}`, changed);
  })();
}

/** Swap an item with its neighbour in the month; false when it is already first (or last). */
export function moveCalendarItem(a: Store, id: number, direction: 'up' | 'down'): boolean {
  return a.db.transaction(() => {
    const item = getCalendarItem(a, id);
    renumber(a, item.calendarId, item.month);
    const ids = a.db.prepare(`SELECT id FROM calendar_items WHERE calendar_id = ? AND month = ? AND deleted_at IS NULL ORDER BY seq`)
      .pluck().all(item.calendarId, item.month) as number[];
    const from = ids.indexOf(id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return false;
    const set = a.db.prepare('UPDATE calendar_items SET seq = ?, updated_at = ? WHERE id = ?');
    const at = nowText();
    set.run(to + 1, at, id);
    set.run(from + 1, at, ids[to]);
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
