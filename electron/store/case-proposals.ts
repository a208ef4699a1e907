/**
 * Cases the records suggest, for the user to pick and turn into drafts: a school's 亮点 of the year (the
 * highlights its visit records name), and a notice whose 整改 ran its course (report, 回查, 销号),
 * those sent back after a failed 回查 first. A draft is written from the records' own words under the
 * usual headings, with the school and an author (the supervisor who knows it best) set; it names its
 * source, so the record is not proposed again while the draft is live.
 */
import type { Store } from './store';
import { sql } from './sql';
import { rows, values } from './statements';
import { dateInWords } from '../../shared/dates';
import { noticeNumberText } from '../../shared/labels';
import { AppError } from '../../shared/result';
import type { Block } from '../../shared/schemas/blocks';
import type { CaseProposal, Piece, PieceFields } from '../../shared/schemas/piece';
import { getPiece, insertPiece } from './pieces';

type SourceKind = CaseProposal['sourceKind'];

/** Sources of the year already drafted (live pieces of that year). */
function drafted(a: Store, year: number, kind: SourceKind): Set<number> {
  return new Set(values<number>(a, sql`SELECT source_id FROM pieces WHERE deleted_at IS NULL AND year = ${year} AND source_kind = ${kind}`));
}

const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const sentence = (t: string) => (/[。！？；]$/.test(t.trim()) ? t.trim() : `${t.trim()}。`);

// ---- Schools' 亮点 ----

interface Highlight { date: string; type: string; highlight: string }

function highlightsOf(a: Store, schoolId: number, year: number): Highlight[] {
  return rows<Highlight>(a, sql`SELECT v.date, v.type, trim(v.highlight) AS highlight FROM visits v
    WHERE v.deleted_at IS NULL AND v.school_id = ${schoolId} AND v.date >= ${`${year}-01-01`} AND v.date < ${`${year + 1}-01-01`}
      AND trim(coalesce(v.highlight, '')) <> '' ORDER BY v.date, v.id`);
}

/** The same highlight once, with the days it was seen. */
function distinct(hs: Highlight[]): { text: string; days: string[] }[] {
  const by = new Map<string, { text: string; days: string[] }>();
  for (const h of hs) {
    const key = h.highlight.replace(/[\s。；;，,]+$/g, '');
    const seen = by.get(key) ?? { text: h.highlight, days: [] };
    seen.days.push(`${monthDay(h.date)}${h.type}督导`);
    by.set(key, seen);
  }
  return [...by.values()];
}

function schoolProposals(a: Store, year: number): CaseProposal[] {
  const done = drafted(a, year, 'school');
  const list = rows<{ id: number; name: string; visits: number; kinds: number; last: string }>(a, sql`SELECT s.id, s.full_name AS name,
      count(*) AS visits, count(DISTINCT trim(v.highlight)) AS kinds, max(v.date) AS last
    FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.date >= ${`${year}-01-01`} AND v.date < ${`${year + 1}-01-01`} AND trim(coalesce(v.highlight, '')) <> ''
    GROUP BY s.id ORDER BY kinds DESC, visits DESC, s.name_pinyin`);
  return list.filter((s) => !done.has(s.id)).map((s) => ({
    sourceKind: 'school', sourceId: s.id, title: `${s.name}督导亮点纪实`, schoolName: s.name,
    summary: `${s.visits}次督导记录了亮点（${s.kinds}条不同做法）`, date: s.last,
  }));
}

