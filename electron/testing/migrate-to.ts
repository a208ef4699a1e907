import Database from 'better-sqlite3';
import { migrations } from '../store/migrations';

// For the one-test-per-migration files (electron/store/migrations/NNN-*.test.ts): a database at an
// old schema version is built by the frozen migration files alone, and filled with plain SQL, never
// by today's repositories, handlers or demo generator (which follow today's schema).

/** A new in-memory database with the connection pragmas that matter to the schema (as store.ts sets them). */
export function emptyDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Bring `db` (a new empty one by default) from its user_version to `version` by running migrations
 * user_version+1 … `version` in order, all in one transaction, each recording its number, as openStore
 * does. Returns `db`.
 */
export function migrateTo(version: number, db: Database.Database = emptyDb()): Database.Database {
  const from = userVersion(db);
  const last = migrations[migrations.length - 1].version;
  if (version < from || version > last) throw new Error(`migrateTo(${version}): the database is at version ${from}, migrations go up to ${last}`);
  const pending = migrations.filter((m) => m.version > from && m.version <= version);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return db;
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Names of the schema objects of one type, sorted; SQLite's own (sqlite_*, autoindexes) left out. Tables
 * include virtual ones (FTS5) but not their shadow tables (x_data, x_idx …).
 */
export function objectNames(db: Database.Database, type: 'table' | 'index' | 'trigger' | 'view'): string[] {
  if (type === 'table') {
    return db.prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual')
      AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  }
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all(type) as string[];
}

/** The schema as its CREATE statements, by type and name: for comparing two ways of building it. */
export function schemaSql(db: Database.Database): string[] {
  return db.prepare(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name`).pluck().all() as string[];
}

/** A table's columns as `name TYPE` (plus ` NOT NULL`, ` = default`, ` PK`), in order. */
export function columns(db: Database.Database, table: string): string[] {
  const rows = db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(table) as
    { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
  return rows.map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.dflt_value !== null ? ` = ${c.dflt_value}` : ''}${c.pk ? ' PK' : ''}`);
}

/** Whether a table is STRICT and WITHOUT ROWID (pragma table_list). */
export function tableKind(db: Database.Database, table: string): { strict: boolean; withoutRowid: boolean } {
  const r = db.prepare(`SELECT strict, wr FROM pragma_table_list WHERE schema = 'main' AND name = ?`).get(table) as { strict: number; wr: number } | undefined;
  if (!r) throw new Error(`no table ${table}`);
  return { strict: r.strict === 1, withoutRowid: r.wr === 1 };
}

/** An index's key columns in order (an expression shows as `<expr>`), with `unique` and `partial` marks. */
export function indexOf(db: Database.Database, index: string): { table: string; columns: string[]; unique: boolean; partial: boolean } {
  const table = db.prepare(`SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index) as string | undefined;
  if (!table) throw new Error(`no index ${index}`);
  const list = db.prepare('SELECT name, "unique", partial FROM pragma_index_list(?)').all(table) as { name: string; unique: number; partial: number }[];
  const entry = list.find((i) => i.name === index)!;
  const cols = db.prepare('SELECT cid, name FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno').all(index) as { cid: number; name: string | null }[];
  return { table, columns: cols.map((c) => c.name ?? '<expr>'), unique: entry.unique === 1, partial: entry.partial === 1 };
}

/** The query plan's details, one line each. */
export function plan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
}
