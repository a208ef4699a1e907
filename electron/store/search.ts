import { sql, sqlFragment, sqlName, type Query, type SqlFragment } from './sql';

/** The trigram indexes (migrations 001–006), by the table they index. */
export type FtsTable = 'supervisors_fts' | 'schools_fts' | 'visits_fts' | 'problems_fts' | 'complaints_fts'
  | 'calendar_items_fts' | 'pieces_fts' | 'legacy_files_fts';

/**
 * A condition matching rows whose FTS text contains `q` as a substring, on the column `idColumn`
 * (e.g. `s.id`) that the FTS rowid matches; always true for an empty query.
 * - 3+ characters: the trigram index, the query as one phrase.
 * - 2 characters: the trigrams that start with the query, read from `<fts>_vocab` (an fts5vocab table,
 *   migration 006), then MATCH any of them. Every indexed text ends in two spaces (006), so each
 *   occurrence, even at the very end, starts some trigram. The tokenizer folds case, so the range is
 *   looked up in lower case; no such trigram gives the phrase "" which matches nothing.
 * - 1 character: LIKE over the indexed text (a single character starts too many trigrams to OR).
 */
export function matchText(ftsTable: FtsTable, idColumn: string, q: string | undefined): SqlFragment {
  const rows = ftsRows(ftsTable, q);
  return rows ? sqlFragment`${sqlName(idColumn)} IN (${rows})` : sqlFragment`1`;
}

/**
 * `SELECT rowid AS id FROM <fts> WHERE …` for the rows containing `q` (as matchText), or null for an
 * empty query. The channels refuse control characters in queries; should one arrive from elsewhere,
 * it is read as a space here, since a NUL makes FTS5's query parser fail ("unterminated string").
 */
export function ftsRows(ftsTable: FtsTable, q: string | undefined): SqlFragment | null {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const term = (q ?? '').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').trim();
  if (!term) return null;
  const fts = sqlName(ftsTable);
  const n = [...term].length;
  if (n >= 3) return sqlFragment`SELECT rowid AS id FROM ${fts} WHERE ${fts} MATCH ${ftsPhrase(term)}`;
  if (n === 2) {
    const prefix = term.toLowerCase();
    const terms = sqlFragment`SELECT coalesce(group_concat('"' || replace(term, '"', '""') || '"', ' OR '), '""')
      FROM ${sqlName(`${ftsTable}_vocab`)} WHERE term >= ${prefix} AND term < ${prefix} || char(0x10FFFF)`;
    return sqlFragment`SELECT rowid AS id FROM ${fts} WHERE ${fts} MATCH (${terms})`;
  }
  return sqlFragment`SELECT rowid AS id FROM ${fts} WHERE text LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`;
}

/** matchText as a finished condition ([sql, params]), for a statement of its own (tests, checks). */
export function textMatch(ftsTable: string, idColumn: string, q: string | undefined): Query {
  return sql`${matchText(ftsTable as FtsTable, idColumn, q)}`;
}

/**
 * A match of pinyin initials typed from the start of a name (qhyx, or qh for 清河…): `column` holds a
 * name's initials, several names' separated by spaces. Null unless `q` is two or more Latin letters.
 */
export function initialsMatch(column: string, q: string | undefined): SqlFragment | null {
  const term = (q ?? '').trim().toLowerCase();
  if (!/^[a-z]{2,}$/.test(term)) return null;
  return sqlFragment`(' ' || ${sqlName(column)}) LIKE ${`% ${term}%`}`;
}

/** A name search: the FTS text (full name, short name …) or the pinyin initials, as one condition. */
export function nameMatch(ftsTable: FtsTable, idColumn: string, initialsColumn: string, q: string | undefined): SqlFragment {
  const match = matchText(ftsTable, idColumn, q);
  const initials = initialsMatch(initialsColumn, q);
  return initials ? sqlFragment`(${match} OR ${initials})` : match;
}

/** Quote a user's text as one FTS5 phrase so operators in it are taken literally. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
