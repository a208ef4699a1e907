import type { Migration } from './index';

// Counts that read an index only (npm run bench). The overdue count (首页 超期未整改, 台账 只看逾期)
// takes the open problems by status, then school, with the deadline and notice at hand, instead of
// reading each wide problem row; the 来访来电 count by status likewise.
export const m008CountIndexes: Migration = {
  version: 8,
  name: 'count-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX problems_open_due ON problems(status, deleted_at, school_id, deadline, notice_id);
      CREATE INDEX complaints_live_status ON complaints(deleted_at, status, received_at);
    `);
  },
};
