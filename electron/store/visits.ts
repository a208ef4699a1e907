import type { z } from 'zod';
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { prepared, row as queryRow, rows as queryRows, value, values } from './statements';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from './sql';
import { moveToBin } from './recycle';
import { escapeLike, matchText } from './search';
import { allowedItems, checkItem, raiseProblem } from './problems/workflow';
import { AppError } from '../../shared/result';
import type { Page } from '../../shared/schemas/common';
import type { Visit, VisitFields, visitList, visitSave } from '../../shared/schemas/visit';

export type VisitQuery = z.output<typeof visitList>;
type ProblemDraft = z.output<typeof visitSave>['newProblems'][number];

// One row per visit; its live supervisors (by name) and its live problems are fetched in batch.
const COLUMNS = sqlFragment`v.id, v.school_id AS schoolId, v.date, v.type, v.theme, v.methods, v.items, v.narrative,
  v.highlight, v.feedback, v.calendar_item_id AS calendarItemId, v.campaign_id AS campaignId, v.updated_at AS updatedAt,
  sc.full_name AS schoolName, z.name AS zoneName, (SELECT cp.name FROM campaigns cp WHERE cp.id = v.campaign_id) AS campaignName,
  (SELECT count(*) FROM problems p WHERE p.visit_id = v.id AND p.deleted_at IS NULL) AS problemCount`;
const SCHOOL_ZONE = sqlFragment`JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
  LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL`;

type Row = Omit<Visit, 'methods' | 'items' | 'supervisorIds' | 'supervisorNames' | 'attachments'> & { methods: string; items: string };

const IDS = 'SELECT value FROM json_each(?)';

/** Supervisors (live ones) and attachments for a page of visits: two queries. */
function assemble(a: Store, rows: Row[]): Visit[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  // From the page's ids into the link table (CROSS JOIN keeps that order), not from every supervisor.
  const people = prepared(a, `SELECT vs.visit_id AS visitId, s.id, s.name FROM json_each(?) j
    CROSS JOIN visit_supervisors vs ON vs.visit_id = j.value
    JOIN supervisors s ON s.id = vs.supervisor_id AND s.deleted_at IS NULL
    ORDER BY vs.visit_id, s.name_pinyin, s.id`).all(ids) as { visitId: number; id: number; name: string }[];
  const files = prepared(a, `SELECT visit_id AS visitId, hash, file_name AS fileName, kind FROM visit_attachments
    WHERE visit_id IN (${IDS}) ORDER BY visit_id, seq`).all(ids) as { visitId: number; hash: string; fileName: string; kind: 'photo' | 'file' }[];
  return rows.map((r) => {
    const mine = people.filter((p) => p.visitId === r.id);
    return {
      ...r,
      methods: JSON.parse(r.methods) as Visit['methods'],
      items: JSON.parse(r.items) as string[],
      supervisorIds: mine.map((p) => p.id),
      supervisorNames: mine.map((p) => p.name),
      attachments: files.filter((f) => f.visitId === r.id).map(({ hash, fileName, kind }) => ({ hash, fileName, kind })),
    };
  });
}

/**
 * Each order is exactly the column order of one index, so a page's ids are read along it with no
 * temp b-tree, and skipping rows for an OFFSET never touches the wide record rows. The tie-breaks
 * (school_id, id) make the order total. By 学校 the walk goes school by school in name order
 * (pinyin, schools_live_pinyin), each school's visits by date (visits_school_live).
 */
const ORDER: Record<VisitQuery['sort'], SqlFragment[]> = {
  date: [sqlFragment`v.date`, sqlFragment`v.school_id`, sqlFragment`v.id`], // visits_live_date_school
  type: [sqlFragment`v.type`, sqlFragment`v.date`, sqlFragment`v.school_id`, sqlFragment`v.id`], // visits_live_type_date
  updatedAt: [sqlFragment`v.updated_at`, sqlFragment`v.school_id`, sqlFragment`v.id`], // visits_live_updated
  school: [sqlFragment`sc.name_pinyin`, sqlFragment`sc.id`, sqlFragment`v.date`, sqlFragment`v.id`],
};

