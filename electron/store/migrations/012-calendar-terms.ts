import type { Database } from 'better-sqlite3';
import type { Migration } from './index';
import { indexedText } from './006-search-tail';

// The 行事历 as offices keep it (issue 13):
//   - calendars get their 学年 (school_year: 2026 for 2026—2027) and 学期 (term: 1 or 2) as fields, and
//     the first day of the term's first week (week_one), which 第N周 timings count from. They are read
//     from what each calendar already says: its title ("2025—2026学年第一学期…") and, where the title
//     names none, its first month (August starts a school year, February the second term). A title
//     naming a term makes its calendar a 学期 one.
//   - items may run over several months: end_month (their first stays `month`, where they are listed
//     and numbered). An item dated past its month runs to its last date's month, within its calendar,
//     so it shows in every month it covers.
//   - items keep their own number as published (number: "1.", "（3）"; NULL numbers by position), their
//     timing as written (timing: "第3周", "9月上旬"; its days stay in start_date/end_date), who helps
//     (partners, 配合) beside who leads (the `owner` column, now 牵头), and a 备注 (note).
//   - category may be left out: stored as '' (the column stays NOT NULL; rebuilding the table would
//     drop the visits' links to its rows through their ON DELETE SET NULL).
// An item belongs to every year its months touch, so its year-lock guards (and its schools') test the
// span; the full-text index covers the new texts. Guards are lifted while the rows are filled (an
// archived year's calendars are filled like the others, nothing else changes) and written again.

const yearOf = (expr: string) => `CAST(substr(${expr}, 1, 4) AS INTEGER)`;
/** Archived years an item row `r` touches: from its first month's year to its last's. */
const itemYears = (r: string) => `SELECT y.year FROM archived_years y
  WHERE y.year BETWEEN ${yearOf(`${r}.month`)} AND ${yearOf(`coalesce(${r}.end_month, ${r}.month)`)}`;
/** Archived years the item a link row `r` points to touches. */
const linkYears = (r: string) => `SELECT y.year FROM archived_years y JOIN calendar_items x ON x.id = ${r}.item_id
  WHERE y.year BETWEEN ${yearOf('x.month')} AND ${yearOf('coalesce(x.end_month, x.month)')}`;

type Event = 'insert' | 'update' | 'delete';
const ROWS: Record<Event, string[]> = { insert: ['new'], update: ['old', 'new'], delete: ['old'] };

function guard(table: string, event: Event, years: (r: string) => string): string {
  const hit = ROWS[event].map((r) => `${years(r)}`).join(' UNION ');
  return `CREATE TRIGGER ${table}_archived_${event} BEFORE ${event.toUpperCase()} ON ${table}
    WHEN EXISTS (${hit})
    BEGIN SELECT RAISE(ABORT, 'YEAR_ARCHIVED:' || (${hit} LIMIT 1)); END;`;
}

/** The texts a search finds an item by from now on (ending in two spaces, as migration 006 set out). */
export const ITEMS_INDEXED = { table: 'calendar_items', columns: ['content', 'owner', 'partners', 'timing', 'status_note', 'note'] };
const INDEXED = (r: string) => indexedText(ITEMS_INDEXED, r);

const CN_TERM: Record<string, number> = { 一: 1, 1: 1, 上: 1, 二: 2, 2: 2, 下: 2 };

/** 学年 and 学期 as a calendar's title and first month say them (frozen here: later code may read differently). */
export function readPeriod(title: string, kind: string, startMonth: string): { kind: string; schoolYear: number | null; term: number | null } {
  const month = Number(startMonth.slice(5, 7));
  const fromMonth = Number(startMonth.slice(0, 4)) - (month >= 8 ? 0 : 1);
  const termNamed = /第\s*([一二12])\s*学期|([上下])学期/.exec(title);
  const k = termNamed ? '学期' : kind;
  if (k === '自然年') return { kind: k, schoolYear: null, term: null };
  const pair = /(\d{4})\s*[—–\-－~～至]+\s*(\d{4})\s*学年/.exec(title);
  const single = /(\d{4})\s*学年/.exec(title);
  let schoolYear = fromMonth;
  if (pair && Number(pair[2]) === Number(pair[1]) + 1) schoolYear = Number(pair[1]);
  else if (!pair && single) schoolYear = Number(single[1]);
  const term = k === '学期' ? (termNamed ? CN_TERM[termNamed[1] ?? termNamed[2]] : month >= 8 || month === 1 ? 1 : 2) : null;
  return { kind: k, schoolYear, term };
}

