import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { indexOf, migrateTo, plan, schemaSql, userVersion } from '../../testing/migrate-to';

const AT = '2024-03-01 09:00:00';
let db: Database.Database;
afterEach(() => db?.close());

/** The list's page of ids, newest year and latest edited first (as pieces.ts asks for it). */
const page = (filter = '') => `SELECT p.id FROM pieces p WHERE p.deleted_at IS NULL ${filter}
  ORDER BY p.year DESC, p.updated_at DESC, p.id DESC LIMIT 2 OFFSET 1`;

/** Version 16 with pieces of two years edited at different times, one deleted. */
function version16() {
  db = migrateTo(16);
  const rows: [number, string, string | null][] = [
    [2023, '2023-05-01 10:00:00', null], [2024, '2024-02-01 10:00:00', null], [2024, '2024-06-01 10:00:00', null],
    [2024, '2024-03-01 10:00:00', AT], [2025, '2025-01-01 10:00:00', null],
  ];
  for (const [year, updated, deleted] of rows) {
    db.prepare(`INSERT INTO pieces (kind, title, year, status, body, body_text, created_at, updated_at, deleted_at)
      VALUES ('案例', '案例', ?, '草稿', '[]', '', ?, ?, ?)`).run(year, AT, updated, deleted);
  }
}

describe('migration 017 (piece order)', () => {
  it('adds the pieces\' order index, and nothing else', () => {
    version16();
    const before = schemaSql(db);
    const rows = db.prepare('SELECT * FROM pieces ORDER BY id').all();
    migrateTo(17, db);
    expect(userVersion(db)).toBe(17);
    expect(schemaSql(db).filter((s) => !before.includes(s))).toEqual([
      'index pieces_live_order: CREATE INDEX pieces_live_order ON pieces(deleted_at, year, updated_at)',
    ]);
    expect(before.filter((s) => !schemaSql(db).includes(s))).toEqual([]);
    expect(indexOf(db, 'pieces_live_order').columns).toEqual(['deleted_at', 'year', 'updated_at']);
    expect(db.prepare('SELECT * FROM pieces ORDER BY id').all()).toEqual(rows);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('reads a page of the list (also of one year) from the index alone, with no sort', () => {
    version16();
    expect(plan(db, page()), 'version 16').toMatch(/TEMP B-TREE/);
    migrateTo(17, db);
    expect(plan(db, page())).toMatch(/SEARCH p USING COVERING INDEX pieces_live_order \(deleted_at=\?\)/);
    expect(plan(db, page('AND p.year = 2024'))).toMatch(/SEARCH p USING COVERING INDEX pieces_live_order \(deleted_at=\? AND year=\?\)/);
    for (const filter of ['', 'AND p.year = 2024']) expect(plan(db, page(filter))).not.toMatch(/TEMP B-TREE/);
    // Live pieces, newest year and latest edited first, offset 1, limit 2.
    expect(db.prepare(page()).pluck().all()).toEqual([3, 2]);
  });
});
