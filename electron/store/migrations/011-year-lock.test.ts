import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOf, migrateTo, objectNames, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const write = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
const refused = (sql: string, ...params: unknown[]) => expect(() => write(sql, ...params), sql).toThrow('YEAR_ARCHIVED:2023');
const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

let school = 0;
let supervisor = 0;
const visit = (date: string) => run(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, ?, '经常性', ?, ?)`, school, date, AT, AT);
const calendar = (start: string, end: string) => run(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
  VALUES ('行事历', '学年', ?, ?, ?, ?)`, start, end, AT, AT);
const item = (cal: number, month: string) => run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
  VALUES (?, ?, 1, '开学专项督导', '专项', '未开始', ?, ?)`, cal, month, AT, AT);
const notice = (year: number, number: number) => run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
  VALUES (?, ?, ?, ?, 30, ?, ?)`, year, number, school, `${year}-11-06`, `${year}-12-06`, AT);
const problem = (raised: string, noticeId: number | null, status = '整改中') => run(`INSERT INTO problems (source, school_id, category, description,
  actor, status, notice_id, raised_at, updated_at) VALUES ('督导记录', ?, '校园安全', '消防通道堆放杂物', '学校', ?, ?, ?, ?)`, school, status, noticeId, raised, AT);
const collection = (year: number) => run(`INSERT INTO collections (title, kind, year, created_at, updated_at) VALUES ('督导案例集', '案例集', ?, ?, ?)`, year, AT, AT);
const piece = (year: number) => run(`INSERT INTO pieces (kind, title, year, status, created_at, updated_at) VALUES ('案例', '乡村小学的变化', ?, '已定稿', ?, ?)`, year, AT, AT);
const archive = (year: number) => write(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue)
  VALUES (?, ?, '张明', ?, '[]')`, year, AT, `年度归档/${year}`);

/** Per year (2023, 2024): a visit with its links, a calendar with a theme and an item's school, a collection's piece, a notice with its file and re-check, a problem's history. */
function version10() {
  db = migrateTo(10);
  school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  supervisor = run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('王督学', '在聘', '兼职督学', ?, ?)`, AT, AT);
  write(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES ('h1', 'a.pdf', 'application/pdf', 1, ?), ('h2', 'b.pdf', 'application/pdf', 1, ?)`, AT, AT);
  const rows: Record<number, Record<string, number>> = {};
  for (const y of [2023, 2024]) {
    const v = visit(`${y}-05-06`);
    write('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', v, supervisor);
    write(`INSERT INTO visit_items (visit_id, item) VALUES (?, '校园安全')`, v);
    write(`INSERT INTO visit_attachments (visit_id, hash, file_name, kind, seq) VALUES (?, 'h1', 'a.pdf', 'file', 1)`, v);
    const cal = calendar(`${y}-01`, `${y}-12`);
    write(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, '开学检查')`, cal, `${y}-03`);
    const it = item(cal, `${y}-03`);
    write('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)', it, school);
    write(`INSERT INTO chronicle_rejections (year, source_kind, source_id) VALUES (?, 'visit', ?)`, y, v);
    const c = collection(y);
    const pc = piece(y);
    write('INSERT INTO collection_pieces (collection_id, piece_id, seq) VALUES (?, ?, 1)', c, pc);
    const n = notice(y, 1);
    write(`INSERT INTO notice_files (notice_id, hash, file_name, seq) VALUES (?, 'h1', 'a.pdf', 1)`, n);
    const p = problem(`${y}-05-06`, n, '待回查');
    write(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, created_at) VALUES (?, ?, ?, '未通过', ?)`, n, `${y}-11-20`, supervisor, AT);
    write(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status) VALUES (?, ?, '张明', NULL, '待整改')`, p, AT);
    rows[y] = { visit: v, calendar: cal, item: it, collection: c, piece: pc, notice: n, problem: p };
  }
  return rows;
}