/** The filters as one condition on `visits v` (and `vs`, a supervisor's links). */
function filters(query: VisitQuery): SqlFragment {
  const where: SqlFragment[] = [sqlFragment`v.deleted_at IS NULL`];
  const q = query.q?.trim();
  if (q) {
    // The record's text (theme, narrative, highlight, feedback) or the school's name.
    const like = `%${escapeLike(q)}%`;
    where.push(sqlFragment`(${matchText('visits_fts', 'v.id', q)} OR v.school_id IN (SELECT id FROM schools WHERE full_name LIKE ${like} ESCAPE '\\' OR short_name LIKE ${like} ESCAPE '\\'))`);
  }
  if (query.schoolId) where.push(sqlFragment`v.school_id = ${query.schoolId}`);
  // Read from the supervisor's links (see VISITS below).
  if (query.supervisorId) where.push(sqlFragment`vs.supervisor_id = ${query.supervisorId}`);
  if (query.zoneId) {
    // The live schools of a live zone.
    where.push(sqlFragment`v.school_id IN (SELECT sc.id FROM schools sc JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
      WHERE sc.zone_id = ${query.zoneId} AND sc.deleted_at IS NULL)`);
  }
  if (query.month) where.push(sqlFragment`v.date >= ${`${query.month}-01`} AND v.date < ${`${query.month}-32`}`);
  if (query.year) where.push(sqlFragment`v.date >= ${`${query.year}-01-01`} AND v.date < ${`${query.year + 1}-01-01`}`);
  if (query.type) where.push(sqlFragment`v.type = ${query.type}`);
  if (query.item) where.push(sqlFragment`v.id IN (SELECT visit_id FROM visit_items WHERE item = ${query.item})`);
  if (query.campaignId) where.push(sqlFragment`v.campaign_id = ${query.campaignId}`);
  return sqlJoin(where, ' AND ');
}

/**
 * One page of visit records with filters; `total` counts every match. Timelines are this, newest first.
 * A deferred join: the count and the page's ids come from indexes alone, then only those ≤ limit
 * records are read with their school, zone and problem count. A page nearer the end than the start
 * is read backwards from the end (and turned round), so no OFFSET skips more than half the matches.
 */
export function listVisits(a: Store, query: VisitQuery): Page<Visit> {
  const w = filters(query);
  const { offset, limit } = query;
  // A supervisor has a thousand or two visits in ten years: start from those links (CROSS JOIN keeps
  // them outermost) rather than checking every visit in the index against them.
  const visits = query.supervisorId ? sqlFragment`visit_supervisors vs CROSS JOIN visits v ON v.id = vs.visit_id` : sqlFragment`visits v`;
  let from: SqlFragment;
  if (query.sort !== 'school') {
    from = sqlFragment`FROM ${visits} WHERE ${w} AND v.school_id NOT IN (SELECT id FROM schools WHERE deleted_at IS NOT NULL)`;
  } else if (query.supervisorId) {
    from = sqlFragment`FROM ${visits} JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL WHERE ${w}`;
  } else {
    from = sqlFragment`FROM schools sc CROSS JOIN visits v ON v.school_id = sc.id WHERE sc.deleted_at IS NULL AND ${w}`;
  }
  return a.db.transaction(() => {
    // Visits of schools in the 回收站 stay hidden: the live-school checks read school_id from the index.
    const total = value<number>(a, sql`SELECT count(*) FROM ${visits} WHERE ${w}
      AND v.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL)`);
    if (offset >= total) return { rows: [], total };
    const after = total - offset - limit;
    const backwards = after < offset;
    const dir = (query.dir === 'asc') !== backwards ? sqlFragment`ASC` : sqlFragment`DESC`;
    const order = sqlJoin(ORDER[query.sort].map((c) => sqlFragment`${c} ${dir}`), ', ');
    const ids = values<number>(a, sql`SELECT v.id ${from} ORDER BY ${order}
      LIMIT ${backwards ? Math.min(limit, total - offset) : limit} OFFSET ${backwards ? Math.max(0, after) : offset}`);
    if (backwards) ids.reverse();
    // CROSS JOIN keeps json_each outermost: the records come back in the page's order.
    const rows = queryRows<Row>(a, sql`SELECT ${COLUMNS} FROM json_each(${JSON.stringify(ids)}) j CROSS JOIN visits v ON v.id = j.value ${SCHOOL_ZONE}
      ORDER BY j.key`);
    return { rows: assemble(a, rows), total };
  })();
}

