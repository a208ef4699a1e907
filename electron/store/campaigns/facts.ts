/**
 * What a campaign's records say as of one day (the report's date): for drafting its 专项督导报告
 * (./drafting.ts), the report's statistics table, and each school's 督导意见书. Live records only.
 */
import type { Store } from '../store';
import { getSettings } from '../settings';
import { sql } from '../sql';
import { rows, value } from '../statements';
import { campaignMembers, getCampaign } from './repository';

export interface OwnerRow {
  name: string;
  /** Dates of its visits of the campaign (schools only). */
  dates: string[];
  raised: number;
  /** 销号 on or before the day. */
  closed: number;
}

export interface CampaignFacts {
  office: string;
  name: string;
  basisTitle: string | null;
  basisNumber: string | null;
  startDate: string;
  endDate: string;
  scopeLabel: string;
  checklistKind: string;
  checklist: string[];
  followupMonths: number | null;
  /** The day the figures stand at. */
  on: string;
  leaders: string[];
  members: number;
  planned: number;
  /** Schools with a visit on or before the day. */
  checked: number;
  visits: number;
  methods: { method: string; n: number }[];
  highlights: { school: string; highlight: string }[];
  raised: number;
  closed: number;
  /** Problems by category, most first, with up to five examples each. */
  byCategory: { category: string; n: number; examples: { owner: string; description: string }[] }[];
  schools: OwnerRow[];
  /** The units owning its 督政 problems. */
  units: OwnerRow[];
}

/** The campaign's facts on `on` ('yyyy-mm-dd'). */
export function campaignFacts(a: Store, id: number, on: string): CampaignFacts {
  const c = getCampaign(a, id);
  const members = campaignMembers(a, id);
  // Its live visits at live schools, up to the day.
  const VISITS = sql`SELECT v.id, v.school_id, v.date, v.methods, v.highlight, sc.full_name AS school
    FROM visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL
    WHERE v.campaign_id = ${id} AND v.deleted_at IS NULL AND v.date <= ${on} ORDER BY v.date, v.id`;
  const visits = rows<{ id: number; school_id: number; date: string; methods: string; highlight: string | null; school: string }>(a, VISITS);
  const methodCount = new Map<string, number>();
  for (const v of visits) for (const m of JSON.parse(v.methods) as string[]) methodCount.set(m, (methodCount.get(m) ?? 0) + 1);
  // Its live problems (of live schools or units) raised by the day.
  const problems = rows<{ category: string; description: string; school: string | null; unit: string | null; closed: number }>(a, sql`SELECT p.category, p.description,
      sc.full_name AS school, u.name AS unit, (p.status = '已销号' AND p.closed_at <= ${on}) AS closed
    FROM problems p LEFT JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL LEFT JOIN units u ON u.id = p.unit_id AND u.deleted_at IS NULL
    WHERE p.campaign_id = ${id} AND p.deleted_at IS NULL AND p.raised_at <= ${on} AND (sc.id IS NOT NULL OR u.id IS NOT NULL)
    ORDER BY p.raised_at, p.id`);
  const categories = new Map<string, CampaignFacts['byCategory'][number]>();
  for (const p of problems) {
    const g = categories.get(p.category) ?? { category: p.category, n: 0, examples: [] };
    g.n += 1;
    if (g.examples.length < 5) g.examples.push({ owner: (p.school ?? p.unit)!, description: p.description });
    categories.set(p.category, g);
  }
  // In the order they were (to be) visited: planned date, else first visit, then name.
  const schoolRows = rows<{ id: number; name: string }>(a, sql`SELECT sc.id, sc.full_name AS name,
      coalesce(cs.planned_date, (SELECT min(v.date) FROM visits v WHERE v.campaign_id = cs.campaign_id AND v.school_id = cs.school_id
        AND v.deleted_at IS NULL)) AS day
    FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id AND sc.deleted_at IS NULL WHERE cs.campaign_id = ${id}
    ORDER BY day IS NULL, day, sc.name_pinyin, sc.id`);
  const owned = (name: string, own: (p: (typeof problems)[number]) => boolean) => {
    const mine = problems.filter(own);
    return { raised: mine.length, closed: mine.filter((p) => p.closed).length, name };
  };
  const unitNames = [...new Set(problems.filter((p) => p.unit).map((p) => p.unit!))];
  return {
    office: getSettings(a).officeName,
    name: c.name, basisTitle: c.basisTitle, basisNumber: c.basisNumber, startDate: c.startDate, endDate: c.endDate, scopeLabel: c.scopeLabel,
    checklistKind: c.checklistKind, checklist: c.checklist, followupMonths: c.followupMonths, on,
    leaders: members.filter((m) => m.role === '组长').map((m) => m.name),
    members: members.length,
    planned: schoolRows.length,
    checked: new Set(visits.map((v) => v.school_id)).size,
    visits: visits.length,
    methods: [...methodCount.entries()].sort((x, y) => y[1] - x[1]).map(([method, n]) => ({ method, n })),
    highlights: visits.filter((v) => v.highlight?.trim()).map((v) => ({ school: v.school, highlight: v.highlight!.trim() })),
    raised: problems.length,
    closed: problems.filter((p) => p.closed).length,
    byCategory: [...categories.values()].sort((x, y) => y.n - x.n),
    schools: schoolRows.map((s) => ({
      ...owned(s.name, (p) => p.school === s.name),
      dates: [...new Set(visits.filter((v) => v.school_id === s.id).map((v) => v.date))],
    })),
    units: unitNames.map((u) => ({ ...owned(u, (p) => p.unit === u), dates: [] })),
  };
}

