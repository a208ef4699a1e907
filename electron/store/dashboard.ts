import type { Store } from './store';
import { LIVE_SCHOOL_SQL, OVERDUE_SQL } from './problems';
import { todayText } from '../../shared/dates';
import { getSettings } from './settings';
import { prepared } from './statements';
import type { Dashboard } from '../../shared/schemas/dashboard';
import { OTHER_ITEM } from '../../shared/vocab';
import { percent } from '../../shared/numbers';

// The 首页 numbers. Each is one grouped query, filtered exactly as the list it links to filters
// (visits.list, problems.list, complaints.list with year/month/zoneId), so a click shows the records counted.
// Soft-deleted rows never count, nor rows hanging on a deleted school; a deleted zone filters nothing in.

export interface DashboardQuery { year: number; month?: number; zoneId?: number }

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** First day, last day and the day after, as 'YYYY-MM-DD'. */
export function periodOf(year: number, month?: number): { from: string; to: string; end: string } {
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31`, end: `${year + 1}-01-01` };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const end = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}`, end };
}

export function dashboard(a: Store, q: DashboardQuery): Dashboard {
  const { from, to, end } = periodOf(q.year, q.month);
  const zone = q.zoneId ?? null;
  // The school's zone, counted only while the zone is live.
  const ZONE = `(? IS NULL OR sc.zone_id = ? AND sc.zone_id IN (SELECT id FROM zones WHERE deleted_at IS NULL))`;
  const zp = [zone, zone];

  const schools = prepared(a, `SELECT sc.id, sc.full_name AS name,
      EXISTS (SELECT 1 FROM visits v WHERE v.school_id = sc.id AND v.deleted_at IS NULL AND v.date >= ? AND v.date < ?) AS visited
    FROM schools sc WHERE sc.deleted_at IS NULL AND ${ZONE} ORDER BY sc.name_pinyin, sc.id`)
    .all(from, end, ...zp) as { id: number; name: string; visited: number }[];

  const VISITS = `FROM visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.date >= ? AND v.date < ? AND ${ZONE}`;
  const visits = prepared(a, `SELECT count(*) ${VISITS}`).pluck().get(from, end, ...zp) as number;
  // From the period's visits to their supervisors (not the other way round: every supervisor's
  // ten years of visits would be read to keep one year's).
  const visitsBySupervisor = prepared(a, `SELECT p.id AS supervisorId, p.name, count(*) AS visits
    FROM visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
      JOIN visit_supervisors vs ON vs.visit_id = v.id
      JOIN supervisors p ON p.id = vs.supervisor_id AND p.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.date >= ? AND v.date < ? AND ${ZONE}
    GROUP BY p.id ORDER BY visits DESC, p.name_pinyin, p.id`).all(from, end, ...zp) as Dashboard['visitsBySupervisor'];

  // Problems as the 台账 counts them (live school in the live zone), raised in the period, by item;
  // one pass gives the rectification numbers too.
  const on = todayText();
  const PROBLEMS = `FROM problems p WHERE p.deleted_at IS NULL AND ${LIVE_SCHOOL_SQL}`;
  const byItem = prepared(a, `SELECT p.category AS item, count(*) AS count,
      sum(p.status = '已销号') AS closed, sum(${OVERDUE_SQL}) AS overdue
    ${PROBLEMS} AND p.raised_at >= ? AND p.raised_at < ? GROUP BY p.category`)
    .all(on, ...zp, from, end) as { item: string; count: number; closed: number; overdue: number }[];
  const order = [...getSettings(a).eightItems, OTHER_ITEM];
  const rank = (item: string) => (order.includes(item) ? order.indexOf(item) : order.length);
  const problemsByItem = byItem.sort((x, y) => rank(x.item) - rank(y.item) || x.item.localeCompare(y.item))
    .map(({ item, count }) => ({ item, count }));
  const r = byItem.reduce((t, i) => ({ raised: t.raised + i.count, closed: t.closed + i.closed, overdue: t.overdue + i.overdue }),
    { raised: 0, closed: 0, overdue: 0 });
  const overdueNow = prepared(a, `SELECT count(*) ${PROBLEMS} AND ${OVERDUE_SQL}`).pluck().get(...zp, on) as number;

  const topics = prepared(a, `SELECT c.topic, count(*) AS count FROM complaints c
    LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL
    WHERE c.deleted_at IS NULL AND c.received_at >= ? AND c.received_at < ? AND ${ZONE} GROUP BY c.topic`)
    .all(from, end, ...zp) as { topic: string; count: number }[];
  const topicList = getSettings(a).complaintTopics; // the office's order (设置)
  const topicRank = (t: string) => { const i = topicList.indexOf(t); return i < 0 ? 99 : i; };
  const complaintsByTopic = topics.sort((x, y) => topicRank(x.topic) - topicRank(y.topic));

  const calendarDue = prepared(a, `SELECT i.id, i.calendar_id AS calendarId, c.title AS calendarTitle, i.month,
      row_number() OVER (PARTITION BY i.calendar_id, i.month ORDER BY i.seq, i.id) AS seq,
      i.content, i.category, i.owner, i.status
    FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.deleted_at IS NULL AND i.month >= ? AND i.month <= ?
    ORDER BY i.month, c.start_month DESC, c.id, i.seq, i.id`).all(from.slice(0, 7), to.slice(0, 7)) as Dashboard['calendarDue'];

  return {
    period: { year: q.year, month: q.month ?? null, zoneId: zone, from, to },
    coverage: {
      visited: schools.filter((s) => s.visited).length,
      total: schools.length,
      notVisited: schools.filter((s) => !s.visited).map(({ id, name }) => ({ id, name })),
    },
    visits,
    visitsBySupervisor,
    problemsByItem,
    rectification: {
      raised: r.raised, closed: r.closed, overdue: r.overdue, overdueNow,
      rate: percent(r.closed, r.raised),
    },
    complaints: complaintsByTopic.reduce((n, t) => n + t.count, 0),
    complaintsByTopic,
    calendarDue,
  };
}
