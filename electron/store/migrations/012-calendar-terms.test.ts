import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, objectNames, userVersion } from '../../testing/migrate-to';
import { readPeriod } from './012-calendar-terms';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const write = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
const refused = (sql: string, year: number, ...params: unknown[]) => expect(() => write(sql, ...params), sql).toThrow(`YEAR_ARCHIVED:${year}`);
const calendar = (title: string, kind: string, start: string, end: string) => run(`INSERT INTO calendars (title, period_kind, start_month,
  end_month, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, title, kind, start, end, AT, AT);
const item = (cal: number, month: string, content: string, owner: string | null = null, start: string | null = null, end: string | null = null) =>
  run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, start_date, end_date, status, created_at, updated_at)
    VALUES (?, ?, 1, ?, '专项', ?, ?, ?, '未开始', ?, ?)`, cal, month, content, owner, start, end, AT, AT);
const archive = (year: number) => write(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue)
  VALUES (?, ?, '张明', ?, '[]')`, year, AT, `年度归档/${year}`);
const search = (q: string) => db.prepare('SELECT rowid FROM calendar_items_fts WHERE calendar_items_fts MATCH ?').pluck().all(`"${q}"`);

describe('migration 012 (calendar terms)', () => {
  it('reads 学年 and 学期 from each calendar\'s title, else from its first month', () => {
    db = migrateTo(11);
    const ids = {
      year: calendar('2025—2026学年教育督导工作行事历', '学年', '2025-09', '2026-08'),
      term: calendar('2024-2025学年第二学期督导行事历', '学年', '2025-02', '2025-07'),
      upper: calendar('上学期工作安排', '学期', '2023-09', '2024-01'),
      bare: calendar('督导室行事历', '学期', '2026-02', '2026-07'),
      natural: calendar('2025年督导工作行事历', '自然年', '2025-01', '2025-12'),
      odd: calendar('2022—2024学年行事历', '学年', '2023-03', '2023-12'),
    };
    const school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
    // An item dated past its month (it vanished from the 月历), one dated within it, one past the calendar's end.
    const late = item(ids.year, '2025-09', '国庆安全教育督查', '督导室', '2025-09-26', '2025-10-08');
    const within = item(ids.year, '2025-10', '召开例会', null, '2025-10-15', '2025-10-15');
    const beyond = item(ids.term, '2025-07', '暑期安全巡查', '各责任区', '2025-07-10', '2025-08-20');
    const undated = item(ids.natural, '2025-03', '开展“双减”专项督导', '张明');
    write('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)', late, school);
    const visit = run(`INSERT INTO visits (school_id, date, type, calendar_item_id, created_at, updated_at) VALUES (?, '2025-10-08', '经常性', ?, ?, ?)`,
      school, late, AT, AT);
    // An archived year's calendars are filled too.
    archive(2023);

    migrateTo(12, db);
    expect(userVersion(db)).toBe(12);
    expect(columns(db, 'calendars').slice(-3)).toEqual(['school_year INTEGER', 'term INTEGER', 'week_one TEXT']);
    expect(columns(db, 'calendar_items').slice(-5)).toEqual(['end_month TEXT', 'number TEXT', 'timing TEXT', 'partners TEXT', 'note TEXT']);
    const period = (id: number) => db.prepare('SELECT period_kind AS kind, school_year AS schoolYear, term, title FROM calendars WHERE id = ?').get(id);
    expect(period(ids.year)).toEqual({ kind: '学年', schoolYear: 2025, term: null, title: '2025—2026学年教育督导工作行事历' });
    // A title naming a term makes a 学期 calendar.
    expect(period(ids.term)).toEqual({ kind: '学期', schoolYear: 2024, term: 2, title: '2024-2025学年第二学期督导行事历' });
    expect(period(ids.upper)).toMatchObject({ kind: '学期', schoolYear: 2023, term: 1 });
    expect(period(ids.bare)).toMatchObject({ kind: '学期', schoolYear: 2025, term: 2 });
    expect(period(ids.natural)).toMatchObject({ kind: '自然年', schoolYear: null, term: null });
    // A title's years that are not one school year: the first month says.
    expect(period(ids.odd)).toMatchObject({ kind: '学年', schoolYear: 2022 });

    const span = (id: number) => db.prepare('SELECT month, end_month AS endMonth, owner, number, timing FROM calendar_items WHERE id = ?').get(id);
    expect(span(late)).toEqual({ month: '2025-09', endMonth: '2025-10', owner: '督导室', number: null, timing: null });
    expect(span(within)).toMatchObject({ month: '2025-10', endMonth: '2025-10' });
    expect(span(beyond)).toMatchObject({ month: '2025-07', endMonth: '2025-07', owner: '各责任区' });
    expect(span(undated)).toMatchObject({ month: '2025-03', endMonth: '2025-03' });
    // Links kept.
    expect(db.prepare('SELECT calendar_item_id FROM visits WHERE id = ?').pluck().get(visit)).toBe(late);
    expect(db.prepare('SELECT count(*) FROM calendar_item_schools').pluck().get()).toBe(1);
    expect(indexOf(db, 'calendar_items_by_span').columns).toEqual(['month', 'end_month']);

    // Found by the new texts, and still by the old.
    write(`UPDATE calendar_items SET partners = '体卫艺科', timing = '第3周', note = '与市级督导同步' WHERE id = ?`, within);
    expect(search('体卫艺')).toEqual([within]);
    expect(search('市级督导')).toEqual([within]);
    expect(search('国庆安全')).toEqual([late]);
    expect(search('各责任区')).toEqual([beyond]);
    expect(objectNames(db, 'trigger').filter((t) => t.startsWith('calendar_items_fts'))).toEqual(['calendar_items_fts_ad', 'calendar_items_fts_ai', 'calendar_items_fts_au']);
  });

  it('locks an item in every year its months touch, and its schools with it', () => {
    db = migrateTo(12);
    const school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
    const term = calendar('2023—2024学年第一学期', '学期', '2023-09', '2024-01');
    const spanning = run(`INSERT INTO calendar_items (calendar_id, month, end_month, seq, content, category, status, created_at, updated_at)
      VALUES (?, '2023-12', '2024-01', 1, '寒假安全教育', '', '未开始', ?, ?)`, term, AT, AT);
    const december = item(term, '2023-12', '期末工作督查');
    write(`UPDATE calendar_items SET end_month = month WHERE id = ?`, december);
    write('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)', spanning, school);
    const second = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第二小学', '小学', '公办', ?, ?)`, AT, AT);
    archive(2024);

    // December–January belongs to 2024 too: its text, status, span and schools stay.
    refused(`UPDATE calendar_items SET status = '已完成' WHERE id = ?`, 2024, spanning);
    refused(`UPDATE calendar_items SET end_month = '2023-12' WHERE id = ?`, 2024, spanning);
    refused('DELETE FROM calendar_items WHERE id = ?', 2024, spanning);
    refused('DELETE FROM calendar_item_schools WHERE item_id = ?', 2024, spanning);
    refused('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)', 2024, spanning, second);
    // Stretching a December item into January is writing into 2024.
    refused(`UPDATE calendar_items SET end_month = '2024-01' WHERE id = ?`, 2024, december);
    expect(() => run(`INSERT INTO calendar_items (calendar_id, month, end_month, seq, content, category, status, created_at, updated_at)
      VALUES (?, '2023-11', '2024-01', 2, '补录', '', '未开始', ?, ?)`, term, AT, AT)).toThrow('YEAR_ARCHIVED:2024');
    // December alone is 2023's, open.
    write(`UPDATE calendar_items SET status = '已完成', number = '3.', timing = '12月上旬' WHERE id = ?`, december);
    write('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)', december, school);
    // Reopening 2024 lifts it.
    write('DELETE FROM archived_years WHERE year = 2024');
    write(`UPDATE calendar_items SET status = '已完成' WHERE id = ?`, spanning);
  });

  it('reads periods as offices write them (frozen here)', () => {
    expect(readPeriod('2026—2027学年第一学期督导工作行事历', '学期', '2026-09')).toEqual({ kind: '学期', schoolYear: 2026, term: 1 });
    expect(readPeriod('2026－2027 学年 第 2 学期', '学期', '2027-02')).toEqual({ kind: '学期', schoolYear: 2026, term: 2 });
    expect(readPeriod('下学期', '学期', '2027-03')).toEqual({ kind: '学期', schoolYear: 2026, term: 2 });
    expect(readPeriod('行事历', '学期', '2027-01')).toEqual({ kind: '学期', schoolYear: 2026, term: 1 });
    expect(readPeriod('2026学年行事历', '学年', '2026-09')).toEqual({ kind: '学年', schoolYear: 2026, term: null });
    expect(readPeriod('2026年行事历', '自然年', '2026-01')).toEqual({ kind: '自然年', schoolYear: null, term: null });
  });
});
