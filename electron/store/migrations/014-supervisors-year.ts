import type { Migration } from './index';

// The supervisors' year (issue 15).
//
// - 培训 and 会议 with attendance per supervisor (status NULL: invited, not yet recorded), their
//   material files, and the office's training plans (年度计划, 五年规划) as rich text with files. An event
//   keeps the 行事历 item that planned it by id only: no foreign key, so the calendar's tables can change.
// - 督学考核: the office's 考核办法 (one row; none means the app's default), each year's 考核 with the
//   scheme it was computed under (a copy), each supervisor's measures and result, and the manual
//   adjustments with their reasons.
// - A supervisor's appointment changes (续聘, 解聘, 调整), each with the fields as they were before.
// - The returned 督导记录表 already imported, by the content hash of the file (kept in attachments), so a
//   file imported twice changes nothing.
//
// Year lock (see 011): every table holding a year's content gets the same BEFORE INSERT / UPDATE /
// DELETE guard. Not year-scoped: the 考核办法 (the office's rule as it is now; a year's 考核 keeps its own
// copy) and the import log (which files were read; the visits they wrote carry their own guards).

const yearOfText = (expr: string) => `CAST(substr(${expr}, 1, 4) AS INTEGER)`;
const parentYear = (table: string, year: string, id: string) => `(SELECT ${year} FROM ${table} x WHERE x.id = ${id})`;

/** Each guarded table and the year of its row `r` (new or old). */
const GUARDED: [table: string, year: (r: string) => string][] = [
  ['trainings', (r) => yearOfText(`${r}.date`)],
  ['training_attendance', (r) => parentYear('trainings', yearOfText('x.date'), `${r}.training_id`)],
  ['training_files', (r) => parentYear('trainings', yearOfText('x.date'), `${r}.training_id`)],
  ['training_plans', (r) => `${r}.year`],
  ['training_plan_files', (r) => parentYear('training_plans', 'x.year', `${r}.plan_id`)],
  ['assessments', (r) => `${r}.year`],
  ['assessment_results', (r) => parentYear('assessments', 'x.year', `${r}.assessment_id`)],
  ['assessment_adjustments', (r) => parentYear('assessments', 'x.year', `${r}.assessment_id`)],
  ['appointment_changes', (r) => yearOfText(`${r}.date`)],
];

const ROWS = { insert: ['new'], update: ['old', 'new'], delete: ['old'] } as const;

function guards(table: string, year: (r: string) => string): string {
  return (Object.keys(ROWS) as (keyof typeof ROWS)[]).map((event) => {
    const hit = `SELECT y.year FROM archived_years y WHERE ${ROWS[event].map((r) => `y.year = ${year(r)}`).join(' OR ')}`;
    return `CREATE TRIGGER ${table}_archived_${event} BEFORE ${event.toUpperCase()} ON ${table}
      WHEN EXISTS (${hit})
      BEGIN SELECT RAISE(ABORT, 'YEAR_ARCHIVED:' || (${hit} LIMIT 1)); END;`;
  }).join('\n');
}

export const m014SupervisorsYear: Migration = {
  version: 14,
  name: 'supervisors-year',
  up(db) {
    db.exec(`
      CREATE TABLE trainings (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        topic TEXT NOT NULL,
        organiser TEXT,
        place TEXT,
        hours REAL NOT NULL DEFAULT 0,
        materials TEXT,
        minutes TEXT,
        calendar_item_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX trainings_live_date ON trainings(deleted_at, date);
      CREATE INDEX trainings_calendar_item ON trainings(calendar_item_id);

      CREATE TABLE training_attendance (
        training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        seq INTEGER NOT NULL,
        status TEXT,
        note TEXT,
        PRIMARY KEY (training_id, supervisor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX training_attendance_by_supervisor ON training_attendance(supervisor_id, training_id);

      CREATE TABLE training_files (
        training_id INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        file_name TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (training_id, seq)
      ) STRICT;

      CREATE TABLE training_plans (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        year INTEGER NOT NULL,
        period TEXT,
        body TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX training_plans_live_year ON training_plans(deleted_at, year);

      CREATE TABLE training_plan_files (
        plan_id INTEGER NOT NULL REFERENCES training_plans(id) ON DELETE CASCADE,
        hash TEXT NOT NULL REFERENCES attachments(hash),
        file_name TEXT NOT NULL,
        seq INTEGER NOT NULL,
        PRIMARY KEY (plan_id, seq)
      ) STRICT;

      CREATE TABLE assessment_scheme (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        scheme TEXT NOT NULL,
        status TEXT NOT NULL,
        until TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        finished_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX assessments_year ON assessments(year) WHERE deleted_at IS NULL;

      CREATE TABLE assessment_results (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        measures TEXT NOT NULL,
        total REAL NOT NULL,
        grade TEXT NOT NULL,
        rank INTEGER NOT NULL,
        PRIMARY KEY (assessment_id, supervisor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX assessment_results_by_supervisor ON assessment_results(supervisor_id, assessment_id);

      CREATE TABLE assessment_adjustments (
        assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        item_key TEXT NOT NULL,
        points REAL NOT NULL,
        comment TEXT NOT NULL,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        PRIMARY KEY (assessment_id, supervisor_id, item_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE appointment_changes (
        id INTEGER PRIMARY KEY,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        term_start TEXT,
        term_end TEXT,
        category TEXT,
        letter_no TEXT,
        note TEXT,
        before TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX appointment_changes_supervisor ON appointment_changes(supervisor_id, date);

      CREATE TABLE visit_form_imports (
        id INTEGER PRIMARY KEY,
        hash TEXT NOT NULL UNIQUE REFERENCES attachments(hash),
        file_name TEXT NOT NULL,
        supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        visit_ids TEXT NOT NULL DEFAULT '[]',
        problems INTEGER NOT NULL,
        photos INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
    `);
    db.exec(GUARDED.map(([table, year]) => guards(table, year)).join('\n'));
  },
};
