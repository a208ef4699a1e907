/** What a month's records say, for drafting its briefing (./drafting.ts words them). */
import type { Store } from '../store';
import { periodFigures } from '../figures';

export interface MonthFacts {
  /** Live visits of the month at live schools, and the schools they covered, of all live schools. */
  visits: number;
  covered: number;
  schools: number;
  /** Problems raised in the month, of them closed by now, and problems closed (销号) in the month whenever raised. */
  raised: number;
  raisedClosed: number;
  closed: number;
  complaints: number;
  /** Calendar items done in the month. */
  done: string[];
  /** Visits with a 亮点, in date order (at most 30). */
  highlights: { school: string; highlight: string }[];
  /** Problems raised in the month, oldest first. */
  problems: { category: string; school: string; description: string }[];
  /** 专项 visits by theme: how many schools, and their names (comma-separated). */
  special: { theme: string; n: number; names: string }[];
  /** Problems raised in a campaign, by campaign. */
  campaigns: { campaign: string; n: number }[];
  /** The next month's calendar items not cancelled. */
  plan: string[];
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Live visits of the month at live schools (the base of every visit-based article). */
const VISITS_OF_MONTH = `FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
  WHERE v.deleted_at IS NULL AND v.date >= ? AND v.date < ?`;
const PROBLEMS_LIVE = `FROM problems p JOIN schools s ON s.id = p.school_id AND s.deleted_at IS NULL WHERE p.deleted_at IS NULL`;
/** Calendar items of live calendars running in one month (an item of September–October runs in both). */
const ITEMS_OF_MONTH = `FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
  WHERE i.deleted_at IS NULL AND i.month <= ? AND coalesce(i.end_month, i.month) >= ?`;

/** The month's facts ('yyyy-mm'), every one from live records. */
export function monthFacts(a: Store, month: string): MonthFacts {
  const from = `${month}-01`;
  const to = `${nextMonth(month)}-01`;
  // The counts are the period's figures, as the home page and the statistics report count them.
  const f = periodFigures(a, { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) });
  return {
    visits: f.visits,
    covered: f.schoolsVisited,
    schools: f.schoolsTotal,
    raised: f.raised,
    raisedClosed: f.raisedClosed,
    closed: f.closedInPeriod,
    complaints: f.complaints,
    done: a.db.prepare(`SELECT i.content ${ITEMS_OF_MONTH} AND i.status = '已完成' ORDER BY i.calendar_id, i.month, i.seq`).pluck().all(month, month) as string[],
    highlights: a.db.prepare(`SELECT s.full_name AS school, v.highlight ${VISITS_OF_MONTH}
      AND trim(coalesce(v.highlight, '')) <> '' ORDER BY v.date, v.id LIMIT 30`).all(from, to) as MonthFacts['highlights'],
    problems: a.db.prepare(`SELECT p.category, s.full_name AS school, p.description ${PROBLEMS_LIVE}
      AND p.raised_at >= ? AND p.raised_at < ? ORDER BY p.raised_at, p.id`).all(from, to) as MonthFacts['problems'],
    special: a.db.prepare(`SELECT coalesce(nullif(trim(v.theme), ''), '专项') AS theme, count(DISTINCT v.school_id) AS n,
        group_concat(DISTINCT s.full_name) AS names
      ${VISITS_OF_MONTH} AND v.type = '专项' GROUP BY 1 ORDER BY min(v.date)`).all(from, to) as MonthFacts['special'],
    campaigns: a.db.prepare(`SELECT p.campaign, count(*) AS n ${PROBLEMS_LIVE}
      AND p.campaign IS NOT NULL AND trim(p.campaign) <> '' AND p.raised_at >= ? AND p.raised_at < ? GROUP BY p.campaign ORDER BY p.campaign`)
      .all(from, to) as MonthFacts['campaigns'],
    plan: a.db.prepare(`SELECT i.content ${ITEMS_OF_MONTH} AND i.status <> '取消' ORDER BY i.calendar_id, i.month, i.seq`).pluck().all(nextMonth(month), nextMonth(month)) as string[],
  };
}
