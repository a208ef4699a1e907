/**
 * 督导工作简报: drafts proposed from the month's records, then issued with 第N期 (within the year of
 * issue) and 总第N期 (overall). The issued .docx is kept as an attachment, so a re-export is the same file.
 */
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { putAttachment, readAttachment } from './attachments';
import { audit } from './log';
import { moveToBin } from './recycle';
import { getSettings } from './settings';
import { prepared } from './statements';
import { buildBriefing, type BriefingInput } from '../documents/briefing';
import type { BuildContext } from '../documents/blocks';
import { docxFileName, toDocx } from '../documents/pack';
import { chineseNumber } from '../../shared/numbers';
import { AppError } from '../../shared/result';
import type { Block } from '../../shared/schemas/blocks';
import type { Briefing, BriefingArticleData, BriefingFields, BriefingSummary } from '../../shared/schemas/briefing';
import { issueLabel } from '../../shared/labels';
import { percentText } from '../../shared/numbers';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Row {
  id: number; month: string; title: string | null; status: Briefing['status']; year: number | null;
  issueNo: number | null; totalNo: number | null; issueDate: string | null; issuingUnit: string | null;
  copies: number | null; showToc: number; articles: string; docxHash: string | null; updatedAt: string;
}

const SELECT = `SELECT id, month, title, status, year, issue_no AS issueNo, total_no AS totalNo, issue_date AS issueDate,
  issuing_unit AS issuingUnit, copies, show_toc AS showToc, articles, docx_hash AS docxHash, updated_at AS updatedAt
  FROM briefings`;

function toBriefing(r: Row): Briefing {
  return {
    id: r.id, month: r.month, title: r.title, status: r.status, year: r.year, issueNo: r.issueNo, totalNo: r.totalNo,
    issueDate: r.issueDate, issuingUnit: r.issuingUnit, copies: r.copies, showToc: r.showToc === 1,
    articles: JSON.parse(r.articles) as BriefingArticleData[], updatedAt: r.updatedAt,
  };
}

/** Newest first: issued ones by number, drafts by month. A few hundred over ten years, so no paging. */
export function listBriefings(a: Store): BriefingSummary[] {
  // The titles are taken out in SQL: ten years of article text need not be parsed to list them.
  const rows = prepared(a, `SELECT id, month, title, status, year, issue_no AS issueNo, total_no AS totalNo, issue_date AS issueDate,
      issuing_unit AS issuingUnit, copies, show_toc AS showToc, updated_at AS updatedAt,
      (SELECT json_group_array(json_extract(value, '$.title')) FROM json_each(articles)) AS titles
    FROM briefings WHERE deleted_at IS NULL ORDER BY month DESC, coalesce(total_no, 0) DESC, id DESC`)
    .all() as (Omit<Row, 'articles' | 'docxHash'> & { titles: string })[];
  return rows.map(({ titles, showToc, ...r }) => ({ ...r, showToc: showToc === 1, articleTitles: JSON.parse(titles) as string[] }));
}

function row(a: Store, id: number): Row {
  const r = a.db.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!r) throw new AppError('not_found', '该期简报不存在或已被删除，请刷新列表后重试。');
  return r;
}

export const getBriefing = (a: Store, id: number): Briefing => toBriefing(row(a, id));

/** The briefings issued in a year, by number: their ids and issue dates. */
export function issuedBriefingsOf(a: Store, year: number): { id: number; date: string }[] {
  return a.db.prepare(`SELECT id, issue_date AS date FROM briefings
    WHERE deleted_at IS NULL AND status = '已印发' AND year = ? ORDER BY issue_no`).all(year) as { id: number; date: string }[];
}

/** What an issued briefing is called: 督导工作简报2025年第3期（总第15期）. */
export function briefingLabel(name: string, b: Pick<Briefing, 'month' | 'year' | 'issueNo' | 'totalNo' | 'status'>): string {
  if (b.status !== '已印发') return `${name}（${b.month.replace('-', '年').replace(/^(\d+年)0?/, '$1')}月草稿）`;
  return `${name}${issueLabel(b.year!, b.issueNo!, b.totalNo!)}`;
}

