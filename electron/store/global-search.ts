import type { Store } from './store';
import { prepared } from './statements';
import { escapeLike, ftsRows, initialsMatch, textMatch } from './search';
import {
  SEARCH_COUNT_CAP, SEARCH_KIND_LABELS, type SearchHit, type SearchKind, type SearchResult, type SearchSnippet,
} from '../../shared/schemas/dashboard';
import { monthLabel } from '../../shared/dates';


// The header's one search box: every kind's FTS table (see textMatch), live rows only (and only rows
// whose school or calendar is live), a count and the first hits per kind. A common word matches tens of
// thousands of records and reading each one to count it is what takes the time, so the count stops
// at SEARCH_COUNT_CAP (shown as "1000+").
//
// Names as people type them: a school is found by its full name, short name (清河一小) or pinyin
// initials (qhyx), a person by name or initials; and a school's records (visits, problems, complaints)
// are found by its name too, so 清河一小 lists that school's visits. Each hit carries the snippet of
// text that matched, for the box to show with the match highlighted.

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
  /** The record's school column: its records match the school's names too. */
  school?: string;
  /** With `school`: the order as one text, compared in JS to merge the two kinds of match (all such orders are newest first). */
  sortKey?: string;
  /** The kind's own pinyin initials column (people and schools). */
  initials?: string;
}

