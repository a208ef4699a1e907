import type { Store } from './store';
import { carriedRows, liveSchoolIn } from './problems/read';
import { periodFigures, periodOf, schoolInZone, visitsIn } from './figures';
import { sql, sqlFragment } from './sql';
import { todayText } from '../../shared/dates';
import { rectificationRate } from '../../shared/figures';
import { getSettings } from './settings';
import { rows } from './statements';
import { itemsRunningIn } from './calendars';
import type { Dashboard } from '../../shared/schemas/dashboard';
import { OTHER_ITEM } from '../../shared/vocab';

// The 首页 numbers: the period's figures (./figures.ts, one definition each) and their breakdowns, each
// filtered exactly as the list it links to filters (visits.list, problems.list, complaints.list with
// year/month/zoneId), so a click shows the records counted.
// Soft-deleted rows never count, nor rows hanging on a deleted school; a deleted zone filters nothing in.

export interface DashboardQuery { year: number; month?: number; zoneId?: number }

export function dashboard(a: Store, q: DashboardQuery): Dashboard {
  const { from, to, end } = periodOf(q.year, q.month);
  const zone = q.zoneId ?? null;
  const on = todayText();
  // The counts: one definition each (./figures.ts); the lists below break them down.
  const f = periodFigures(a, q, on);
  // The school's zone, counted only while the zone is live.
  const ZONE = schoolInZone(zone);

  const schools = rows<{ id: number; name: string; visited: number }>(a, sql`SELECT sc.id, sc.full_name AS name,
      EXISTS (SELECT 1 FROM visits v WHERE v.school_id = sc.id AND v.deleted_at IS NULL AND v.date >= ${from} AND v.date < ${end}) AS visited
    FROM schools sc WHERE sc.deleted_at IS NULL AND ${ZONE} ORDER BY sc.name_pinyin, sc.id`);

  // From the period's visits to their supervisors (not the other way round: every supervisor's
  // ten years of visits would be read to keep one year's).
  const visitsBySupervisor = rows<Dashboard['visitsBySupervisor'][number]>(a, sql`SELECT p.id AS supervisorId, p.name, count(*) AS visits
    FROM (SELECT v.id ${visitsIn(from, end, zone)}) v
      JOIN visit_supervisors vs ON vs.visit_id = v.id
      JOIN supervisors p ON p.id = vs.supervisor_id AND p.deleted_at IS NULL
    GROUP BY p.id ORDER BY visits DESC, p.name_pinyin, p.id`);

  // Problems as the 台账 counts them (live school in the live zone), raised in the period, by item.
  const PROBLEMS = sqlFragment`FROM problems p WHERE p.deleted_at IS NULL AND ${liveSchoolIn(zone)}`;
  const byItem = rows<{ item: string; count: number }>(a, sql`SELECT p.category AS item, count(*) AS count
    ${PROBLEMS} AND p.raised_at >= ${from} AND p.raised_at < ${end} GROUP BY p.category`);
  const order = [...getSettings(a).eightItems, OTHER_ITEM];
  const rank = (item: string) => (order.includes(item) ? order.indexOf(item) : order.length);
  const problemsByItem = byItem.sort((x, y) => rank(x.item) - rank(y.item) || x.item.localeCompare(y.item))
    .map(({ item, count }) => ({ item, count }));
  // 结转: raised before the period, still open on its first day; how many of them are 销号 by now.
  const carried = rows<{ total: number; closed: number }>(a, sql`SELECT count(*) AS total, coalesce(sum(p.status = '已销号'), 0) AS closed
    FROM (${carriedRows(from)}) p WHERE ${liveSchoolIn(zone)}`)[0];

  const topics = rows<{ topic: string; count: number }>(a, sql`SELECT c.topic, count(*) AS count FROM complaints c
    LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL
    WHERE c.deleted_at IS NULL AND c.received_at >= ${from} AND c.received_at < ${end} AND ${ZONE} GROUP BY c.topic`);
  const topicList = getSettings(a).complaintTopics; // the office's order (设置)
  const topicRank = (t: string) => { const i = topicList.indexOf(t); return i < 0 ? 99 : i; };
  const complaintsByTopic = topics.sort((x, y) => topicRank(x.topic) - topicRank(y.topic));

  // Items running in the period (an item of September–October shows in October too), numbered as in their month.
  const calendarDue = rows<Dashboard['calendarDue'][number]>(a, sql`SELECT id, calendarId, calendarTitle, month, seq,
      coalesce(number, seq || '.') AS numberText, content, category, owner, status FROM (SELECT i.id, i.calendar_id AS calendarId,
      c.title AS calendarTitle, i.month, i.number, i.content, nullif(i.category, '') AS category, i.owner, i.status,
      (SELECT count(*) FROM calendar_items j WHERE j.calendar_id = i.calendar_id AND j.month = i.month AND j.deleted_at IS NULL
        AND (j.seq < i.seq OR (j.seq = i.seq AND j.id <= i.id))) AS seq, c.start_month AS calendarStart, i.seq AS place
    FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.deleted_at IS NULL AND ${itemsRunningIn(from.slice(0, 7), to.slice(0, 7))})
    ORDER BY month, calendarStart DESC, calendarId, place, id`);

  return {
    period: { year: q.year, month: q.month ?? null, zoneId: zone, from, to },
    coverage: {
      visited: f.schoolsVisited,
      total: f.schoolsTotal,
      notVisited: schools.filter((s) => !s.visited).map(({ id, name }) => ({ id, name })),
    },
    visits: f.visits,
    visitsBySupervisor,
    problemsByItem,
    rectification: {
      raised: f.raised, closed: f.raisedClosed, overdue: f.overdue, overdueNow: f.overdueNow,
      rate: rectificationRate(f), closedInPeriod: f.closedInPeriod,
    },
    carriedOver: carried,
    complaints: f.complaints,
    complaintsByTopic,
    calendarDue,
  };
}
