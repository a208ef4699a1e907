/**
 * The period's figures (shared/figures.ts says what each counts), computed here and only here: the home
 * page (./dashboard.ts), the briefing's draft (./briefings/month-facts.ts), the statistics report and the
 * chronicle's candidates all read them from this module. Soft-deleted rows never count, nor rows hanging
 * on a deleted school; with a zone, only schools of that live zone.
 */
import type { Store } from './store';
import { liveSchoolIn, overdueOn } from './problems/read';
import { sql, sqlFragment, type SqlFragment } from './sql';
import { row, rows, value } from './statements';
import { todayText } from '../../shared/dates';
import type { PeriodFigures } from '../../shared/figures';

export interface FigureQuery { year: number; month?: number | null; zoneId?: number | null }

const pad = (n: number) => String(n).padStart(2, '0');

/** First day, last day and the day after, as 'YYYY-MM-DD'. */
export function periodOf(year: number, month?: number | null): { from: string; to: string; end: string } {
  if (!month) return { from: `${year}-01-01`, to: `${year}-12-31`, end: `${year + 1}-01-01` };
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const end = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}`, end };
}

/** The school `sc` is live and, with a zone, in that live zone. */
export function schoolInZone(zoneId: number | null): SqlFragment {
  return sqlFragment`(${zoneId} IS NULL OR sc.zone_id = ${zoneId} AND sc.zone_id IN (SELECT id FROM zones WHERE deleted_at IS NULL))`;
}

/** Live visits of live schools (in the zone) dated in [from, end), as `FROM …` for counting. */
export function visitsIn(from: string, end: string, zoneId: number | null): SqlFragment {
  return sqlFragment`FROM visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.date >= ${from} AND v.date < ${end} AND ${schoolInZone(zoneId)}`;
}

/** Live notices to live schools (in the zone) issued in [from, end). */
function noticesIn(from: string, end: string, zoneId: number | null): SqlFragment {
  return sqlFragment`FROM notices n JOIN schools sc ON sc.id = n.school_id AND sc.deleted_at IS NULL
    WHERE n.deleted_at IS NULL AND n.issued_date >= ${from} AND n.issued_date < ${end} AND ${schoolInZone(zoneId)}`;
}

/** The year's notices month by month ('yyyy-mm'), as periodFigures counts a month's `notices` and `noticeSchools`. */
export function noticesByMonth(a: Store, year: number): { month: string; notices: number; noticeSchools: number }[] {
  const { from, end } = periodOf(year);
  return rows(a, sql`SELECT substr(n.issued_date, 1, 7) AS month, count(*) AS notices, count(DISTINCT n.school_id) AS noticeSchools
    ${noticesIn(from, end, null)} GROUP BY 1 ORDER BY 1`);
}

/** Every figure of the period, on `on` (today) for what is overdue. */
export function periodFigures(a: Store, q: FigureQuery, on = todayText()): PeriodFigures {
  const { from, end } = periodOf(q.year, q.month);
  const zone = q.zoneId ?? null;
  const v = row<{ visits: number; schoolsVisited: number }>(a,
    sql`SELECT count(*) AS visits, count(DISTINCT v.school_id) AS schoolsVisited ${visitsIn(from, end, zone)}`)!;
  const schoolsTotal = value<number>(a, sql`SELECT count(*) FROM schools sc WHERE sc.deleted_at IS NULL AND ${schoolInZone(zone)}`);
  const LIVE = sqlFragment`FROM problems p WHERE p.deleted_at IS NULL AND ${liveSchoolIn(zone)}`;
  const p = row<{ raised: number; raisedClosed: number; overdue: number }>(a, sql`SELECT count(*) AS raised,
      coalesce(sum(p.status = '已销号'), 0) AS raisedClosed, coalesce(sum(${overdueOn(on)}), 0) AS overdue
    ${LIVE} AND p.raised_at >= ${from} AND p.raised_at < ${end}`)!;
  const closedInPeriod = value<number>(a, sql`SELECT count(*) ${LIVE} AND p.status = '已销号' AND p.closed_at >= ${from} AND p.closed_at < ${end}`);
  const overdueNow = value<number>(a, sql`SELECT count(*) ${LIVE} AND ${overdueOn(on)}`);
  const complaints = value<number>(a, sql`SELECT count(*) FROM complaints c
    LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL
    WHERE c.deleted_at IS NULL AND c.received_at >= ${from} AND c.received_at < ${end} AND ${schoolInZone(zone)}`);
  const n = row<{ notices: number; noticeSchools: number }>(a,
    sql`SELECT count(*) AS notices, count(DISTINCT n.school_id) AS noticeSchools ${noticesIn(from, end, zone)}`)!;
  return { ...v, schoolsTotal, ...p, closedInPeriod, overdueNow, complaints, ...n };
}
