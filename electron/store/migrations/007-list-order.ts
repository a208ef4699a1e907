import type { Migration } from './index';

// The 督导记录 list picks a page's ids from one index that covers its filter and its whole ORDER BY
// (the live mark, the sort key, then school_id for the live-school check, then the rowid), so a deep
// OFFSET steps along the index only. By date it uses 005's visits_live_date_school; these two serve
// the sorts by 类型 (and the 类型 filter) and by 更新时间.
export const m007ListOrder: Migration = {
  version: 7,
  name: 'list-order',
  up(db) {
    db.exec(`
      CREATE INDEX visits_live_type_date ON visits(deleted_at, type, date, school_id);
      CREATE INDEX visits_live_updated ON visits(deleted_at, updated_at, school_id);
    `);
  },
};
