import type { Migration } from './index';

// 整改通知书 are read by two indexes that cover what is asked of them, as the problems and visits are:
// - notices_live_order: the list (newest number first, or oldest), its count and its filters by year
//   and school, from the index alone, so a page at any depth steps along index entries; the whole
//   notice is read only for the page's 30.
// - notices_live_issued: the notices issued in a period (the home page, the briefing, the statistics
//   report and the chronicle count them and their schools), a range of index entries.
// Before, with 40,000 notices, both read every notice's row: about 250 ms a list page, 50 ms a dashboard.
export const m016NoticeOrder: Migration = {
  version: 16,
  name: 'notice-order',
  up(db) {
    db.exec(`
      CREATE INDEX notices_live_order ON notices(deleted_at, year, number, school_id);
      CREATE INDEX notices_live_issued ON notices(deleted_at, issued_date, school_id);
    `);
  },
};
