import type { Store } from './store';
import { prepared } from './statements';
import { ftsRows, textMatch } from './search';
import { SEARCH_COUNT_CAP, SEARCH_KIND_LABELS, type SearchHit, type SearchKind, type SearchResult } from '../../shared/schemas/dashboard';
import { monthLabel } from '../../shared/dates';


// The header's one search box: every kind's FTS table (see textMatch), live rows only (and only rows
// whose school or calendar is live), a count and the first hits per kind. A common word matches tens of
// thousands of records and reading each one to count it is what takes the time, so the count stops
// at SEARCH_COUNT_CAP (shown as "1000+").

interface Source {
  kind: SearchKind;
  fts: string;
  /** The id column the FTS rowid matches. */
  id: string;
  /** The kind's table (first) and its joins. */
  from: string;
  /** The live conditions. */
  live: string;
  select: string;
  order: string;
}

const SOURCES: Source[] = [
  {
    kind: 'supervisor', fts: 'supervisors_fts', id: 'p.id',
    from: 'supervisors p', live: 'p.deleted_at IS NULL',
    select: `p.id, p.name AS title, concat_ws(' · ', p.category, p.unit, p.position) AS detail, NULL AS parentId`,
    order: 'p.name_pinyin, p.id',
  },
  {
    kind: 'school', fts: 'schools_fts', id: 'sc.id',
    from: `schools sc LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL`, live: 'sc.deleted_at IS NULL',
    select: `sc.id, sc.full_name AS title, concat_ws(' · ', sc.type, sc.nature, coalesce(z.name, '未分责任区')) AS detail, NULL AS parentId`,
    order: 'sc.name_pinyin, sc.id',
  },
  {
    kind: 'visit', fts: 'visits_fts', id: 'v.id',
    from: `visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL`, live: 'v.deleted_at IS NULL',
    select: `v.id, v.date || ' ' || sc.full_name AS title, concat_ws(' · ', v.type || '督导', v.theme) AS detail, NULL AS parentId`,
    order: 'v.date DESC, v.id DESC',
  },
  {
    kind: 'problem', fts: 'problems_fts', id: 'pr.id',
    from: `problems pr JOIN schools sc ON sc.id = pr.school_id AND sc.deleted_at IS NULL`, live: 'pr.deleted_at IS NULL',
    select: `pr.id, pr.description AS title, concat_ws(' · ', sc.full_name, pr.category, pr.status) AS detail, NULL AS parentId`,
    order: 'pr.raised_at DESC, pr.id DESC',
  },
  {
    kind: 'complaint', fts: 'complaints_fts', id: 'c.id',
    from: `complaints c LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL`, live: 'c.deleted_at IS NULL',
    select: `c.id, c.content AS title, concat_ws(' · ', c.received_at, c.channel, c.topic, sc.full_name, c.status) AS detail, NULL AS parentId`,
    order: 'c.received_at DESC, c.id DESC',
  },
  {
    kind: 'calendarItem', fts: 'calendar_items_fts', id: 'i.id',
    from: `calendar_items i JOIN calendars cal ON cal.id = i.calendar_id AND cal.deleted_at IS NULL`, live: 'i.deleted_at IS NULL',
    select: `i.id, i.content AS title, i.month AS month, concat_ws(' · ', cal.title, i.category, i.owner, i.status) AS detail, cal.id AS parentId`,
    order: 'i.month DESC, i.seq, i.id',
  },
  {
    // 历年档案: title, kind, file name and the text inside a .docx.
    kind: 'legacyFile', fts: 'legacy_files_fts', id: 'l.id',
    from: 'legacy_files l', live: 'l.deleted_at IS NULL',
    select: `l.id, l.title AS title, concat_ws(' · ', l.year || '年', l.kind, l.file_name) AS detail, NULL AS parentId`,
    order: 'l.year DESC, l.id DESC',
  },
];

function clip(text: string, n = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return [...one].length > n ? `${[...one].slice(0, n).join('')}…` : one;
}

/** Up to `limit` hits of each kind that has any, with each kind's total (at most SEARCH_COUNT_CAP). */
export function globalSearch(a: Store, q: string, limit: number): SearchResult {
  const groups: SearchResult['groups'] = [];
  for (const s of SOURCES) {
    const fts = ftsRows(s.fts, q);
    if (!fts) break; // an empty query (refused by the channel's schema)
    const [rows, params] = fts;
    // From the matching rowids to the records (CROSS JOIN keeps that order): the LIMIT then stops early.
    const matched = `FROM (${rows}) m CROSS JOIN ${s.from} WHERE ${s.id} = m.id AND ${s.live}`;
    const n = prepared(a, `SELECT count(*) FROM (SELECT 1 ${matched} LIMIT ?)`).pluck().get(...params, SEARCH_COUNT_CAP + 1) as number;
    if (n === 0) continue;
    const more = n > SEARCH_COUNT_CAP;
    // Few matches: sort just those. Many: walk the kind's order and stop at the first `limit` that match.
    const [match] = textMatch(s.fts, s.id, q);
    const sql = more
      ? `SELECT ${s.select} FROM ${s.from} WHERE ${s.live} AND ${match} ORDER BY ${s.order} LIMIT ?`
      : `SELECT ${s.select} ${matched} ORDER BY ${s.order} LIMIT ?`;
    const found = prepared(a, sql).all(...params, limit) as (SearchHit & { month?: string })[];
    const hits = found.map(({ month, ...r }): SearchHit => ({
      kind: s.kind, id: r.id, title: clip(r.title),
      detail: month ? `${monthLabel(month)} · ${r.detail}` : r.detail, parentId: r.parentId,
    }));
    groups.push({ kind: s.kind, label: SEARCH_KIND_LABELS[s.kind], hits, total: more ? SEARCH_COUNT_CAP : n, more });
  }
  return { groups };
}
