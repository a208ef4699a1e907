/**
 * Each supervisor's workload for the 首页 (issue 15): schools listed and visited, visits, attendance and
 * 学时 at 培训 and 会议 in the period, and the follow-ups still open from their visits (any year, as the
 * 台账 counts them: live problems of live schools, overdue by the one rule in problems/read.ts).
 */
import type { Store } from './store';
import { todayText } from '../../shared/dates';
import type { WorkloadRow } from '../../shared/schemas/assessment';
import { periodOf } from './figures';
import { liveSchoolIn, overdueOn } from './problems/read';
import { sql, sqlFragment } from './sql';
import { rows } from './statements';

export function workload(a: Store, q: { year: number; month?: number; zoneId?: number }): WorkloadRow[] {
  const { from, end } = periodOf(q.year, q.month);
  const zone = q.zoneId ?? null;
  // A zone's supervisors as the 督学 list has them: its leader, and everyone listed at one of its schools.
  const IN_ZONE = sqlFragment`(${zone} IS NULL OR s.id IN (
      SELECT z.leader_id FROM zones z WHERE z.id = ${zone} AND z.deleted_at IS NULL
      UNION SELECT asg.supervisor_id FROM assignments asg JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL
        JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL WHERE sc.zone_id = ${zone} AND asg.deleted_at IS NULL))`;
  const LISTED = sqlFragment`SELECT DISTINCT asg.supervisor_id AS sid, asg.school_id AS school FROM assignments asg
    JOIN schools sc ON sc.id = asg.school_id AND sc.deleted_at IS NULL WHERE asg.deleted_at IS NULL`;
  const on = todayText();
  // Each figure is one grouped pass, joined to the supervisors (no per-supervisor scans of the year's visits).
  return rows<WorkloadRow>(a, sql`SELECT s.id AS supervisorId, s.name, s.category,
      coalesce(ls.n, 0) AS schools, coalesce(ls.visited, 0) AS schoolsVisited, coalesce(vi.n, 0) AS visits,
      coalesce(at.present, 0) AS present, coalesce(at.recorded, 0) AS recorded, coalesce(at.hours, 0) AS hours,
      coalesce(o.n, 0) AS openProblems, coalesce(o.overdue, 0) AS overdueProblems
    FROM supervisors s
    LEFT JOIN (SELECT l.sid, count(*) AS n, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM visits v
        JOIN visit_supervisors vs ON vs.visit_id = v.id AND vs.supervisor_id = l.sid
        WHERE v.school_id = l.school AND v.deleted_at IS NULL AND v.date >= ${from} AND v.date < ${end})) AS visited
      FROM (${LISTED}) l GROUP BY l.sid) ls ON ls.sid = s.id
    LEFT JOIN (SELECT vs.supervisor_id AS sid, count(*) AS n FROM visits v
        JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL JOIN visit_supervisors vs ON vs.visit_id = v.id
        WHERE v.deleted_at IS NULL AND v.date >= ${from} AND v.date < ${end} GROUP BY vs.supervisor_id) vi ON vi.sid = s.id
    LEFT JOIN (SELECT ta.supervisor_id AS sid, count(ta.status) AS recorded, count(*) FILTER (WHERE ta.status = '出席') AS present,
        coalesce(sum(t.hours) FILTER (WHERE ta.status = '出席'), 0) AS hours
      FROM training_attendance ta JOIN trainings t ON t.id = ta.training_id AND t.deleted_at IS NULL
      WHERE t.date >= ${from} AND t.date < ${end} GROUP BY ta.supervisor_id) at ON at.sid = s.id
    LEFT JOIN (SELECT vs.supervisor_id AS sid, count(DISTINCT p.id) AS n, count(DISTINCT CASE WHEN ${overdueOn(on)} THEN p.id END) AS overdue
      FROM problems p JOIN visit_supervisors vs ON vs.visit_id = p.visit_id
      WHERE p.deleted_at IS NULL AND p.status <> '已销号' AND ${liveSchoolIn(null)} GROUP BY vs.supervisor_id) o ON o.sid = s.id
    WHERE s.deleted_at IS NULL AND ${IN_ZONE}
    ORDER BY s.name_pinyin, s.id`);
}
