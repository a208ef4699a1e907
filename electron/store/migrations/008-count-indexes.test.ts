import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOf, migrateTo, plan, schemaSql, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
/** The overdue count as it stood at version 8: open, live, of a live school, the live notice's deadline else the problem's own before the day. */
const OVERDUE = `SELECT count(*) FROM problems p WHERE p.status IN ('待整改', '整改中', '待回查') AND p.deleted_at IS NULL
  AND p.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL)
  AND COALESCE((SELECT n.deadline_date FROM notices n WHERE n.id = p.notice_id AND n.deleted_at IS NULL), p.deadline) < ?`;
const COMPLAINTS_BY_STATUS = `SELECT count(*) FROM complaints c WHERE c.deleted_at IS NULL AND c.status = ?`;

/** Version 7 with open, closed, deleted and noticed problems (one of an archived year), and complaints in two states. */
function version7() {
  db = migrateTo(7);
  const school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const gone = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at, deleted_at) VALUES ('已撤并小学', '小学', '公办', ?, ?, ?)`, AT, AT, AT);
  const notice = run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
    VALUES (2024, 1, ?, '2024-03-06', 90, '2024-06-04', ?)`, school, AT);
  const problems: [number, string, string | null, number | null, string, string | null][] = [
    [school, '待整改', '2024-04-01', null, '2024-03-01', null], // overdue
    [school, '整改中', '2024-04-01', notice, '2024-03-05', null], // on time: the notice's deadline counts
    [school, '已销号', '2024-04-01', null, '2024-03-01', null], // closed
    [school, '待回查', null, null, '2024-03-01', null], // no deadline
    [school, '待整改', '2024-04-01', null, '2024-03-01', AT], // deleted
    [gone, '待整改', '2024-04-01', null, '2024-03-01', null], // deleted school
    [school, '待整改', '2023-06-01', null, '2023-05-06', null], // overdue, of the archived year
  ];
  for (const [s, status, deadline, n, raised, deleted] of problems) {
    run(`INSERT INTO problems (source, school_id, category, description, actor, deadline, status, notice_id, raised_at, updated_at, deleted_at)
      VALUES ('督导记录', ?, '校园安全', '消防通道堆放杂物', '学校', ?, ?, ?, ?, ?, ?)`, s, deadline, status, n, raised, AT, deleted);
  }
  for (const [status, deleted] of [['待处理', null], ['待处理', null], ['已办结', null], ['待处理', AT]]) {
    run(`INSERT INTO complaints (received_at, channel, topic, content, status, created_at, updated_at, deleted_at)
      VALUES ('2024-03-08 10:00', '来电', '收费', '反映收费问题', ?, ?, ?, ?)`, status, AT, AT, deleted);
  }
  run(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2023, ?, '张明', '年度归档/2023', '[]')`, AT);
}

describe('migration 008 (count indexes)', () => {
  it('adds the open-problem and complaint-status indexes, and nothing else', () => {
    version7();
    const before = schemaSql(db);
    migrateTo(8, db);
    expect(userVersion(db)).toBe(8);
    expect(schemaSql(db).filter((s) => !before.includes(s))).toEqual([
      'index complaints_live_status: CREATE INDEX complaints_live_status ON complaints(deleted_at, status, received_at)',
      'index problems_open_due: CREATE INDEX problems_open_due ON problems(status, deleted_at, school_id, deadline, notice_id)',
    ]);
    expect(before.filter((s) => !schemaSql(db).includes(s))).toEqual([]);
    expect(indexOf(db, 'problems_open_due').columns).toEqual(['status', 'deleted_at', 'school_id', 'deadline', 'notice_id']);
    expect(indexOf(db, 'complaints_live_status').columns).toEqual(['deleted_at', 'status', 'received_at']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('counts overdue problems and complaints by status from an index alone, with the same results', () => {
    version7();
    const counts = () => [db.prepare(OVERDUE).pluck().get('2024-05-01'), db.prepare(COMPLAINTS_BY_STATUS).pluck().get('待处理'),
      db.prepare(COMPLAINTS_BY_STATUS).pluck().get('已办结')];
    expect(plan(db, OVERDUE, '2024-05-01')).not.toMatch(/SEARCH p USING COVERING/);
    expect(plan(db, COMPLAINTS_BY_STATUS, '待处理')).not.toMatch(/SEARCH c USING COVERING/);
    const before = counts();
    expect(before).toEqual([2, 2, 1]);
    migrateTo(8, db);
    expect(plan(db, OVERDUE, '2024-05-01')).toMatch(/SEARCH p USING COVERING INDEX problems_open_due \(status=\? AND deleted_at=\? AND school_id=\?\)/);
    expect(plan(db, COMPLAINTS_BY_STATUS, '待处理')).toMatch(/SEARCH c USING COVERING INDEX complaints_live_status \(deleted_at=\? AND status=\?\)/);
    expect(counts()).toEqual(before);
  });
});
