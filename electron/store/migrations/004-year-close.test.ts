import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, objectNames, tableKind, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/**
 * Each dated table: how to write a row of a year (plain SQL), an edit that leaves its year alone, and
 * an edit that moves it to another year. `n` keeps numbers unique.
 */
interface Dated { table: string; insert(year: number, n: number): number; edit: string; moveTo(year: number): string }
let school = 0;
let calendar = 0;
let n = 0;
const DATED: Dated[] = [
  { table: 'visits', edit: `theme = '改写主题'`, moveTo: (y) => `date = '${y}-06-01'`,
    insert: (y) => run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at) VALUES (?, ?, '经常性督导', '开学检查', ?, ?)`, school, `${y}-05-06`, AT, AT) },
  { table: 'problems', edit: `description = '改写描述'`, moveTo: (y) => `raised_at = '${y}-06-01'`,
    insert: (y) => run(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('督导记录', ?, '校园安全', '消防通道堆放杂物', '学校', '待整改', ?, ?)`, school, `${y}-03-01`, AT) },
  { table: 'complaints', edit: `content = '改写内容'`, moveTo: (y) => `received_at = '${y}-06-01 08:00'`,
    insert: (y) => run(`INSERT INTO complaints (received_at, channel, topic, content, status, created_at, updated_at)
      VALUES (?, '来电', '收费', '反映收费问题', '待处理', ?, ?)`, `${y}-04-01 10:00`, AT, AT) },
  { table: 'calendar_items', edit: `content = '改写事项'`, moveTo: (y) => `month = '${y}-06'`,
    insert: (y, i) => run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
      VALUES (?, ?, ?, '开学专项督导', '专项', '未开始', ?, ?)`, calendar, `${y}-03`, i, AT, AT) },
  { table: 'notices', edit: `requirement = '改写要求'`, moveTo: (y) => `year = ${y}`,
    insert: (y, i) => run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
      VALUES (?, ?, ?, ?, 30, ?, ?)`, y, i, school, `${y}-03-06`, `${y}-04-05`, AT) },
  // An issued briefing belongs to its year of issue (see the draft case below).
  { table: 'briefings', edit: `title = '改写标题'`, moveTo: (y) => `year = ${y}`,
    insert: (y, i) => run(`INSERT INTO briefings (month, status, year, issue_no, total_no, created_at, updated_at)
      VALUES (?, '已印发', ?, ?, ?, ?, ?)`, `${y}-03`, y, i, i, AT, AT) },
  { table: 'chronicle_entries', edit: `text = '改写大事'`, moveTo: (y) => `year = ${y}`,
    insert: (y) => run(`INSERT INTO chronicle_entries (year, precision, date, text, created_at, updated_at) VALUES (?, 'day', ?, '召开督学工作会议', ?, ?)`, y, `${y}-02-01`, AT, AT) },
  { table: 'pieces', edit: `title = '改写题目'`, moveTo: (y) => `year = ${y}`,
    insert: (y) => run(`INSERT INTO pieces (kind, title, year, status, created_at, updated_at) VALUES ('案例', '乡村小学的变化', ?, '草稿', ?, ?)`, y, AT, AT) },
  { table: 'collections', edit: `title = '改写书名'`, moveTo: (y) => `year = ${y}`,
    insert: (y) => run(`INSERT INTO collections (title, kind, year, created_at, updated_at) VALUES ('督导案例集', '案例集', ?, ?, ?)`, y, AT, AT) },
  { table: 'legacy_files', edit: `title = '改写标题'`, moveTo: (y) => `year = ${y}`,
    insert: (y) => run(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, created_at)
      VALUES (?, '工作总结', '总结', 'a.docx', 'h1', 'application/octet-stream', 1, ?)`, y, AT) },
];

/** The id of each table's row of each year, as written by `seed`. */
let rowOf: Record<string, Record<number, number>> = {};
const seed = (d: Dated, year: number) => { (rowOf[d.table] ??= {})[year] = d.insert(year, ++n); };

/** Version 3 with records of 2023 and 2024 in every dated table it has (legacy_files comes with 004). */
function version3() {
  rowOf = {};
  db = migrateTo(3);
  school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  calendar = run(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at) VALUES ('行事历', '学年', '2023-09', '2024-07', ?, ?)`, AT, AT);
  run(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES ('h1', 'a.docx', 'application/octet-stream', 1, ?)`, AT);
  for (const d of DATED.filter((d) => d.table !== 'legacy_files')) for (const y of [2023, 2024]) seed(d, y);
}
const archive = (year: number) => run(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue)
  VALUES (?, ?, '张明', ?, '[]')`, year, AT, `年度归档/${year}`);

