import type { Migration } from './index';

// Year-end work at real volume (issue 13):
// - briefing_corrections: an issued briefing re-opened for correction keeps its numbers; the version
//   as issued before (articles, issuing unit, copies, 要目, date and the kept .docx) is kept here with
//   the reason, so a correction given up restores it and nothing issued is ever lost. One row per
//   correction; closed_at and outcome ('重新印发' / '放弃更正') are written when it ends.
// - pieces.source_kind / source_id: a case drafted from the records names what it was drafted from
//   ('school' — a school's 亮点 of the year, 'notice' — a notice's 整改), so the records are not
//   proposed again while the draft is live.
// The corrections belong to their briefing's year and get the same read-only guards (migration 011).

/** A correction's year: its briefing's (an issued briefing's year of issue, a draft's month's). */
const BRIEFING_YEAR = (r: string) =>
  `(SELECT coalesce(x.year, CAST(substr(x.month, 1, 4) AS INTEGER)) FROM briefings x WHERE x.id = ${r}.briefing_id)`;

const ROWS = { insert: ['new'], update: ['old', 'new'], delete: ['old'] } as const;

function guard(event: keyof typeof ROWS): string {
  const hit = `SELECT y.year FROM archived_years y WHERE ${ROWS[event].map((r) => `(y.year = ${BRIEFING_YEAR(r)})`).join(' OR ')}`;
  return `CREATE TRIGGER briefing_corrections_archived_${event} BEFORE ${event.toUpperCase()} ON briefing_corrections
    WHEN EXISTS (${hit})
    BEGIN SELECT RAISE(ABORT, 'YEAR_ARCHIVED:' || (${hit} LIMIT 1)); END;`;
}

export const m013YearEnd: Migration = {
  version: 13,
  name: 'year-end',
  up(db) {
    db.exec(`
      CREATE TABLE briefing_corrections (
        id INTEGER PRIMARY KEY,
        briefing_id INTEGER NOT NULL REFERENCES briefings(id),
        reason TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        -- The briefing as issued before this correction.
        articles TEXT NOT NULL,
        issuing_unit TEXT,
        copies INTEGER,
        show_toc INTEGER NOT NULL,
        issue_date TEXT NOT NULL,
        docx_hash TEXT REFERENCES attachments(hash),
        closed_at TEXT,
        outcome TEXT
      ) STRICT;
      CREATE INDEX briefing_corrections_briefing ON briefing_corrections(briefing_id, id);

      ALTER TABLE pieces ADD COLUMN source_kind TEXT;
      ALTER TABLE pieces ADD COLUMN source_id INTEGER;
      CREATE INDEX pieces_source ON pieces(source_kind, source_id) WHERE source_kind IS NOT NULL;
    `);
    db.exec(['insert', 'update', 'delete'].map((e) => guard(e as keyof typeof ROWS)).join('\n'));
  },
};