function schoolDraft(a: Store, schoolId: number, year: number): { fields: Omit<PieceFields, 'kind' | 'year'>; label: string } {
  const s = rows<{ name: string; type: string; nature: string; urbanRural: string | null }>(a, sql`SELECT full_name AS name, type, nature,
    urban_rural AS urbanRural FROM schools WHERE id = ${schoolId} AND deleted_at IS NULL`)[0];
  const hs = s ? highlightsOf(a, schoolId, year) : [];
  if (!s || hs.length === 0) throw new AppError('not_found', '所选学校已被删除，或这一年已没有记录亮点的督导记录，请刷新后重新选择。', 'sources');
  // The supervisor who visited it most that year.
  const author = values<number>(a, sql`SELECT vs.supervisor_id FROM visits v JOIN visit_supervisors vs ON vs.visit_id = v.id
    JOIN supervisors su ON su.id = vs.supervisor_id AND su.deleted_at IS NULL
    WHERE v.deleted_at IS NULL AND v.school_id = ${schoolId} AND v.date >= ${`${year}-01-01`} AND v.date < ${`${year + 1}-01-01`}
    GROUP BY vs.supervisor_id ORDER BY count(*) DESC, vs.supervisor_id LIMIT 1`)[0] ?? null;
  const about = [s.type, s.nature, s.urbanRural ? `${s.urbanRural}学校` : null].filter(Boolean).join('、');
  const body: Block[] = [
    { type: 'heading', level: 1, text: '一、学校基本情况' },
    { type: 'paragraph', runs: [{ text: `${s.name}（${about}）。${year}年，督学到校开展督导${hs.length}次并记录了亮点。` }] },
    { type: 'heading', level: 1, text: '二、督导中看到的亮点' },
    { type: 'list', ordered: true, items: distinct(hs).map((h) => `${sentence(h.text)}（${h.days.join('、')}）`) },
  ];
  return { fields: { title: `${s.name}督导亮点纪实`, authorId: author, authorName: null, schoolId, status: '草稿', body }, label: `${s.name}的督导亮点` };
}

// ---- Notices' 整改 ----

interface NoticeRow { id: number; number: number; school: string; schoolId: number; problems: number; returned: number; closed: string }

/** Notices of the year all of whose live problems are 销号, with the school's 整改报告. */
function closedNotices(a: Store, year: number, id?: number): NoticeRow[] {
  return rows<NoticeRow>(a, sql`SELECT n.id, n.number, s.full_name AS school, s.id AS schoolId,
      (SELECT count(*) FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL) AS problems,
      (SELECT count(*) FROM rechecks r WHERE r.notice_id = n.id AND r.result = '未通过') AS returned,
      (SELECT max(p.closed_at) FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL) AS closed
    FROM notices n JOIN schools s ON s.id = n.school_id AND s.deleted_at IS NULL
    WHERE n.deleted_at IS NULL AND n.year = ${year} AND trim(coalesce(n.report_text, '')) <> '' AND (${id ?? null} IS NULL OR n.id = ${id ?? null})
      AND EXISTS (SELECT 1 FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL)
      AND NOT EXISTS (SELECT 1 FROM problems p WHERE p.notice_id = n.id AND p.deleted_at IS NULL AND p.status <> '已销号')
    ORDER BY returned > 0 DESC, problems DESC, n.number`);
}

function noticeProposals(a: Store, year: number): CaseProposal[] {
  const done = drafted(a, year, 'notice');
  return closedNotices(a, year).filter((n) => !done.has(n.id)).map((n) => ({
    sourceKind: 'notice', sourceId: n.id, title: `${n.school}问题整改纪实（${noticeNumberText(year, n.number)}）`, schoolName: n.school,
    summary: `${n.problems}个问题，${n.returned ? `经${n.returned}次回查退回后` : ''}整改销号`, date: n.closed.slice(0, 10),
  }));
}

