import type { Database } from 'better-sqlite3';
import type { Migration } from './index';
import { WORKFLOW_COLUMNS as WORKFLOW_011, trigger, type Event, type Guarded } from './011-year-lock';

// Beyond the 挂牌督导 routine (issue 14): 专项督导 campaigns, 督政 problems owned by a unit, 回头看 after
// 销号, 约谈 and 通报, and evaluation against indicators.
//
// - units: the register of 督政 owners (a bureau section, a township government, a county department).
// - campaigns, with their schools (scope resolved to a list, each with its planned date and the
//   督导意见 written for it) and team. Visits and problems belong to a campaign by campaign_id; the
//   free-text problems.campaign of earlier versions becomes a campaign row each (see below) and keeps
//   the campaign's name, which the search index reads.
// - problems: owned by a school or by a unit, exactly one (problems_owner_* triggers). school_id loses
//   its NOT NULL by rewriting the table's declaration (SQLite documents this as safe for dropping a NOT
//   NULL constraint, https://sqlite.org/lang_altertable.html#otheralter): rebuilding the table would
//   copy every problem and cascade-delete their history under foreign_keys = ON, which a transaction
//   cannot turn off. rework_due is the deadline a 回头看 sets when it reopens a problem as 反弹; the
//   deadline that counts (due, migration 009) now reads it first.
// - followups (回头看): one per problem, due some months after 销号, confirming (巩固) or reopening (反弹).
// - escalations: a 约谈 or a 通报 about some problems.
// - indicator_sets: the reusable library (a flat outline of 一级/二级/三级 indicators, in JSON); a round
//   copies its indicators (eval_indicators), so editing the library never changes a round's scores.
// - eval_rounds with their schools, scores (with the scorer's name), evidence files and 满意度 counts.
//
// The year lock (migration 011) covers every new table that holds a year's content: a campaign belongs
// to every year from its start to its end, like a 行事历; a followup to its due date's year (a pending
// one may still be recorded, as a 回查 may); an escalation to its date's; a round to its year; each
// link table to its parent's. A 回头看 may reopen a problem of an archived year (反弹), as 回查 and 销号
// go on there: problems_archived_update is rebuilt with the new columns kept and that move let through,
// once a 回头看 has recorded the 反弹.

/** Columns of problems and notices that the workflow may change in an archived year (011's, and the 反弹 deadline). */
export const WORKFLOW_COLUMNS = {
  problems: [...WORKFLOW_011.problems, 'rework_due'],
  notices: WORKFLOW_011.notices,
} as const;

