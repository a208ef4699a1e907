/**
 * What is still open in a year, for the check before it is archived: notices under rectification,
 * problems not 销号 (outside those notices), complaints not 办结, briefings and pieces still drafts,
 * calendar items not done. Each list counts records as their own pages do (live rows, live schools
 * and calendars) and carries what a link to the record needs.
 */
import type { Store } from './store';
import { sql, sqlFragment, type SqlFragment } from './sql';
import { rows } from './statements';
import { itemsRunningIn } from './calendars';
import { monthLabel } from '../../shared/dates';
import { noticeNumberText } from '../../shared/labels';
import {
  CARRIED_OVER, OPEN_WORK_KINDS, OPEN_WORK_LABELS, OPEN_WORK_SHOWN, type OpenWorkGroup, type OpenWorkItem, type OpenWorkKind,
} from '../../shared/schemas/year-close';

const short = (t: string, n = 30) => ([...t].length > n ? `${[...t].slice(0, n).join('')}…` : t);

type Row = OpenWorkItem & { total: number };

/** The open records of one kind: `select` gives id, parentId, title, status, date (and what `title` needs) over `from`. */
function listed<T extends object = object>(a: Store, select: SqlFragment, from: SqlFragment, order: SqlFragment): (Row & T)[] {
  return rows<Row & T>(a, sql`SELECT ${select}, count(*) OVER () AS total ${from} ORDER BY ${order} LIMIT ${OPEN_WORK_SHOWN}`);
}

function queries(year: number): Record<OpenWorkKind, (a: Store) => Row[]> {
  const from = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  // A notice of the year with a live problem not 销号: under rectification, or waiting for its 回查.
  const NOTICE_OPEN = sqlFragment`EXISTS (SELECT 1 FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL AND p.status <> '已销号')`;
  return {
    notice: (a) => listed<{ number: number; school: string }>(a, sqlFragment`n.id, NULL AS parentId, n.number, sc.full_name AS school,
        CASE WHEN EXISTS (SELECT 1 FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL AND p.status IN ('待整改', '整改中'))
          THEN '整改中' ELSE '待回查' END AS status, n.deadline_date AS date`,
      sqlFragment`FROM notices n JOIN schools sc ON sc.id = n.school_id AND sc.deleted_at IS NULL
        WHERE n.deleted_at IS NULL AND n.year = ${year} AND ${NOTICE_OPEN}`, sqlFragment`n.number`)
      .map((r) => ({ ...r, title: `整改通知书${noticeNumberText(year, r.number)}（${r.school}）` })),
    problem: (a) => listed(a, sqlFragment`p.id, NULL AS parentId, sc.full_name || '：' || p.description AS title, p.status, p.raised_at AS date`,
      sqlFragment`FROM problems p JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL
        WHERE p.deleted_at IS NULL AND p.raised_at >= ${from} AND p.raised_at < ${end} AND p.status <> '已销号'
          AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = p.notice_id AND n.deleted_at IS NULL AND n.year = ${year})`,
      sqlFragment`p.raised_at, p.id`),
    complaint: (a) => listed(a, sqlFragment`c.id, NULL AS parentId, c.topic || '：' || c.content AS title, c.status, substr(c.received_at, 1, 10) AS date`,
      sqlFragment`FROM complaints c WHERE c.deleted_at IS NULL AND c.received_at >= ${from} AND c.received_at < ${end} AND c.status <> '已办结'`,
      sqlFragment`c.received_at, c.id`),
    briefing: (a) => listed(a, sqlFragment`b.id, NULL AS parentId, coalesce(nullif(trim(b.title), ''), '督导工作简报') AS title, b.status, b.month AS date`,
      sqlFragment`FROM briefings b WHERE b.deleted_at IS NULL AND b.status <> '已印发'
        AND coalesce(b.year, CAST(substr(b.month, 1, 4) AS INTEGER)) = ${year}`, sqlFragment`b.month, b.id`)
      .map((r) => ({ ...r, title: `${monthLabel(r.date)}：${r.title}` })),
    piece: (a) => listed(a, sqlFragment`pc.id, NULL AS parentId, pc.kind || '《' || pc.title || '》' AS title, pc.status, CAST(pc.year AS TEXT) AS date`,
      sqlFragment`FROM pieces pc WHERE pc.deleted_at IS NULL AND pc.year = ${year} AND pc.status = '草稿'`, sqlFragment`pc.id`),
    calendarItem: (a) => listed(a, sqlFragment`i.id, i.calendar_id AS parentId, c.title || '：' || i.content AS title, i.status, i.month AS date`,
      sqlFragment`FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
        WHERE i.deleted_at IS NULL AND ${itemsRunningIn(`${year}-01`, `${year}-12`)} AND i.status IN ('未开始', '进行中')`,
      sqlFragment`i.month, c.start_month DESC, c.id, i.seq, i.id`),
  };
}

/** The year's open work, by kind (kinds with nothing open left out), and the number of items in all. */
export function openWork(a: Store, year: number): { openWork: number; groups: OpenWorkGroup[] } {
  const q = queries(year);
  const groups = OPEN_WORK_KINDS.map((kind): OpenWorkGroup => {
    const found = q[kind](a);
    return {
      kind, label: OPEN_WORK_LABELS[kind], total: found[0]?.total ?? 0, carriedOver: CARRIED_OVER.includes(kind),
      items: found.map(({ id, parentId, title, status, date }) => ({ id, parentId, title: short(title), status, date })),
    };
  }).filter((g) => g.total > 0);
  return { openWork: groups.reduce((n, g) => n + g.total, 0), groups };
}
