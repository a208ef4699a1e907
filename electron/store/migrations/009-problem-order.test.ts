import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, objectNames, plan, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const due = (id: number) => db.prepare('SELECT due FROM problems WHERE id = ?').pluck().get(id);
/** Problems whose stored due date differs from the deadline that counts: the live notice's, else the problem's own. */
const mismatches = () => db.prepare(`SELECT id FROM problems p WHERE p.due IS NOT
  COALESCE((SELECT n.deadline_date FROM notices n WHERE n.id = p.notice_id AND n.deleted_at IS NULL), p.deadline)`).pluck().all();
const ARCHIVED_2023 = { year: 2023, archived_at: '2024-01-10 16:00:00', archived_by: '张明', package_folder: '年度归档/2023',
  catalogue: JSON.stringify([{ no: 1, title: '2023年督导工作总结', kind: '总结', date: '2023-12-28', size: 1024, sha256: 'ab', path: '01.docx' }]) };

let school = 0;
function addNotice(year: number, number: number, deadline: string, deleted: string | null = null, id: number | null = null) {
  return run(`INSERT INTO notices (id, year, number, school_id, issued_date, deadline_days, deadline_date, created_at, deleted_at)
    VALUES (?, ?, ?, ?, ?, 30, ?, ?, ?)`, id, year, number, school, `${year}-01-05`, deadline, AT, deleted);
}
function addProblem(raised: string, deadline: string | null, notice: number | null, more: { deleted?: string; due?: string } = {}) {
  const cols = ['source', 'school_id', 'category', 'description', 'actor', 'deadline', 'status', 'notice_id', 'raised_at', 'updated_at', 'deleted_at',
    ...(more.due !== undefined ? ['due'] : [])];
  return run(`INSERT INTO problems (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, '督导记录', school, '校园安全', '消防通道堆放杂物', '学校',
    deadline, '待整改', notice, raised, AT, more.deleted ?? null, ...(more.due !== undefined ? [more.due] : []));
}

/**
 * Version 8 with problems with and without their own deadline, on a live notice, on a taken-out
 * (soft-deleted) notice, soft-deleted themselves, and of a filed year (2023): one on a 2023 notice,
 * one on a 2024 notice.
 */
function version8() {
  db = migrateTo(8);
  school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const n = { live: addNotice(2024, 1, '2024-06-30'), out: addNotice(2024, 2, '2024-05-31', AT), old: addNotice(2023, 9, '2023-07-01'),
    lateForOld: addNotice(2024, 3, '2024-02-01') };
  const p = {
    own: addProblem('2024-03-01', '2024-04-01', null),
    none: addProblem('2024-03-01', null, null),
    onLive: addProblem('2024-03-02', '2024-04-15', n.live),
    onLiveNone: addProblem('2024-03-02', null, n.live),
    onOut: addProblem('2024-03-03', '2024-04-20', n.out),
    onOutNone: addProblem('2024-03-03', null, n.out),
    deleted: addProblem('2024-03-04', '2024-04-02', null, { deleted: AT }),
    filed: addProblem('2023-05-06', '2023-06-01', n.old),
    filedOnLate: addProblem('2023-11-20', null, n.lateForOld),
  };
  db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue)
    VALUES (@year, @archived_at, @archived_by, @package_folder, @catalogue)`).run(ARCHIVED_2023);
  return { n, p };
}

