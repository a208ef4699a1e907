import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, migrateTo, objectNames, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const write = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
const one = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params);
const refused = (sql: string, ...params: unknown[]) => expect(() => write(sql, ...params), sql).toThrow('YEAR_ARCHIVED:2023');
const archive = (year: number) => write(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue)
  VALUES (?, ?, '张明', ?, '[]')`, year, AT, `年度归档/${year}`);

let school = 0;
let other = 0;
let supervisor = 0;
const visit = (date: string, type: string, theme: string | null, at = school) => run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?)`, at, date, type, theme, AT, AT);
const problem = (raised: string, campaign: string | null, status = '待整改', at = school) => run(`INSERT INTO problems (source, school_id, campaign,
  category, description, actor, status, raised_at, closed_at, updated_at) VALUES (?, ?, ?, '校园安全', '消防通道堆放杂物', '学校', ?, ?, ?, ?)`,
  campaign ? '专项督导' : '督导记录', at, campaign, status, raised, status === '已销号' ? raised : null, AT);

/** The version before this migration: 014, the supervisors' year. */
const BEFORE = 14;

/** The version before, with campaigns as free text: 校园安全 in 2023 (filed) and 2024, 双减 in 2024 only, and a 专项 visit of each. */
function before() {
  db = migrateTo(BEFORE);
  school = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  other = run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('白沙镇中心小学', '小学', '公办', ?, ?)`, AT, AT);
  supervisor = run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('王督学', '在聘', '兼职督学', ?, ?)`, AT, AT);
  const rows = {
    safety2023: problem('2023-11-06', '校园安全', '已销号'),
    safety2024: problem('2024-04-10', ' 校园安全 ', '整改中', other),
    burden: problem('2024-05-08', '双减'),
    plain: problem('2024-05-09', null),
    safetyVisit: visit('2023-10-20', '专项', '校园安全专项督导'),
    burdenVisit: visit('2024-05-08', '专项', '双减', other),
    regular: visit('2024-05-09', '经常性', '双减'),
  };
  archive(2023);
  return rows;
}