const TABLES = `
  CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    contact TEXT,
    phone TEXT,
    notes TEXT,
    name_pinyin TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;
  CREATE UNIQUE INDEX units_name_live ON units(name) WHERE deleted_at IS NULL;

  CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    basis_title TEXT,
    basis_number TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    -- 选定学校 | 学段类型 | 责任区 | 全部学校; scope_value is the type's name or the zone's id
    scope_kind TEXT NOT NULL,
    scope_value TEXT,
    -- 八项事项 | 自定指标, and the items or indicators as a JSON array of texts
    checklist_kind TEXT NOT NULL,
    checklist TEXT NOT NULL DEFAULT '[]',
    -- 回头看 this many months after a problem's 销号 (null: none scheduled by the campaign)
    followup_months INTEGER,
    notes TEXT,
    -- The 专项督导报告: title, addressee (主送), date, sections as [{title, blocks}]
    report_title TEXT,
    report_to TEXT,
    report_date TEXT,
    report TEXT NOT NULL DEFAULT '[]',
    closed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;
  CREATE INDEX campaigns_live_start ON campaigns(deleted_at, start_date);

  CREATE TABLE campaign_schools (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    planned_date TEXT,
    opinion TEXT,
    opinion_date TEXT,
    PRIMARY KEY (campaign_id, school_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX campaign_schools_school ON campaign_schools(school_id);

  CREATE TABLE campaign_members (
    campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    supervisor_id INTEGER NOT NULL REFERENCES supervisors(id),
    role TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, supervisor_id)
  ) STRICT, WITHOUT ROWID;

  ALTER TABLE visits ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);
  CREATE INDEX visits_campaign ON visits(campaign_id, deleted_at, school_id);
  ALTER TABLE problems ADD COLUMN campaign_id INTEGER REFERENCES campaigns(id);
  ALTER TABLE problems ADD COLUMN unit_id INTEGER REFERENCES units(id);
  ALTER TABLE problems ADD COLUMN rework_due TEXT;
  CREATE INDEX problems_campaign ON problems(campaign_id, deleted_at, status);
  CREATE INDEX problems_unit_live ON problems(unit_id, deleted_at, status, raised_at);

  CREATE TABLE followups (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id),
    campaign_id INTEGER REFERENCES campaigns(id),
    due_date TEXT NOT NULL,
    done_date TEXT,
    supervisor_id INTEGER REFERENCES supervisors(id),
    -- 巩固 | 反弹
    result TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;
  CREATE INDEX followups_problem ON followups(problem_id);
  CREATE INDEX followups_due ON followups(deleted_at, done_date, due_date);

  CREATE TABLE escalations (
    id INTEGER PRIMARY KEY,
    -- 约谈 | 通报
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    -- 约谈: who was talked to; 通报: to whom it went
    target TEXT NOT NULL,
    -- 约谈: who held it; 通报: the document (name and 文号)
    hosts TEXT,
    outcome TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;
  CREATE INDEX escalations_date ON escalations(deleted_at, date);

  CREATE TABLE escalation_problems (
    escalation_id INTEGER NOT NULL REFERENCES escalations(id) ON DELETE CASCADE,
    problem_id INTEGER NOT NULL REFERENCES problems(id),
    PRIMARY KEY (escalation_id, problem_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX escalation_problems_problem ON escalation_problems(problem_id, escalation_id);

  CREATE TABLE indicator_sets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    pass_score REAL,
    -- [{level, name, points, maxScore, passScore}] in outline order
    indicators TEXT NOT NULL DEFAULT '[]',
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;

  CREATE TABLE eval_rounds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    start_date TEXT,
    end_date TEXT,
    -- The library set its indicators were copied from, and that set's name then
    set_id INTEGER REFERENCES indicator_sets(id),
    set_name TEXT,
    pass_score REAL NOT NULL,
    -- [{name, min}] from the highest grade down; below the last: 不合格 (see shared/schemas/evaluation.ts)
    grades TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    closed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
  ) STRICT;
  CREATE INDEX eval_rounds_year ON eval_rounds(deleted_at, year);

  CREATE TABLE eval_indicators (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES eval_rounds(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    level INTEGER NOT NULL,
    name TEXT NOT NULL,
    points TEXT,
    max_score REAL,
    pass_score REAL
  ) STRICT;
  CREATE INDEX eval_indicators_round ON eval_indicators(round_id, seq);

  CREATE TABLE eval_schools (
    round_id INTEGER NOT NULL REFERENCES eval_rounds(id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    PRIMARY KEY (round_id, school_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE eval_scores (
    round_id INTEGER NOT NULL REFERENCES eval_rounds(id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    indicator_id INTEGER NOT NULL REFERENCES eval_indicators(id) ON DELETE CASCADE,
    score REAL NOT NULL,
    scorer TEXT NOT NULL,
    note TEXT,
    scored_at TEXT NOT NULL,
    PRIMARY KEY (round_id, school_id, indicator_id)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE eval_evidence (
    round_id INTEGER NOT NULL REFERENCES eval_rounds(id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    indicator_id INTEGER NOT NULL REFERENCES eval_indicators(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    hash TEXT NOT NULL REFERENCES attachments(hash),
    file_name TEXT NOT NULL,
    PRIMARY KEY (round_id, school_id, indicator_id, seq)
  ) STRICT, WITHOUT ROWID;

  -- 满意度测评: how many of a school's respondents of one group gave each answer.
  CREATE TABLE eval_surveys (
    round_id INTEGER NOT NULL REFERENCES eval_rounds(id) ON DELETE CASCADE,
    school_id INTEGER NOT NULL REFERENCES schools(id),
    respondent TEXT NOT NULL,
    satisfied INTEGER NOT NULL,
    fair INTEGER NOT NULL,
    unsatisfied INTEGER NOT NULL,
    PRIMARY KEY (round_id, school_id, respondent)
  ) STRICT, WITHOUT ROWID;
`;

/** Drop problems.school_id's NOT NULL by rewriting the table's declaration (see the top of this file). */
function schoolMayBeNull(db: Database): void {
  const NOT_NULL = 'school_id INTEGER NOT NULL REFERENCES schools(id)';
  const declared = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'problems'`).pluck().get() as string;
  if (!declared.includes(NOT_NULL)) throw new Error('migration 015: problems.school_id is not declared as migration 002 made it');
  const version = db.pragma('schema_version', { simple: true }) as number;
  db.unsafeMode(true); // better-sqlite3 runs SQLite in defensive mode, which refuses writable_schema
  try {
    db.pragma('writable_schema = ON');
    db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'problems'`)
      .run(declared.replace(NOT_NULL, 'school_id INTEGER REFERENCES schools(id)'));
    db.pragma(`schema_version = ${version + 1}`);
    db.pragma('writable_schema = OFF');
  } finally {
    db.unsafeMode(false);
  }
}