function refuseIssued(r: Row, what: string): void {
  if (r.status === '已印发') {
    throw new AppError('conflict', `${r.year}年第${r.issueNo}期简报已印发，不能再${what}。如需更正，请另起草一期。`);
  }
}

const COLUMNS = ['month', 'title', 'issue_date', 'issuing_unit', 'copies', 'show_toc', 'articles'];
const values = (f: BriefingFields) => [f.month, f.title, f.issueDate, f.issuingUnit, f.copies, f.showToc ? 1 : 0, JSON.stringify(f.articles)];

export function saveBriefing(a: Store, id: number | undefined, f: BriefingFields): Briefing {
  return a.db.transaction(() => {
    const at = nowText();
    if (id) {
      refuseIssued(row(a, id), '修改');
      a.db.prepare(`UPDATE briefings SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...values(f), at, id);
      audit(a, '修改', 'briefing', id, `修改${f.month}简报草稿（${f.articles.length}篇文章）`);
      return getBriefing(a, id);
    }
    const res = a.db.prepare(`INSERT INTO briefings (${COLUMNS.join(', ')}, status, created_at, updated_at)
      VALUES (${COLUMNS.map(() => '?').join(', ')}, '草稿', ?, ?)`).run(...values(f), at, at);
    const newId = Number(res.lastInsertRowid);
    audit(a, '新增', 'briefing', newId, `起草${f.month}简报（${f.articles.length}篇文章）`);
    return getBriefing(a, newId);
  })();
}

export function deleteBriefing(a: Store, id: number): number {
  const r = row(a, id);
  refuseIssued(r, '删除');
  return moveToBin(a, 'briefing', id, `${r.month}简报草稿`);
}

// ---- Proposing a month's articles from the archive ----

const P = (text: string): Block => ({ type: 'paragraph', runs: [{ text }] });

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Live visits of the month at live schools (the base of every visit-based article). */
const VISITS_OF_MONTH = `FROM visits v JOIN schools s ON s.id = v.school_id AND s.deleted_at IS NULL
  WHERE v.deleted_at IS NULL AND v.date >= ? AND v.date < ?`;
const PROBLEMS_LIVE = `FROM problems p JOIN schools s ON s.id = p.school_id AND s.deleted_at IS NULL WHERE p.deleted_at IS NULL`;
/** Calendar items of live calendars in one month. */
const ITEMS_OF_MONTH = `FROM calendar_items i JOIN calendars c ON c.id = i.calendar_id AND c.deleted_at IS NULL
  WHERE i.deleted_at IS NULL AND i.month = ?`;

/**
 * The month's proposed articles, in print order; empty ones are left out. Numbers are facts from the
 * archive; the user edits the wording before issuing.
 */
export function proposeBriefing(a: Store, month: string): BriefingArticleData[] {
  const [y, m] = month.split('-').map(Number);
  const from = `${month}-01`;
  const to = `${nextMonth(month)}-01`;
  const out: BriefingArticleData[] = [];
  const one = (sql: string, ...p: unknown[]) => a.db.prepare(sql).pluck().get(...p) as number;

  // 督导数据
  const visits = one(`SELECT count(*) ${VISITS_OF_MONTH}`, from, to);
  const covered = one(`SELECT count(DISTINCT v.school_id) ${VISITS_OF_MONTH}`, from, to);
  const schools = one('SELECT count(*) FROM schools WHERE deleted_at IS NULL');
  const raised = one(`SELECT count(*) ${PROBLEMS_LIVE} AND p.raised_at >= ? AND p.raised_at < ?`, from, to);
  const closed = one(`SELECT count(*) ${PROBLEMS_LIVE} AND p.status = '已销号' AND p.closed_at >= ? AND p.closed_at < ?`, from, to);
  const complaints = one('SELECT count(*) FROM complaints WHERE deleted_at IS NULL AND received_at >= ? AND received_at < ?', from, to);
  if (visits + raised + closed + complaints > 0) {
    out.push({
      kind: '督导数据', title: `${m}月督导工作数据`,
      blocks: [P(`${y}年${m}月，全区共开展督导${visits}次，覆盖学校${covered}所，占全区${schools}所学校的${percentText(covered, schools)}；`
        + `督导中发现问题${raised}个，整改销号${closed}个；受理来访来电${complaints}件。`)],
    });
  }

  // 工作动态: the calendar items done this month.
  const done = a.db.prepare(`SELECT i.content ${ITEMS_OF_MONTH} AND i.status = '已完成' ORDER BY i.calendar_id, i.seq`).pluck().all(month) as string[];
  if (done.length) out.push({ kind: '工作动态', title: '工作动态', blocks: [{ type: 'list', ordered: true, items: done }] });

  // 亮点做法: one paragraph a visit, the school's name in bold.
  const highlights = a.db.prepare(`SELECT s.full_name AS school, v.highlight ${VISITS_OF_MONTH}
    AND trim(coalesce(v.highlight, '')) <> '' ORDER BY v.date, v.id LIMIT 30`).all(from, to) as { school: string; highlight: string }[];
  if (highlights.length) {
    out.push({
      kind: '亮点做法', title: '亮点做法',
      blocks: highlights.map((h) => ({ type: 'paragraph', runs: [{ text: `${h.school}：`, bold: true }, { text: h.highlight.trim() }] })),
    });
  }

  // 存在问题: grouped by item, most frequent first, up to five examples each.
  const problems = a.db.prepare(`SELECT p.category, s.full_name AS school, p.description ${PROBLEMS_LIVE}
    AND p.raised_at >= ? AND p.raised_at < ? ORDER BY p.raised_at, p.id`).all(from, to) as { category: string; school: string; description: string }[];
  if (problems.length) {
    const groups = new Map<string, typeof problems>();
    for (const p of problems) groups.set(p.category, [...(groups.get(p.category) ?? []), p]);
    const sorted = [...groups.entries()].sort((x, y2) => y2[1].length - x[1].length);
    out.push({
      kind: '存在问题', title: '存在问题',
      blocks: sorted.flatMap(([category, list], i): Block[] => [
        { type: 'heading', level: 2, text: `（${chineseNumber(i + 1)}）${category}（${list.length}个）` },
        { type: 'list', ordered: true, items: list.slice(0, 5).map((p) => `${p.school}：${p.description}`) },
      ]),
    });
  }

  // 专项督导: special visits by theme, and problems raised in a campaign.
  const special = a.db.prepare(`SELECT coalesce(nullif(trim(v.theme), ''), '专项') AS theme, count(DISTINCT v.school_id) AS n,
      group_concat(DISTINCT s.full_name) AS names
    ${VISITS_OF_MONTH} AND v.type = '专项' GROUP BY 1 ORDER BY min(v.date)`).all(from, to) as { theme: string; n: number; names: string }[];
  const campaigns = a.db.prepare(`SELECT p.campaign, count(*) AS n ${PROBLEMS_LIVE}
    AND p.campaign IS NOT NULL AND trim(p.campaign) <> '' AND p.raised_at >= ? AND p.raised_at < ? GROUP BY p.campaign ORDER BY p.campaign`)
    .all(from, to) as { campaign: string; n: number }[];
  if (special.length || campaigns.length) {
    out.push({
      kind: '专项督导', title: '专项督导',
      blocks: [
        ...special.map((s) => P(`开展“${s.theme.replace(/专项督导$/, '')}”专项督导，督导学校${s.n}所（${s.names.split(',').join('、')}）。`)),
        ...campaigns.map((c) => P(`“${c.campaign}”专项督导中发现问题${c.n}个，已督促学校限期整改。`)),
      ],
    });
  }

  // 下月安排: next month's calendar items, numbered.
  const next = nextMonth(month);
  const plan = a.db.prepare(`SELECT i.content ${ITEMS_OF_MONTH} AND i.status <> '取消' ORDER BY i.calendar_id, i.seq`).pluck().all(next) as string[];
  if (plan.length) {
    out.push({ kind: '下月安排', title: `${Number(next.slice(5))}月工作安排`, blocks: [{ type: 'list', ordered: true, items: plan }] });
  }
  return out;
}

// ---- Issuing and exporting ----

function context(a: Store): BuildContext {
  return {
    fonts: getSettings(a).fonts,
    loadImage: (hash) => { try { return readAttachment(a, hash).bytes; } catch { return null; } },
  };
}

function documentInput(a: Store, b: Briefing, numbers: { issue: number | string; total: number | null; date: string }): BriefingInput {
  const s = getSettings(a);
  return {
    name: s.briefingName,
    issue: numbers.issue,
    totalIssue: numbers.total,
    issuer: b.issuingUnit ?? s.officeName,
    date: numbers.date,
    contents: b.showToc ? b.articles.map((x) => x.title) : null,
    articles: b.articles,
    distribution: s.distribution,
    copies: b.copies ?? s.printCopies,
  };
}

function nextNumbers(a: Store, year: number): { issueNo: number; totalNo: number } {
  return {
    issueNo: (a.db.prepare('SELECT coalesce(max(issue_no), 0) FROM briefings WHERE year = ?').pluck().get(year) as number) + 1,
    totalNo: (a.db.prepare('SELECT coalesce(max(total_no), 0) FROM briefings').pluck().get() as number) + 1,
  };
}

/**
 * Assign the numbers, build the .docx, keep it and mark the draft 已印发. The document is built
 * (asynchronously) before the write; the write re-checks the numbers in one transaction.
 */
export async function issueBriefing(a: Store, id: number, issueDate: string): Promise<Briefing> {
  const draft = getBriefing(a, id);
  refuseIssued(row(a, id), '重复印发');
  if (draft.articles.length === 0) throw new AppError('invalid', '这期简报还没有文章，请先生成或添加文章并保存后再印发。', 'articles');
  const year = Number(issueDate.slice(0, 4));
  const { issueNo, totalNo } = nextNumbers(a, year);
  const s = getSettings(a);
  const issuer = draft.issuingUnit ?? s.officeName;
  const copies = draft.copies ?? s.printCopies;
  const fixed = { ...draft, issuingUnit: issuer, copies };
  const bytes = await toDocx(buildBriefing(documentInput(a, fixed, { issue: issueNo, total: totalNo, date: issueDate }), context(a)));
  const label = `${s.briefingName}${issueLabel(year, issueNo, totalNo)}`;
  a.db.transaction(() => {
    const now = nextNumbers(a, year);
    const current = row(a, id);
    if (current.status === '已印发' || current.updatedAt !== draft.updatedAt || now.issueNo !== issueNo || now.totalNo !== totalNo) {
      throw new AppError('conflict', '印发时简报或期号发生了变化（可能在另一窗口中操作过），请刷新后重新印发。');
    }
    const hash = putAttachment(a, bytes, docxFileName(label), DOCX_MIME);
    a.db.prepare(`UPDATE briefings SET status = '已印发', year = ?, issue_no = ?, total_no = ?, issue_date = ?, issuing_unit = ?,
      copies = ?, docx_hash = ?, updated_at = ? WHERE id = ?`).run(year, issueNo, totalNo, issueDate, issuer, copies, hash, nowText(), id);
    audit(a, '印发', 'briefing', id, `印发《${label}》`);
  })();
  return getBriefing(a, id);
}

/** An issued briefing: the stored file, byte for byte. A draft: a fresh build marked 第×期, not kept. */
export async function exportBriefing(a: Store, id: number): Promise<{ fileName: string; bytes: Buffer }> {
  const r = row(a, id);
  const b = toBriefing(r);
  const name = getSettings(a).briefingName;
  if (r.status === '已印发' && r.docxHash) {
    return { fileName: docxFileName(briefingLabel(name, b)), bytes: readAttachment(a, r.docxHash).bytes };
  }
  const date = b.issueDate ?? nowText().slice(0, 10);
  const bytes = await toDocx(buildBriefing(documentInput(a, b, { issue: '×', total: null, date }), context(a)));
  return { fileName: docxFileName(briefingLabel(name, b)), bytes };
}