describe('migration 009 (problems.due)', () => {
  it('adds problems.due, filled in for every problem (a filed year\'s too), whose read-only guard stays on', () => {
    const { p } = version8();
    migrateTo(9, db);
    expect(userVersion(db)).toBe(9);
    expect(columns(db, 'problems').at(-1)).toBe('due TEXT');

    expect(Object.fromEntries(Object.entries(p).map(([k, id]) => [k, due(id)]))).toEqual({
      own: '2024-04-01', none: null, onLive: '2024-06-30', onLiveNone: '2024-06-30', onOut: '2024-04-20', onOutNone: null,
      deleted: '2024-04-02', filed: '2023-07-01', filedOnLate: '2024-02-01',
    });
    expect(mismatches()).toEqual([]);

    // The guard was lifted for the fill only: the filed year is back exactly as it was, and refuses writes.
    expect(db.prepare('SELECT * FROM archived_years').all()).toEqual([ARCHIVED_2023]);
    expect(db.prepare(`SELECT count(*) FROM temp.sqlite_master WHERE name = 'm009_archived_years'`).pluck().get()).toBe(0);
    expect(() => db.prepare(`UPDATE problems SET deadline = '2023-06-30' WHERE id = ?`).run(p.filed)).toThrow('YEAR_ARCHIVED:2023');
    expect(() => addProblem('2023-12-01', null, null)).toThrow('YEAR_ARCHIVED:2023');
  });

  it('keeps due right as problems are written: inserted, their deadline or notice changed, or due itself set', () => {
    const { n, p } = version8();
    migrateTo(9, db);
    const a = addProblem('2024-04-01', '2024-05-01', null);
    const b = addProblem('2024-04-01', '2024-05-01', n.live);
    const c = addProblem('2024-04-01', null, n.out, { due: '1999-01-01' }); // a wrong due is put right
    expect([due(a), due(b), due(c)]).toEqual(['2024-05-01', '2024-06-30', null]);

    db.prepare(`UPDATE problems SET deadline = '2024-05-15' WHERE id IN (?, ?)`).run(a, b);
    expect([due(a), due(b)]).toEqual(['2024-05-15', '2024-06-30']); // b's notice still counts
    db.prepare('UPDATE problems SET notice_id = ? WHERE id = ?').run(n.live, a);
    expect(due(a)).toBe('2024-06-30');
    db.prepare('UPDATE problems SET notice_id = ? WHERE id = ?').run(n.out, a); // a taken-out notice does not count
    expect(due(a)).toBe('2024-05-15');
    db.prepare('UPDATE problems SET notice_id = NULL, deadline = NULL WHERE id = ?').run(a);
    expect(due(a)).toBeNull();
    db.prepare(`UPDATE problems SET due = '2030-01-01' WHERE id IN (?, ?)`).run(p.own, p.onLive);
    expect([due(p.own), due(p.onLive)]).toEqual(['2024-04-01', '2024-06-30']);
    db.prepare(`UPDATE problems SET description = '灭火器过期', status = '整改中' WHERE id = ?`).run(p.own);
    expect(due(p.own)).toBe('2024-04-01');
    expect(mismatches()).toEqual([]);
  });

  it('keeps due right as notices change: the deadline moved, taken out and back, removed and written anew', () => {
    const { n, p } = version8();
    migrateTo(9, db);
    db.prepare(`UPDATE notices SET deadline_date = '2024-07-31' WHERE id = ?`).run(n.live);
    expect([due(p.onLive), due(p.onLiveNone), due(p.own)]).toEqual(['2024-07-31', '2024-07-31', '2024-04-01']);
    db.prepare('UPDATE notices SET deleted_at = ? WHERE id = ?').run(AT, n.live);
    expect([due(p.onLive), due(p.onLiveNone)]).toEqual(['2024-04-15', null]);
    db.prepare('UPDATE notices SET deleted_at = NULL WHERE id = ?').run(n.live);
    expect([due(p.onLive), due(p.onLiveNone)]).toEqual(['2024-07-31', '2024-07-31']);
    db.prepare('UPDATE notices SET deleted_at = NULL WHERE id = ?').run(n.out);
    expect([due(p.onOut), due(p.onOutNone)]).toEqual(['2024-05-31', '2024-05-31']);
    expect(mismatches()).toEqual([]);

    // With foreign keys off (as a repair might run), a notice removed for good and written again.
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM notices WHERE id = ?').run(n.live);
    expect([due(p.onLive), due(p.onLiveNone)]).toEqual(['2024-04-15', null]);
    addNotice(2024, 1, '2024-08-15', null, n.live);
    expect([due(p.onLive), due(p.onLiveNone)]).toEqual(['2024-08-15', '2024-08-15']);
    db.prepare('DELETE FROM notices WHERE id = ?').run(n.live);
    addNotice(2024, 1, '2024-08-15', AT, n.live); // written already taken out: does not count
    expect([due(p.onLive), due(p.onLiveNone)]).toEqual(['2024-04-15', null]);
    db.pragma('foreign_keys = ON');
    expect(mismatches()).toEqual([]);

    // A notice of a filed year, or whose problems lie in one, cannot move their due date.
    expect(() => db.prepare(`UPDATE notices SET deadline_date = '2023-08-01' WHERE id = ?`).run(n.old)).toThrow('YEAR_ARCHIVED:2023');
    expect(() => db.prepare(`UPDATE notices SET deadline_date = '2024-03-01' WHERE id = ?`).run(n.lateForOld)).toThrow('YEAR_ARCHIVED:2023');
    expect(due(p.filedOnLate)).toBe('2024-02-01');
  });

  it('adds the 台账 order indexes, and the list reads each order and the overdue count along one without a sort', () => {
    version8();
    migrateTo(9, db);
    expect(objectNames(db, 'trigger').filter((t) => t.includes('_due_'))).toEqual(['notices_due_ad', 'notices_due_ai', 'notices_due_au',
      'problems_due_ai', 'problems_due_au']);
    const cols = (i: string) => indexOf(db, i).columns;
    expect(cols('problems_live_raised_id')).toEqual(['deleted_at', 'raised_at', 'id', 'school_id', 'status', 'due']);
    expect(cols('problems_live_due_id')).toEqual(['deleted_at', 'due', 'id', 'school_id', 'status', 'raised_at']);
    expect(cols('problems_live_due_last')).toEqual(['deleted_at', '<expr>', 'due', 'id', 'school_id', 'status', 'raised_at']);
    expect(cols('problems_live_status_id')).toEqual(['deleted_at', '<expr>', 'id', 'school_id', 'status', 'raised_at']);
    expect(cols('problems_school_live_id')).toEqual(['school_id', 'deleted_at', 'id', 'status', 'raised_at', 'due']);
    expect(cols('problems_open_live_due')).toEqual(['status', 'deleted_at', 'due', 'school_id', 'raised_at']);

    const STATUS = `CASE p.status WHEN '待整改' THEN 0 WHEN '整改中' THEN 1 WHEN '待回查' THEN 2 WHEN '已销号' THEN 3 END`;
    const page = (order: string[], index: string) =>
      `SELECT p.id FROM problems p INDEXED BY ${index} WHERE p.deleted_at IS NULL ORDER BY ${order.join(', ')} LIMIT 10 OFFSET 1`;
    for (const [order, index] of [[['p.raised_at', 'p.id'], 'problems_live_raised_id'], [['p.due', 'p.id'], 'problems_live_due_id'],
      [['p.due IS NULL', 'p.due', 'p.id'], 'problems_live_due_last'], [[STATUS, 'p.id'], 'problems_live_status_id']] as const) {
      expect(plan(db, page([...order], index)), index).not.toMatch(/TEMP B-TREE/);
    }
    const firstDue = db.prepare(`SELECT p.due FROM problems p INDEXED BY problems_live_due_last WHERE p.deleted_at IS NULL
      ORDER BY p.due IS NULL, p.due, p.id`).pluck().all();
    expect(firstDue).toEqual(['2023-07-01', '2024-02-01', '2024-04-01', '2024-04-20', '2024-06-30', '2024-06-30', null, null]);
    const overdue = `SELECT count(*) FROM problems p WHERE p.status IN ('待整改', '整改中', '待回查') AND p.deleted_at IS NULL AND p.due < ?`;
    expect(plan(db, overdue, '2024-05-01')).toMatch(/COVERING INDEX problems_open_live_due/);
    expect(db.prepare(overdue).pluck().get('2024-05-01')).toBe(4);
  });
});