export const m012CalendarTerms: Migration = {
  version: 12,
  name: 'calendar-terms',
  up(db: Database) {
    // Lift the guards that would refuse filling an archived year's rows; calendars' own is written back as it was.
    const calendarGuard = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'calendars_archived_update'`).pluck().get() as string;
    db.exec(`
      DROP TRIGGER calendars_archived_update;
      DROP TRIGGER calendar_items_archived_insert; DROP TRIGGER calendar_items_archived_update; DROP TRIGGER calendar_items_archived_delete;
      DROP TRIGGER calendar_item_schools_archived_insert; DROP TRIGGER calendar_item_schools_archived_update;
      DROP TRIGGER calendar_item_schools_archived_delete;

      ALTER TABLE calendars ADD COLUMN school_year INTEGER;
      ALTER TABLE calendars ADD COLUMN term INTEGER;
      ALTER TABLE calendars ADD COLUMN week_one TEXT;

      ALTER TABLE calendar_items ADD COLUMN end_month TEXT;
      ALTER TABLE calendar_items ADD COLUMN number TEXT;
      ALTER TABLE calendar_items ADD COLUMN timing TEXT;
      ALTER TABLE calendar_items ADD COLUMN partners TEXT;
      ALTER TABLE calendar_items ADD COLUMN note TEXT;
    `);

    const set = db.prepare('UPDATE calendars SET period_kind = ?, school_year = ?, term = ? WHERE id = ?');
    for (const c of db.prepare('SELECT id, title, period_kind AS kind, start_month AS start FROM calendars').all() as
      { id: number; title: string; kind: string; start: string }[]) {
      const p = readPeriod(c.title, c.kind, c.start);
      set.run(p.kind, p.schoolYear, p.term, c.id);
    }
    // An item runs to the month of its last date, within its calendar.
    db.exec(`
      UPDATE calendar_items SET end_month = (
        SELECT max(calendar_items.month, min(c.end_month, max(substr(coalesce(calendar_items.end_date, ''), 1, 7), substr(coalesce(calendar_items.start_date, ''), 1, 7))))
        FROM calendars c WHERE c.id = calendar_items.calendar_id);
      CREATE INDEX calendar_items_by_span ON calendar_items(month, end_month);

      ${guard('calendar_items', 'insert', itemYears)}
      ${guard('calendar_items', 'update', itemYears)}
      ${guard('calendar_items', 'delete', itemYears)}
      ${guard('calendar_item_schools', 'insert', linkYears)}
      ${guard('calendar_item_schools', 'update', linkYears)}
      ${guard('calendar_item_schools', 'delete', linkYears)}
      ${calendarGuard};

      DROP TRIGGER calendar_items_fts_ai;
      DROP TRIGGER calendar_items_fts_au;
      DROP TABLE calendar_items_fts_vocab;
      DROP TABLE calendar_items_fts;
      CREATE VIRTUAL TABLE calendar_items_fts USING fts5(text, tokenize = 'trigram');
      INSERT INTO calendar_items_fts(rowid, text) SELECT r.id, ${INDEXED('r')} FROM calendar_items r;
      CREATE TRIGGER calendar_items_fts_ai AFTER INSERT ON calendar_items BEGIN
        INSERT INTO calendar_items_fts(rowid, text) VALUES (new.id, ${INDEXED('new')});
      END;
      CREATE TRIGGER calendar_items_fts_au AFTER UPDATE OF ${ITEMS_INDEXED.columns.join(', ')} ON calendar_items BEGIN
        DELETE FROM calendar_items_fts WHERE rowid = old.id;
        INSERT INTO calendar_items_fts(rowid, text) VALUES (new.id, ${INDEXED('new')});
      END;
      CREATE VIRTUAL TABLE calendar_items_fts_vocab USING fts5vocab(calendar_items_fts, 'row');
    `);
  },
};
