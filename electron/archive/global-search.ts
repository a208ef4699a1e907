import type { Archive } from './archive';
import { textMatch } from './search';
import { SEARCH_KIND_LABELS, type SearchHit, type SearchKind, type SearchResult } from '../../shared/schemas/dashboard';
import { monthLabel } from '../../shared/schemas/calendar';

// The header's one search box: every kind's FTS table (trigram for 3+ characters, LIKE for 1–2),
// live rows only (and only rows whose school or calendar is live), a count and the first hits per kind.

interface Source {
  kind: SearchKind;
  fts: string;
  /** The id column the FTS rowid matches. */
  id: string;
  /** FROM … WHERE <live conditions> (the match is ANDed on). */
  from: string;
  select: string;
  order: string;
}

const SOURCES: Source[] = [
  {
    kind: 'supervisor', fts: 'supervisors_fts', id: 'p.id',
    from: 'FROM supervisors p WHERE p.deleted_at IS NULL',
    select: `p.id, p.name AS title, concat_ws(' · ', p.category, p.unit, p.position) AS detail, NULL AS parentId`,
    order: 'p.name, p.id',
  },
  {
    kind: 'school', fts: 'schools_fts', id: 'sc.id',
    from: `FROM schools sc LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL WHERE sc.deleted_at IS NULL`,
    select: `sc.id, sc.full_name AS title, concat_ws(' · ', sc.type, sc.nature, coalesce(z.name, '未分责任区')) AS detail, NULL AS parentId`,
    order: 'sc.full_name, sc.id',
  },
  {
    kind: 'visit', fts: 'visits_fts', id: 'v.id',
    from: `FROM visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL WHERE v.deleted_at IS NULL`,
    select: `v.id, v.date || ' ' || sc.full_name AS title, concat_ws(' · ', v.type || '督导', v.theme) AS detail, NULL AS parentId`,
    order: 'v.date DESC, v.id DESC',
  },
  {
    kind: 'problem', fts: 'problems_fts', id: 'pr.id',
    from: `FROM problems pr JOIN schools sc ON sc.id = pr.school_id AND sc.deleted_at IS NULL WHERE pr.deleted_at IS NULL`,
    select: `pr.id, pr.description AS title, concat_ws(' · ', sc.full_name, pr.category, pr.status) AS detail, NULL AS parentId`,
    order: 'pr.raised_at DESC, pr.id DESC',
  },
  {
    kind: 'complaint', fts: 'complaints_fts', id: 'c.id',
    from: `FROM complaints c LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL WHERE c.deleted_at IS NULL`,
    select: `c.id, c.content AS title, concat_ws(' · ', c.received_at, c.channel, c.topic, sc.full_name, c.status) AS detail, NULL AS parentId`,
    order: 'c.received_at DESC, c.id DESC',
  },
  {
    kind: 'calendarItem', fts: 'calendar_items_fts', id: 'i.id',
    from: `FROM calendar_items i JOIN calendars cal ON cal.id = i.calendar_id AND cal.deleted_at IS NULL WHERE i.deleted_at IS NULL`,
    select: `i.id, i.content AS title, i.month AS month, concat_ws(' · ', cal.title, i.category, i.owner, i.status) AS detail, cal.id AS parentId`,
    order: 'i.month DESC, i.seq, i.id',
  },
  {
    // 历年档案: title, kind, file name and the text inside a .docx.
    kind: 'legacyFile', fts: 'legacy_files_fts', id: 'l.id',
    from: 'FROM legacy_files l WHERE l.deleted_at IS NULL',
    select: `l.id, l.title AS title, concat_ws(' · ', l.year || '年', l.kind, l.file_name) AS detail, NULL AS parentId`,
    order: 'l.year DESC, l.id DESC',
  },
];

function clip(text: string, n = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return [...one].length > n ? `${[...one].slice(0, n).join('')}…` : one;
}

/** Up to `limit` hits of each kind that has any, with each kind's total. */
export function globalSearch(a: Archive, q: string, limit: number): SearchResult {
  const groups: SearchResult['groups'] = [];
  for (const s of SOURCES) {
    const [match, params] = textMatch(s.fts, s.id, q);
    const total = a.db.prepare(`SELECT count(*) ${s.from} AND ${match}`).pluck().get(...params) as number;
    if (total === 0) continue;
    const rows = a.db.prepare(`SELECT ${s.select} ${s.from} AND ${match} ORDER BY ${s.order} LIMIT ?`)
      .all(...params, limit) as (SearchHit & { month?: string })[];
    const hits = rows.map(({ month, ...r }): SearchHit => ({
      kind: s.kind, id: r.id, title: clip(r.title),
      detail: month ? `${monthLabel(month)} · ${r.detail}` : r.detail, parentId: r.parentId,
    }));
    groups.push({ kind: s.kind, label: SEARCH_KIND_LABELS[s.kind], hits, total });
  }
  return { groups };
}