function noticeDraft(a: Store, noticeId: number, year: number): { fields: Omit<PieceFields, 'kind' | 'year'>; label: string } {
  const n = closedNotices(a, year, noticeId)[0];
  if (!n) throw new AppError('not_found', '所选整改通知书已被删除、不属于这一年，或其中的问题尚未全部销号，请刷新后重新选择。', 'sources');
  const detail = rows<{ issued: string; days: number; reportDate: string | null; report: string }>(a, sql`SELECT issued_date AS issued,
    deadline_days AS days, report_date AS reportDate, report_text AS report FROM notices WHERE id = ${noticeId}`)[0];
  const problems = rows<{ category: string; description: string }>(a, sql`SELECT category, description FROM problems
    WHERE notice_id = ${noticeId} AND deleted_at IS NULL ORDER BY id`);
  const checks = rows<{ date: string; who: string | null; whoId: number; result: string; note: string | null }>(a, sql`SELECT r.date,
    su.name AS who, r.supervisor_id AS whoId, r.result, r.note FROM rechecks r LEFT JOIN supervisors su ON su.id = r.supervisor_id AND su.deleted_at IS NULL
    WHERE r.notice_id = ${noticeId} ORDER BY r.date, r.id`);
  const number = noticeNumberText(year, n.number);
  // In date order (the notice keeps the school's latest report, which may follow a failed 回查).
  const events = [
    { date: detail.issued, text: `${dateInWords(detail.issued)}，督导室向学校下发整改通知书${number}，要求${detail.days}日内整改到位。` },
    { date: detail.reportDate ?? detail.issued, text: detail.reportDate ? `${dateInWords(detail.reportDate)}，学校报送整改报告。${sentence(detail.report)}` : `学校报送整改报告。${sentence(detail.report)}` },
    ...checks.map((c) => ({ date: c.date, text: `${dateInWords(c.date)}，${c.who ?? '责任督学'}到校回查，${c.result === '通过' ? '回查通过' : '回查未通过，退回继续整改'}${c.note ? `：${sentence(c.note)}` : '。'}` })),
  ];
  const process: Block[] = events.map((e, i) => ({ ...e, i })).sort((x, y) => x.date.localeCompare(y.date) || x.i - y.i)
    .map((e) => ({ type: 'paragraph', runs: [{ text: e.text }] }));
  const body: Block[] = [
    { type: 'heading', level: 1, text: '一、发现的问题' },
    { type: 'list', ordered: true, items: problems.map((p) => `${p.category}：${p.description}`) },
    { type: 'heading', level: 1, text: '二、整改过程' },
    ...process,
    { type: 'heading', level: 1, text: '三、整改成效' },
    { type: 'paragraph', runs: [{ text: `${dateInWords(n.closed)}，${n.problems}个问题全部整改到位，予以销号。` }] },
  ];
  const author = [...checks].reverse().find((c) => c.who)?.whoId ?? null;
  return {
    fields: { title: `${n.school}问题整改纪实（${number}）`, authorId: author, authorName: null, schoolId: n.schoolId, status: '草稿', body },
    label: `整改通知书${number}`,
  };
}

// ---- The channel's work ----

/** What the year's records suggest, 整改 cases first, less those drafted already. */
export function caseProposals(a: Store, year: number): CaseProposal[] {
  return [...noticeProposals(a, year), ...schoolProposals(a, year)];
}

/** Drafts from the chosen records, in one transaction (all or none), each with its audit line. */
export function draftCases(a: Store, year: number, kind: PieceFields['kind'], sources: { sourceKind: SourceKind; sourceId: number }[]): Piece[] {
  return a.db.transaction(() => {
    const taken = { school: drafted(a, year, 'school'), notice: drafted(a, year, 'notice') };
    return sources.map((s) => {
      if (taken[s.sourceKind].has(s.sourceId)) throw new AppError('conflict', '所选素材中有已起草过的，请刷新后重新选择。', 'sources');
      taken[s.sourceKind].add(s.sourceId);
      const { fields, label } = s.sourceKind === 'school' ? schoolDraft(a, s.sourceId, year) : noticeDraft(a, s.sourceId, year);
      const id = insertPiece(a, { ...fields, kind, year }, {
        action: '新增', summary: `根据${label}起草${kind}「${fields.title}」`, source: { kind: s.sourceKind, id: s.sourceId },
      });
      return getPiece(a, id);
    });
  })();
}
