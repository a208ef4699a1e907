/**
 * 督导大事记: the year's entries (day, month-only 是月, or year-only 是年), candidates collected from
 * the archive for the user to accept or reject. The document (list or table form) is electron/documents/chronicle.ts.
 */
import type { Store } from './store';
import { prepared } from './statements';
import { nowText, thisMonth, todayText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { getSettings } from './settings';
import { noticesByMonth } from './figures';
import { AppError } from '../../shared/result';
import type {
  CandidateKey, ChronicleCandidate, ChronicleEntryFields, ChronicleEntryRow, ChronicleGroup,
} from '../../shared/schemas/chronicle';
import { issueLabel } from '../../shared/labels';

const SELECT = `SELECT id, year, precision, date, text, source_kind AS sourceKind, source_id AS sourceId FROM chronicle_entries`;
/** Print order: by month, a month's 是月 entries after its days, 是年 entries last. */
const ORDER = `ORDER BY precision = 'year', substr(date, 1, 7), precision = 'month', date, id`;

export function listChronicle(a: Store, year: number): ChronicleEntryRow[] {
  return prepared(a, `${SELECT} WHERE deleted_at IS NULL AND year = ? ${ORDER}`).all(year) as ChronicleEntryRow[];
}

function getEntry(a: Store, id: number): ChronicleEntryRow {
  const r = a.db.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as ChronicleEntryRow | undefined;
  if (!r) throw new AppError('not_found', '该条大事记不存在或已被删除，请刷新后重试。');
  return r;
}

/** The date must match its precision and lie in the entry's year. */
function checkDate(f: ChronicleEntryFields): void {
  const shape = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ }[f.precision];
  const example = { day: `${f.year}-03-12`, month: `${f.year}-03（是月）`, year: `${f.year}（是年）` }[f.precision];
  const m = Number(f.date.slice(5, 7));
  const valid = shape.test(f.date)
    && (f.precision === 'year' || (m >= 1 && m <= 12))
    && (f.precision !== 'day' || (!Number.isNaN(Date.parse(f.date)) && new Date(f.date).toISOString().slice(0, 10) === f.date));
  if (!valid) throw new AppError('invalid', `「日期」格式不对，应为 ${example}。`, 'date');
  if (Number(f.date.slice(0, 4)) !== f.year) throw new AppError('invalid', `「日期」不在${f.year}年内，请改为${f.year}年的日期，或换到对应年份的大事记。`, 'date');
}

const short = (t: string) => ([...t].length > 24 ? `${[...t].slice(0, 24).join('')}…` : t);