const SOURCES: Source[] = [
  {
    kind: 'supervisor', fts: 'supervisors_fts', id: 'p.id',
    from: 'supervisors p', live: 'p.deleted_at IS NULL',
    select: `p.id, p.name AS title, concat_ws(' · ', p.category, p.unit, p.position) AS detail, NULL AS parentId`,
    order: 'p.name_pinyin, p.id', initials: 'p.name_initials',
  },
  {
    kind: 'school', fts: 'schools_fts', id: 'sc.id',
    from: `schools sc LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL`, live: 'sc.deleted_at IS NULL',
    select: `sc.id, sc.full_name AS title, concat_ws(' · ', sc.type, sc.nature, coalesce(z.name, '未分责任区')) AS detail, NULL AS parentId`,
    order: 'sc.name_pinyin, sc.id', initials: 'sc.name_initials',
  },
  {
    kind: 'visit', fts: 'visits_fts', id: 'v.id',
    from: `visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL`, live: 'v.deleted_at IS NULL',
    select: `v.id, v.date || ' ' || sc.full_name AS title, concat_ws(' · ', v.type || '督导', v.theme) AS detail, NULL AS parentId`,
    order: 'v.date DESC, v.id DESC', school: 'v.school_id', sortKey: `v.date || printf(' %012d', v.id)`,
  },
  {
    kind: 'problem', fts: 'problems_fts', id: 'pr.id',
    from: `problems pr JOIN schools sc ON sc.id = pr.school_id AND sc.deleted_at IS NULL`, live: 'pr.deleted_at IS NULL',
    select: `pr.id, pr.description AS title, concat_ws(' · ', sc.full_name, pr.category, pr.status) AS detail, NULL AS parentId`,
    order: 'pr.raised_at DESC, pr.id DESC', school: 'pr.school_id', sortKey: `pr.raised_at || printf(' %012d', pr.id)`,
  },
  {
    kind: 'complaint', fts: 'complaints_fts', id: 'c.id',
    from: `complaints c LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL`, live: 'c.deleted_at IS NULL',
    select: `c.id, c.content AS title, concat_ws(' · ', c.received_at, c.channel, c.topic, sc.full_name, c.status) AS detail, NULL AS parentId`,
    order: 'c.received_at DESC, c.id DESC', school: 'c.school_id', sortKey: `c.received_at || printf(' %012d', c.id)`,
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

/** Live schools whose full name, short name or initials contain `q` (2+ characters): their records match too. */
function schoolsNamed(a: Store, q: string): number[] {
  if ([...q.trim()].length < 2) return [];
  const like = `%${escapeLike(q.trim())}%`;
  const initials = initialsMatch('name_initials', q);
  return prepared(a, `SELECT id FROM schools WHERE deleted_at IS NULL AND (full_name LIKE ? ESCAPE '\\' OR short_name LIKE ? ESCAPE '\\'
    ${initials ? `OR ${initials[0]}` : ''})`).pluck().all(like, like, ...(initials?.[1] ?? [])) as number[];
}

const SNIPPET_BEFORE = 14;
const SNIPPET_AFTER = 36;

/** The first place one of `texts` contains `q` (case folded), with a little text either side. */
export function snippetOf(texts: (string | null | undefined)[], q: string): SearchSnippet | null {
  const term = q.trim().toLowerCase();
  if (!term) return null;
  for (const raw of texts) {
    if (!raw) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    const at = text.toLowerCase().indexOf(term);
    if (at < 0) continue;
    const start = Math.max(0, at - SNIPPET_BEFORE);
    const end = Math.min(text.length, at + term.length + SNIPPET_AFTER);
    return {
      before: `${start > 0 ? '…' : ''}${text.slice(start, at)}`,
      match: text.slice(at, at + term.length),
      after: `${text.slice(at + term.length, end)}${end < text.length ? '…' : ''}`,
    };
  }
  return null;
}

/** A name with its initials, as a snippet shows a match by initials: 清河一小（qhyx）. */
function withInitials(names: (string | null)[], initials: string | null): string[] {
  const parts = (initials ?? '').split(' ');
  return names.map((n, i) => (n && parts[i] ? `${n}（${parts[i]}）` : '')).filter(Boolean);
}

interface Row extends SearchHit { month?: string; sortKey?: string }
interface SnippetText { id: number; ftsText: string | null; schoolFull: string | null; schoolShort: string | null; schoolInitials: string | null; ownInitials: string | null }

/** What each hit's snippet is taken from: its indexed text, its school's names, the initials (one query for a kind's few hits). */
function snippetTexts(a: Store, s: Source, ids: number[]): Map<number, SnippetText> {
  const table = s.from.split(' ').slice(0, 2).join(' ');
  const alias = s.id.split('.')[0];
  const school = s.school ?? (s.kind === 'school' ? s.id : null);
  const sql = `SELECT ${s.id} AS id, (SELECT f.text FROM ${s.fts} f WHERE f.rowid = ${s.id}) AS ftsText,
      ${school ? `x.full_name AS schoolFull, x.short_name AS schoolShort, x.name_initials AS schoolInitials` : 'NULL AS schoolFull, NULL AS schoolShort, NULL AS schoolInitials'},
      ${s.initials ?? 'NULL'} AS ownInitials
    FROM json_each(?) j CROSS JOIN ${table} ON ${alias}.id = j.value ${school ? `LEFT JOIN schools x ON x.id = ${school}` : ''}`;
  return new Map((prepared(a, sql).all(JSON.stringify(ids)) as SnippetText[]).map((r) => [r.id, r]));
}

/** Up to `limit` hits of each kind that has any, with each kind's total (at most SEARCH_COUNT_CAP). */
export function globalSearch(a: Store, q: string, limit: number): SearchResult {
  const groups: SearchResult['groups'] = [];
  const named = schoolsNamed(a, q);
  const namedJson = JSON.stringify(named);
  const initials = initialsMatch('x', q) !== null;
  for (const s of SOURCES) {
    const fts = ftsRows(s.fts, q);
    if (!fts) break; // an empty query (refused by the channel's schema)
    const idCol = s.id.split('.')[1];
    const table = s.from.split(' ')[0];
    // By the record's text, or (people, schools: small tables) its own pinyin initials.
    const own = s.initials && initials ? initialsMatch(s.initials.split('.')[1], q) : null;
    const rows = own ? `${fts[0]} UNION SELECT ${idCol} AS id FROM ${table} WHERE ${own[0]}` : fts[0];
    const params = own ? [...fts[1], ...own[1]] : fts[1];
    // From the matching rowids to the records (CROSS JOIN keeps that order): the LIMIT then stops early.
    const matched = `FROM (${rows}) m CROSS JOIN ${s.from} WHERE ${s.id} = m.id AND ${s.live}`;
    const sortKey = s.sortKey ? `, ${s.sortKey} AS sortKey` : '';
    const nText = prepared(a, `SELECT count(*) FROM (SELECT 1 ${matched} LIMIT ?)`).pluck().get(...params, SEARCH_COUNT_CAP + 1) as number;
    let found: Row[] = [];
    if (nText > 0) {
      // Few matches: sort just those. Many: walk the kind's order and stop at the first `limit` that match.
      const [match] = textMatch(s.fts, s.id, q);
      const where = own ? `(${match} OR ${initialsMatch(s.initials!, q)![0]})` : match;
      const sql = nText > SEARCH_COUNT_CAP
        ? `SELECT ${s.select}${sortKey} FROM ${s.from} WHERE ${s.live} AND ${where} ORDER BY ${s.order} LIMIT ?`
        : `SELECT ${s.select}${sortKey} ${matched} ORDER BY ${s.order} LIMIT ?`;
      found = prepared(a, sql).all(...params, limit) as Row[];
    }
    // A school's records by its names (清河一小): counted and read along the school index, merged with the text matches.
    let n = nText;
    if (s.school && s.sortKey && named.length > 0) {
      const bySchool = `FROM ${s.from} WHERE ${s.live} AND ${s.school} IN (SELECT value FROM json_each(?))`;
      const nSchool = prepared(a, `SELECT count(*) FROM (SELECT 1 ${bySchool} LIMIT ?)`).pluck().get(namedJson, SEARCH_COUNT_CAP + 1) as number;
      const both = nText > SEARCH_COUNT_CAP ? 0
        : prepared(a, `SELECT count(*) ${matched} AND ${s.school} IN (SELECT value FROM json_each(?))`).pluck().get(...params, namedJson) as number;
      n = nText + nSchool - both;
      if (nSchool > 0) {
        const more = prepared(a, `SELECT ${s.select}${sortKey} ${bySchool} ORDER BY ${s.order} LIMIT ?`).all(namedJson, limit) as Row[];
        const seen = new Set(found.map((r) => r.id));
        found = [...found, ...more.filter((r) => !seen.has(r.id))]
          .sort((x, y) => (x.sortKey! < y.sortKey! ? 1 : x.sortKey! > y.sortKey! ? -1 : 0)).slice(0, limit);
      }
    }
    if (n === 0) continue;
    const texts = snippetTexts(a, s, found.map((r) => r.id));
    const hits = found.map((r): SearchHit => {
      const t = texts.get(r.id);
      return {
        kind: s.kind, id: r.id, title: clip(r.title),
        detail: r.month ? `${monthLabel(r.month)} · ${r.detail}` : r.detail, parentId: r.parentId,
        snippet: snippetOf([
          t?.ftsText,
          t?.schoolFull && (t.schoolShort ? `${t.schoolFull}（${t.schoolShort}）` : t.schoolFull),
          ...withInitials(s.kind === 'supervisor' ? [r.title] : [t?.schoolFull ?? null, t?.schoolShort ?? null],
            (s.kind === 'supervisor' ? t?.ownInitials : t?.schoolInitials) ?? null),
        ], q),
      };
    });
    groups.push({ kind: s.kind, label: SEARCH_KIND_LABELS[s.kind], hits, total: Math.min(n, SEARCH_COUNT_CAP), more: n > SEARCH_COUNT_CAP });
  }
  return { groups };
}
