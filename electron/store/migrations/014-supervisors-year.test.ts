import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, migrateTo, objectNames, tableKind, userVersion } from '../../testing/migrate-to';

const AT = '2025-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const write = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
const NEW_TABLES = ['appointment_changes', 'assessment_adjustments', 'assessment_results', 'assessment_scheme', 'assessments',
  'training_attendance', 'training_files', 'training_plan_files', 'training_plans', 'trainings', 'visit_form_imports'];

/** An archive at version 13 with a supervisor, then migrated to 14, with one row of each year's content for 2024 and 2025. */
function seeded() {
  db = migrateTo(13);
  const supervisor = run(`INSERT INTO supervisors (name, name_pinyin, name_initials, status, category, created_at, updated_at)
    VALUES ('王督学', 'wang2王 du1督 xue2学', 'wdx', '在聘', '兼职督学', ?, ?)`, AT, AT);
  write(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES ('h1', '签到.jpg', 'image/jpeg', 1, ?)`, AT);
  migrateTo(14, db);
  const ids: Record<number, Record<string, number>> = {};
  for (const y of [2024, 2025]) {
    const training = run(`INSERT INTO trainings (kind, date, topic, hours, created_at, updated_at) VALUES ('会议', ?, '督学工作会议', 2, ?, ?)`, `${y}-03-12`, AT, AT);
    write(`INSERT INTO training_attendance (training_id, supervisor_id, seq, status) VALUES (?, ?, 1, '出席')`, training, supervisor);
    write(`INSERT INTO training_files (training_id, hash, file_name, seq) VALUES (?, 'h1', '签到.jpg', 1)`, training);
    const plan = run(`INSERT INTO training_plans (kind, title, year, created_at, updated_at) VALUES ('年度计划', '培训计划', ?, ?, ?)`, y, AT, AT);
    write(`INSERT INTO training_plan_files (plan_id, hash, file_name, seq) VALUES (?, 'h1', '签到.jpg', 1)`, plan);
    const assessment = run(`INSERT INTO assessments (year, scheme, status, until, computed_at, created_at, updated_at)
      VALUES (?, '{}', '草稿', ?, ?, ?, ?)`, y, `${y}-12-31`, AT, AT, AT);
    write(`INSERT INTO assessment_results (assessment_id, supervisor_id, measures, total, grade, rank) VALUES (?, ?, '{}', 88, '合格', 1)`, assessment, supervisor);
    write(`INSERT INTO assessment_adjustments (assessment_id, supervisor_id, item_key, points, comment, at, actor)
      VALUES (?, ?, 'deduction', -2, '迟到', ?, '张明')`, assessment, supervisor, AT);
    const change = run(`INSERT INTO appointment_changes (supervisor_id, date, kind, before, created_at) VALUES (?, ?, '调整', '{}', ?)`, supervisor, `${y}-06-01`, AT);
    ids[y] = { training, plan, assessment, change, supervisor };
  }
  return ids;
}

describe('migration 014 (the supervisors\' year)', () => {
  it('adds the tables, STRICT, after version 13, and keeps what was there', () => {
    db = migrateTo(13);
    run(`INSERT INTO supervisors (name, name_pinyin, name_initials, status, category, created_at, updated_at)
    VALUES ('王督学', 'wang2王 du1督 xue2学', 'wdx', '在聘', '兼职督学', ?, ?)`, AT, AT);
    const before = objectNames(db, 'table');
    migrateTo(14, db);
    expect(userVersion(db)).toBe(14);
    expect(objectNames(db, 'table').filter((t) => !before.includes(t))).toEqual(NEW_TABLES);
    for (const t of NEW_TABLES) expect(tableKind(db, t).strict, t).toBe(true);
    expect(db.prepare('SELECT count(*) FROM supervisors').pluck().get()).toBe(1);
    expect(columns(db, 'training_attendance')).toEqual([
      'training_id INTEGER NOT NULL PK', 'supervisor_id INTEGER NOT NULL PK', 'seq INTEGER NOT NULL', 'status TEXT', 'note TEXT']);
    expect(columns(db, 'trainings')).toContain('calendar_item_id INTEGER');
  });

  it('keeps one live 考核 per year, one 考核办法 row, and each returned file once', () => {
    const ids = seeded();
    expect(() => write(`INSERT INTO assessments (year, scheme, status, until, computed_at, created_at, updated_at)
      VALUES (2025, '{}', '草稿', '2025-12-31', ?, ?, ?)`, AT, AT, AT)).toThrow(/UNIQUE/);
    write('UPDATE assessments SET deleted_at = ? WHERE id = ?', AT, ids[2025].assessment);
    run(`INSERT INTO assessments (year, scheme, status, until, computed_at, created_at, updated_at)
      VALUES (2025, '{}', '草稿', '2025-12-31', ?, ?, ?)`, AT, AT, AT);
    write(`INSERT INTO assessment_scheme (id, body, updated_at) VALUES (1, '{}', ?)`, AT);
    expect(() => write(`INSERT INTO assessment_scheme (id, body, updated_at) VALUES (2, '{}', ?)`, AT)).toThrow(/CHECK/);
    const file = `INSERT INTO visit_form_imports (hash, file_name, supervisor_id, period_from, period_to, problems, photos, skipped, imported_at, actor)
      VALUES ('h1', '张明.xlsx', ?, '2025-09-01', '2026-01-31', 0, 0, 0, ?, '张明')`;
    write(file, ids[2025].supervisor, AT);
    expect(() => write(file, ids[2025].supervisor, AT)).toThrow(/UNIQUE/);
  });

  it('guards each year-scoped table: an archived year\'s rows are read-only, other years\' are not', () => {
    const ids = seeded();
    write(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2024, ?, '张明', '年度归档/2024', '[]')`, AT);
    const refused = (sql: string, ...p: unknown[]) => expect(() => write(sql, ...p), sql).toThrow('YEAR_ARCHIVED:2024');
    const y = ids[2024];
    refused(`INSERT INTO trainings (kind, date, topic, created_at, updated_at) VALUES ('培训', '2024-05-01', '培训', ?, ?)`, AT, AT);
    refused(`UPDATE trainings SET topic = '改' WHERE id = ?`, y.training);
    refused(`UPDATE trainings SET date = '2024-01-02' WHERE id = ?`, ids[2025].training); // moved into the archived year
    refused(`UPDATE training_attendance SET status = '缺席' WHERE training_id = ?`, y.training);
    refused(`DELETE FROM training_files WHERE training_id = ?`, y.training);
    refused(`UPDATE training_plans SET title = '改' WHERE id = ?`, y.plan);
    refused(`DELETE FROM training_plan_files WHERE plan_id = ?`, y.plan);
    refused(`UPDATE assessments SET status = '已完成' WHERE id = ?`, y.assessment);
    refused(`UPDATE assessment_results SET total = 99 WHERE assessment_id = ?`, y.assessment);
    refused(`DELETE FROM assessment_adjustments WHERE assessment_id = ?`, y.assessment);
    refused(`UPDATE appointment_changes SET note = '改' WHERE id = ?`, y.change);
    refused(`INSERT INTO appointment_changes (supervisor_id, date, kind, before, created_at) VALUES (?, '2024-12-01', '续聘', '{}', ?)`, y.supervisor, AT);

    const x = ids[2025];
    write(`UPDATE trainings SET topic = '改' WHERE id = ?`, x.training);
    write(`UPDATE training_attendance SET status = '缺席' WHERE training_id = ?`, x.training);
    write(`DELETE FROM training_files WHERE training_id = ?`, x.training);
    write(`UPDATE training_plans SET title = '改' WHERE id = ?`, x.plan);
    write(`UPDATE assessments SET status = '已完成' WHERE id = ?`, x.assessment);
    write(`UPDATE assessment_results SET total = 99 WHERE assessment_id = ?`, x.assessment);
    write(`DELETE FROM assessment_adjustments WHERE assessment_id = ?`, x.assessment);
    write(`UPDATE appointment_changes SET note = '改' WHERE id = ?`, x.change);
  });
});
