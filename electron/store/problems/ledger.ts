/** The rows of the 问题整改台账 export: every match of the 台账's filters, in its order (no paging). */
import type { Store } from '../store';
import { openReader } from '../store';
import { todayText } from '../../../shared/dates';
import type { Problem } from '../../../shared/schemas/problem';
import { sql } from '../sql';
import { SELECT_PROBLEMS, ledgerWhere, orderBy, toProblem, type ProblemQuery, type ProblemRow } from './read';

export interface LedgerRows {
  /** How many rows `rows` gives. */
  total: number;
  /** Read one at a time from the statement, never all at once. */
  rows: Iterable<Problem>;
  close(): void;
}

/**
 * Every match of the filters, counted and then iterated on a read-only connection of its own, inside one
 * read transaction: the count and the rows see the same snapshot, and the archive stays usable while a
 * long export walks them. Call close() when done (also after a cancel).
 */
export function openLedger(a: Store, query: Partial<ProblemQuery>): LedgerRows {
  const reader = openReader(a);
  try {
    reader.exec('BEGIN');
    const on = todayText();
    const where = ledgerWhere(query, on);
    const [countText, countParams] = sql`SELECT count(*) FROM problems p WHERE ${where}`;
    const total = reader.prepare(countText).pluck().get(...countParams) as number;
    const order = orderBy({ sort: query.sort ?? 'raisedAt', dir: query.dir ?? 'desc' });
    const [text, params] = sql`${SELECT_PROBLEMS} WHERE ${where} ORDER BY ${order}`;
    const it = reader.prepare(text).iterate(...params) as IterableIterator<ProblemRow>;
    const rows = (function* () {
      for (const r of it) yield toProblem(r, on);
    })();
    return {
      total,
      rows,
      close() {
        it.return?.();
        reader.close();
      },
    };
  } catch (e) {
    reader.close();
    throw e;
  }
}
