import type { Migration } from './index';

// The office's writing: monthly briefings (drafts, then issued with their numbers and the exact
// .docx kept), the yearly chronicle, and pieces (cases, notes, papers) compiled into collections.
export const m003Documents: Migration = {
  version: 3,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE briefings (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        title TEXT,
        status TEXT NOT NULL,
        -- Assigned when issued: 第N期 within the year of issue_date, 总第N期 overall.
        year INTEGER,
        issue_no INTEGER,
        total_no INTEGER,
        issue_date TEXT,
        issuing_unit TEXT,
        copies INTEGER,
        show_toc INTEGER NOT NULL DEFAULT 1,
        articles TEXT NOT NULL DEFAULT '[]',
        -- The issued .docx, stored by content hash, so a re-export is the same file.
        docx_hash TEXT REFERENCES attachments(hash),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        UNIQUE (year, issue_no),
        UNIQUE (total_no)
      ) STRICT;
      CREATE INDEX briefings_month ON briefings(month);

      CREATE TABLE chronicle_entries (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        -- 'day' (date = yyyy-mm-dd), 'month' (yyyy-mm, 是月) or 'year' (yyyy, 是年)
        precision TEXT NOT NULL,
        date TEXT NOT NULL,
        text TEXT NOT NULL,
        source_kind TEXT,
        source_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX chronicle_year ON chronicle_entries(year, date);
      CREATE INDEX chronicle_source ON chronicle_entries(source_kind, source_id);

      -- Candidates the user rejected, so they are not proposed again.
      CREATE TABLE chronicle_rejections (
        year INTEGER NOT NULL,
        source_kind TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        PRIMARY KEY (year, source_kind, source_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE pieces (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        author_id INTEGER REFERENCES supervisors(id),
        author_name TEXT,
        school_id INTEGER REFERENCES schools(id),
        year INTEGER NOT NULL,
        status TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '[]',
        body_text TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX pieces_year ON pieces(deleted_at, year, kind);

      CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        volume INTEGER,
        year INTEGER NOT NULL,
        preface TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE collection_pieces (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        piece_id INTEGER NOT NULL REFERENCES pieces(id),
        seq INTEGER NOT NULL,
        PRIMARY KEY (collection_id, piece_id)
      ) STRICT, WITHOUT ROWID;

      CREATE VIRTUAL TABLE pieces_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER pieces_fts_ai AFTER INSERT ON pieces BEGIN
        INSERT INTO pieces_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.title, new.author_name, new.body_text));
      END;
      CREATE TRIGGER pieces_fts_au AFTER UPDATE OF title, author_name, body_text ON pieces BEGIN
        DELETE FROM pieces_fts WHERE rowid = old.id;
        INSERT INTO pieces_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.title, new.author_name, new.body_text));
      END;
      CREATE TRIGGER pieces_fts_ad AFTER DELETE ON pieces BEGIN DELETE FROM pieces_fts WHERE rowid = old.id; END;
    `);
  },
};
