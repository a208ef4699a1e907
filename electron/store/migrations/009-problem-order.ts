import type { Migration } from './index';

// The 问题整改台账 is a virtual list: any window of 120,000 problems in any of its four orders.
// A page's ids are read along one index that holds the whole ORDER BY (sort key, then id) and the
// columns the common filters need (school_id for the live-school check, status, raised_at for a
// year or month), so no sort and no deep OFFSET touches the wide problem rows. A rare filter's few
// thousand matches are found on their own index and sorted; 只看逾期 (open, due before today) on
// problems_open_live_due.
//
// 整改期限 is the live notice's deadline when the problem is on one, else the problem's own, and
// that crosses two tables, which no index can hold. So problems keep it in `due`, written only by
// the triggers below, always equal to COALESCE(live notice's deadline_date, deadline):
//   - a problem inserted, or its deadline, notice (or `due` itself) changed: recomputed;
//   - a notice's deadline_date or deleted_at changed, or the notice inserted or deleted: its problems.
// Recursive triggers are off, so a trigger's own UPDATE does not fire it again. (A notice whose
// problems lie in a filed year cannot be changed then: the year's read-only guard refuses to change
// their due date. Nothing in the app changes a notice's deadline or deletes a notice.)
//
// Empty deadlines sort last in both directions (`due IS NULL` first in the ORDER BY): by 期限 from
// earliest that is the index on `due IS NULL, due`; from latest, a plain index on `due` read
// backwards, where NULL (the smallest value) comes last by itself.
//
// By 状态 the order is the workflow's (待整改, 整改中, 待回查, 已销号): the same CASE expression as
// STATUS_ORDER in problems.ts (it must stay identical, or the index is not used). By 学校 the walk
// goes school by school in name order (schools_live), each school's problems by id.

const DUE = (p: string) => `COALESCE((SELECT n.deadline_date FROM notices n WHERE n.id = ${p}.notice_id AND n.deleted_at IS NULL), ${p}.deadline)`;
const NOTICE_DUE = `COALESCE(CASE WHEN new.deleted_at IS NULL THEN new.deadline_date END, problems.deadline)`;

export const m009ProblemOrder: Migration = {
  version: 9,
  name: 'problem-order',
  up(db) {
    db.exec(`
      ALTER TABLE problems ADD COLUMN due TEXT;

      -- Filling in every problem's due date is not a change to a filed year: lift the read-only
      -- guard for this one statement (inside the migration's transaction) and put it back.
      CREATE TEMP TABLE m009_archived_years AS SELECT * FROM archived_years;
      DELETE FROM archived_years;
      UPDATE problems SET due = ${DUE('problems')};
      INSERT INTO archived_years SELECT * FROM m009_archived_years;
      DROP TABLE m009_archived_years;

      CREATE TRIGGER problems_due_ai AFTER INSERT ON problems WHEN new.due IS NOT ${DUE('new')} BEGIN
        UPDATE problems SET due = ${DUE('new')} WHERE id = new.id;
      END;
      CREATE TRIGGER problems_due_au AFTER UPDATE OF deadline, notice_id, due ON problems WHEN new.due IS NOT ${DUE('new')} BEGIN
        UPDATE problems SET due = ${DUE('new')} WHERE id = new.id;
      END;
      CREATE TRIGGER notices_due_ai AFTER INSERT ON notices BEGIN
        UPDATE problems SET due = ${NOTICE_DUE} WHERE notice_id = new.id AND due IS NOT ${NOTICE_DUE};
      END;
      CREATE TRIGGER notices_due_au AFTER UPDATE OF deadline_date, deleted_at ON notices BEGIN
        UPDATE problems SET due = ${NOTICE_DUE} WHERE notice_id = new.id AND due IS NOT ${NOTICE_DUE};
      END;
      CREATE TRIGGER notices_due_ad AFTER DELETE ON notices BEGIN
        UPDATE problems SET due = deadline WHERE notice_id = old.id AND due IS NOT deadline;
      END;

      CREATE INDEX problems_live_raised_id ON problems(deleted_at, raised_at, id, school_id, status, due);
      CREATE INDEX problems_live_due_id ON problems(deleted_at, due, id, school_id, status, raised_at);
      CREATE INDEX problems_live_due_last ON problems(deleted_at, due IS NULL, due, id, school_id, status, raised_at);
      CREATE INDEX problems_live_status_id ON problems(deleted_at,
        CASE status WHEN '待整改' THEN 0 WHEN '整改中' THEN 1 WHEN '待回查' THEN 2 WHEN '已销号' THEN 3 END, id, school_id, status, raised_at);
      CREATE INDEX problems_school_live_id ON problems(school_id, deleted_at, id, status, raised_at, due);
      CREATE INDEX problems_open_live_due ON problems(status, deleted_at, due, school_id, raised_at);
    `);
  },
};