export function getVisit(a: Store, id: number): Visit {
  const row = queryRow<Row>(a, sql`SELECT ${COLUMNS} FROM visits v ${SCHOOL_ZONE} WHERE v.id = ${id} AND v.deleted_at IS NULL`);
  if (!row) throw new AppError('not_found', `编号为 ${id} 的督导记录不存在或已被删除，请刷新列表后重试。`, 'id');
  return assemble(a, [row])[0];
}

/**
 * The month's theme (一月一主题) from any live 行事历 covering that month; the newest calendar
 * wins when several do. Null when no calendar has a theme for it.
 */
export function monthTheme(a: Store, date: string): string | null {
  const row = a.db.prepare(`SELECT cm.theme FROM calendar_months cm
    JOIN calendars c ON c.id = cm.calendar_id AND c.deleted_at IS NULL
    WHERE cm.month = ? AND coalesce(cm.theme, '') <> '' ORDER BY c.id DESC LIMIT 1`).get(date.slice(0, 7)) as { theme: string } | undefined;
  return row?.theme ?? null;
}

function live(a: Store, table: string, id: number): boolean {
  return !!a.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id);
}

function check(a: Store, f: VisitFields, drafts: ProblemDraft[]): void {
  if (!live(a, 'schools', f.schoolId)) {
    throw new AppError('invalid', '「学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
  }
  for (const sid of f.supervisorIds) {
    if (!live(a, 'supervisors', sid)) throw new AppError('invalid', '「督学」所选的督学有的不存在或已被删除，请刷新后重新选择。', 'supervisorIds');
  }
  const allowed = allowedItems(a);
  for (const item of f.items) checkItem(allowed, item, 'items', '督导事项');
  drafts.forEach((d, i) => checkItem(allowed, d.category, 'newProblems.category', `第${i + 1}个问题的类别`));
  if (f.calendarItemId) {
    const item = a.db.prepare(`SELECT 1 FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
      WHERE i.id = ? AND i.deleted_at IS NULL`).get(f.calendarItemId);
    if (!item) throw new AppError('invalid', '「行事历事项」所选的事项不存在或已被删除，请刷新后重新选择。', 'calendarItemId');
  }
  if (f.campaignId) checkCampaign(a, f);
  const has = a.db.prepare('SELECT 1 FROM attachments WHERE hash = ?');
  for (const file of f.attachments) {
    if (!has.get(file.hash)) throw new AppError('invalid', `「照片和附件」文件“${file.fileName}”不在档案中，请重新上传。`, 'attachments');
  }
}

/** A campaign's visit: of type 专项, at one of the campaign's schools, within its period. */
function checkCampaign(a: Store, f: VisitFields): void {
  const c = a.db.prepare(`SELECT name, start_date AS start, end_date AS end FROM campaigns WHERE id = ? AND deleted_at IS NULL`)
    .get(f.campaignId) as { name: string; start: string; end: string } | undefined;
  if (!c) throw new AppError('invalid', '「专项督导」所选的专项督导不存在或已被删除，请刷新后重新选择。', 'campaignId');
  if (f.type !== '专项') throw new AppError('invalid', `「督导类型」专项督导「${c.name}」的督导记录，类型应为「专项」。`, 'type');
  if (!a.db.prepare('SELECT 1 FROM campaign_schools WHERE campaign_id = ? AND school_id = ?').get(f.campaignId, f.schoolId)) {
    throw new AppError('invalid', `「学校」所选学校不在专项督导「${c.name}」的督导学校中：请先在专项督导中添加这所学校，或选择其他学校。`, 'schoolId');
  }
  if (f.date < c.start || f.date > c.end) {
    throw new AppError('invalid', `「督导日期」应在专项督导「${c.name}」的时间（${c.start} 至 ${c.end}）之内；如时间有变，请先修改专项督导的起止日期。`, 'date');
  }
}

/** Write the link tables (supervisors, items, attachments) of a visit, replacing what was there. */
function writeLinks(a: Store, id: number, f: VisitFields): void {
  for (const t of ['visit_supervisors', 'visit_items', 'visit_attachments']) a.db.prepare(`DELETE FROM ${t} WHERE visit_id = ?`).run(id);
  const sup = a.db.prepare('INSERT OR IGNORE INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)');
  for (const sid of f.supervisorIds) sup.run(id, sid);
  const item = a.db.prepare('INSERT INTO visit_items (visit_id, item) VALUES (?, ?)');
  for (const it of f.items) item.run(id, it);
  const file = a.db.prepare('INSERT INTO visit_attachments (visit_id, hash, file_name, kind, seq) VALUES (?, ?, ?, ?, ?)');
  f.attachments.forEach((x, i) => file.run(id, x.hash, x.fileName, x.kind, i + 1));
}

function schoolName(a: Store, schoolId: number): string {
  return (a.db.prepare('SELECT full_name AS n FROM schools WHERE id = ?').get(schoolId) as { n: string }).n;
}

/**
 * Save a visit record (new when `id` is absent) with its links, and raise the new problems from it
 * (source 督导记录), all in one transaction. An empty theme takes the month's theme.
 */
export function saveVisit(a: Store, id: number | undefined, fields: VisitFields, drafts: ProblemDraft[]): number {
  return a.db.transaction(() => {
    if (id) {
      const before = getVisit(a, id);
      if (before.schoolId !== fields.schoolId && before.problemCount > 0) {
        throw new AppError('conflict', `「学校」这条记录已提出${before.problemCount}个问题，不能改到其他学校；如确实记错了学校，请删除后重新录入。`, 'schoolId');
      }
      if (before.campaignId !== fields.campaignId && before.problemCount > 0) {
        throw new AppError('conflict', `「专项督导」这条记录已提出${before.problemCount}个问题，它们属于原来的专项督导，不能再改；如确实记错了，请删除后重新录入。`, 'campaignId');
      }
    }
    check(a, fields, drafts);
    // 一月一主题 is the theme of the month's regular visits: a 专项, 综合 … visit without one keeps none.
    const f = { ...fields, theme: fields.theme ?? (fields.type === '经常性' ? monthTheme(a, fields.date) : null) };
    const now = nowText();
    const vals = [f.schoolId, f.date, f.type, f.theme, JSON.stringify(f.methods), JSON.stringify(f.items),
      f.narrative, f.highlight, f.feedback, f.calendarItemId, f.campaignId];
    let visitId: number;
    if (id) {
      a.db.prepare(`UPDATE visits SET school_id = ?, date = ?, type = ?, theme = ?, methods = ?, items = ?, narrative = ?,
        highlight = ?, feedback = ?, calendar_item_id = ?, campaign_id = ?, updated_at = ? WHERE id = ?`).run(...vals, now, id);
      visitId = id;
    } else {
      const res = a.db.prepare(`INSERT INTO visits (school_id, date, type, theme, methods, items, narrative, highlight,
        feedback, calendar_item_id, campaign_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...vals, now, now);
      visitId = Number(res.lastInsertRowid);
    }
    writeLinks(a, visitId, f);
    const title = `${schoolName(a, f.schoolId)} ${f.date} ${f.type}督导`;
    audit(a, id ? '修改' : '新增', 'visit', visitId, `${id ? '修改' : '新增'}督导记录「${title}」${drafts.length ? `，提出${drafts.length}个问题` : ''}`);
    for (const d of drafts) {
      raiseProblem(a, {
        source: f.campaignId ? '专项督导' : '督导记录', visitId, complaintId: null, campaignId: f.campaignId, schoolId: f.schoolId, unitId: null,
        category: d.category, description: d.description, actor: d.actor, deadline: d.deadline,
      }, `督导记录提出（${f.date}）`);
    }
    return visitId;
  })();
}

/** To the 回收站. Problems raised from the record stay in 问题整改: they have a life of their own. */
export function deleteVisit(a: Store, id: number): number {
  const v = getVisit(a, id);
  return moveToBin(a, 'visit', id, `${v.schoolName} ${v.date} ${v.type}督导`);
}
