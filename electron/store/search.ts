/**
 * A WHERE fragment matching rows whose FTS text contains `q` as a substring. Returns [sql, params].
 * - 3+ characters: the trigram index, the query as one phrase.
 * - 2 characters: the trigrams that start with the query, read from `<fts>_vocab` (an fts5vocab table,
 *   migration 006), then MATCH any of them. Every indexed text ends in two spaces (006), so each
 *   occurrence, even at the very end, starts some trigram. The tokenizer folds case, so the range is
 *   looked up in lower case; no such trigram gives the phrase "" which matches nothing.
 * - 1 character: LIKE over the indexed text (a single character starts too many trigrams to OR).
 */
export function textMatch(ftsTable: string, idColumn: string, q: string | undefined): [string, unknown[]] {
  const rows = ftsRows(ftsTable, q);
  if (!rows) return ['1', []];
  return [`${idColumn} IN (${rows[0]})`, rows[1]];
}

/** `SELECT rowid AS id FROM <fts> WHERE …` for the rows containing `q` (as textMatch), or null for an empty query. */
export function ftsRows(ftsTable: string, q: string | undefined): [string, unknown[]] | null {
  const term = (q ?? '').trim();
  if (!term) return null;
  const n = [...term].length;
  if (n >= 3) return [`SELECT rowid AS id FROM ${ftsTable} WHERE ${ftsTable} MATCH ?`, [ftsPhrase(term)]];
  if (n === 2) {
    const prefix = term.toLowerCase();
    const terms = `SELECT coalesce(group_concat('"' || replace(term, '"', '""') || '"', ' OR '), '""') FROM ${ftsTable}_vocab`
      + ` WHERE term >= ? AND term < ? || char(0x10FFFF)`;
    return [`SELECT rowid AS id FROM ${ftsTable} WHERE ${ftsTable} MATCH (${terms})`, [prefix, prefix]];
  }
  return [`SELECT rowid AS id FROM ${ftsTable} WHERE text LIKE ? ESCAPE '\\'`, [`%${escapeLike(term)}%`]];
}

/**
 * Pinyin initials (migration 010) as people type them to find a name: two or more Latin letters from
 * the start of a name's initials, e.g. qhyx or qh for 清河一小 (stored 'qhqdyxx qhyx'; a letter run in
 * the middle, such as zm in …zmxx, would find names nobody meant). Returns [sql, params] matching
 * `column`, or null when `q` is not such a query.
 */
export function initialsMatch(column: string, q: string | undefined): [string, unknown[]] | null {
  const term = (q ?? '').trim().toLowerCase();
  if (!/^[a-z]{2,}$/.test(term)) return null;
  return [`(' ' || ${column}) LIKE ?`, [`% ${term}%`]];
}

/**
 * A name search: the FTS text (full name, short name …) or the pinyin initials. Returns [sql, params]
 * for a WHERE clause on the table aliased as the id column's prefix.
 */
export function nameMatch(ftsTable: string, idColumn: string, initialsColumn: string, q: string | undefined): [string, unknown[]] {
  const [match, params] = textMatch(ftsTable, idColumn, q);
  const initials = initialsMatch(initialsColumn, q);
  return initials ? [`(${match} OR ${initials[0]})`, [...params, ...initials[1]]] : [match, params];
}

/** Quote a user's text as one FTS5 phrase so operators in it are taken literally. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
