/**
 * 督导工作简报, the table: drafts saved and listed, issued ones kept as they were issued. Drafting is in
 * ./drafting.ts, issue numbers in ./numbering.ts, corrections of issued ones in ./corrections.ts, the
 * kept .docx in ./issued-file.ts.
 */
import type { Store } from '../store';
import { nowText } from '../../../shared/dates';
import { audit } from '../log';
import { moveToBin } from '../recycle';
import { prepared } from '../statements';
import { AppError } from '../../../shared/result';
import type { Briefing, BriefingArticleData, BriefingCorrection, BriefingFields, BriefingSummary } from '../../../shared/schemas/briefing';

export interface BriefingRow {
  id: number; month: string; title: string | null; status: Briefing['status']; year: number | null;
  issueNo: number | null; totalNo: number | null; issueDate: string | null; issuingUnit: string | null;
  copies: number | null; showToc: number; articles: string; docxHash: string | null; updatedAt: string;
}

const SELECT = `SELECT id, month, title, status, year, issue_no AS issueNo, total_no AS totalNo, issue_date AS issueDate,
  issuing_unit AS issuingUnit, copies, show_toc AS showToc, articles, docx_hash AS docxHash, updated_at AS updatedAt
  FROM briefings`;

/** A briefing without its corrections (getBriefing adds them). */
export type BriefingData = Omit<Briefing, 'corrections'>;

export function toBriefing(r: BriefingRow): BriefingData {
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
    .all() as (Omit<BriefingRow, 'articles' | 'docxHash'> & { titles: string })[];
  return rows.map(({ titles, showToc, ...r }) => ({ ...r, showToc: showToc === 1, articleTitles: JSON.parse(titles) as string[] }));
}

/** A live briefing as stored, or not_found. */
export function briefingRow(a: Store, id: number): BriefingRow {
  const r = a.db.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as BriefingRow | undefined;
  if (!r) throw new AppError('not_found', '该期简报不存在或已被删除，请刷新列表后重试。');
  return r;
}

/** A briefing's corrections, oldest first. */
export function correctionsOf(a: Store, id: number): BriefingCorrection[] {
  return a.db.prepare(`SELECT id, reason, opened_at AS openedAt, opened_by AS openedBy, closed_at AS closedAt, outcome
    FROM briefing_corrections WHERE briefing_id = ? ORDER BY id`).all(id) as BriefingCorrection[];
}

export const getBriefing = (a: Store, id: number): Briefing => ({ ...toBriefing(briefingRow(a, id)), corrections: correctionsOf(a, id) });

/** The briefings issued in a year, by number: their ids and issue dates (one under correction is not among them). */
export function issuedBriefingsOf(a: Store, year: number): { id: number; date: string }[] {
  return a.db.prepare(`SELECT id, issue_date AS date FROM briefings
    WHERE deleted_at IS NULL AND status = '已印发' AND year = ? ORDER BY issue_no`).all(year) as { id: number; date: string }[];
}

export function refuseIssued(r: BriefingRow, what: string): void {
  if (r.status === '已印发') {
    throw new AppError('conflict', `${r.year}年第${r.issueNo}期简报已印发，不能再${what}。如需更正，请打开这期简报，点击「更正」。`);
  }
}

const COLUMNS = ['month', 'title', 'issue_date', 'issuing_unit', 'copies', 'show_toc', 'articles'];
const values = (f: BriefingFields) => [f.month, f.title, f.issueDate, f.issuingUnit, f.copies, f.showToc ? 1 : 0, JSON.stringify(f.articles)];

export function saveBriefing(a: Store, id: number | undefined, f: BriefingFields): Briefing {
  return a.db.transaction(() => {
    const at = nowText();
    if (id) {
      const r = briefingRow(a, id);
      refuseIssued(r, '修改');
      // Under correction the month and the date of issue stay as issued.
      const g = r.status === '更正中' ? { ...f, month: r.month, issueDate: r.issueDate } : f;
      a.db.prepare(`UPDATE briefings SET ${COLUMNS.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...values(g), at, id);
      audit(a, '修改', 'briefing', id, r.status === '更正中'
        ? `修改更正中的${r.year}年第${r.issueNo}期简报（${f.articles.length}篇文章）`
        : `修改${f.month}简报草稿（${f.articles.length}篇文章）`);
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
  const r = briefingRow(a, id);
  refuseIssued(r, '删除');
  if (r.status === '更正中') {
    throw new AppError('conflict', `${r.year}年第${r.issueNo}期简报正在更正，不能删除。如不再更正，请点击「放弃更正」恢复为原印发的版本。`);
  }
  return moveToBin(a, 'briefing', id, `${r.month}简报草稿`);
}
