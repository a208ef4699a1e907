import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { columns, indexOf, migrateTo, userVersion } from '../../testing/migrate-to';

const AT = '2025-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

const run = (sql: string, ...params: unknown[]) => Number(db.prepare(sql).run(...params).lastInsertRowid);
const briefing = (month: string, year: number | null) => run(`INSERT INTO briefings (month, status, year, issue_no, total_no, issue_date,
  created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, month, year ? '已印发' : '草稿', year, year ? 1 : null, year ? year : null,
year ? `${year}-04-02` : null, AT, AT);
const correction = (briefingId: number) => run(`INSERT INTO briefing_corrections (briefing_id, reason, opened_at, opened_by, articles,
  show_toc, issue_date) VALUES (?, '数据有误', ?, '张明', '[]', 1, '2025-04-02')`, briefingId, AT);

describe('migration 013 (briefing corrections, pieces drafted from records)', () => {
  it('adds the corrections table and the pieces\' source columns, keeping the pieces there', () => {
    db = migrateTo(12);
    const piece = run(`INSERT INTO pieces (kind, title, year, status, created_at, updated_at) VALUES ('案例', '乡村小学的变化', 2025, '草稿', ?, ?)`, AT, AT);
    migrateTo(13, db);
    expect(userVersion(db)).toBe(13);
    expect(columns(db, 'pieces').slice(-2)).toEqual(['source_kind TEXT', 'source_id INTEGER']);
    expect(db.prepare('SELECT title, source_kind, source_id FROM pieces WHERE id = ?').get(piece))
      .toEqual({ title: '乡村小学的变化', source_kind: null, source_id: null });
    expect(indexOf(db, 'pieces_source')).toEqual({ table: 'pieces', columns: ['source_kind', 'source_id'], unique: false, partial: true });
    expect(columns(db, 'briefing_corrections')).toEqual([
      'id INTEGER PK', 'briefing_id INTEGER NOT NULL', 'reason TEXT NOT NULL', 'opened_at TEXT NOT NULL', 'opened_by TEXT NOT NULL',
      'articles TEXT NOT NULL', 'issuing_unit TEXT', 'copies INTEGER', 'show_toc INTEGER NOT NULL', 'issue_date TEXT NOT NULL',
      'docx_hash TEXT', 'closed_at TEXT', 'outcome TEXT',
    ]);
    expect(() => correction(9999)).toThrow(/FOREIGN KEY/);
  });

  it('locks an archived year\'s corrections with its briefings: each write refused, other years\' pass', () => {
    db = migrateTo(13);
    const old = briefing('2024-12', 2025);
    const draftOf2024 = briefing('2024-11', null);
    const open = briefing('2026-01', 2026);
    const c = correction(old);
    run(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2025, ?, '张明', '年度归档/2025', '[]')`, AT);
    // Issued in 2025 (a December 2024 briefing): the 2025 lock holds it.
    expect(() => correction(old)).toThrow('YEAR_ARCHIVED:2025');
    expect(() => db.prepare(`UPDATE briefing_corrections SET closed_at = ? WHERE id = ?`).run(AT, c)).toThrow('YEAR_ARCHIVED:2025');
    expect(() => db.prepare('DELETE FROM briefing_corrections WHERE id = ?').run(c)).toThrow('YEAR_ARCHIVED:2025');
    // Moving a correction onto an archived year's briefing is refused too.
    const other = correction(open);
    expect(() => db.prepare('UPDATE briefing_corrections SET briefing_id = ? WHERE id = ?').run(old, other)).toThrow('YEAR_ARCHIVED:2025');
    db.prepare(`UPDATE briefing_corrections SET closed_at = ?, outcome = '重新印发' WHERE id = ?`).run(AT, other);
    expect(correction(draftOf2024)).toBeGreaterThan(0);
  });
});
