import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, objectNames, tableKind, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const match = (fts: string, q: string) => db.prepare(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid`).pluck().all(`"${q}"`);
const ftsText = (fts: string, id: number) => db.prepare(`SELECT text FROM ${fts} WHERE rowid = ?`).pluck().get(id);

/** Version 1 with a live and a deleted school and a supervisor. */
function version1() {
  db = migrateTo(1);
  const school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const gone = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at, deleted_at) VALUES ('已撤并小学', '小学', '公办', ?, ?, ?)`, AT, AT, AT);
  const sup = run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('张明', '在聘', '专职督学', ?, ?)`, AT, AT);
  return { school, gone, sup };
}

describe('migration 002 (work)', () => {
  it('adds the year\'s work tables, their indexes and search, and keeps the registers', () => {
    const { school, gone } = version1();
    const before = objectNames(db, 'table');
    migrateTo(2, db);
    expect(userVersion(db)).toBe(2);

    const added = objectNames(db, 'table').filter((t) => !before.includes(t));
    expect(added).toEqual(['calendar_item_schools', 'calendar_items', 'calendar_items_fts', 'calendar_months', 'calendars', 'complaints',
      'complaints_fts', 'notice_files', 'notices', 'problem_history', 'problems', 'problems_fts', 'rechecks', 'visit_attachments',
      'visit_items', 'visit_supervisors', 'visits', 'visits_fts']);
    for (const t of added.filter((t) => !t.endsWith('_fts'))) expect(tableKind(db, t).strict, t).toBe(true);
    for (const t of ['calendar_item_schools', 'visit_supervisors', 'visit_items']) expect(tableKind(db, t).withoutRowid, t).toBe(true);

    expect(columns(db, 'problems')).toEqual(['id INTEGER PK', 'source TEXT NOT NULL', 'visit_id INTEGER', 'complaint_id INTEGER',
      'campaign TEXT', 'school_id INTEGER NOT NULL', 'category TEXT NOT NULL', 'description TEXT NOT NULL', 'actor TEXT NOT NULL',
      'deadline TEXT', 'status TEXT NOT NULL', 'notice_id INTEGER', 'raised_at TEXT NOT NULL', 'closed_at TEXT',
      'updated_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'notices')).toEqual(['id INTEGER PK', 'year INTEGER NOT NULL', 'number INTEGER NOT NULL', 'school_id INTEGER NOT NULL',
      'issued_date TEXT NOT NULL', 'deadline_days INTEGER NOT NULL', 'deadline_date TEXT NOT NULL', 'requirement TEXT', 'report_text TEXT',
      'report_date TEXT', 'created_at TEXT NOT NULL', 'deleted_at TEXT']);
    expect(columns(db, 'visits')).toEqual(expect.arrayContaining(["methods TEXT NOT NULL = '[]'", "items TEXT NOT NULL = '[]'", 'calendar_item_id INTEGER']));
    expect(columns(db, 'calendar_months')).toEqual(['calendar_id INTEGER NOT NULL PK', 'month TEXT NOT NULL PK', 'theme TEXT']);

    expect(objectNames(db, 'index').filter((i) => !/^(assignments|audit|recycle|schools|supervisors|zones)_/.test(i))).toEqual([
      'calendar_items_by_month', 'calendar_items_month', 'complaints_received', 'complaints_school', 'notices_school',
      'problem_history_problem', 'problems_complaint', 'problems_notice', 'problems_raised', 'problems_school', 'problems_status_deadline',
      'problems_visit', 'rechecks_notice', 'visit_items_by_item', 'visit_supervisors_by_supervisor', 'visits_calendar_item',
      'visits_date', 'visits_school_date']);
    expect(indexOf(db, 'problems_status_deadline').columns).toEqual(['status', 'deadline']);
    expect(indexOf(db, 'visits_date').columns).toEqual(['deleted_at', 'date']);
    expect(indexOf(db, 'visit_items_by_item').columns).toEqual(['item', 'visit_id']);
    expect(indexOf(db, 'calendar_items_month').columns).toEqual(['calendar_id', 'month', 'seq']);
    for (const fts of ['visits', 'problems', 'complaints', 'calendar_items']) {
      expect(objectNames(db, 'trigger').filter((t) => t.startsWith(`${fts}_fts_`)), fts).toEqual([`${fts}_fts_ad`, `${fts}_fts_ai`, `${fts}_fts_au`]);
    }

    // The registers are as they were.
    expect(db.prepare('SELECT id, full_name, deleted_at FROM schools ORDER BY id').all()).toEqual([
      { id: school, full_name: '城关第一小学', deleted_at: null }, { id: gone, full_name: '已撤并小学', deleted_at: AT }]);
    expect(db.prepare('SELECT count(*) FROM schools_fts').pluck().get()).toBe(2);
  });

  it('links visits, notices and problems to the registers, with defaults, unique notice numbers and cascades', () => {
    const { school, sup } = version1();
    migrateTo(2, db);
    const visit = run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at) VALUES (?, '2024-03-05', '经常性督导', '开学检查', ?, ?)`, school, AT, AT);
    expect(db.prepare('SELECT methods, items FROM visits WHERE id = ?').get(visit)).toEqual({ methods: '[]', items: '[]' });
    run('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', visit, sup);
    run(`INSERT INTO visit_items (visit_id, item) VALUES (?, '校园安全'), (?, '食堂管理')`, visit, visit);
    expect(() => run(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (999, '2024-03-05', '经常性督导', ?, ?)`, AT, AT))
      .toThrow(/FOREIGN KEY/);

    const notice = run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
      VALUES (2024, 1, ?, '2024-03-06', 30, '2024-04-05', ?)`, school, AT);
    expect(() => run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
      VALUES (2024, 1, ?, '2024-03-07', 30, '2024-04-06', ?)`, school, AT)).toThrow(/UNIQUE constraint failed: notices.year, notices.number/);
    run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
      VALUES (2025, 1, ?, '2025-03-07', 30, '2025-04-06', ?)`, school, AT); // 第1号 again in another year
    const problem = run(`INSERT INTO problems (source, visit_id, school_id, category, description, actor, deadline, status, notice_id, raised_at, updated_at)
      VALUES ('督导记录', ?, ?, '校园安全', '消防通道堆放杂物', '学校', NULL, '待整改', ?, '2024-03-05', ?)`, visit, school, notice, AT);
    run(`INSERT INTO problem_history (problem_id, at, actor, to_status) VALUES (?, ?, '张明', '待整改')`, problem, AT);
    run(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, created_at) VALUES (?, '2024-04-10', ?, '已整改', ?)`, notice, sup, AT);

    // Removing a visit takes its links with it; removing a problem its history.
    db.prepare('UPDATE problems SET visit_id = NULL WHERE id = ?').run(problem);
    db.prepare('DELETE FROM visits WHERE id = ?').run(visit);
    expect(db.prepare('SELECT count(*) FROM visit_supervisors').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM visit_items').pluck().get()).toBe(0);
    db.prepare('DELETE FROM problems WHERE id = ?').run(problem);
    expect(db.prepare('SELECT count(*) FROM problem_history').pluck().get()).toBe(0);
  });

  it('indexes visits, problems, complaints and calendar items for search; an update re-indexes only when an indexed column changes', () => {
    const { school } = version1();
    migrateTo(2, db);
    const visit = run(`INSERT INTO visits (school_id, date, type, theme, narrative, highlight, feedback, created_at, updated_at)
      VALUES (?, '2024-03-05', '经常性督导', '开学工作检查', NULL, '课后服务有特色', NULL, ?, ?)`, school, AT, AT);
    const problem = run(`INSERT INTO problems (source, school_id, category, description, actor, campaign, status, raised_at, updated_at)
      VALUES ('专项督导', ?, '校园安全', '消防通道堆放杂物', '学校', '校园安全专项', '待整改', '2024-03-05', ?)`, school, AT);
    const complaint = run(`INSERT INTO complaints (received_at, visitor, phone, channel, school_id, topic, content, status, created_at, updated_at)
      VALUES ('2024-03-08 10:00', '王女士', '13900002222', '来电', ?, '收费', '反映课后服务收费不透明', '待处理', ?, ?)`, school, AT, AT);
    const calendar = run(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at) VALUES ('2024年春季行事历', '学期', '2024-02', '2024-07', ?, ?)`, AT, AT);
    const item = run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, status, created_at, updated_at)
      VALUES (?, '2024-03', 1, '开展开学工作专项督导', '专项', '督导室', '未开始', ?, ?)`, calendar, AT, AT);

    expect(ftsText('visits_fts', visit)).toBe('开学工作检查 课后服务有特色');
    expect(ftsText('problems_fts', problem)).toBe('校园安全 消防通道堆放杂物 校园安全专项');
    expect(ftsText('complaints_fts', complaint)).toBe('王女士 13900002222 反映课后服务收费不透明');
    expect(ftsText('calendar_items_fts', item)).toBe('开展开学工作专项督导 督导室');
    expect(match('visits_fts', '有特色')).toEqual([visit]);
    expect(match('complaints_fts', '不透明')).toEqual([complaint]);

    db.prepare(`UPDATE visits SET feedback = '建议完善台账' WHERE id = ?`).run(visit);
    expect(ftsText('visits_fts', visit)).toBe('开学工作检查 课后服务有特色 建议完善台账');
    db.prepare(`UPDATE problems SET description = '灭火器过期' WHERE id = ?`).run(problem);
    expect(match('problems_fts', '堆放杂')).toEqual([]);
    expect(match('problems_fts', '灭火器')).toEqual([problem]);
    db.prepare(`UPDATE calendar_items SET status_note = '因雨延期' WHERE id = ?`).run(item);
    expect(match('calendar_items_fts', '因雨延')).toEqual([item]);

    // A change to a column that is not indexed does not touch the index: a hand-made entry survives it.
    db.prepare(`UPDATE complaints_fts SET text = '手工' WHERE rowid = ?`).run(complaint);
    db.prepare(`UPDATE complaints SET status = '已办结' WHERE id = ?`).run(complaint);
    expect(ftsText('complaints_fts', complaint)).toBe('手工');
    db.prepare(`UPDATE complaints SET result = '已答复' WHERE id = ?`).run(complaint);
    expect(ftsText('complaints_fts', complaint)).toBe('王女士 13900002222 反映课后服务收费不透明 已答复');

    for (const [table, id] of [['visits', visit], ['problems', problem], ['complaints', complaint], ['calendar_items', item]] as const) {
      db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(id);
      expect(db.prepare(`SELECT count(*) FROM ${table}_fts`).pluck().get(), table).toBe(0);
    }
  });
});
