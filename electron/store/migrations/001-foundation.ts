import type { Migration } from './index';

// Registers of people and places, settings, the recycle bin, the audit log, attachments, search.
// Deletion is soft (deleted_at) so the 回收站 can restore a row with its links intact.
export const m001Foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE zones (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        leader_id INTEGER REFERENCES supervisors(id) ON DELETE SET NULL,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX zones_name ON zones(name) WHERE deleted_at IS NULL;

      CREATE TABLE supervisors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT,
        birth_month TEXT,
        unit TEXT,
        position TEXT,
        education TEXT,
        title TEXT,
        stage TEXT,
        subject TEXT,
        mobile TEXT,
        cert_no TEXT,
        letter_no TEXT,
        term_start TEXT,
        term_end TEXT,
        status TEXT NOT NULL,
        category TEXT NOT NULL,
        notes TEXT,
        photo TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX supervisors_live ON supervisors(deleted_at, name);
      CREATE UNIQUE INDEX supervisors_cert ON supervisors(cert_no) WHERE cert_no IS NOT NULL AND deleted_at IS NULL;

      CREATE TABLE schools (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        short_name TEXT,
        type TEXT NOT NULL,
        nature TEXT NOT NULL,
        urban_rural TEXT,
        address TEXT,
        principal TEXT,
        phone TEXT,
        students INTEGER,
        teachers INTEGER,
        zone_id INTEGER REFERENCES zones(id) ON DELETE SET NULL,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX schools_live ON schools(deleted_at, full_name);
      CREATE INDEX schools_zone ON schools(zone_id);
      CREATE UNIQUE INDEX schools_name ON schools(full_name) WHERE deleted_at IS NULL;

      CREATE TABLE assignments (
        id INTEGER PRIMARY KEY,
        school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX assignments_school ON assignments(school_id);
      CREATE INDEX assignments_supervisor ON assignments(supervisor_id);
      CREATE UNIQUE INDEX assignments_unique ON assignments(school_id, supervisor_id, role) WHERE deleted_at IS NULL;

      CREATE TABLE recycle_bin (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        title TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recycle_entity ON recycle_bin(kind, entity_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        kind TEXT NOT NULL,
        entity_id INTEGER,
        summary TEXT NOT NULL,
        detail TEXT
      ) STRICT;
      CREATE INDEX audit_kind ON audit_log(kind, id);

      CREATE TABLE attachments (
        hash TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Trigram full-text search: any Chinese substring of 3+ characters; shorter ones use LIKE.
      CREATE VIRTUAL TABLE supervisors_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER supervisors_fts_ai AFTER INSERT ON supervisors BEGIN
        INSERT INTO supervisors_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.name, new.unit, new.position,
          new.subject, new.mobile, new.cert_no, new.category, new.notes));
      END;
      CREATE TRIGGER supervisors_fts_au AFTER UPDATE ON supervisors BEGIN
        DELETE FROM supervisors_fts WHERE rowid = old.id;
        INSERT INTO supervisors_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.name, new.unit, new.position,
          new.subject, new.mobile, new.cert_no, new.category, new.notes));
      END;
      CREATE TRIGGER supervisors_fts_ad AFTER DELETE ON supervisors BEGIN
        DELETE FROM supervisors_fts WHERE rowid = old.id;
      END;

      CREATE VIRTUAL TABLE schools_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER schools_fts_ai AFTER INSERT ON schools BEGIN
        INSERT INTO schools_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.full_name, new.short_name,
          new.address, new.principal, new.phone, new.notes));
      END;
      CREATE TRIGGER schools_fts_au AFTER UPDATE ON schools BEGIN
        DELETE FROM schools_fts WHERE rowid = old.id;
        INSERT INTO schools_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.full_name, new.short_name,
          new.address, new.principal, new.phone, new.notes));
      END;
      CREATE TRIGGER schools_fts_ad AFTER DELETE ON schools BEGIN
        DELETE FROM schools_fts WHERE rowid = old.id;
      END;
    `);
  },
};
