import type { Migration } from './index';

// The year's supervision work: 行事历, visit records, problems and their rectification (notices,
// reports, re-checks, full status history), and the complaints log. Lists of ids that belong to a
// record (supervisors on a visit, schools of a calendar item) are link tables so they can be filtered.
export const m002Work: Migration = {
  version: 2,
  name: 'work',
  up(db) {
    db.exec(`
      CREATE TABLE calendars (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        period_kind TEXT NOT NULL,
        start_month TEXT NOT NULL,
        end_month TEXT NOT NULL,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;

      CREATE TABLE calendar_months (
        calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        theme TEXT,
        PRIMARY KEY (calendar_id, month)
      ) STRICT;

      CREATE TABLE calendar_items (
        id INTEGER PRIMARY KEY,
        calendar_id INTEGER NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        seq INTEGER NOT NULL,
        content TEXT NOT NULL,
        category TEXT NOT NULL,
        owner TEXT,
        start_date TEXT,
        end_date TEXT,
        status TEXT NOT NULL,
        status_note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX calendar_items_month ON calendar_items(calendar_id, month, seq);
      CREATE INDEX calendar_items_by_month ON calendar_items(month);

      CREATE TABLE calendar_item_schools (
        item_id INTEGER NOT NULL REFERENCES calendar_items(id) ON DELETE CASCADE,
        school_id INTEGER NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
        PRIMARY KEY (item_id, school_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE visits (
        id INTEGER PRIMARY KEY,
        school_id INTEGER NOT NULL REFERENCES schools(id),
        date TEXT NOT NULL,
        type TEXT NOT NULL,
        theme TEXT,
        methods TEXT NOT NULL DEFAULT '[]',
        items TEXT NOT NULL DEFAULT '[]',
        narrative TEXT,
        highlight TEXT,
        feedback TEXT,
        calendar_item_id INTEGER REFERENCES calendar_items(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX visits_date ON visits(deleted_at, date);
      CREATE INDEX visits_school_date ON visits(school_id, date);
      CREATE INDEX visits_calendar_item ON visits(calendar_item_id);

      CREATE TABLE visit_supervisors (
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        PRIMARY KEY (visit_id, supervisor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX visit_supervisors_by_supervisor ON visit_supervisors(supervisor_id, visit_id);

      -- Which of the eight items a visit covered: a link table so lists filter by item with an index.
      CREATE TABLE visit_items (
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        PRIMARY KEY (visit_id, item)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX visit_items_by_item ON visit_items(item, visit_id);

      CREATE TABLE visit_attachments (
        visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        file_name TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (visit_id, seq)
      ) STRICT;

      CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        received_at TEXT NOT NULL,
        visitor TEXT,
        identity TEXT,
        phone TEXT,
        channel TEXT NOT NULL,
        school_id INTEGER REFERENCES schools(id),
        topic TEXT NOT NULL,
        content TEXT NOT NULL,
        recorder TEXT,
        handler TEXT,
        result TEXT,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX complaints_received ON complaints(deleted_at, received_at);
      CREATE INDEX complaints_school ON complaints(school_id);

      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        school_id INTEGER NOT NULL REFERENCES schools(id),
        issued_date TEXT NOT NULL,
        deadline_days INTEGER NOT NULL,
        deadline_date TEXT NOT NULL,
        requirement TEXT,
        report_text TEXT,
        report_date TEXT,
        created_at TEXT NOT NULL,
        deleted_at TEXT,
        UNIQUE (year, number)
      ) STRICT;
      CREATE INDEX notices_school ON notices(school_id);

      CREATE TABLE notice_files (
        notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        file_name TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (notice_id, seq)
      ) STRICT;

      CREATE TABLE problems (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        visit_id INTEGER REFERENCES visits(id),
        complaint_id INTEGER REFERENCES complaints(id),
        campaign TEXT,
        school_id INTEGER NOT NULL REFERENCES schools(id),
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        actor TEXT NOT NULL,
        deadline TEXT,
        status TEXT NOT NULL,
        notice_id INTEGER REFERENCES notices(id),
        raised_at TEXT NOT NULL,
        closed_at TEXT,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX problems_raised ON problems(deleted_at, raised_at);
      CREATE INDEX problems_school ON problems(school_id, status);
      CREATE INDEX problems_status_deadline ON problems(status, deadline);
      CREATE INDEX problems_visit ON problems(visit_id);
      CREATE INDEX problems_complaint ON problems(complaint_id);
      CREATE INDEX problems_notice ON problems(notice_id);

      CREATE TABLE problem_history (
        id INTEGER PRIMARY KEY,
        problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        note TEXT
      ) STRICT;
      CREATE INDEX problem_history_problem ON problem_history(problem_id, id);

      CREATE TABLE rechecks (
        id INTEGER PRIMARY KEY,
        notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        result TEXT NOT NULL,
        note TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rechecks_notice ON rechecks(notice_id);

      -- Global search over the work records (trigram; 1–2 character queries use LIKE on the same text).
      CREATE VIRTUAL TABLE visits_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER visits_fts_ai AFTER INSERT ON visits BEGIN
        INSERT INTO visits_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.theme, new.narrative, new.highlight, new.feedback));
      END;
      CREATE TRIGGER visits_fts_au AFTER UPDATE OF theme, narrative, highlight, feedback ON visits BEGIN
        DELETE FROM visits_fts WHERE rowid = old.id;
        INSERT INTO visits_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.theme, new.narrative, new.highlight, new.feedback));
      END;
      CREATE TRIGGER visits_fts_ad AFTER DELETE ON visits BEGIN DELETE FROM visits_fts WHERE rowid = old.id; END;

      CREATE VIRTUAL TABLE problems_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER problems_fts_ai AFTER INSERT ON problems BEGIN
        INSERT INTO problems_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.category, new.description, new.campaign));
      END;
      CREATE TRIGGER problems_fts_au AFTER UPDATE OF category, description, campaign ON problems BEGIN
        DELETE FROM problems_fts WHERE rowid = old.id;
        INSERT INTO problems_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.category, new.description, new.campaign));
      END;
      CREATE TRIGGER problems_fts_ad AFTER DELETE ON problems BEGIN DELETE FROM problems_fts WHERE rowid = old.id; END;

      CREATE VIRTUAL TABLE complaints_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER complaints_fts_ai AFTER INSERT ON complaints BEGIN
        INSERT INTO complaints_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.visitor, new.identity, new.phone, new.content, new.result));
      END;
      CREATE TRIGGER complaints_fts_au AFTER UPDATE OF visitor, identity, phone, content, result ON complaints BEGIN
        DELETE FROM complaints_fts WHERE rowid = old.id;
        INSERT INTO complaints_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.visitor, new.identity, new.phone, new.content, new.result));
      END;
      CREATE TRIGGER complaints_fts_ad AFTER DELETE ON complaints BEGIN DELETE FROM complaints_fts WHERE rowid = old.id; END;

      CREATE VIRTUAL TABLE calendar_items_fts USING fts5(text, tokenize = 'trigram');
      CREATE TRIGGER calendar_items_fts_ai AFTER INSERT ON calendar_items BEGIN
        INSERT INTO calendar_items_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.content, new.owner, new.status_note));
      END;
      CREATE TRIGGER calendar_items_fts_au AFTER UPDATE OF content, owner, status_note ON calendar_items BEGIN
        DELETE FROM calendar_items_fts WHERE rowid = old.id;
        INSERT INTO calendar_items_fts(rowid, text) VALUES (new.id, concat_ws(' ', new.content, new.owner, new.status_note));
      END;
      CREATE TRIGGER calendar_items_fts_ad AFTER DELETE ON calendar_items BEGIN DELETE FROM calendar_items_fts WHERE rowid = old.id; END;
    `);
  },
};
