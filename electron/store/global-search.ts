import type { Store } from './store';
import { rows as queryRows, value, values } from './statements';
import { escapeLike, ftsRows, initialsMatch, matchText, type FtsTable } from './search';
import { sql, sqlFragment, sqlName, type SqlFragment } from './sql';
import {
  SEARCH_COUNT_CAP, SEARCH_KIND_LABELS, type SearchHit, type SearchKind, type SearchResult, type SearchSnippet,
} from '../../shared/schemas/dashboard';
import { monthLabel } from '../../shared/dates';


// The header's one search box: every kind's FTS table (see matchText), live rows only (and only rows
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
  fts: FtsTable;
  /** The id column the FTS rowid matches (alias.column). */
  id: string;
  /** The kind's table (first) and its joins. */
  from: SqlFragment;
  /** The kind's table alone, with its alias. */
  table: SqlFragment;
  /** The live conditions. */
  live: SqlFragment;
  select: SqlFragment;
  order: SqlFragment;
  /** The record's school column: its records match the school's names too. */
  school?: string;
  /** With `school`: the order as one text, compared in JS to merge the two kinds of match (all such orders are newest first). */
  sortKey?: SqlFragment;
  /** The kind's own pinyin initials column (people and schools). */
  initials?: string;
}

const SOURCES: Source[] = [
  {
    kind: 'supervisor', fts: 'supervisors_fts', id: 'p.id',
    from: sqlFragment`supervisors p`, live: sqlFragment`p.deleted_at IS NULL`,
    select: sqlFragment`p.id, p.name AS title, concat_ws(' · ', p.category, p.unit, p.position) AS detail, NULL AS parentId`,
    order: sqlFragment`p.name_pinyin, p.id`, table: sqlFragment`supervisors p`, initials: 'name_initials',
  },
  {
    kind: 'school', fts: 'schools_fts', id: 'sc.id',
    from: sqlFragment`schools sc LEFT JOIN zones z ON z.id = sc.zone_id AND z.deleted_at IS NULL`, live: sqlFragment`sc.deleted_at IS NULL`,
    select: sqlFragment`sc.id, sc.full_name AS title, concat_ws(' · ', sc.type, sc.nature, coalesce(z.name, '未分责任区')) AS detail, NULL AS parentId`,
    order: sqlFragment`sc.name_pinyin, sc.id`, table: sqlFragment`schools sc`, initials: 'name_initials',
  },
  {
    kind: 'visit', fts: 'visits_fts', id: 'v.id',
    from: sqlFragment`visits v JOIN schools sc ON sc.id = v.school_id AND sc.deleted_at IS NULL`, live: sqlFragment`v.deleted_at IS NULL`,
    select: sqlFragment`v.id, v.date || ' ' || sc.full_name AS title, concat_ws(' · ', v.type || '督导', v.theme) AS detail, NULL AS parentId`,
    order: sqlFragment`v.date DESC, v.id DESC`, table: sqlFragment`visits v`,
    school: 'v.school_id', sortKey: sqlFragment`v.date || printf(' %012d', v.id)`,
  },
  {
    kind: 'problem', fts: 'problems_fts', id: 'pr.id',
    // A school's problems and (督政) a unit's.
    from: sqlFragment`problems pr LEFT JOIN schools sc ON sc.id = pr.school_id AND sc.deleted_at IS NULL
      LEFT JOIN units u ON u.id = pr.unit_id AND u.deleted_at IS NULL`, live: sqlFragment`pr.deleted_at IS NULL AND (sc.id IS NOT NULL OR u.id IS NOT NULL)`,
    select: sqlFragment`pr.id, pr.description AS title, concat_ws(' · ', coalesce(sc.full_name, u.name), pr.category, pr.status) AS detail, NULL AS parentId`,
    order: sqlFragment`pr.raised_at DESC, pr.id DESC`, table: sqlFragment`problems pr`,
    school: 'pr.school_id', sortKey: sqlFragment`pr.raised_at || printf(' %012d', pr.id)`,
  },
  {
    kind: 'complaint', fts: 'complaints_fts', id: 'c.id',
    from: sqlFragment`complaints c LEFT JOIN schools sc ON sc.id = c.school_id AND sc.deleted_at IS NULL`, live: sqlFragment`c.deleted_at IS NULL`,
    select: sqlFragment`c.id, c.content AS title, concat_ws(' · ', c.received_at, c.channel, c.topic, sc.full_name, c.status) AS detail, NULL AS parentId`,
    order: sqlFragment`c.received_at DESC, c.id DESC`, table: sqlFragment`complaints c`,
    school: 'c.school_id', sortKey: sqlFragment`c.received_at || printf(' %012d', c.id)`,
  },
  {
    kind: 'calendarItem', fts: 'calendar_items_fts', id: 'i.id',
    from: sqlFragment`calendar_items i JOIN calendars cal ON cal.id = i.calendar_id AND cal.deleted_at IS NULL`, live: sqlFragment`i.deleted_at IS NULL`,
    select: sqlFragment`i.id, i.content AS title, i.month AS month, concat_ws(' · ', cal.title, i.category, i.owner, i.status) AS detail, cal.id AS parentId`,
    order: sqlFragment`i.month DESC, i.seq, i.id`, table: sqlFragment`calendar_items i`,
  },
  {
    // 历年档案: title, kind, file name and the text inside a .docx.
    kind: 'legacyFile', fts: 'legacy_files_fts', id: 'l.id',
    from: sqlFragment`legacy_files l`, live: sqlFragment`l.deleted_at IS NULL`,
    select: sqlFragment`l.id, l.title AS title, concat_ws(' · ', l.year || '年', l.kind, l.file_name) AS detail, NULL AS parentId`,
    order: sqlFragment`l.year DESC, l.id DESC`, table: sqlFragment`legacy_files l`,
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
  return values<number>(a, sql`SELECT id FROM schools WHERE deleted_at IS NULL AND (full_name LIKE ${like} ESCAPE '\\'
    OR short_name LIKE ${like} ESCAPE '\\' ${initials ? sqlFragment`OR ${initials}` : sqlFragment``})`);
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
  const id = sqlName(s.id);
  const school = s.school ? sqlName(s.school) : s.kind === 'school' ? id : null;
  const own = s.initials ? sqlName(`${s.id.split('.')[0]}.${s.initials}`) : sqlFragment`NULL`;
  const found = queryRows<SnippetText>(a, sql`SELECT ${id} AS id, (SELECT f.text FROM ${sqlName(s.fts)} f WHERE f.rowid = ${id}) AS ftsText,
      ${school ? sqlFragment`x.full_name AS schoolFull, x.short_name AS schoolShort, x.name_initials AS schoolInitials`
    : sqlFragment`NULL AS schoolFull, NULL AS schoolShort, NULL AS schoolInitials`},
      ${own} AS ownInitials
    FROM json_each(${JSON.stringify(ids)}) j CROSS JOIN ${s.table} ON ${id} = j.value ${school ? sqlFragment`LEFT JOIN schools x ON x.id = ${school}` : sqlFragment``}`);
  return new Map(found.map((r) => [r.id, r]));
}

/** Up to `limit` hits of each kind that has any, with each kind's total (at most SEARCH_COUNT_CAP). */
export function globalSearch(a: Store, q: string, limit: number): SearchResult {
  const groups: SearchResult['groups'] = [];
  const named = schoolsNamed(a, q);
  const namedJson = JSON.stringify(named);
  for (const s of SOURCES) {
    const fts = ftsRows(s.fts, q);
    if (!fts) break; // an empty query (refused by the channel's schema)
    const id = sqlName(s.id);
    // By the record's text, or (people, schools: small tables) its own pinyin initials.
    const own = s.initials ? initialsMatch(s.initials, q) : null;
    const ownQualified = s.initials ? initialsMatch(`${s.id.split('.')[0]}.${s.initials}`, q) : null;
    const rows = own ? sqlFragment`${fts} UNION SELECT ${sqlName(s.id.split('.')[1])} AS id FROM ${s.table} WHERE ${own}` : fts;
    // From the matching rowids to the records (CROSS JOIN keeps that order): the LIMIT then stops early.
    const matched = sqlFragment`FROM (${rows}) m CROSS JOIN ${s.from} WHERE ${id} = m.id AND ${s.live}`;
    const sortKey = s.sortKey ? sqlFragment`, ${s.sortKey} AS sortKey` : sqlFragment``;
    const nText = value<number>(a, sql`SELECT count(*) FROM (SELECT 1 ${matched} LIMIT ${SEARCH_COUNT_CAP + 1})`);
    let found: Row[] = [];
    if (nText > 0) {
      // Few matches: sort just those. Many: walk the kind's order and stop at the first `limit` that match.
      const match = matchText(s.fts, s.id, q);
      const where = ownQualified ? sqlFragment`(${match} OR ${ownQualified})` : match;
      found = queryRows<Row>(a, nText > SEARCH_COUNT_CAP
        ? sql`SELECT ${s.select}${sortKey} FROM ${s.from} WHERE ${s.live} AND ${where} ORDER BY ${s.order} LIMIT ${limit}`
        : sql`SELECT ${s.select}${sortKey} ${matched} ORDER BY ${s.order} LIMIT ${limit}`);
    }
    // A school's records by its names (清河一小): counted and read along the school index, merged with the text matches.
    let n = nText;
    if (s.school && s.sortKey && named.length > 0) {
      const school = sqlName(s.school);
      const bySchool = sqlFragment`FROM ${s.from} WHERE ${s.live} AND ${school} IN (SELECT value FROM json_each(${namedJson}))`;
      const nSchool = value<number>(a, sql`SELECT count(*) FROM (SELECT 1 ${bySchool} LIMIT ${SEARCH_COUNT_CAP + 1})`);
      const both = nText > SEARCH_COUNT_CAP ? 0
        : value<number>(a, sql`SELECT count(*) ${matched} AND ${school} IN (SELECT value FROM json_each(${namedJson}))`);
      n = nText + nSchool - both;
      if (nSchool > 0) {
        const more = queryRows<Row>(a, sql`SELECT ${s.select}${sortKey} ${bySchool} ORDER BY ${s.order} LIMIT ${limit}`);
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
