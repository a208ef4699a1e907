/**
 * 专项督导 campaigns: list (with progress), one campaign with its schools, team and problems, save (scope
 * resolved to a list of schools), a school's row (日程, 督导意见), closing, the report, the 回收站.
 */
import type { z } from 'zod';
import type { Store } from '../store';
import { nowText, todayText } from '../../../shared/dates';
import { percent } from '../../../shared/numbers';
import { AppError } from '../../../shared/result';
import type {
  Campaign, CampaignBoard, CampaignDetail, CampaignFields, CampaignMember, CampaignProgress, CampaignSchool, CampaignStatus, CampaignSummary,
  ReportSection, campaignList, campaignReport, campaignSchoolSave,
} from '../../../shared/schemas/campaign';
import { SCHOOL_TYPES } from '../../../shared/vocab';
import { audit } from '../log';
import { problemsWhere } from '../problems/queries';
import { allowedItems, checkItem } from '../problems/workflow';
import { moveToBin } from '../recycle';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from '../sql';
import { rows, value } from '../statements';

type Row = Omit<Campaign, 'status' | 'progress' | 'scopeLabel' | 'checklist' | 'report'> & { checklist: string; report: string; zoneName: string | null };

const SELECT = sqlFragment`SELECT c.id, c.name, c.basis_title AS basisTitle, c.basis_number AS basisNumber,
    c.start_date AS startDate, c.end_date AS endDate, c.scope_kind AS scopeKind, c.scope_value AS scopeValue,
    c.checklist_kind AS checklistKind, c.checklist, c.followup_months AS followupMonths, c.notes,
    c.report_title AS reportTitle, c.report_to AS reportTo, c.report_date AS reportDate, c.report, c.closed_at AS closedAt,
    z.name AS zoneName
  FROM campaigns c LEFT JOIN zones z ON c.scope_kind = '责任区' AND z.id = CAST(c.scope_value AS INTEGER)`;

/** 已完成 once closed; before that by its dates, on `today`. */
export function campaignStatus(c: { startDate: string; endDate: string; closedAt: string | null }, today = todayText()): CampaignStatus {
  if (c.closedAt) return '已完成';
  if (today < c.startDate) return '未开始';
  return today > c.endDate ? '待总结' : '进行中';
}

function scopeLabel(r: Row): string {
  switch (r.scopeKind) {
    case '学段类型': return `全部${r.scopeValue ?? ''}`;
    case '责任区': return r.zoneName ?? '责任区';
    case '全部学校': return '全部学校';
    default: return '选定学校';
  }
}

const EMPTY: CampaignProgress = {
  schoolsPlanned: 0, schoolsChecked: 0, visits: 0, problemsRaised: 0, problemsClosed: 0, rate: 0, followupsPending: 0, followupsOverdue: 0,
};

/**
 * Progress of each campaign in `ids`, every count from live records: its live schools planned and those
 * with a live visit of it, its live visits, its live problems (of live schools or units) and those 销号,
 * and its 回头看 not yet done (of live problems).
 */
export function campaignProgress(a: Store, ids: number[]): Map<number, CampaignProgress> {
  const out = new Map(ids.map((id) => [id, { ...EMPTY }]));
  if (!ids.length) return out;
  const list = JSON.stringify(ids);
  const today = todayText();
  const add = (found: ({ id: number } & Partial<CampaignProgress>)[]) => {
    for (const { id, ...f } of found) Object.assign(out.get(id)!, f);
  };
  add(rows(a, sql`SELECT cs.campaign_id AS id, count(*) AS schoolsPlanned,
      sum(EXISTS (SELECT 1 FROM visits v WHERE v.campaign_id = cs.campaign_id AND v.school_id = cs.school_id AND v.deleted_at IS NULL)) AS schoolsChecked
    FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id AND sc.deleted_at IS NULL
    WHERE cs.campaign_id IN (SELECT value FROM json_each(${list})) GROUP BY cs.campaign_id`));
  add(rows(a, sql`SELECT v.campaign_id AS id, count(*) AS visits FROM visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
    WHERE v.campaign_id IN (SELECT value FROM json_each(${list})) AND v.deleted_at IS NULL GROUP BY v.campaign_id`));
  add(rows(a, sql`SELECT p.campaign_id AS id, count(*) AS problemsRaised, sum(p.status = '已销号') AS problemsClosed FROM problems p
    WHERE p.campaign_id IN (SELECT value FROM json_each(${list})) AND p.deleted_at IS NULL
      AND (p.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL) OR p.unit_id IN (SELECT id FROM units WHERE deleted_at IS NULL))
    GROUP BY p.campaign_id`));
  add(rows(a, sql`SELECT f.campaign_id AS id, count(*) AS followupsPending, sum(f.due_date < ${today}) AS followupsOverdue
    FROM followups f JOIN problems p ON p.id = f.problem_id AND p.deleted_at IS NULL
    WHERE f.campaign_id IN (SELECT value FROM json_each(${list})) AND f.deleted_at IS NULL AND f.done_date IS NULL GROUP BY f.campaign_id`));
  for (const p of out.values()) p.rate = percent(p.problemsClosed, p.problemsRaised);
  return out;
}

