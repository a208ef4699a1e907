import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOf, migrateTo, plan, schemaSql, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const LIVE = 'n.deleted_at IS NULL AND n.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL)';
/** The list's page of ids, newest or oldest number first (as notices.ts asks for it). */
const page = (dir: 'ASC' | 'DESC', filter = '') => `SELECT n.id FROM notices n WHERE ${LIVE} ${filter} ORDER BY n.year ${dir}, n.number ${dir} LIMIT 2 OFFSET 1`;
/** The period's notices and their schools (store/figures.ts). */
const issuedIn = `SELECT count(*), count(DISTINCT n.school_id) FROM notices n JOIN schools sc ON sc.id = n.school_id AND sc.deleted_at IS NULL
  WHERE n.deleted_at IS NULL AND n.issued_date >= '2024-01-01' AND n.issued_date < '2025-01-01'`;

/** Version 15 with notices of two years to two schools (one deleted), one notice deleted. */
function version15() {
  db = migrateTo(15);
  const live = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const gone = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at, deleted_at) VALUES ('已撤并小学', '小学', '公办', ?, ?, ?)`, AT, AT, AT);
  const rows: [number, number, number, string, string | null][] = [
    [2023, 1, live, '2023-04-01', null], [2023, 2, gone, '2023-05-01', null], [2023, 3, live, '2023-06-01', null],
    [2024, 1, live, '2024-02-01', null], [2024, 2, live, '2024-03-01', AT], [2024, 3, live, '2024-04-01', null],
  ];
  for (const [year, number, school, issued, deleted] of rows) {
    run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at, deleted_at)
      VALUES (?, ?, ?, ?, 15, ?, ?, ?)`, year, number, school, issued, issued, AT, deleted);
  }
}

describe('migration 016 (notice order)', () => {
  it('adds the two notice indexes, and nothing else', () => {
    version15();
    const before = schemaSql(db);
    const rows = db.prepare('SELECT * FROM notices ORDER BY id').all();
    migrateTo(16, db);
    expect(userVersion(db)).toBe(16);
    expect(schemaSql(db).filter((s) => !before.includes(s))).toEqual([
      'index notices_live_issued: CREATE INDEX notices_live_issued ON notices(deleted_at, issued_date, school_id)',
      'index notices_live_order: CREATE INDEX notices_live_order ON notices(deleted_at, year, number, school_id)',
    ]);
    expect(before.filter((s) => !schemaSql(db).includes(s))).toEqual([]);
    expect(indexOf(db, 'notices_live_order').columns).toEqual(['deleted_at', 'year', 'number', 'school_id']);
    expect(indexOf(db, 'notices_live_issued').columns).toEqual(['deleted_at', 'issued_date', 'school_id']);
    expect(db.prepare('SELECT * FROM notices ORDER BY id').all()).toEqual(rows);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('reads a page of the list (also of one year) and a period\'s count from the indexes alone, with no sort', () => {
    version15();
    expect(plan(db, page('DESC')), 'version 15').toMatch(/TEMP B-TREE FOR ORDER BY/);
    migrateTo(16, db);
    for (const dir of ['ASC', 'DESC'] as const) {
      expect(plan(db, page(dir))).toMatch(/SEARCH n USING COVERING INDEX notices_live_order \(deleted_at=\?\)/);
      expect(plan(db, page(dir, 'AND n.year = 2024'))).toMatch(/SEARCH n USING COVERING INDEX notices_live_order \(deleted_at=\? AND year=\?\)/);
      for (const filter of ['', 'AND n.year = 2024']) expect(plan(db, page(dir, filter))).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan(db, issuedIn)).toMatch(/SEARCH n USING COVERING INDEX notices_live_issued \(deleted_at=\? AND issued_date>\? AND issued_date<\?\)/);
    // Live notices of live schools, newest number first, offset 1, limit 2; the period's: two to one school.
    expect(db.prepare(page('DESC')).pluck().all()).toEqual([4, 3]);
    expect(db.prepare(page('ASC')).pluck().all()).toEqual([3, 4]);
    expect(db.prepare(issuedIn).raw().get()).toEqual([2, 1]);
  });
});