/** Each table the migration guards: a row of a year to add, an edit, and which seeded rows of the year are its. */
interface Table { table: string; add(y: Record<string, number>, year: number): unknown; edit: string; of(y: Record<string, number>, year: number): string }
const TABLES: Table[] = [
  { table: 'calendars', add: (_y, year) => calendar(`${year}-09`, `${year}-12`), edit: `title = '改写'`, of: (y) => `id = ${y.calendar}` },
  { table: 'calendar_months', add: (y, year) => write(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, ?, '主题')`, y.calendar, `${year}-04`),
    edit: `theme = '改写主题'`, of: (y) => `calendar_id = ${y.calendar}` },
  { table: 'calendar_item_schools', add: (y) => write('INSERT INTO calendar_item_schools (item_id, school_id) VALUES (?, ?)', y.item, other().school),
    edit: `school_id = school_id`, of: (y) => `item_id = ${y.item}` },
  { table: 'chronicle_rejections', add: (_y, year) => write(`INSERT INTO chronicle_rejections (year, source_kind, source_id) VALUES (?, 'briefing', 9)`, year),
    edit: `source_id = 99`, of: (_y, year) => `year = ${year}` },
  { table: 'visit_supervisors', add: (y) => write('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', y.visit, other().supervisor),
    edit: `supervisor_id = supervisor_id`, of: (y) => `visit_id = ${y.visit}` },
  { table: 'visit_items', add: (y) => write(`INSERT INTO visit_items (visit_id, item) VALUES (?, '其他')`, y.visit), edit: `item = item || '改'`, of: (y) => `visit_id = ${y.visit}` },
  { table: 'visit_attachments', add: (y) => write(`INSERT INTO visit_attachments (visit_id, hash, file_name, kind, seq) VALUES (?, 'h2', 'b.pdf', 'file', 2)`, y.visit),
    edit: `file_name = '改写.pdf'`, of: (y) => `visit_id = ${y.visit}` },
  { table: 'collection_pieces', add: (y) => write('INSERT INTO collection_pieces (collection_id, piece_id, seq) VALUES (?, ?, 2)', y.collection, piece(2024)),
    edit: `seq = 5`, of: (y) => `collection_id = ${y.collection}` },
  { table: 'notice_files', add: (y) => write(`INSERT INTO notice_files (notice_id, hash, file_name, seq) VALUES (?, 'h2', 'b.pdf', 2)`, y.notice),
    edit: `file_name = '改写.pdf'`, of: (y) => `notice_id = ${y.notice}` },
  { table: 'rechecks', add: (y) => write(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, created_at) VALUES (?, '2024-12-01', ?, '通过', ?)`, y.notice, supervisor, AT),
    edit: `result = '通过'`, of: (y) => `notice_id = ${y.notice}` },
  { table: 'problem_history', add: (y) => write(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status) VALUES (?, ?, '张明', '整改中', '待回查')`, y.problem, AT),
    edit: `note = '改写'`, of: (y) => `problem_id = ${y.problem}` },
];
/** A second school and supervisor, for links the seeded rows do not have yet. */
let others: { school: number; supervisor: number } | null = null;
function other() {
  others ??= {
    school: run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第二小学', '小学', '公办', ?, ?)`, AT, AT),
    supervisor: run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('李督学', '在聘', '兼职督学', ?, ?)`, AT, AT),
  };
  return others;
}

describe('migration 011 (year lock)', () => {
  it('guards every write to the tables that belong to a year through another row, and to the calendars, themes and rejections', () => {
    others = null;
    const rows = version10();
    const before = Object.fromEntries(TABLES.map((t) => [t.table, count(t.table)]));
    // The problems on the seeded notices are 销号, so no rectification write is let through below.
    write(`UPDATE problems SET status = '已销号', closed_at = '2024-12-01'`);
    archive(2023);
    // Before 011 these writes went through (the holes of issue 11, finding 4).
    write(`UPDATE calendar_months SET theme = '改写' WHERE calendar_id = ?`, rows[2023].calendar);
    write(`UPDATE calendars SET deleted_at = ? WHERE id = ?`, AT, rows[2023].calendar);
    write(`UPDATE calendars SET deleted_at = NULL WHERE id = ?`, rows[2023].calendar);
    write(`UPDATE chronicle_rejections SET source_id = source_id WHERE year = 2023`);

    migrateTo(11, db);
    expect(userVersion(db)).toBe(11);
    expect(indexOf(db, 'problems_closed_live')).toEqual({ table: 'problems', columns: ['status', 'deleted_at', 'closed_at', 'raised_at', 'school_id'], unique: false, partial: false });
    for (const t of TABLES) {
      expect(count(t.table), t.table).toBe(before[t.table]);
      expect(objectNames(db, 'trigger').filter((g) => g.startsWith(`${t.table}_archived_`)), t.table)
        .toEqual(['delete', 'insert', 'update'].map((e) => `${t.table}_archived_${e}`));
    }
    for (const t of TABLES) {
      refused(`UPDATE ${t.table} SET ${t.edit} WHERE ${t.of(rows[2023], 2023)}`);
      refused(`DELETE FROM ${t.table} WHERE ${t.of(rows[2023], 2023)}`);
      expect(() => t.add(rows[2023], 2023), t.table).toThrow('YEAR_ARCHIVED:2023');
      // 2024 is open.
      t.add(rows[2024], 2024);
      write(`UPDATE ${t.table} SET ${t.edit} WHERE ${t.of(rows[2024], 2024)}`);
    }
    for (const t of [...TABLES].reverse()) write(`DELETE FROM ${t.table} WHERE ${t.of(rows[2024], 2024)}`);
    // Reopening the year lifts the guards.
    write('DELETE FROM archived_years WHERE year = 2023');
    for (const t of TABLES) write(`UPDATE ${t.table} SET ${t.edit} WHERE ${t.of(rows[2023], 2023)}`);
  });

  it('a calendar belongs to every year its months touch: a 学年 plan across an archived year keeps its title, range and deletion mark', () => {
    const rows = version10();
    migrateTo(11, db);
    const schoolYear = calendar('2023-09', '2024-07');
    const later = item(schoolYear, '2024-03');
    archive(2023);
    refused(`UPDATE calendars SET title = '改写' WHERE id = ?`, schoolYear);
    refused(`UPDATE calendars SET deleted_at = ? WHERE id = ?`, AT, schoolYear);
    refused(`UPDATE calendars SET start_month = '2024-01' WHERE id = ?`, schoolYear); // out of the year
    refused(`UPDATE calendars SET start_month = '2023-12' WHERE id = ?`, rows[2024].calendar); // into it
    refused(`DELETE FROM calendars WHERE id = ?`, schoolYear);
    expect(() => calendar('2022-09', '2024-07')).toThrow('YEAR_ARCHIVED:2023');
    // Its months of the open year are still planned.
    write(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, '2024-04', '课后服务')`, schoolYear);
    write(`UPDATE calendar_items SET status = '已完成' WHERE id = ?`, later);
    refused(`INSERT INTO calendar_months (calendar_id, month, theme) VALUES (?, '2023-10', '课后服务')`, schoolYear);
    calendar('2024-09', '2025-07');
  });

  it('lets an archived year\'s open rectification go on: report, files, re-check, transitions, a notice for a problem without one; content stays', () => {
    const rows = version10();
    migrateTo(11, db);
    const r = rows[2023];
    const waiting = problem('2023-12-20', null, '待整改');
    const closedEarlier = problem('2023-06-01', r.notice, '已销号');
    const open = notice(2023, 2);
    problem('2023-10-01', open, '整改中');
    archive(2023);

    // 整改报告 with its files, while the notice has problems open.
    write(`UPDATE notices SET report_text = '已清理消防通道', report_date = '2024-01-08' WHERE id = ?`, r.notice);
    write('DELETE FROM notice_files WHERE notice_id = ?', r.notice);
    write(`INSERT INTO notice_files (notice_id, hash, file_name, seq) VALUES (?, 'h2', '整改报告.pdf', 1)`, r.notice);
    // 回查 and 销号, each move with its history line.
    write(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, created_at) VALUES (?, '2024-01-15', ?, '通过', ?)`, r.notice, supervisor, AT);
    write(`UPDATE problems SET status = '已销号', closed_at = '2024-01-15', updated_at = ? WHERE id = ?`, AT, r.problem);
    write(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status, note) VALUES (?, ?, '张明', '待回查', '已销号', '回查通过')`, r.problem, AT);
    // A line that does not record the problem's move is refused; so is history of a problem gone.
    refused(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status) VALUES (?, ?, '张明', '整改中', '待回查')`, r.problem, AT);

    // Now every problem on the notice is 销号: its report, files and re-checks are settled.
    refused(`UPDATE notices SET report_text = '改写' WHERE id = ?`, r.notice);
    refused(`INSERT INTO notice_files (notice_id, hash, file_name, seq) VALUES (?, 'h1', 'a.pdf', 2)`, r.notice);
    refused('DELETE FROM notice_files WHERE notice_id = ?', r.notice);
    refused(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, created_at) VALUES (?, '2024-01-20', ?, '通过', ?)`, r.notice, supervisor, AT);
    refused(`UPDATE problems SET status = '整改中', closed_at = NULL WHERE id = ?`, closedEarlier);

    // A 2023 problem without a notice goes on a notice of the open year, and on through 整改中.
    const next = notice(2024, 7);
    write('UPDATE problems SET notice_id = ?, updated_at = ? WHERE id = ?', next, AT, waiting);
    write(`UPDATE problems SET status = '整改中' WHERE id = ?`, waiting);
    expect(db.prepare('SELECT due FROM problems WHERE id = ?').pluck().get(waiting)).toBe('2024-12-06');
    refused('UPDATE problems SET notice_id = ? WHERE id = ?', r.notice, waiting); // once on a notice, it stays there

    // Content of the archived year stays as filed.
    for (const edit of [`description = '改写'`, `category = '其他'`, `school_id = ${school}, deadline = '2024-02-01'`, `raised_at = '2024-01-02'`,
      `deleted_at = '${AT}'`, `source = '专项督导'`]) refused(`UPDATE problems SET ${edit} WHERE id = ?`, waiting);
    refused(`UPDATE problems SET status = '待回查', description = '改写' WHERE id = ?`, waiting); // status with content
    for (const edit of [`requirement = '改写'`, `deadline_date = '2024-03-01'`, `deadline_days = 90`, `number = 9`, `issued_date = '2023-11-07'`, `deleted_at = '${AT}'`]) {
      refused(`UPDATE notices SET ${edit} WHERE id = ?`, open);
    }
    refused(`UPDATE notices SET report_text = '报告', requirement = '改写' WHERE id = ?`, open);
    refused('DELETE FROM problems WHERE id = ?', waiting);
    refused('DELETE FROM notices WHERE id = ?', open);
    write(`UPDATE notices SET report_text = '报告', report_date = '2024-01-03' WHERE id = ?`, open);
  });
});