function toCampaign(r: Row, progress: CampaignProgress): Campaign {
  const { zoneName: _z, checklist, report, ...rest } = r;
  return {
    ...rest, checklist: JSON.parse(checklist) as string[], report: JSON.parse(report) as ReportSection[],
    status: campaignStatus(r), scopeLabel: scopeLabel(r), progress,
  };
}

export function listCampaigns(a: Store, q: z.output<typeof campaignList>): CampaignSummary[] {
  const where = [sqlFragment`c.deleted_at IS NULL`];
  if (q.year) where.push(sqlFragment`c.start_date < ${`${q.year + 1}-01-01`} AND c.end_date >= ${`${q.year}-01-01`}`);
  if (q.q) where.push(sqlFragment`instr(c.name, ${q.q}) > 0`);
  const found = rows<Row>(a, sql`${SELECT} WHERE ${sqlJoin(where, ' AND ')} ORDER BY c.start_date DESC, c.id DESC`);
  const progress = campaignProgress(a, found.map((r) => r.id));
  return found.map((r) => summary(toCampaign(r, progress.get(r.id)!))).filter((c) => !q.status || c.status === q.status);
}

function summary(c: Campaign): CampaignSummary {
  const { id, name, basisTitle, basisNumber, startDate, endDate, scopeKind, scopeLabel: label, status, closedAt, progress } = c;
  return { id, name, basisTitle, basisNumber, startDate, endDate, scopeKind, scopeLabel: label, status, closedAt, progress };
}

export function getCampaign(a: Store, id: number): Campaign {
  const r = rows<Row>(a, sql`${SELECT} WHERE c.id = ${id} AND c.deleted_at IS NULL`)[0];
  if (!r) throw new AppError('not_found', `编号为 ${id} 的专项督导不存在或已被删除，请刷新列表后重试。`, 'id');
  return toCampaign(r, campaignProgress(a, [id]).get(id)!);
}

/** The campaign's live schools with their visits of it, problems and 督导意见, by planned date then name. */
export function campaignSchools(a: Store, id: number): CampaignSchool[] {
  const schools = rows<Omit<CampaignSchool, 'visits'>>(a, sql`SELECT cs.school_id AS schoolId, sc.full_name AS schoolName, z.name AS zoneName,
      cs.planned_date AS plannedDate, cs.opinion, cs.opinion_date AS opinionDate,
      (SELECT count(*) FROM problems p WHERE p.campaign_id = cs.campaign_id AND p.school_id = cs.school_id AND p.deleted_at IS NULL) AS problems,
      (SELECT count(*) FROM problems p WHERE p.campaign_id = cs.campaign_id AND p.school_id = cs.school_id AND p.deleted_at IS NULL
        AND p.status = '已销号') AS closed
    FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id AND sc.deleted_at IS NULL
      LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL
    WHERE cs.campaign_id = ${id} ORDER BY cs.planned_date IS NULL, cs.planned_date, sc.name_pinyin, sc.id`);
  const visits = rows<{ id: number; schoolId: number; date: string; names: string | null }>(a, sql`SELECT v.id, v.school_id AS schoolId, v.date,
      (SELECT group_concat(s.name, '、') FROM visit_supervisors vs JOIN supervisors s ON s.id = vs.supervisor_id AND s.deleted_at IS NULL
        WHERE vs.visit_id = v.id) AS names
    FROM visits v WHERE v.campaign_id = ${id} AND v.deleted_at IS NULL ORDER BY v.date, v.id`);
  return schools.map((s) => ({
    ...s,
    visits: visits.filter((v) => v.schoolId === s.schoolId).map((v) => ({ id: v.id, date: v.date, supervisorNames: v.names ? v.names.split('、') : [] })),
  }));
}

