import type { Statement } from 'better-sqlite3';
import type { Store } from './store';
import type { Query } from './sql';

// Lists, searches and the dashboard run the same statements again and again (a scrolled list fetches
// window after window): prepare each once per database instead of on every call. The SQL varies only
// with which filters are set, so the cache stays small; it is emptied if it ever grows large.
const statements = new WeakMap<Store['db'], Map<string, Statement>>();

/** The prepared statement for `sql` on this archive, in its default mode (not plucked). */
export function prepared(a: Store, sql: string): Statement {
  let cache = statements.get(a.db);
  if (!cache) statements.set(a.db, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    if (cache.size > 500) cache.clear();
    cache.set(sql, (st = a.db.prepare(sql)));
  }
  // A caller that plucks sets it again; one sharing the SQL without plucking must not get plucked rows.
  return st.pluck(false);
}

// Running a finished query (sql.ts) through the cache above.

/** Every row of the query. */
export function rows<T>(a: Store, [text, params]: Query): T[] {
  return prepared(a, text).all(...params) as T[];
}

/** The first row of the query, if any. */
export function row<T>(a: Store, [text, params]: Query): T | undefined {
  return prepared(a, text).get(...params) as T | undefined;
}

/** The first column of the first row (a count, a max). */
export function value<T>(a: Store, [text, params]: Query): T {
  return prepared(a, text).pluck().get(...params) as T;
}

/** The first column of every row (ids, texts). */
export function values<T>(a: Store, [text, params]: Query): T[] {
  return prepared(a, text).pluck().all(...params) as T[];
}
