/**
 * A WHERE fragment matching rows whose FTS text contains `q` as a substring. Trigram FTS needs 3+
 * characters; shorter queries fall back to LIKE on the same indexed text. Returns [sql, params].
 */
export function textMatch(ftsTable: string, idColumn: string, q: string | undefined): [string, unknown[]] {
  const term = (q ?? '').trim();
  if (!term) return ['1', []];
  if ([...term].length >= 3) {
    return [`${idColumn} IN (SELECT rowid FROM ${ftsTable} WHERE ${ftsTable} MATCH ?)`, [ftsPhrase(term)]];
  }
  return [`${idColumn} IN (SELECT rowid FROM ${ftsTable} WHERE text LIKE ? ESCAPE '\\')`, [`%${escapeLike(term)}%`]];
}

/** Quote a user's text as one FTS5 phrase so operators in it are taken literally. */
export function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