/**
 * Each free-text campaign name of earlier versions becomes a campaign: its period from its first to its
 * last problem or 专项 visit (a visit themed "<name>专项督导" or "<name>"), its schools those they were at,
 * its checklist the eight items, closed on its last day (a record of past work, nothing left to plan).
 * Its problems and those visits are linked to it. Filling in links of filed years is not a change to
 * them: the read-only guard is lifted for these statements, as migration 009 did.
 */
function campaignsFromNames(db: Database): void {
  const names = db.prepare(`SELECT DISTINCT trim(campaign) FROM problems WHERE trim(coalesce(campaign, '')) <> '' ORDER BY 1`).pluck().all() as string[];
  if (names.length === 0) return;
  db.exec(`CREATE TEMP TABLE m015_archived_years AS SELECT * FROM archived_years; DELETE FROM archived_years;`);
  const visitsOf = `FROM visits WHERE type = '专项' AND (trim(theme) = ? OR trim(theme) = ? || '专项督导')`;
  const period = db.prepare(`SELECT min(d), max(d) FROM (SELECT raised_at AS d FROM problems WHERE trim(campaign) = ?
    UNION ALL SELECT date ${visitsOf})`).raw();
  const insert = db.prepare(`INSERT INTO campaigns (name, start_date, end_date, scope_kind, checklist_kind, checklist, closed_at,
    created_at, updated_at) VALUES (?, ?, ?, '选定学校', '八项事项', '[]', ?, ?, ?)`);
  const at = new Date().toISOString().slice(0, 19).replace('T', ' ');
  for (const name of names) {
    const [start, end] = period.get(name, name, name) as [string, string];
    const id = Number(insert.run(name, start, end, end, at, at).lastInsertRowid);
    db.prepare(`UPDATE problems SET campaign_id = ? WHERE trim(campaign) = ?`).run(id, name);
    db.prepare(`UPDATE visits SET campaign_id = ? WHERE id IN (SELECT id ${visitsOf})`).run(id, name, name);
    db.prepare(`INSERT OR IGNORE INTO campaign_schools (campaign_id, school_id)
      SELECT ?, school_id FROM problems WHERE campaign_id = ? AND school_id IS NOT NULL
      UNION SELECT ?, school_id FROM visits WHERE campaign_id = ?`).run(id, id, id, id);
  }
  db.exec(`INSERT INTO archived_years SELECT * FROM m015_archived_years; DROP TABLE m015_archived_years;`);
}

// The deadline that counts (migration 009's `due`), now with the 反弹 deadline first.
const DUE = (p: string) => `COALESCE(${p}.rework_due, (SELECT n.deadline_date FROM notices n WHERE n.id = ${p}.notice_id AND n.deleted_at IS NULL), ${p}.deadline)`;
const NOTICE_DUE = `COALESCE(problems.rework_due, CASE WHEN new.deleted_at IS NULL THEN new.deadline_date END, problems.deadline)`;
const DUE_TRIGGERS = `
  DROP TRIGGER problems_due_ai; DROP TRIGGER problems_due_au;
  DROP TRIGGER notices_due_ai; DROP TRIGGER notices_due_au; DROP TRIGGER notices_due_ad;
  CREATE TRIGGER problems_due_ai AFTER INSERT ON problems WHEN new.due IS NOT ${DUE('new')} BEGIN
    UPDATE problems SET due = ${DUE('new')} WHERE id = new.id;
  END;
  CREATE TRIGGER problems_due_au AFTER UPDATE OF deadline, notice_id, due, rework_due ON problems WHEN new.due IS NOT ${DUE('new')} BEGIN
    UPDATE problems SET due = ${DUE('new')} WHERE id = new.id;
  END;
  CREATE TRIGGER notices_due_ai AFTER INSERT ON notices BEGIN
    UPDATE problems SET due = ${NOTICE_DUE} WHERE notice_id = new.id AND due IS NOT ${NOTICE_DUE};
  END;
  CREATE TRIGGER notices_due_au AFTER UPDATE OF deadline_date, deleted_at ON notices BEGIN
    UPDATE problems SET due = ${NOTICE_DUE} WHERE notice_id = new.id AND due IS NOT ${NOTICE_DUE};
  END;
  CREATE TRIGGER notices_due_ad AFTER DELETE ON notices BEGIN
    UPDATE problems SET due = coalesce(rework_due, deadline) WHERE notice_id = old.id AND due IS NOT coalesce(rework_due, deadline);
  END;`;

