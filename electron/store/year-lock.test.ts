import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { WORKFLOW_COLUMNS } from './migrations/011-year-lock';
import { migrateTo } from '../testing/migrate-to';

// The year lock must cover every table that holds a year's content. This test reads the schema as the
// migrations build it today: a new table fails here until it has a read-only guard for each write, or
// is named below as not holding a year's content, with the reason.

/** Tables that hold no year's content, and why their rows may change after a year is archived. */
const NOT_YEAR_SCOPED: Record<string, string> = {
  settings: 'the office\'s settings as they are now (name, eight items, fonts); an archived year\'s documents are already in its package',
  zones: 'a register of the present: 责任区 as they are now',
  supervisors: 'a register of the present: 督学 and their appointments as they are now',
  schools: 'a register of the present: schools as they are now',
  assignments: 'a register of the present: who is listed at which school now',
  attachments: 'files stored once by content hash and shared by records of any year; a row never changes once written',
  recycle_bin: 'the list of what is in the 回收站; binning or restoring an archived year\'s record is refused by that record\'s own guard',
  audit_log: 'the log of every change, archived years\' rectification included; it must keep being written',
  archived_years: 'the lock itself: archiving adds a year, reopening (confirmed and logged) removes it',
};

/** Full-text indexes are rebuilt from their tables by those tables' triggers: `<table>_fts`, its vocab and shadow tables. */
const SEARCH_INDEX = /^(\w+?)_fts(_vocab|_data|_idx|_content|_docsize|_config)?$/;

const db = migrateTo(LATEST_SCHEMA_VERSION);
afterAll(() => db.close());

const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
const triggers = db.prepare(`SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; tbl: string; sql: string }[];
const yearScoped = tables.filter((t) => !(t in NOT_YEAR_SCOPED) && !SEARCH_INDEX.test(t));

describe('the year lock', () => {
  it('has a read-only guard for insert, update and delete on every table that holds a year\'s content', () => {
    expect(yearScoped.length).toBeGreaterThanOrEqual(21);
    for (const table of yearScoped) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        const guards = triggers.filter((t) => t.tbl === table && new RegExp(`BEFORE ${event} ON ${table}\\b`).test(t.sql) && t.sql.includes(`'YEAR_ARCHIVED:'`));
        expect(guards.map((g) => g.name), `${table} has no read-only guard for ${event}: add one (see migration 011), or list the table in NOT_YEAR_SCOPED with the reason`)
          .toHaveLength(1);
      }
    }
  });

  it('guards a row that spans years by every year it touches: a 行事历 item (and its schools) by its first and last month', () => {
    // Each table whose rows run over a range, and the column holding the range's end.
    const SPANS: Record<string, string> = { calendars: 'end_month', calendar_items: 'end_month', calendar_item_schools: 'end_month' };
    for (const [table, end] of Object.entries(SPANS)) {
      for (const event of ['insert', 'update', 'delete']) {
        const guard = triggers.find((t) => t.name === `${table}_archived_${event}`)?.sql ?? '';
        expect(guard, `${table}_archived_${event} does not test the years up to ${end}`).toContain(end);
      }
    }
    // Every column of the items table that says when: a new one must be added here.
    const when = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('calendar_items') as string[])
      .filter((c) => /month$|_date$/.test(c));
    expect(when).toEqual(['month', 'start_date', 'end_date', 'end_month']);
  });

  it('names only tables that exist, and search indexes only of tables that exist', () => {
    for (const t of Object.keys(NOT_YEAR_SCOPED)) expect(tables, t).toContain(t);
    for (const t of tables.filter((x) => SEARCH_INDEX.test(x))) expect(tables, t).toContain(SEARCH_INDEX.exec(t)![1]);
  });

  it('lets the rectification workflow change only its own columns of problems and notices: every other column is kept', () => {
    for (const [table, free] of Object.entries(WORKFLOW_COLUMNS)) {
      const guard = triggers.find((t) => t.name === `${table}_archived_update`)!.sql;
      const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[];
      for (const c of columns.filter((x) => !(free as readonly string[]).includes(x))) {
        expect(guard, `${table}.${c} is not kept by ${table}_archived_update`).toContain(`new.${c} IS old.${c}`);
      }
    }
  });
});