describe('migration 004 (year close)', () => {
  it('adds archived_years, legacy_files with search, and a read-only guard for each write to each dated table; records stay as they were', () => {
    version3();
    const rows = DATED.slice(0, -1).map((d) => [d.table, count(d.table)]);
    migrateTo(4, db);
    expect(userVersion(db)).toBe(4);
    expect(DATED.slice(0, -1).map((d) => [d.table, count(d.table)])).toEqual(rows);

    expect(columns(db, 'archived_years')).toEqual(['year INTEGER PK', 'archived_at TEXT NOT NULL', 'archived_by TEXT NOT NULL',
      'package_folder TEXT NOT NULL', 'catalogue TEXT NOT NULL']);
    expect(columns(db, 'legacy_files')).toEqual(['id INTEGER PK', 'year INTEGER NOT NULL', 'title TEXT NOT NULL', 'kind TEXT NOT NULL',
      'file_name TEXT NOT NULL', 'hash TEXT NOT NULL', 'mime TEXT NOT NULL', 'size INTEGER NOT NULL', "text TEXT NOT NULL = ''",
      'created_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(tableKind(db, 'archived_years').strict).toBe(true);
    expect(tableKind(db, 'legacy_files').strict).toBe(true);
    expect(objectNames(db, 'table')).toContain('legacy_files_fts');
    expect(indexOf(db, 'legacy_files_year').columns).toEqual(['deleted_at', 'year']);

    const guards = objectNames(db, 'trigger').filter((t) => t.includes('_archived_'));
    expect(guards).toEqual(DATED.flatMap((d) => ['delete', 'insert', 'update'].map((e) => `${d.table}_archived_${e}`)).sort());
    for (const g of guards) expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = ?`).pluck().get(g), g).toMatch(/BEFORE (INSERT|UPDATE|DELETE) ON/);
    expect(objectNames(db, 'trigger').filter((t) => t.startsWith('legacy_files_fts'))).toEqual(['legacy_files_fts_ad', 'legacy_files_fts_ai', 'legacy_files_fts_au']);
  });

  it('refuses, with YEAR_ARCHIVED:<year>, every insert, edit, delete and move into or out of an archived year, in every dated table', () => {
    version3();
    migrateTo(4, db);
    const legacy = DATED.find((d) => d.table === 'legacy_files')!;
    seed(legacy, 2023);
    seed(legacy, 2024);
    // Nothing is archived yet: every year is writable.
    for (const d of DATED) db.prepare(`UPDATE ${d.table} SET ${d.edit}`).run();

    archive(2023);
    for (const d of DATED) {
      const { 2023: old, 2024: open } = rowOf[d.table];
      const refused = (sql: string, ...params: unknown[]) => expect(() => db.prepare(sql).run(...params), `${d.table}: ${sql}`).toThrow('YEAR_ARCHIVED:2023');
      refused(`UPDATE ${d.table} SET ${d.edit} WHERE id = ?`, old);
      refused(`DELETE FROM ${d.table} WHERE id = ?`, old);
      refused(`UPDATE ${d.table} SET ${d.moveTo(2024)} WHERE id = ?`, old); // out of the filed year
      refused(`UPDATE ${d.table} SET ${d.moveTo(2023)} WHERE id = ?`, open); // into it
      expect(() => d.insert(2023, ++n), d.table).toThrow('YEAR_ARCHIVED:2023');

      // 2024 is open: its rows are written, moved within the open years and removed.
      const added = d.insert(2024, ++n);
      db.prepare(`UPDATE ${d.table} SET ${d.edit} WHERE id = ?`).run(open);
      db.prepare(`UPDATE ${d.table} SET ${d.moveTo(2025)} WHERE id = ?`).run(added);
      db.prepare(`DELETE FROM ${d.table} WHERE id = ?`).run(added);
    }

    // A draft briefing (no year yet) belongs to its month's year; an issued one to its year of issue.
    expect(() => run(`INSERT INTO briefings (month, status, created_at, updated_at) VALUES ('2023-12', '草稿', ?, ?)`, AT, AT)).toThrow('YEAR_ARCHIVED:2023');
    run(`INSERT INTO briefings (month, status, year, issue_no, total_no, created_at, updated_at) VALUES ('2023-12', '已印发', 2024, 99, 99, ?, ?)`, AT, AT);
    // Tables without a year of their own (the registers) are not guarded.
    db.prepare(`UPDATE schools SET notes = '已归档年度的学校仍可编辑'`).run();

    // Several archived years: the message names one of the years hit. Reopening a year lifts its guard.
    archive(2022);
    expect(() => db.prepare(`UPDATE pieces SET year = 2022 WHERE year = 2023`).run()).toThrow(/YEAR_ARCHIVED:202[23]/);
    db.prepare('DELETE FROM archived_years WHERE year = 2023').run();
    for (const d of DATED) db.prepare(`UPDATE ${d.table} SET ${d.edit}`).run();
    expect(() => DATED[0].insert(2022, ++n)).toThrow('YEAR_ARCHIVED:2022');
  });

  it('indexes legacy files\' title, kind, name and text for search', () => {
    version3();
    migrateTo(4, db);
    const id = run(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, text, created_at)
      VALUES (2019, '2019年工作总结', '总结', '2019总结.docx', 'h1', 'application/octet-stream', 1, '全县义务教育巩固率达到', ?)`, AT);
    expect(db.prepare('SELECT text FROM legacy_files_fts WHERE rowid = ?').pluck().get(id)).toBe('2019年工作总结 总结 2019总结.docx 全县义务教育巩固率达到');
    const match = (q: string) => db.prepare(`SELECT rowid FROM legacy_files_fts WHERE legacy_files_fts MATCH ?`).pluck().all(`"${q}"`);
    expect(match('巩固率')).toEqual([id]);
    db.prepare(`UPDATE legacy_files SET text = '' WHERE id = ?`).run(id);
    expect(match('巩固率')).toEqual([]);
    expect(() => run(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, created_at)
      VALUES (2019, 'x', 'x', 'x', 'missing', 'x', 1, ?)`, AT)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM legacy_files WHERE id = ?').run(id);
    expect(count('legacy_files_fts')).toBe(0);
  });
});