export function campaignMembers(a: Store, id: number): CampaignMember[] {
  return rows<CampaignMember>(a, sql`SELECT m.supervisor_id AS supervisorId, s.name, m.role FROM campaign_members m
    JOIN supervisors s ON s.id = m.supervisor_id AND s.deleted_at IS NULL WHERE m.campaign_id = ${id} ORDER BY m.seq`);
}

export function campaignDetail(a: Store, id: number): CampaignDetail {
  return {
    campaign: getCampaign(a, id),
    schools: campaignSchools(a, id),
    members: campaignMembers(a, id),
    problems: problemsWhere(a, sqlFragment`p.campaign_id = ${id}`),
  };
}

// ---- Saving ----

/** The live schools a scope names (选定学校: those chosen), by id; refused when it names none. */
function scopeSchools(a: Store, f: CampaignFields): number[] {
  const live = (condition: SqlFragment) => rows<{ id: number }>(a, sql`SELECT id FROM schools WHERE deleted_at IS NULL AND ${condition}`)
    .map((r) => r.id);
  let ids: number[];
  switch (f.scopeKind) {
    case '学段类型':
      if (!f.scopeValue || !(SCHOOL_TYPES as readonly string[]).includes(f.scopeValue)) {
        throw new AppError('invalid', `「范围」请选择学段类型：${SCHOOL_TYPES.join('、')}。`, 'scopeValue');
      }
      ids = live(sqlFragment`type = ${f.scopeValue}`);
      break;
    case '责任区': {
      const zone = Number(f.scopeValue);
      if (!Number.isInteger(zone) || !value(a, sql`SELECT count(*) FROM zones WHERE id = ${zone} AND deleted_at IS NULL`)) {
        throw new AppError('invalid', '「范围」请选择一个责任区（所选责任区不存在或已被删除）。', 'scopeValue');
      }
      ids = live(sqlFragment`zone_id = ${zone}`);
      break;
    }
    case '全部学校':
      ids = live(sqlFragment`1`);
      break;
    default: {
      ids = [...new Set(f.schools.map((s) => s.schoolId))];
      const found = live(sqlFragment`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
      if (found.length !== ids.length) throw new AppError('invalid', '「督导学校」所选学校中有的不存在或已被删除，请刷新后重新选择。', 'schools');
    }
  }
  if (ids.length === 0) {
    throw new AppError('invalid', f.scopeKind === '选定学校' ? '「督导学校」请至少选择一所学校。' : `「督导范围」${f.scopeKind}范围内没有学校，请换一个范围或改为选定学校。`,
      f.scopeKind === '选定学校' ? 'schools' : 'scopeValue');
  }
  return ids;
}

function check(a: Store, f: CampaignFields, id?: number): number[] {
  if (f.endDate < f.startDate) throw new AppError('invalid', '「结束日期」不能早于开始日期。', 'endDate');
  if (f.checklistKind === '八项事项') {
    const allowed = allowedItems(a);
    for (const item of f.checklist) checkItem(allowed, item, 'checklist', '检查项目');
  } else if (f.checklist.length === 0) {
    throw new AppError('invalid', '「检查项目」自定指标的专项督导请至少填写一项检查指标。', 'checklist');
  }
  const people = [...new Set(f.members.map((m) => m.supervisorId))];
  if (people.length !== f.members.length) throw new AppError('invalid', '「督导组」同一名督学只能列入一次。', 'members');
  const found = value<number>(a, sql`SELECT count(*) FROM supervisors WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(${JSON.stringify(people)}))`);
  if (found !== people.length) throw new AppError('invalid', '「督导组」所选督学中有的不存在或已被删除，请刷新后重新选择。', 'members');
  const schools = scopeSchools(a, f);
  if (id) {
    // Its visits stay inside its period and its schools.
    const outside = rows<{ date: string; name: string }>(a, sql`SELECT v.date, sc.full_name AS name FROM visits v JOIN schools sc ON sc.id = v.school_id
      WHERE v.campaign_id = ${id} AND v.deleted_at IS NULL AND (v.date < ${f.startDate} OR v.date > ${f.endDate}
        OR v.school_id NOT IN (SELECT value FROM json_each(${JSON.stringify(schools)}))) ORDER BY v.date LIMIT 1`)[0];
    if (outside) {
      throw new AppError('conflict', `本专项已有${outside.name}${outside.date}的督导记录，不在修改后的时间或学校范围内：请先调整或删除该记录，或保留原范围。`, 'schools');
    }
  }
  return schools;
}

/** Write the campaign's schools (keeping each kept school's 日程 and 督导意见 unless given anew) and team. */
function writeLinks(a: Store, id: number, f: CampaignFields, schools: number[]): void {
  a.db.prepare(`DELETE FROM campaign_schools WHERE campaign_id = ? AND school_id NOT IN (SELECT value FROM json_each(?))`).run(id, JSON.stringify(schools));
  const add = a.db.prepare('INSERT OR IGNORE INTO campaign_schools (campaign_id, school_id) VALUES (?, ?)');
  for (const s of schools) add.run(id, s);
  const plan = a.db.prepare('UPDATE campaign_schools SET planned_date = ? WHERE campaign_id = ? AND school_id = ?');
  for (const s of f.schools) {
    if (s.plannedDate && (s.plannedDate < f.startDate || s.plannedDate > f.endDate)) {
      throw new AppError('invalid', `「计划日期」${s.plannedDate} 不在专项督导的时间（${f.startDate} 至 ${f.endDate}）之内。`, 'schools');
    }
    plan.run(s.plannedDate, id, s.schoolId);
  }
  a.db.prepare('DELETE FROM campaign_members WHERE campaign_id = ?').run(id);
  const member = a.db.prepare('INSERT INTO campaign_members (campaign_id, supervisor_id, role, seq) VALUES (?, ?, ?, ?)');
  f.members.forEach((m, i) => member.run(id, m.supervisorId, m.role, i + 1));
}

export function saveCampaign(a: Store, id: number | undefined, f: CampaignFields): number {
  return a.db.transaction(() => {
    if (id) getCampaign(a, id);
    const schools = check(a, f, id);
    const at = nowText();
    const vals = [f.name, f.basisTitle, f.basisNumber, f.startDate, f.endDate, f.scopeKind,
      f.scopeKind === '学段类型' || f.scopeKind === '责任区' ? f.scopeValue : null, f.checklistKind, JSON.stringify(f.checklist), f.followupMonths, f.notes];
    let campaignId: number;
    if (id) {
      a.db.prepare(`UPDATE campaigns SET name = ?, basis_title = ?, basis_number = ?, start_date = ?, end_date = ?, scope_kind = ?, scope_value = ?,
        checklist_kind = ?, checklist = ?, followup_months = ?, notes = ?, updated_at = ? WHERE id = ?`).run(...vals, at, id);
      // The name is kept beside each problem for the search index (problems/workflow.ts).
      a.db.prepare('UPDATE problems SET campaign = ? WHERE campaign_id = ? AND campaign IS NOT ?').run(f.name, id, f.name);
      campaignId = id;
    } else {
      campaignId = Number(a.db.prepare(`INSERT INTO campaigns (name, basis_title, basis_number, start_date, end_date, scope_kind, scope_value,
        checklist_kind, checklist, followup_months, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(...vals, at, at).lastInsertRowid);
    }
    writeLinks(a, campaignId, f, schools);
    audit(a, id ? '修改' : '新增', 'campaign', campaignId, `${id ? '修改' : '新建'}专项督导「${f.name}」（${f.startDate} 至 ${f.endDate}，${schools.length}所学校）`);
    return campaignId;
  })();
}