export function saveChronicle(a: Store, id: number | undefined, f: ChronicleEntryFields): ChronicleEntryRow {
  checkDate(f);
  if ((f.sourceKind === null) !== (f.sourceId === null)) throw new AppError('invalid', '「来源」记录不完整，请重新从候选条目中采纳。', 'sourceId');
  return a.db.transaction(() => {
    const at = nowText();
    if (f.sourceKind) {
      const dup = a.db.prepare(`SELECT id FROM chronicle_entries WHERE deleted_at IS NULL AND source_kind = ? AND source_id = ? AND id <> ?`)
        .pluck().get(f.sourceKind, f.sourceId, id ?? 0);
      if (dup) throw new AppError('conflict', '这条候选已被采纳为大事记，请刷新后查看。');
    }
    if (id) {
      getEntry(a, id);
      a.db.prepare(`UPDATE chronicle_entries SET year = ?, precision = ?, date = ?, text = ?, source_kind = ?, source_id = ?, updated_at = ?
        WHERE id = ?`).run(f.year, f.precision, f.date, f.text, f.sourceKind, f.sourceId, at, id);
      audit(a, '修改', 'chronicleEntry', id, `修改${f.year}年大事记「${short(f.text)}」`);
      return getEntry(a, id);
    }
    const res = a.db.prepare(`INSERT INTO chronicle_entries (year, precision, date, text, source_kind, source_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(f.year, f.precision, f.date, f.text, f.sourceKind, f.sourceId, at, at);
    const newId = Number(res.lastInsertRowid);
    audit(a, '新增', 'chronicleEntry', newId, `${f.sourceKind ? '采纳' : '新增'}${f.year}年大事记「${short(f.text)}」`);
    return getEntry(a, newId);
  })();
}

export function deleteChronicle(a: Store, id: number): number {
  const e = getEntry(a, id);
  return moveToBin(a, 'chronicleEntry', id, `${e.date} ${short(e.text)}`);
}

export function rejectCandidate(a: Store, year: number, sourceKind: string, sourceId: number): void {
  a.db.transaction(() => {
    // The candidate as the page showed it, not its internal kind and id.
    const candidate = chronicleCandidates(a, year).find((c) => c.sourceKind === sourceKind && c.sourceId === sourceId);
    a.db.prepare('INSERT OR IGNORE INTO chronicle_rejections (year, source_kind, source_id) VALUES (?, ?, ?)').run(year, sourceKind, sourceId);
    audit(a, '忽略', 'chronicleEntry', null, `${year}年大事记不采纳候选${candidate ? `「${short(candidate.text)}」` : ''}`);
  })();
}

const keyOf = (c: CandidateKey) => `${c.sourceKind}:${c.sourceId}`;

/** The year's candidates named by `keys` that are still proposed (one accepted or ignored meanwhile is left out). */
function chosen(a: Store, year: number, keys: CandidateKey[]): ChronicleCandidate[] {
  const wanted = new Set(keys.map(keyOf));
  return chronicleCandidates(a, year).filter((c) => wanted.has(keyOf(c)));
}

/** Accept many candidates as proposed, in one transaction with one audit line; returns the new entries' ids. */
export function acceptCandidates(a: Store, year: number, keys: CandidateKey[]): { entryIds: number[]; skipped: number } {
  return a.db.transaction(() => {
    const list = chosen(a, year, keys);
    const at = nowText();
    const insert = a.db.prepare(`INSERT INTO chronicle_entries (year, precision, date, text, source_kind, source_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const entryIds = list.map((c) => Number(insert.run(year, c.precision, c.date, c.text, c.sourceKind, c.sourceId, at, at).lastInsertRowid));
    if (entryIds.length) audit(a, '新增', 'chronicleEntry', null, `${year}年大事记一次采纳候选${entryIds.length}条`, { entryIds });
    return { entryIds, skipped: keys.length - list.length };
  })();
}

/** Ignore many candidates, in one transaction with one audit line. */
export function rejectCandidates(a: Store, year: number, keys: CandidateKey[]): { rejected: number } {
  return a.db.transaction(() => {
    const list = chosen(a, year, keys);
    const insert = a.db.prepare('INSERT OR IGNORE INTO chronicle_rejections (year, source_kind, source_id) VALUES (?, ?, ?)');
    for (const c of list) insert.run(year, c.sourceKind, c.sourceId);
    if (list.length) audit(a, '忽略', 'chronicleEntry', null, `${year}年大事记一次不采纳候选${list.length}条`, { candidates: list.map(keyOf) });
    return { rejected: list.length };
  })();
}

/**
 * Undo the last action on the candidates: the entries it added are taken out again (only those still as
 * added: an entry edited since is kept, and counted), and the candidates it ignored are proposed again.
 * The entries were made by that action moments before, so they are removed rather than binned; the audit
 * line names them.
 */
export function undoCandidates(a: Store, year: number, entryIds: number[], rejected: CandidateKey[]): { removed: number; restored: number; kept: number } {
  return a.db.transaction(() => {
    const rows = entryIds.length ? a.db.prepare(`SELECT id, text FROM chronicle_entries WHERE id IN (SELECT value FROM json_each(?))
      AND year = ? AND deleted_at IS NULL AND source_kind IS NOT NULL AND updated_at = created_at`).all(JSON.stringify(entryIds), year) as { id: number; text: string }[] : [];
    const remove = a.db.prepare('DELETE FROM chronicle_entries WHERE id = ?');
    for (const r of rows) remove.run(r.id);
    const restore = a.db.prepare('DELETE FROM chronicle_rejections WHERE year = ? AND source_kind = ? AND source_id = ?');
    const restored = rejected.reduce((n, k) => n + restore.run(year, k.sourceKind, k.sourceId).changes, 0);
    if (rows.length || restored) {
      audit(a, '撤销', 'chronicleEntry', null, `${year}年大事记撤销上一步：移出刚采纳的${rows.length}条，恢复候选${restored}条`,
        { removed: rows.map((r) => `${r.id} ${short(r.text)}`), restored: rejected.map(keyOf) });
    }
    return { removed: rows.length, restored, kept: entryIds.length - rows.length };
  })();
}

// ---- Candidates ----

const cand = (year: number, date: string, text: string, sourceKind: string, sourceId: number, sourceLabel: string, group: ChronicleGroup): ChronicleCandidate => ({
  year, precision: date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year', date, text, sourceKind, sourceId, sourceLabel, group,
});

/** Up to three names, then 等N所. */
function schoolNames(names: string[]): string {
  return names.length <= 3 ? names.join('、') : `${names.slice(0, 3).join('、')}等${names.length}所学校`;
}

/** Calendar text compared as written, less spaces and closing punctuation. */
const contentKey = (t: string) => t.replace(/\s+/g, '').replace(/[。；;，,]+$/, '');

/** A 行事历 item that repeats: 经常性, or the same work in three or more months of the year (a monthly meeting). */
const REPEATED_MONTHS = 3;

/**
 * What the archive suggests for the year, in date order, less what was already accepted or rejected,
 * in groups: 行事历 items done (and meetings and trainings held), special and comprehensive visits (one
 * per theme and date), briefings issued, notices issued (one line a month), and the routine work — the
 * repeated 行事历 items and the 经常性 visits — as one 是月 line for each month that has ended.
 */
export function chronicleCandidates(a: Store, year: number): ChronicleCandidate[] {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const today = todayText();
  const out: ChronicleCandidate[] = [];

  const items = a.db.prepare(`SELECT i.id, i.content, i.category, i.month, coalesce(i.end_date, i.start_date) AS day,
      (i.status = '已完成' OR (i.category IN ('会议', '培训') AND i.status <> '取消' AND coalesce(i.end_date, i.start_date, i.month || '-31') <= ?)) AS held
    FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
    WHERE i.deleted_at IS NULL AND i.month >= ? AND i.month < ? ORDER BY i.month, i.seq, i.id`)
    .all(today, `${year}-01`, `${year + 1}-01`) as { id: number; content: string; category: string; month: string; day: string | null; held: number }[];
  const monthsOf = new Map<string, Set<string>>();
  for (const i of items) monthsOf.set(contentKey(i.content), (monthsOf.get(contentKey(i.content)) ?? new Set()).add(i.month));
  const routine = (i: (typeof items)[number]) => i.category === '经常性' || monthsOf.get(contentKey(i.content))!.size >= REPEATED_MONTHS;
  const routineOf = new Map<string, string[]>();
  for (const i of items.filter((x) => x.held)) {
    if (routine(i)) {
      const list = routineOf.get(i.month) ?? [];
      if (!list.includes(i.content.trim())) routineOf.set(i.month, [...list, i.content.trim()]);
      continue;
    }
    const date = i.day && i.day.startsWith(String(year)) ? i.day : i.month;
    out.push(cand(year, date, i.content, 'calendarItem', i.id, i.category ? `行事历·${i.category}` : '行事历', 'calendar'));
  }

  // Routine work, one 是月 line a month once the month has ended: the repeated items held, then the 经常性 visits.
  const regular = new Map((a.db.prepare(`SELECT substr(v.date, 1, 7) AS month, count(*) AS n, count(DISTINCT v.school_id) AS schools
    FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.type = '经常性' AND v.date >= ? AND v.date < ? GROUP BY 1`).all(from, to) as
    { month: string; n: number; schools: number }[]).map((r) => [r.month, r]));
  for (const month of [...new Set([...routineOf.keys(), ...regular.keys()])].sort()) {
    if (month >= thisMonth()) continue;
    const v = regular.get(month);
    const parts = [...(routineOf.get(month) ?? []).map((t) => t.replace(/[。；;，,]+$/, '')),
      ...(v ? [`全月开展经常性督导${v.n}次，覆盖学校${v.schools}所`] : [])];
    out.push(cand(year, month, parts.join('；'), 'routineMonth', Number(month.replace('-', '')), '例行工作', 'routine'));
  }

  const visits = a.db.prepare(`SELECT min(v.id) AS id, v.type, v.date, nullif(trim(coalesce(v.theme, '')), '') AS theme,
      group_concat(s.full_name, '、') AS names
    FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.type IN ('专项', '综合') AND v.date >= ? AND v.date < ?
    GROUP BY v.type, v.date, theme`).all(from, to) as { id: number; type: string; date: string; theme: string | null; names: string }[];
  for (const v of visits) {
    const names = schoolNames([...new Set(v.names.split('、'))]);
    const text = v.type === '专项'
      ? `开展${v.theme ? `“${v.theme.replace(/专项督导$/, '')}”` : ''}专项督导，督导${names}`
      : `对${names}开展综合督导${v.theme ? `（${v.theme}）` : ''}`;
    out.push(cand(year, v.date.slice(0, 10), text, 'visit', v.id, `督导记录·${v.type}`, 'visit'));
  }

  const name = getSettings(a).briefingName;
  const briefings = a.db.prepare(`SELECT id, issue_date AS date, issue_no AS issueNo, total_no AS totalNo FROM briefings
    WHERE deleted_at IS NULL AND status = '已印发' AND year = ?`).all(year) as { id: number; date: string; issueNo: number; totalNo: number }[];
  // Ends with 。 itself: the document adds one only after text that does not end in punctuation or a bracket.
  for (const b of briefings) {
    out.push(cand(year, b.date, `印发《${name}》${issueLabel(year, b.issueNo, b.totalNo)}。`, 'briefing', b.id, '简报', 'briefing'));
  }

  // One line a month, counted as the month's figures count notices (./figures.ts); the month (yyyymm) is
  // the source id, so accepting or rejecting it sticks.
  for (const n of noticesByMonth(a, year)) {
    out.push(cand(year, n.month, `向${n.noticeSchools}所学校下发整改通知书${n.notices}份`, 'noticeMonth', Number(n.month.replace('-', '')), '整改通知书', 'notice'));
  }

  const taken = new Set([
    ...(a.db.prepare('SELECT source_kind, source_id FROM chronicle_entries WHERE deleted_at IS NULL AND source_kind IS NOT NULL').raw().all() as [string, number][]),
    ...(a.db.prepare('SELECT source_kind, source_id FROM chronicle_rejections WHERE year = ?').raw().all(year) as [string, number][]),
  ].map(([k, i]) => `${k}:${i}`));
  const order = (c: ChronicleCandidate) => `${c.date.slice(0, 7)}${c.precision === 'month' ? '-99' : c.date.slice(7)}`;
  return out.filter((c) => !taken.has(`${c.sourceKind}:${c.sourceId}`)).sort((x, y) => order(x).localeCompare(order(y)));
}
