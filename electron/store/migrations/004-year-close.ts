import type { Migration } from './index';

// 年度归档 and 历年档案. An archived year is read-only in the database itself: BEFORE triggers on every
// dated record table abort any insert, update or delete whose row (old or new) falls in an archived
// year, with the message 'YEAR_ARCHIVED:<year>' (dispatch turns it into a clear 'readonly' answer).
// So no handler, present or future, can change a filed year by forgetting a check.

/** Each dated table and the SQL for a row's year (`r` is new or old). */
const DATED: [table: string, year: (r: string) => string][] = [
  ['visits', (r) => `CAST(substr(${r}.date, 1, 4) AS INTEGER)`],
  ['problems', (r) => `CAST(substr(${r}.raised_at, 1, 4) AS INTEGER)`],
  ['complaints', (r) => `CAST(substr(${r}.received_at, 1, 4) AS INTEGER)`],
  ['calendar_items', (r) => `CAST(substr(${r}.month, 1, 4) AS INTEGER)`],
  ['notices', (r) => `${r}.year`],
  // An issued briefing belongs to the year it was issued in; a draft to its month's year.
  ['briefings', (r) => `coalesce(${r}.year, CAST(substr(${r}.month, 1, 4) AS INTEGER))`],
  ['chronicle_entries', (r) => `${r}.year`],
  ['pieces', (r) => `${r}.year`],
  ['collections', (r) => `${r}.year`],
  ['legacy_files', (r) => `${r}.year`],
];

function guard(table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', years: string[]): string {
  const list = years.join(', ');
  const hit = `SELECT year FROM archived_years WHERE year IN (${list})`;
  return `CREATE TRIGGER ${table}_archived_${event.toLowerCase()} BEFORE ${event} ON ${table}
    WHEN EXISTS (${hit})
    BEGIN SELECT RAISE(ABORT, 'YEAR_ARCHIVED:' || (${hit} LIMIT 1)); END;`;
}

export function readOnlyTriggers(): string {
  return DATED.map(([t, y]) => [
    guard(t, 'INSERT', [y('new')]),
    guard(t, 'UPDATE', [y('old'), y('new')]),
    guard(t, 'DELETE', [y('old')]),
  ].join('\n')).join('\n');
}

export const m004YearClose: Migration = {
  version: 4,
  name: 'yearly',
  up(db) {
    db.exec(`
      CREATE TABLE archived_years (
        year INTEGER PRIMARY KEY,
        archived_at TEXT NOT NULL,
        archived_by TEXT NOT NULL,
        -- Relative to the archive folder, e.g. 年度归档/2025
        package_folder TEXT NOT NULL,
        -- The 归档目录 as JSON: [{no, title, kind, date, size, sha256, path}]
        catalogue TEXT NOT NULL
      ) STRICT;

      -- Files from before the app (.docx, .pdf, .xlsx, images), stored by hash in attachments/.
      CREATE TABLE legacy_files (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        file_name TEXT NOT NULL,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        -- Text of a .docx (for the search); empty for other files.
        text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX legacy_files_year ON legacy_files(deleted_at, year);

      CREATE VIRTUAL TABLE legacy_files_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER legacy_files_fts_ai AFTER INSERT ON legacy_files BEGIN
        INSERT INTO legacy_files_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.title, new.kind, new.file_name, new.text));
      END;
      CREATE TRIGGER legacy_files_fts_au AFTER UPDATE OF title, kind, file_name, text ON legacy_files BEGIN
        DELETE FROM legacy_files_fts WHERE rowid = old.id;
        INSERT INTO legacy_files_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.title, new.kind, new.file_name, new.text));
      END;
      CREATE TRIGGER legacy_files_fts_ad AFTER DELETE ON legacy_files BEGIN DELETE FROM legacy_files_fts WHERE rowid = old.id; END;
    `);
    db.exec(readOnlyTriggers());
  },
};