/** One school's part of a campaign, for its 督导意见书. */
export interface SchoolFindings {
  office: string;
  campaign: string;
  basisTitle: string | null;
  basisNumber: string | null;
  school: string;
  checklist: string[];
  dates: string[];
  methods: string[];
  highlights: string[];
  problems: string[];
  opinion: string | null;
  opinionDate: string | null;
}

export function schoolFindings(a: Store, id: number, schoolId: number): SchoolFindings | null {
  const c = getCampaign(a, id);
  const row = rows<{ school: string; opinion: string | null; opinionDate: string | null }>(a, sql`SELECT sc.full_name AS school, cs.opinion,
      cs.opinion_date AS opinionDate FROM campaign_schools cs JOIN schools sc ON sc.id = cs.school_id AND sc.deleted_at IS NULL
    WHERE cs.campaign_id = ${id} AND cs.school_id = ${schoolId}`)[0];
  if (!row) return null;
  const visits = rows<{ date: string; methods: string; highlight: string | null }>(a, sql`SELECT date, methods, highlight FROM visits
    WHERE campaign_id = ${id} AND school_id = ${schoolId} AND deleted_at IS NULL ORDER BY date, id`);
  const problems = rows<{ description: string }>(a, sql`SELECT description FROM problems
    WHERE campaign_id = ${id} AND school_id = ${schoolId} AND deleted_at IS NULL ORDER BY raised_at, id`);
  return {
    office: getSettings(a).officeName, campaign: c.name, basisTitle: c.basisTitle, basisNumber: c.basisNumber, school: row.school,
    checklist: c.checklist,
    dates: [...new Set(visits.map((v) => v.date))],
    methods: [...new Set(visits.flatMap((v) => JSON.parse(v.methods) as string[]))],
    highlights: visits.map((v) => v.highlight?.trim()).filter((h): h is string => !!h),
    problems: problems.map((p) => p.description),
    opinion: row.opinion, opinionDate: row.opinionDate,
  };
}

/** How many live visits a campaign has at a school (an 意见书 needs one). */
export function visitsAt(a: Store, id: number, schoolId: number): number {
  return value<number>(a, sql`SELECT count(*) FROM visits WHERE campaign_id = ${id} AND school_id = ${schoolId} AND deleted_at IS NULL`);
}
