import type { Migration } from './index';

// Indexes found by the ten-year benchmark (npm run bench). Lists count every match joined to the
// live schools: with the school and the soft-delete mark in one index the count reads only the
// index instead of every wide record row (narratives), and paging to a deep OFFSET skips rows
// along the index without touching the table.
export const m005Indexes: Migration = {
  version: 5,
  name: 'indexes',
  up(db) {
    db.exec(`
      CREATE INDEX visits_school_live ON visits(school_id, deleted_at, date);
      CREATE INDEX visits_live_date_school ON visits(deleted_at, date, school_id);
      CREATE INDEX problems_school_live ON problems(school_id, deleted_at, status, notice_id, raised_at);
      CREATE INDEX problems_live_raised_school ON problems(deleted_at, raised_at, school_id, notice_id);
    `);
  },
};