/** A problem is owned by a school or by a unit: exactly one. */
const OWNER_TRIGGERS = ['INSERT', 'UPDATE OF school_id, unit_id'].map((event, i) => `
  CREATE TRIGGER problems_owner_${i ? 'update' : 'insert'} BEFORE ${event} ON problems
    WHEN (new.school_id IS NULL) = (new.unit_id IS NULL)
    BEGIN SELECT RAISE(ABORT, 'PROBLEM_OWNER'); END;`).join('\n');

const yearOfText = (expr: string) => `CAST(substr(${expr}, 1, 4) AS INTEGER)`;
const campaignYears = (r: string) => `y.year BETWEEN ${yearOfText(`${r}.start_date`)} AND ${yearOfText(`${r}.end_date`)}`;
/** A row of a campaign's, by its campaign's years. */
const ofCampaign = (id: string) => `EXISTS (SELECT 1 FROM campaigns x WHERE x.id = ${id} AND ${campaignYears('x')})`;
const roundYear = (id: string) => `y.year = (SELECT x.year FROM eval_rounds x WHERE x.id = ${id})`;

/** A 回头看 recorded 反弹 for the problem since it was 销号: what lets a filed year's problem be reopened. */
const REBOUND_FOUND = `EXISTS (SELECT 1 FROM followups f WHERE f.problem_id = old.id AND f.deleted_at IS NULL
  AND f.result = '反弹' AND f.done_date >= old.closed_at)`;

function guarded(db: Database): Guarded[] {
  const cols = db.prepare(`SELECT name FROM pragma_table_info('problems')`).pluck().all() as string[];
  const unchanged = cols.filter((c) => !(WORKFLOW_COLUMNS.problems as readonly string[]).includes(c))
    .map((c) => `new.${c} IS old.${c}`).join(' AND ');
  return [
    { table: 'campaigns', inYear: campaignYears },
    { table: 'campaign_schools', inYear: (r) => ofCampaign(`${r}.campaign_id`) },
    { table: 'campaign_members', inYear: (r) => ofCampaign(`${r}.campaign_id`) },
    {
      table: 'followups', inYear: (r) => `y.year = ${yearOfText(`${r}.due_date`)}`,
      // Recording a pending 回头看 goes on, as a 回查 does; what was scheduled stays.
      allow: { update: `old.done_date IS NULL AND old.deleted_at IS NULL AND new.problem_id IS old.problem_id
        AND new.campaign_id IS old.campaign_id AND new.due_date IS old.due_date AND new.deleted_at IS NULL` },
    },
    { table: 'escalations', inYear: (r) => `y.year = ${yearOfText(`${r}.date`)}` },
    { table: 'escalation_problems', inYear: (r) => `y.year = (SELECT ${yearOfText('x.date')} FROM escalations x WHERE x.id = ${r}.escalation_id)` },
    { table: 'eval_rounds', inYear: (r) => `y.year = ${r}.year` },
    ...['eval_indicators', 'eval_schools', 'eval_scores', 'eval_evidence', 'eval_surveys']
      .map((table): Guarded => ({ table, inYear: (r) => roundYear(`${r}.round_id`) })),
    {
      table: 'problems', inYear: (r) => `y.year = ${yearOfText(`${r}.raised_at`)}`,
      allow: {
        // 011's rectification moves with the new columns kept, and the 反弹 reopening of a 销号 problem.
        update: `old.deleted_at IS NULL AND ${unchanged} AND (
          (old.status <> '已销号' AND (new.notice_id IS old.notice_id OR old.notice_id IS NULL))
          OR (old.status = '已销号' AND new.status = '整改中' AND new.notice_id IS old.notice_id AND ${REBOUND_FOUND}))`,
      },
    },
  ];
}

export const m015Campaigns: Migration = {
  version: 15,
  name: 'campaigns',
  up(db) {
    db.exec(TABLES);
    schoolMayBeNull(db);
    campaignsFromNames(db);
    db.exec(DUE_TRIGGERS);
    db.exec(OWNER_TRIGGERS);
    db.exec('DROP TRIGGER problems_archived_update;');
    for (const g of guarded(db)) {
      const events: Event[] = g.table === 'problems' ? ['update'] : ['insert', 'update', 'delete'];
      db.exec(events.map((e) => trigger(g, e)).join('\n'));
    }
  },
};
