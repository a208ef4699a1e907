import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOf, migrateTo, objectNames, plan, schemaSql, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const LIVE_SCHOOL = (c: string) => `${c}.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL)`;

/**
 * Version 4 with two live schools and a deleted one, visits and problems of each (some soft-deleted),
 * of an archived year (2023) and an open one.
 */
function version4() {
  db = migrateTo(4);
  const schools = ['城关第一小学', '白沙镇中心小学', '已撤并小学'].map((name) =>
    run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`, name, AT, AT));
  let i = 0;
  for (const school of schools) {
    for (const date of ['2023-05-06', '2024-03-05', '2024-04-10']) {
      const deleted = ++i % 4 === 0 ? AT : null;
      run(`INSERT INTO visits (school_id, date, type, created_at, updated_at, deleted_at) VALUES (?, ?, '经常性督导', ?, ?, ?)`, school, date, AT, AT, deleted);
      run(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at, deleted_at)
        VALUES ('督导记录', ?, '校园安全', '消防通道堆放杂物', '学校', '待整改', ?, ?, ?)`, school, date, AT, deleted);
    }
  }
  run('UPDATE schools SET deleted_at = ? WHERE id = ?', AT, schools[2]);
  run(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2023, ?, '张明', '年度归档/2023', '[]')`, AT);
  return schools;
}

describe('migration 005 (indexes)', () => {
  it('adds the four list indexes over an archive with a filed year, and changes nothing else', () => {
    version4();
    const before = schemaSql(db);
    const rows = db.prepare('SELECT * FROM visits ORDER BY id').all();
    migrateTo(5, db);
    expect(userVersion(db)).toBe(5);
    expect(schemaSql(db).filter((s) => !before.includes(s))).toEqual([
      'index problems_live_raised_school: CREATE INDEX problems_live_raised_school ON problems(deleted_at, raised_at, school_id, notice_id)',
      'index problems_school_live: CREATE INDEX problems_school_live ON problems(school_id, deleted_at, status, notice_id, raised_at)',
      'index visits_live_date_school: CREATE INDEX visits_live_date_school ON visits(deleted_at, date, school_id)',
      'index visits_school_live: CREATE INDEX visits_school_live ON visits(school_id, deleted_at, date)',
    ]);
    expect(before.filter((s) => !schemaSql(db).includes(s))).toEqual([]);
    expect(indexOf(db, 'visits_school_live')).toEqual({ table: 'visits', columns: ['school_id', 'deleted_at', 'date'], unique: false, partial: false });
    expect(indexOf(db, 'problems_school_live').columns).toEqual(['school_id', 'deleted_at', 'status', 'notice_id', 'raised_at']);
    expect(objectNames(db, 'index')).toEqual(expect.arrayContaining(['visits_live_date_school', 'problems_live_raised_school']));
    expect(db.prepare('SELECT * FROM visits ORDER BY id').all()).toEqual(rows);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('counts live records of live schools from an index alone, and pages by date along one without a sort', () => {
    version4();
    migrateTo(5, db);
    const counts = {
      visits: `SELECT count(*) FROM visits v WHERE v.deleted_at IS NULL AND ${LIVE_SCHOOL('v')}`,
      problems: `SELECT count(*) FROM problems p WHERE p.deleted_at IS NULL AND ${LIVE_SCHOOL('p')}`,
    };
    expect(plan(db, counts.visits)).toMatch(/SEARCH v USING COVERING INDEX visits_school_live \(school_id=\? AND deleted_at=\?\)/);
    expect(plan(db, counts.problems)).toMatch(/SEARCH p USING COVERING INDEX problems_school_live \(school_id=\? AND deleted_at=\?\)/);
    // Six records of each kind belong to the two live schools; one of them (the fourth written) is soft-deleted.
    expect(db.prepare(counts.visits).pluck().get()).toBe(5);
    expect(db.prepare(counts.problems).pluck().get()).toBe(5);

    const pageV = `SELECT v.id FROM visits v WHERE v.deleted_at IS NULL AND ${LIVE_SCHOOL('v')} ORDER BY v.date DESC LIMIT 3 OFFSET 1`;
    expect(plan(db, pageV)).toMatch(/SEARCH v USING COVERING INDEX visits_live_date_school/);
    expect(plan(db, pageV)).not.toMatch(/TEMP B-TREE/);
    const pageP = `SELECT p.id FROM problems p WHERE p.deleted_at IS NULL AND ${LIVE_SCHOOL('p')} ORDER BY p.raised_at DESC LIMIT 3 OFFSET 1`;
    expect(plan(db, pageP)).toMatch(/SEARCH p USING COVERING INDEX problems_live_raised_school/);
    expect(plan(db, pageP)).not.toMatch(/TEMP B-TREE/);
    expect(db.prepare(pageV).pluck().all()).toHaveLength(3);
  });
});
