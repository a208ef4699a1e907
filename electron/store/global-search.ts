import type { Store } from './store';
import { rows as queryRows, value } from './statements';
import { ftsRows, matchText, type FtsTable } from './search';
import { sql, sqlFragment, sqlName, type SqlFragment } from './sql';
import { SEARCH_COUNT_CAP, SEARCH_KIND_LABELS, type SearchHit, type SearchKind, type SearchResult } from '../../shared/schemas/dashboard';
import { monthLabel } from '../../shared/dates';


// The header's one search box: every kind's FTS table (see matchText), live rows only (and only rows
// whose school or calendar is live), a count and the first hits per kind. A common word matches tens of
// thousands of records and reading each one to count it is what takes the time, so the count stops
// at SEARCH_COUNT_CAP (shown as "1000+").

interface Source {
  kind: SearchKind;
  fts: FtsTable;
  /** The id column the FTS rowid matches. */
  id: string;
  /** The kind's table (first) and its joins. */
  from: SqlFragment;
  /** The live conditions. */
  live: SqlFragment;
  select: SqlFragment;
  order: SqlFragment;
}

const SOURCES: Source[] = [
  {
    kind: 'supervisor', fts: 'supervisors_fts', id: 'p.id',
    from: sqlFragment`supervisors p`, live: sqlFragment`p.deleted_at IS NULL`,
    select: sqlFragment`p.id, p.name AS title, concat_ws(' · ', p.category, p.unit, p.position) AS detail, NULL AS parentId`,
    order: sqlFragment`p.name_pinyin, p.id`,
  },
  {
    kind: 'school', fts: 'schools_fts', id: 'sc.id',
    from: sqlFragment`schools sc LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL`, live: sqlFragment`sc.deleted_at IS NULL`,
    select: sqlFragment`sc.id, sc.full_name AS title, concat_ws(' · ', sc.type, sc.nature, coalesce(z.name, '未分责任区')) AS detail, NULL AS parentId`,
    order: sqlFragment`sc.name_pinyin, sc.id`,
  },
  {
    kind: 'visit', fts: 'visits_fts', id: 'v.id',
    from: sqlFragment`visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL`, live: sqlFragment`v.deleted_at IS NULL`,
    select: sqlFragment`v.id, v.date || ' ' || sc.full_name AS title, concat_ws(' · ', v.type || '督导', v.theme) AS detail, NULL AS parentId`,
    order: sqlFragment`v.date DESC, v.id DESC`,
  },
  {
    kind: 'problem', fts: 'problems_fts', id: 'pr.id',
    // A school's problems and (督政) a unit's.
    from: sqlFragment`problems pr LEFT JOIN schools sc ON sc.id = pr.school_id AND sc.deleted_at IS NULL
      LEFT JOIN units u ON u.id = pr.unit_id AND u.deleted_at IS NULL`, live: sqlFragment`pr.deleted_at IS NULL AND (sc.id IS NOT NULL OR u.id IS NOT NULL)`,
    select: sqlFragment`pr.id, pr.description AS title, concat_ws(' · ', coalesce(sc.full_name, u.name), pr.category, pr.status) AS detail, NULL AS parentId`,
    order: sqlFragment`pr.raised_at DESC, pr.id DESC`,
  },
  {
    kind: 'complaint', fts: 'complaints_fts', id: 'c.id',
    from: sqlFragment`complaints c LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL`, live: sqlFragment`c.deleted_at IS NULL`,
    select: sqlFragment`c.id, c.content AS title, concat_ws(' · ', c.received_at, c.channel, c.topic, sc.full_name, c.status) AS detail, NULL AS parentId`,
    order: sqlFragment`c.received_at DESC, c.id DESC`,
  },
  {
    kind: 'calendarItem', fts: 'calendar_items_fts', id: 'i.id',
    from: sqlFragment`calendar_items i JOIN calendars cal ON cal.id = i.calendar_id AND cal.deleted_at IS NULL`, live: sqlFragment`i.deleted_at IS NULL`,
    select: sqlFragment`i.id, i.content AS title, i.month AS month, concat_ws(' · ', cal.title, i.category, i.owner, i.status) AS detail, cal.id AS parentId`,
    order: sqlFragment`i.month DESC, i.seq, i.id`,
  },
  {
    // 历年档案: title, kind, file name and the text inside a .docx.
    kind: 'legacyFile', fts: 'legacy_files_fts', id: 'l.id',
    from: sqlFragment`legacy_files l`, live: sqlFragment`l.deleted_at IS NULL`,
    select: sqlFragment`l.id, l.title AS title, concat_ws(' · ', l.year || '年', l.kind, l.file_name) AS detail, NULL AS parentId`,
    order: sqlFragment`l.year DESC, l.id DESC`,
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
    const rows = ftsRows(s.fts, q);
    if (!rows) break; // an empty query (refused by the channel's schema)
    // From the matching rowids to the records (CROSS JOIN keeps that order): the LIMIT then stops early.
    const matched = sqlFragment`FROM (${rows}) m CROSS JOIN ${s.from} WHERE ${sqlName(s.id)} = m.id AND ${s.live}`;
    const n = value<number>(a, sql`SELECT count(*) FROM (SELECT 1 ${matched} LIMIT ${SEARCH_COUNT_CAP + 1})`);
    if (n === 0) continue;
    const more = n > SEARCH_COUNT_CAP;
    // Few matches: sort just those. Many: walk the kind's order and stop at the first `limit` that match.
    const found = queryRows<SearchHit & { month?: string }>(a, more
      ? sql`SELECT ${s.select} FROM ${s.from} WHERE ${s.live} AND ${matchText(s.fts, s.id, q)} ORDER BY ${s.order} LIMIT ${limit}`
      : sql`SELECT ${s.select} ${matched} ORDER BY ${s.order} LIMIT ${limit}`);
    const hits = found.map(({ month, ...r }): SearchHit => ({
      kind: s.kind, id: r.id, title: clip(r.title),
      detail: month ? `${monthLabel(month)} · ${r.detail}` : r.detail, parentId: r.parentId,
    }));
    groups.push({ kind: s.kind, label: SEARCH_KIND_LABELS[s.kind], hits, total: more ? SEARCH_COUNT_CAP : n, more });
  }
  return { groups };
}