/** One school's row: its planned date and the 督导意见 of its 意见书. */
export function saveCampaignSchool(a: Store, input: z.output<typeof campaignSchoolSave>): void {
  a.db.transaction(() => {
    const c = getCampaign(a, input.id);
    const school = rows<{ name: string }>(a, sql`SELECT sc.full_name AS name FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id
      WHERE cs.campaign_id = ${input.id} AND cs.school_id = ${input.schoolId}`)[0];
    if (!school) throw new AppError('invalid', `「学校」这所学校不在专项督导「${c.name}」的督导学校中，请刷新后重试。`, 'schoolId');
    if (input.plannedDate && (input.plannedDate < c.startDate || input.plannedDate > c.endDate)) {
      throw new AppError('invalid', `「计划日期」应在专项督导的时间（${c.startDate} 至 ${c.endDate}）之内。`, 'plannedDate');
    }
    a.db.prepare('UPDATE campaign_schools SET planned_date = ?, opinion = ?, opinion_date = ? WHERE campaign_id = ? AND school_id = ?')
      .run(input.plannedDate, input.opinion, input.opinionDate, input.id, input.schoolId);
    audit(a, '修改', 'campaign', input.id, `专项督导「${c.name}」：修改${school.name}的日程和督导意见`);
  })();
}