describe('migration 015 (campaigns, 督政, 回头看, evaluation)', () => {
  it('turns each free-text campaign into a campaign with its period, schools and records, also in a filed year', () => {
    const r = before();
    migrateTo(15, db);
    expect(userVersion(db)).toBe(15);
    const campaigns = db.prepare(`SELECT id, name, start_date AS start, end_date AS end, scope_kind AS scope, checklist_kind AS checklist, closed_at AS closed
      FROM campaigns ORDER BY name`).all() as { id: number; name: string }[];
    expect(campaigns).toEqual([
      { id: expect.any(Number), name: '双减', start: '2024-05-08', end: '2024-05-08', scope: '选定学校', checklist: '八项事项', closed: '2024-05-08' },
      { id: expect.any(Number), name: '校园安全', start: '2023-10-20', end: '2024-04-10', scope: '选定学校', checklist: '八项事项', closed: '2024-04-10' },
    ]);
    const [burden, safety] = campaigns.map((c) => c.id);
    const campaignOf = (table: string, id: number) => one(`SELECT campaign_id FROM ${table} WHERE id = ?`, id);
    expect([campaignOf('problems', r.safety2023), campaignOf('problems', r.safety2024), campaignOf('problems', r.burden), campaignOf('problems', r.plain)])
      .toEqual([safety, safety, burden, null]);
    // A 专项 visit themed with the name (or the name and 专项督导); a regular visit with that theme is not one.
    expect([campaignOf('visits', r.safetyVisit), campaignOf('visits', r.burdenVisit), campaignOf('visits', r.regular)]).toEqual([safety, burden, null]);
    expect(db.prepare('SELECT campaign_id, school_id FROM campaign_schools ORDER BY campaign_id, school_id').raw().all())
      .toEqual([[burden, school], [burden, other], [safety, school], [safety, other]].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    // The guard lifted for the fill is back: the filed year is read-only again.
    expect(one('SELECT count(*) FROM archived_years')).toBe(1);
    refused(`UPDATE problems SET description = '改写' WHERE id = ?`, r.safety2023);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('lets a problem be owned by a unit instead of a school, never by both or neither', () => {
    before();
    migrateTo(15, db);
    expect(columns(db, 'problems')).toContain('school_id INTEGER');
    expect(columns(db, 'problems')).toEqual(expect.arrayContaining(['campaign_id INTEGER', 'unit_id INTEGER', 'rework_due TEXT']));
    const unit = run(`INSERT INTO units (name, kind, created_at, updated_at) VALUES ('白沙镇人民政府', '乡镇（街道）', ?, ?)`, AT, AT);
    const owned = run(`INSERT INTO problems (source, unit_id, category, description, actor, status, raised_at, updated_at)
      VALUES ('专项督导', ?, '校园安全', '校门口道路缺少减速带', '区县政府', '待整改', '2024-05-10', ?)`, unit, AT);
    expect(one('SELECT school_id FROM problems WHERE id = ?', owned)).toBeNull();
    expect(() => write(`INSERT INTO problems (source, category, description, actor, status, raised_at, updated_at)
      VALUES ('专项督导', '校园安全', '无主问题', '学校', '待整改', '2024-05-10', ?)`, AT)).toThrow('PROBLEM_OWNER');
    expect(() => write('UPDATE problems SET school_id = ? WHERE id = ?', school, owned)).toThrow('PROBLEM_OWNER');
    expect(() => write('UPDATE problems SET unit_id = NULL WHERE id = ?', owned)).toThrow('PROBLEM_OWNER');
    // The unit's name is unique among live units only.
    expect(() => run(`INSERT INTO units (name, kind, created_at, updated_at) VALUES ('白沙镇人民政府', '乡镇（街道）', ?, ?)`, AT, AT)).toThrow(/UNIQUE/);
    write('UPDATE units SET deleted_at = ? WHERE id = ?', AT, unit);
    run(`INSERT INTO units (name, kind, created_at, updated_at) VALUES ('白沙镇人民政府', '乡镇（街道）', ?, ?)`, AT, AT);
  });

  it('counts a 反弹 deadline first in the deadline that counts, before the notice\'s and the problem\'s own', () => {
    const r = before();
    migrateTo(15, db);
    const n = run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at)
      VALUES (2024, 1, ?, '2024-05-10', 20, '2024-05-30', ?)`, school, AT);
    write(`UPDATE problems SET notice_id = ?, deadline = '2024-05-20' WHERE id = ?`, n, r.burden);
    expect(one('SELECT due FROM problems WHERE id = ?', r.burden)).toBe('2024-05-30');
    write(`UPDATE problems SET rework_due = '2024-09-30' WHERE id = ?`, r.burden);
    expect(one('SELECT due FROM problems WHERE id = ?', r.burden)).toBe('2024-09-30');
    write(`UPDATE notices SET deadline_date = '2024-06-30' WHERE id = ?`, n);
    expect(one('SELECT due FROM problems WHERE id = ?', r.burden)).toBe('2024-09-30');
    write('UPDATE notices SET deleted_at = ? WHERE id = ?', AT, n);
    expect(one('SELECT due FROM problems WHERE id = ?', r.burden)).toBe('2024-09-30');
    write('UPDATE problems SET rework_due = NULL WHERE id = ?', r.burden);
    expect(one('SELECT due FROM problems WHERE id = ?', r.burden)).toBe('2024-05-20');
  });

  it('lets a 回头看 reopen a filed year\'s 销号 problem as 反弹, and record a pending 回头看 there; everything else of the year stays', () => {
    const r = before();
    migrateTo(15, db);
    // Reopening: only once a 回头看 has recorded the 反弹 (a 2024 one: its own year is open), then status back
    // to 整改中 with the 反弹 deadline, and its history line.
    refused(`UPDATE problems SET status = '整改中', closed_at = NULL WHERE id = ?`, r.safety2023);
    run(`INSERT INTO followups (problem_id, due_date, done_date, result, created_at, updated_at) VALUES (?, '2024-02-06', '2024-02-06', '反弹', ?, ?)`,
      r.safety2023, AT, AT);
    write(`UPDATE problems SET status = '整改中', closed_at = NULL, rework_due = '2024-06-30', updated_at = ? WHERE id = ?`, AT, r.safety2023);
    write(`INSERT INTO problem_history (problem_id, at, actor, from_status, to_status, note) VALUES (?, ?, '张明', '已销号', '整改中', '回头看发现反弹')`, r.safety2023, AT);
    refused(`UPDATE problems SET campaign_id = NULL WHERE id = ?`, r.safety2023);
    refused(`UPDATE problems SET unit_id = 1, school_id = NULL WHERE id = ?`, r.safety2023);
    write(`UPDATE problems SET status = '待回查' WHERE id = ?`, r.safety2023);
    write(`UPDATE problems SET status = '已销号', closed_at = '2024-07-01' WHERE id = ?`, r.safety2023);
    // A 销号 problem moves only to 整改中, only its status (with the 反弹 workflow columns).
    refused(`UPDATE problems SET status = '待回查' WHERE id = ?`, r.safety2023);
    refused(`UPDATE problems SET status = '整改中', description = '改写' WHERE id = ?`, r.safety2023);

    // 回头看 of a filed year: recorded while pending, never added, moved or removed.
    expect(() => run(`INSERT INTO followups (problem_id, due_date, created_at, updated_at) VALUES (?, '2023-12-21', ?, ?)`, r.safety2023, AT, AT))
      .toThrow('YEAR_ARCHIVED:2023');
    write('DELETE FROM archived_years WHERE year = 2023');
    const f = run(`INSERT INTO followups (problem_id, due_date, created_at, updated_at) VALUES (?, '2023-12-20', ?, ?)`, r.safety2023, AT, AT);
    archive(2023);
    refused(`UPDATE followups SET due_date = '2023-12-28' WHERE id = ?`, f);
    refused(`UPDATE followups SET deleted_at = ? WHERE id = ?`, AT, f);
    write(`UPDATE followups SET done_date = '2024-01-05', supervisor_id = ?, result = '巩固', note = '整改成果保持', updated_at = ? WHERE id = ?`, supervisor, AT, f);
    refused(`UPDATE followups SET result = '反弹' WHERE id = ?`, f);
    refused('DELETE FROM followups WHERE id = ?', f);
  });

  it('guards every new table of a year\'s content: campaigns by each year they touch, the rest by their date or round', () => {
    before();
    migrateTo(15, db);
    const campaign = (start: string, end: string) => run(`INSERT INTO campaigns (name, start_date, end_date, scope_kind, checklist_kind, created_at, updated_at)
      VALUES ('食品安全', ?, ?, '全部学校', '八项事项', ?, ?)`, start, end, AT, AT);
    const round = (year: number) => run(`INSERT INTO eval_rounds (name, kind, year, pass_score, created_at, updated_at)
      VALUES ('义务教育学校达标监测', '达标监测', ?, 60, ?, ?)`, year, AT, AT);
    const escalation = (date: string) => run(`INSERT INTO escalations (kind, date, target, created_at, updated_at) VALUES ('约谈', ?, '城关第一小学校长', ?, ?)`, date, AT, AT);
    // Rows of 2024 and of a campaign across 2023 and 2024, written before 2023 is filed.
    write('DELETE FROM archived_years WHERE year = 2023');
    const across = campaign('2023-11-01', '2024-01-31');
    const c2024 = campaign('2024-03-01', '2024-04-30');
    const r2024 = round(2024);
    const e2024 = escalation('2024-04-02');
    const indicator = run(`INSERT INTO eval_indicators (round_id, seq, level, name, max_score) VALUES (?, 1, 1, '办学条件', 10)`, r2024);
    archive(2023);

    expect(() => campaign('2023-09-01', '2023-10-31')).toThrow('YEAR_ARCHIVED:2023');
    refused(`UPDATE campaigns SET name = '改写' WHERE id = ?`, across);
    refused(`INSERT INTO campaign_schools (campaign_id, school_id) VALUES (?, ?)`, across, school);
    refused(`INSERT INTO campaign_members (campaign_id, supervisor_id, role, seq) VALUES (?, ?, '组长', 1)`, across, supervisor);
    refused(`UPDATE campaigns SET start_date = '2023-12-01' WHERE id = ?`, c2024); // into the filed year
    expect(() => round(2023)).toThrow('YEAR_ARCHIVED:2023');
    expect(() => escalation('2023-12-01')).toThrow('YEAR_ARCHIVED:2023');
    refused(`UPDATE escalations SET date = '2023-12-01' WHERE id = ?`, e2024);

    // The open year's rows are written freely.
    write(`INSERT INTO campaign_schools (campaign_id, school_id, planned_date) VALUES (?, ?, '2024-03-10')`, c2024, school);
    write(`INSERT INTO campaign_members (campaign_id, supervisor_id, role, seq) VALUES (?, ?, '组长', 1)`, c2024, supervisor);
    write(`INSERT INTO escalation_problems (escalation_id, problem_id) VALUES (?, 1)`, e2024);
    write(`INSERT INTO eval_schools (round_id, school_id) VALUES (?, ?)`, r2024, school);
    write(`INSERT INTO eval_scores (round_id, school_id, indicator_id, score, scorer, scored_at) VALUES (?, ?, ?, 8.5, '王督学', ?)`, r2024, school, indicator, AT);
    write(`INSERT INTO eval_surveys (round_id, school_id, respondent, satisfied, fair, unsatisfied) VALUES (?, ?, '家长', 80, 15, 5)`, r2024, school);

    // Filing 2024 locks them all.
    archive(2024);
    for (const [table, where] of [['campaign_schools', `campaign_id = ${c2024}`], ['campaign_members', `campaign_id = ${c2024}`],
      ['escalation_problems', `escalation_id = ${e2024}`], ['eval_schools', `round_id = ${r2024}`], ['eval_scores', `round_id = ${r2024}`],
      ['eval_surveys', `round_id = ${r2024}`], ['eval_indicators', `round_id = ${r2024}`], ['eval_rounds', `id = ${r2024}`]]) {
      expect(() => write(`DELETE FROM ${table} WHERE ${where}`), table).toThrow(/YEAR_ARCHIVED:2024/);
    }
    expect(() => write(`UPDATE eval_scores SET score = 10 WHERE round_id = ?`, r2024)).toThrow(/YEAR_ARCHIVED:2024/);
    expect(objectNames(db, 'trigger').filter((t) => /^(campaign|eval|escalation|followup)\w*_archived_/.test(t))).toHaveLength(12 * 3);
  });
});
