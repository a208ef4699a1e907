import type { Database } from 'better-sqlite3';
import type { Migration } from './index';

// The year lock covers every table that holds a year's content, and lets rectification go on.
//
// Migration 004 guarded the dated record tables. Left open were the tables whose rows belong to a
// year through another row (a visit's supervisors, items and files; a calendar item's schools; a
// collection's pieces; a notice's files and re-checks; a problem's history), the 行事历 themselves
// (a calendar covers every year its months touch) and their monthly themes, and the rejected
// chronicle candidates. Each gets the same BEFORE INSERT / UPDATE / DELETE guard here, raising
// 'YEAR_ARCHIVED:<year>' (dispatch turns it into the read-only message).
//
// Rectification runs across years (整改 started in December ends in spring), so the lock locks
// content, not the workflow. On an archived year's rows these writes still pass, and only these:
//   - problems: a live, not yet 销号 problem may change status, closed_at, updated_at and due (kept by
//     migration 009's triggers), and be put on a notice when it has none; every other column stays.
//   - notices: a live notice with problems still open may record its 整改报告 (report_text,
//     report_date); number, school, dates, deadline and requirement stay.
//   - notice_files: the report's files, while the notice has problems open.
//   - rechecks: a new 回查, while the notice has problems open; earlier ones never change.
//   - problem_history: a new line recording the move the problem just made (its to_status is the
//     problem's status now); earlier lines never change.
// Each of those writes also writes its audit line (the store does it in the same transaction).
//
// Such problems show in the next years' 台账 as 结转 (raised before the year, not yet 销号 on its first
// day). The ones still open are found on migration 009's problems_open_live_due; the ones 销号 since
// on problems_closed_live, added here (by 销号 date, with the 提出日期 to check).

/** Columns of problems and notices that the workflow may change in an archived year. */
export const WORKFLOW_COLUMNS = {
  problems: ['status', 'closed_at', 'updated_at', 'due', 'notice_id'],
  notices: ['report_text', 'report_date'],
} as const;

const yearOfText = (expr: string) => `CAST(substr(${expr}, 1, 4) AS INTEGER)`;
/** The year of the parent row `id` points to, by the parent's own year expression. */
const parentYear = (table: string, year: string, id: string) => `(SELECT ${year} FROM ${table} x WHERE x.id = ${id})`;
const visitYear = (id: string) => parentYear('visits', yearOfText('x.date'), id);
const noticeYear = (id: string) => parentYear('notices', 'x.year', id);
const problemYear = (id: string) => parentYear('problems', yearOfText('x.raised_at'), id);
const itemYear = (id: string) => parentYear('calendar_items', yearOfText('x.month'), id);
const collectionYear = (id: string) => parentYear('collections', 'x.year', id);

/** A live notice with a live problem not yet 销号: its rectification is still going on. */
const noticeOpen = (id: string) => `EXISTS (SELECT 1 FROM problems p WHERE p.notice_id = ${id}
  AND p.deleted_at IS NULL AND p.status <> '已销号')`;

export type Event = 'insert' | 'update' | 'delete';
export interface Guarded {
  table: string;
  /** The condition on an archived year `y.year` that makes row `r` (new or old) one of its rows. */
  inYear(r: string): string;
  /** Per event, the rectification writes that pass in an archived year. */
  allow?: Partial<Record<Event, string>>;
}

const inYear = (year: (r: string) => string) => (r: string) => `y.year = ${year(r)}`;

function guarded(db: Database): Guarded[] {
  const cols = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
  /** Every column not in `free` keeps its value. */
  const unchanged = (table: keyof typeof WORKFLOW_COLUMNS) => cols(table)
    .filter((c) => !(WORKFLOW_COLUMNS[table] as readonly string[]).includes(c))
    .map((c) => `new.${c} IS old.${c}`).join(' AND ');
  return [
    // A calendar belongs to every year from its first month's to its last month's.
    { table: 'calendars', inYear: (r) => `y.year BETWEEN ${yearOfText(`${r}.start_month`)} AND ${yearOfText(`${r}.end_month`)}` },
    { table: 'calendar_months', inYear: inYear((r) => yearOfText(`${r}.month`)) },
    { table: 'calendar_item_schools', inYear: inYear((r) => itemYear(`${r}.item_id`)) },
    { table: 'chronicle_rejections', inYear: inYear((r) => `${r}.year`) },
    { table: 'visit_supervisors', inYear: inYear((r) => visitYear(`${r}.visit_id`)) },
    { table: 'visit_items', inYear: inYear((r) => visitYear(`${r}.visit_id`)) },
    { table: 'visit_attachments', inYear: inYear((r) => visitYear(`${r}.visit_id`)) },
    { table: 'collection_pieces', inYear: inYear((r) => collectionYear(`${r}.collection_id`)) },
    {
      table: 'notice_files', inYear: inYear((r) => noticeYear(`${r}.notice_id`)),
      allow: {
        insert: noticeOpen('new.notice_id'),
        update: `new.notice_id = old.notice_id AND ${noticeOpen('old.notice_id')}`,
        delete: noticeOpen('old.notice_id'),
      },
    },
    { table: 'rechecks', inYear: inYear((r) => noticeYear(`${r}.notice_id`)), allow: { insert: noticeOpen('new.notice_id') } },
    {
      table: 'problem_history', inYear: inYear((r) => problemYear(`${r}.problem_id`)),
      allow: { insert: `new.to_status IS (SELECT p.status FROM problems p WHERE p.id = new.problem_id AND p.deleted_at IS NULL)` },
    },
    // Replacing 004's update guards of the two workflow tables.
    {
      table: 'problems', inYear: inYear((r) => yearOfText(`${r}.raised_at`)),
      allow: {
        update: `old.deleted_at IS NULL AND old.status <> '已销号' AND ${unchanged('problems')}
          AND (new.notice_id IS old.notice_id OR old.notice_id IS NULL)`,
      },
    },
    {
      table: 'notices', inYear: inYear((r) => `${r}.year`),
      allow: { update: `old.deleted_at IS NULL AND ${unchanged('notices')} AND ${noticeOpen('old.id')}` },
    },
  ];
}

/** The rows an event touches: insert the new one, delete the old one, update both. */
const ROWS: Record<Event, string[]> = { insert: ['new'], update: ['old', 'new'], delete: ['old'] };

export function trigger(g: Guarded, event: Event): string {
  const hit = `SELECT y.year FROM archived_years y WHERE ${ROWS[event].map((r) => `(${g.inYear(r)})`).join(' OR ')}`;
  const allow = g.allow?.[event];
  return `CREATE TRIGGER ${g.table}_archived_${event} BEFORE ${event.toUpperCase()} ON ${g.table}
    WHEN EXISTS (${hit})${allow ? ` AND NOT (${allow})` : ''}
    BEGIN SELECT RAISE(ABORT, 'YEAR_ARCHIVED:' || (${hit} LIMIT 1)); END;`;
}

export const m011YearLock: Migration = {
  version: 11,
  name: 'year-lock',
  up(db) {
    db.exec(`DROP TRIGGER problems_archived_update; DROP TRIGGER notices_archived_update;
      CREATE INDEX problems_closed_live ON problems(status, deleted_at, closed_at, raised_at, school_id);`);
    for (const g of guarded(db)) {
      const events: Event[] = g.table === 'problems' || g.table === 'notices' ? ['update'] : ['insert', 'update', 'delete'];
      db.exec(events.map((e) => trigger(g, e)).join('\n'));
    }
  },
};