/** 完成 (closed on `on`), or reopened. */
export function closeCampaign(a: Store, id: number, closed: boolean, on = todayText()): void {
  a.db.transaction(() => {
    const c = getCampaign(a, id);
    if (closed === !!c.closedAt) {
      throw new AppError('conflict', closed ? `专项督导「${c.name}」已经完成。` : `专项督导「${c.name}」尚未完成，无需重新打开。`);
    }
    if (closed && on < c.startDate) throw new AppError('invalid', `专项督导「${c.name}」还没有开始（${c.startDate}），不能标为完成。`);
    a.db.prepare('UPDATE campaigns SET closed_at = ?, updated_at = ? WHERE id = ?').run(closed ? on : null, nowText(), id);
    audit(a, closed ? '完成' : '重新打开', 'campaign', id, `专项督导「${c.name}」${closed ? '完成' : '重新打开'}`);
  })();
}

export function saveReport(a: Store, input: z.output<typeof campaignReport>): void {
  a.db.transaction(() => {
    const c = getCampaign(a, input.id);
    if (input.date < c.startDate) throw new AppError('invalid', `「成文日期」不能早于专项督导的开始日期 ${c.startDate}。`, 'date');
    a.db.prepare('UPDATE campaigns SET report_title = ?, report_to = ?, report_date = ?, report = ?, updated_at = ? WHERE id = ?')
      .run(input.title, input.to, input.date, JSON.stringify(input.sections), nowText(), input.id);
    audit(a, '修改', 'campaign', input.id, `保存专项督导报告「${input.title}」`);
  })();
}

/** To the 回收站; its visits and problems stay (they have a life of their own) and show its name. */
export function deleteCampaign(a: Store, id: number): number {
  const c = getCampaign(a, id);
  return moveToBin(a, 'campaign', id, `${c.name}（${c.startDate} 至 ${c.endDate}）`);
}

/**
 * For the 首页: campaigns under way and those ended without their report (未完成), their progress; the
 * 回头看 due by today; the 督政 problems of live units not yet 销号.
 */
export function campaignBoard(a: Store): CampaignBoard {
  const today = todayText();
  const open = listCampaigns(a, {}).filter((c) => c.status === '进行中' || c.status === '待总结');
  return {
    campaigns: open,
    followupsDue: value<number>(a, sql`SELECT count(*) FROM followups f JOIN problems p ON p.id = f.problem_id AND p.deleted_at IS NULL
      AND (p.school_id IN (SELECT id FROM schools WHERE deleted_at IS NULL) OR p.unit_id IN (SELECT id FROM units WHERE deleted_at IS NULL))
      WHERE f.deleted_at IS NULL AND f.done_date IS NULL AND f.due_date <= ${today}`),
    unitProblemsOpen: value<number>(a, sql`SELECT count(*) FROM problems p WHERE p.deleted_at IS NULL AND p.status <> '已销号'
      AND p.unit_id IN (SELECT id FROM units WHERE deleted_at IS NULL)`),
  };
}
