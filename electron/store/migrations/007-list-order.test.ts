import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOf, migrateTo, plan, schemaSql, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const LIVE = 'v.school_id NOT IN (SELECT id FROM schools WHERE deleted_at IS NOT NULL)';
/** The 督导记录 list's page of ids in one order (as visits.ts asks for it). */
const page = (order: string[], dir: 'ASC' | 'DESC', filter = '') =>
  `SELECT v.id FROM visits v WHERE v.deleted_at IS NULL ${filter} AND ${LIVE} ORDER BY ${order.map((c) => `${c} ${dir}`).join(', ')} LIMIT 3 OFFSET 1`;
const BY_TYPE = ['v.type', 'v.date', 'v.school_id', 'v.id'];
const BY_UPDATED = ['v.updated_at', 'v.school_id', 'v.id'];

/** Version 6 with visits of two types, two schools (one deleted), a soft-deleted visit and an archived year. */
function version6() {
  db = migrateTo(6);
  const live = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const gone = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at, deleted_at) VALUES ('已撤并小学', '小学', '公办', ?, ?, ?)`, AT, AT, AT);
  const rows: [number, string, string, string, string | null][] = [
    [live, '2023-05-06', '经常性督导', '2023-05-07 10:00', null],
    [live, '2024-03-05', '专项督导', '2024-03-06 10:00', null],
    [live, '2024-03-05', '经常性督导', '2024-03-05 18:00', null],
    [live, '2024-04-10', '专项督导', '2024-04-10 09:00', null],
    [live, '2024-04-11', '经常性督导', '2024-04-12 09:00', AT],
    [gone, '2024-04-12', '专项督导', '2024-04-12 10:00', null],
    [live, '2024-05-20', '经常性督导', '2024-05-20 11:00', null],
  ];
  for (const [school, date, type, updated, deleted] of rows) {
    run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at, deleted_at) VALUES (?, ?, ?, '检查', ?, ?, ?)`, school, date, type, AT, updated, deleted);
  }
  run(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2023, ?, '张明', '年度归档/2023', '[]')`, AT);
}

describe('migration 007 (list order)', () => {
  it('adds the indexes for the 督导记录 list by 类型 and by 更新时间, and nothing else', () => {
    version6();
    const before = schemaSql(db);
    const rows = db.prepare('SELECT * FROM visits ORDER BY id').all();
    migrateTo(7, db);
    expect(userVersion(db)).toBe(7);
    expect(schemaSql(db).filter((s) => !before.includes(s))).toEqual([
      'index visits_live_type_date: CREATE INDEX visits_live_type_date ON visits(deleted_at, type, date, school_id)',
      'index visits_live_updated: CREATE INDEX visits_live_updated ON visits(deleted_at, updated_at, school_id)',
    ]);
    expect(before.filter((s) => !schemaSql(db).includes(s))).toEqual([]);
    expect(indexOf(db, 'visits_live_type_date').columns).toEqual(['deleted_at', 'type', 'date', 'school_id']);
    expect(indexOf(db, 'visits_live_updated').columns).toEqual(['deleted_at', 'updated_at', 'school_id']);
    expect(db.prepare('SELECT * FROM visits ORDER BY id').all()).toEqual(rows);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('reads a page by 类型 (also filtered by 类型) or by 更新时间 along one index with no sort, in the right order', () => {
    version6();
    for (const order of [BY_TYPE, BY_UPDATED]) expect(plan(db, page(order, 'DESC')), 'version 6').toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    migrateTo(7, db);
    for (const dir of ['ASC', 'DESC'] as const) {
      expect(plan(db, page(BY_TYPE, dir))).toMatch(/SEARCH v USING COVERING INDEX visits_live_type_date \(deleted_at=\?\)/);
      expect(plan(db, page(BY_TYPE, dir, `AND v.type = '专项督导'`))).toMatch(/SEARCH v USING COVERING INDEX visits_live_type_date \(deleted_at=\? AND type=\?\)/);
      expect(plan(db, page(BY_UPDATED, dir))).toMatch(/SEARCH v USING COVERING INDEX visits_live_updated \(deleted_at=\?\)/);
      for (const q of [page(BY_TYPE, dir), page(BY_UPDATED, dir)]) expect(plan(db, q)).not.toMatch(/TEMP B-TREE/);
    }
    // Live visits of live schools (ids 1–4 and 7), 专项 before 经常性 by code point, then by date; offset 1, limit 3.
    expect(db.prepare(page(BY_TYPE, 'ASC')).pluck().all()).toEqual([4, 1, 3]);
    expect(db.prepare(page(BY_UPDATED, 'DESC')).pluck().all()).toEqual([4, 2, 3]);
  });
});
