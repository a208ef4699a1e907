import type { Migration } from './index';

// Fast 1–2 character search. A trigram index answers a short query by the trigrams that START with it
// (read from an fts5vocab table over the index, see search.ts) instead of a LIKE scan of all text.
// An occurrence at the very end of a record has no such trigram, so every indexed text now ends in
// two spaces: then each 1- and 2-character substring begins some trigram. The expressions and trigger
// conditions are those of migrations 001–004; only the tail is new. Each index is rebuilt from its
// source table (soft-deleted rows included, as the triggers keep them).

interface Indexed {
  table: string;
  columns: string[];
  /** 001's triggers fire on any update; later ones only when an indexed column changes. */
  anyUpdate?: boolean;
}

export const INDEXED: Indexed[] = [
  { table: 'supervisors', columns: ['name', 'unit', 'position', 'subject', 'mobile', 'cert_no', 'category', 'notes'], anyUpdate: true },
  { table: 'schools', columns: ['full_name', 'short_name', 'address', 'principal', 'phone', 'notes'], anyUpdate: true },
  { table: 'visits', columns: ['theme', 'narrative', 'highlight', 'feedback'] },
  { table: 'problems', columns: ['category', 'description', 'campaign'] },
  { table: 'complaints', columns: ['visitor', 'identity', 'phone', 'content', 'result'] },
  { table: 'calendar_items', columns: ['content', 'owner', 'status_note'] },
  { table: 'pieces', columns: ['title', 'author_name', 'body_text'] },
  // legacy_files.text holds a .docx's text, extracted once on upload.
  { table: 'legacy_files', columns: ['title', 'kind', 'file_name', 'text'] },
];

/** The indexed text of row `r` (`new` in a trigger, the table's alias in the rebuild). */
export function indexedText(t: Indexed, r: string): string {
  return `concat_ws(' ', ${t.columns.map((c) => `${r}.${c}`).join(', ')}) || '  '`;
}

export const m006SearchTail: Migration = {
  version: 6,
  name: 'search-tail',
  up(db) {
    for (const t of INDEXED) {
      const fts = `${t.table}_fts`;
      const on = t.anyUpdate ? `UPDATE ON ${t.table}` : `UPDATE OF ${t.columns.join(', ')} ON ${t.table}`;
      // Drop and refill rather than DELETE: deleting from an FTS5 table re-tokenises every old row.
      db.exec(`
        DROP TRIGGER ${fts}_ai;
        DROP TRIGGER ${fts}_au;
        DROP TABLE ${fts};
        CREATE VIRTUAL TABLE ${fts} USING fts5(text, tokenize = 'trigram');
        INSERT INTO ${fts}(rowid, text) SELECT r.id, ${indexedText(t, 'r')} FROM ${t.table} r;
        CREATE TRIGGER ${fts}_ai AFTER INSERT ON ${t.table} BEGIN
          INSERT INTO ${fts}(rowid, text) VALUES (new.id, ${indexedText(t, 'new')});
        END;
        CREATE TRIGGER ${fts}_au AFTER ${on} BEGIN
          DELETE FROM ${fts} WHERE rowid = old.id;
          INSERT INTO ${fts}(rowid, text) VALUES (new.id, ${indexedText(t, 'new')});
        END;
        CREATE VIRTUAL TABLE ${fts}_vocab USING fts5vocab(${fts}, 'row');
      `);
    }
  },
};
