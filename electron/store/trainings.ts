/**
 * 培训 and 会议 (issue 15): events with attendance per supervisor, each supervisor's 学时 in a year, the
 * 行事历 items that planned them (linked by id only), and the office's training plans.
 */
import type { Store } from './store';
import { nowText, todayText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { Block } from '../../shared/schemas/blocks';
import type {
  PlannedEvent, Training, TrainingAttendance, TrainingFields, TrainingHours, TrainingPlan, TrainingPlanFields,
} from '../../shared/schemas/training';
import { audit } from './log';
import { moveToBin } from './recycle';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from './sql';
import { row as queryRow, rows as queryRows } from './statements';

const yearRange = (year: number) => sqlFragment`t.date >= ${`${year}-01-01`} AND t.date < ${`${year + 1}-01-01`}`;

interface Row {
  id: number; kind: Training['kind']; date: string; topic: string; organiser: string | null; place: string | null;
  hours: number; materials: string | null; minutes: string | null; calendarItemId: number | null; updatedAt: string;
  calendarItemText: string | null;
}

const COLUMNS = sqlFragment`t.id, t.kind, t.date, t.topic, t.organiser, t.place, t.hours, t.materials, t.minutes,
  t.calendar_item_id AS calendarItemId, t.updated_at AS updatedAt,
  (SELECT i.content FROM calendar_items i WHERE i.id = t.calendar_item_id AND i.deleted_at IS NULL) AS calendarItemText`;

/** The attendance and files of a set of trainings: two queries. Supervisors in the 回收站 are left out. */
function assemble(a: Store, rows: Row[]): Training[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const people = queryRows<TrainingAttendance & { trainingId: number }>(a, sql`SELECT ta.training_id AS trainingId,
      s.id AS supervisorId, s.name, s.category, s.unit, ta.status, ta.note
    FROM json_each(${ids}) j CROSS JOIN training_attendance ta ON ta.training_id = j.value
    JOIN supervisors s ON s.id = ta.supervisor_id AND s.deleted_at IS NULL
    ORDER BY ta.training_id, ta.seq`);
  const files = queryRows<{ trainingId: number; hash: string; fileName: string }>(a, sql`SELECT training_id AS trainingId, hash,
    file_name AS fileName FROM training_files WHERE training_id IN (SELECT value FROM json_each(${ids})) ORDER BY training_id, seq`);
  return rows.map((r) => {
    const attendance = people.filter((p) => p.trainingId === r.id).map(({ trainingId: _t, ...p }) => p);
    const count = (s: TrainingAttendance['status']) => attendance.filter((p) => p.status === s).length;
    return {
      ...r,
      attendance,
      files: files.filter((f) => f.trainingId === r.id).map(({ hash, fileName }) => ({ hash, fileName })),
      counts: { invited: attendance.length, present: count('出席'), leave: count('请假'), absent: count('缺席'), unrecorded: count(null) },
    };
  });
}

/** A year's events, newest first; of one kind, or those a supervisor was invited to. */
export function listTrainings(a: Store, q: { year: number; kind?: string; supervisorId?: number }): Training[] {
  const where: SqlFragment[] = [sqlFragment`t.deleted_at IS NULL`, yearRange(q.year)];
  if (q.kind) where.push(sqlFragment`t.kind = ${q.kind}`);
  if (q.supervisorId) where.push(sqlFragment`t.id IN (SELECT training_id FROM training_attendance WHERE supervisor_id = ${q.supervisorId})`);
  return assemble(a, queryRows<Row>(a, sql`SELECT ${COLUMNS} FROM trainings t WHERE ${sqlJoin(where, ' AND ')} ORDER BY t.date DESC, t.id DESC`));
}

export function getTraining(a: Store, id: number): Training {
  const row = queryRow<Row>(a, sql`SELECT ${COLUMNS} FROM trainings t WHERE t.id = ${id} AND t.deleted_at IS NULL`);
  if (!row) throw new AppError('not_found', `编号为 ${id} 的培训或会议不存在或已被删除，请刷新列表后重试。`, 'id');
  return assemble(a, [row])[0];
}

function check(a: Store, f: TrainingFields): void {
  const live = a.db.prepare('SELECT name FROM supervisors WHERE id = ? AND deleted_at IS NULL').pluck();
  for (const p of f.attendance) {
    if (!live.get(p.supervisorId)) throw new AppError('invalid', '「参加人员」中有的督学不存在或已被删除，请刷新后重新选择。', 'attendance');
  }
  const recorded = f.attendance.filter((p) => p.status);
  if (recorded.length && f.date > todayText()) {
    throw new AppError('invalid', `「出勤情况」这次${f.kind}在${f.date}，还没有举行：出勤情况请在${f.kind}之后登记，现在只选择参加人员即可。`, 'attendance');
  }
  if (f.calendarItemId && !a.db.prepare(`SELECT 1 FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
      WHERE i.id = ? AND i.deleted_at IS NULL`).get(f.calendarItemId)) {
    throw new AppError('invalid', '「行事历事项」所选的事项不存在或已被删除，请刷新后重新选择。', 'calendarItemId');
  }
  const has = a.db.prepare('SELECT 1 FROM attachments WHERE hash = ?');
  for (const file of f.files) {
    if (!has.get(file.hash)) throw new AppError('invalid', `「材料文件」文件“${file.fileName}”不在档案中，请重新上传。`, 'files');
  }
}

/**
 * Replace the attendance and files. Rows of supervisors now in the 回收站 are kept (the form never
 * showed them), so restoring a supervisor brings back their attendance.
 */
function writeLinks(a: Store, id: number, f: TrainingFields): void {
  a.db.prepare(`DELETE FROM training_attendance WHERE training_id = ?
    AND supervisor_id IN (SELECT id FROM supervisors WHERE deleted_at IS NULL)`).run(id);
  // The kept rows after the form's, in their order.
  a.db.prepare('UPDATE training_attendance SET seq = seq + ? WHERE training_id = ?').run(f.attendance.length, id);
  const add = a.db.prepare('INSERT INTO training_attendance (training_id, supervisor_id, seq, status, note) VALUES (?, ?, ?, ?, ?)');
  f.attendance.forEach((p, i) => add.run(id, p.supervisorId, i + 1, p.status, p.note));
  a.db.prepare('DELETE FROM training_files WHERE training_id = ?').run(id);
  const file = a.db.prepare('INSERT INTO training_files (training_id, hash, file_name, seq) VALUES (?, ?, ?, ?)');
  f.files.forEach((x, i) => file.run(id, x.hash, x.fileName, i + 1));
}

/** Save an event (new when `id` is absent) with its attendance and files, in one transaction. */
export function saveTraining(a: Store, id: number | undefined, f: TrainingFields): number {
  return a.db.transaction(() => {
    if (id) getTraining(a, id);
    check(a, f);
    const now = nowText();
    const vals = [f.kind, f.date, f.topic, f.organiser, f.place, f.hours, f.materials, f.minutes, f.calendarItemId];
    let trainingId = id;
    if (trainingId) {
      a.db.prepare(`UPDATE trainings SET kind = ?, date = ?, topic = ?, organiser = ?, place = ?, hours = ?, materials = ?,
        minutes = ?, calendar_item_id = ?, updated_at = ? WHERE id = ?`).run(...vals, now, trainingId);
    } else {
      trainingId = Number(a.db.prepare(`INSERT INTO trainings (kind, date, topic, organiser, place, hours, materials, minutes,
        calendar_item_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...vals, now, now).lastInsertRowid);
    }
    writeLinks(a, trainingId, f);
    const present = f.attendance.filter((p) => p.status === '出席').length;
    audit(a, id ? '修改' : '新增', 'training', trainingId,
      `${id ? '修改' : '新增'}${f.kind}「${f.date} ${f.topic}」（参加人员${f.attendance.length}人${present ? `，出席${present}人` : ''}）`);
    return trainingId;
  })();
}

export function deleteTraining(a: Store, id: number): number {
  const t = getTraining(a, id);
  return moveToBin(a, 'training', id, `${t.date} ${t.topic}`);
}

/** Each live supervisor invited to an event of the year: attendance and 学时 (hours counted when present). */
export function trainingHours(a: Store, year: number): TrainingHours[] {
  return queryRows<TrainingHours>(a, sql`SELECT s.id AS supervisorId, s.name, s.category,
      count(*) AS invited,
      count(*) FILTER (WHERE ta.status = '出席') AS present,
      count(*) FILTER (WHERE ta.status = '请假') AS leave,
      count(*) FILTER (WHERE ta.status = '缺席') AS absent,
      count(*) FILTER (WHERE ta.status IS NULL) AS unrecorded,
      coalesce(sum(t.hours) FILTER (WHERE ta.status = '出席' AND t.kind = '培训'), 0) AS trainingHours,
      coalesce(sum(t.hours) FILTER (WHERE ta.status = '出席' AND t.kind = '会议'), 0) AS meetingHours
    FROM trainings t JOIN training_attendance ta ON ta.training_id = t.id
    JOIN supervisors s ON s.id = ta.supervisor_id AND s.deleted_at IS NULL
    WHERE t.deleted_at IS NULL AND ${yearRange(year)}
    GROUP BY s.id ORDER BY s.name_pinyin, s.id`);
}

/** The year's 行事历 items of category 培训 or 会议 (live calendars), with how many events are linked to each. */
export function plannedEvents(a: Store, year: number): PlannedEvent[] {
  return queryRows<PlannedEvent>(a, sql`SELECT i.id, i.month, i.content, i.category,
      (SELECT count(*) FROM trainings t WHERE t.calendar_item_id = i.id AND t.deleted_at IS NULL) AS linked
    FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.deleted_at IS NULL AND i.category IN ('培训', '会议') AND i.month >= ${`${year}-01`} AND i.month <= ${`${year}-12`}
    ORDER BY i.month, i.seq, i.id`);
}

// ---- Training plans (年度计划, 三年规划, 五年规划) ----

interface PlanRow { id: number; kind: TrainingPlan['kind']; title: string; year: number; period: string | null; body: string; updatedAt: string }

function toPlan(a: Store, r: PlanRow): TrainingPlan {
  const files = a.db.prepare('SELECT hash, file_name AS fileName FROM training_plan_files WHERE plan_id = ? ORDER BY seq').all(r.id) as
    { hash: string; fileName: string }[];
  return { ...r, body: JSON.parse(r.body) as Block[], files };
}

const PLAN_COLUMNS = 'id, kind, title, year, period, body, updated_at AS updatedAt';

/** Every live plan, newest year first. */
export function listPlans(a: Store): TrainingPlan[] {
  return (a.db.prepare(`SELECT ${PLAN_COLUMNS} FROM training_plans WHERE deleted_at IS NULL ORDER BY year DESC, id DESC`).all() as PlanRow[])
    .map((r) => toPlan(a, r));
}

export function getPlan(a: Store, id: number): TrainingPlan {
  const r = a.db.prepare(`SELECT ${PLAN_COLUMNS} FROM training_plans WHERE id = ? AND deleted_at IS NULL`).get(id) as PlanRow | undefined;
  if (!r) throw new AppError('not_found', `编号为 ${id} 的培训规划不存在或已被删除，请刷新列表后重试。`, 'id');
  return toPlan(a, r);
}

export function savePlan(a: Store, id: number | undefined, f: TrainingPlanFields): number {
  return a.db.transaction(() => {
    if (id) getPlan(a, id);
    const has = a.db.prepare('SELECT 1 FROM attachments WHERE hash = ?');
    for (const file of f.files) {
      if (!has.get(file.hash)) throw new AppError('invalid', `「附件」文件“${file.fileName}”不在档案中，请重新上传。`, 'files');
    }
    const now = nowText();
    const vals = [f.kind, f.title, f.year, f.period, JSON.stringify(f.body)];
    let planId = id;
    if (planId) {
      a.db.prepare('UPDATE training_plans SET kind = ?, title = ?, year = ?, period = ?, body = ?, updated_at = ? WHERE id = ?').run(...vals, now, planId);
    } else {
      planId = Number(a.db.prepare(`INSERT INTO training_plans (kind, title, year, period, body, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)`).run(...vals, now, now).lastInsertRowid);
    }
    a.db.prepare('DELETE FROM training_plan_files WHERE plan_id = ?').run(planId);
    const file = a.db.prepare('INSERT INTO training_plan_files (plan_id, hash, file_name, seq) VALUES (?, ?, ?, ?)');
    f.files.forEach((x, i) => file.run(planId, x.hash, x.fileName, i + 1));
    audit(a, id ? '修改' : '新增', 'trainingPlan', planId, `${id ? '修改' : '新增'}${f.kind}「${f.title}」`);
    return planId;
  })();
}

export function deletePlan(a: Store, id: number): number {
  const p = getPlan(a, id);
  return moveToBin(a, 'trainingPlan', id, p.title);
}
