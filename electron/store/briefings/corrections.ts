/**
 * Correcting an issued briefing, the safe way: it is re-opened (更正中) with its numbers and date of
 * issue kept, and the version as issued (articles, unit, copies, 要目 and the kept .docx) is kept in
 * briefing_corrections with the reason. While it is re-opened the articles can be edited; then either
 * it is issued again under the same numbers (a new .docx kept, the old one still kept and downloadable),
 * or the correction is given up and the issued version comes back exactly. Every step is logged.
 */
import type { Store } from '../store';
import { monthLabel, nowText } from '../../../shared/dates';
import { issueLabel } from '../../../shared/labels';
import { AppError } from '../../../shared/result';
import type { Briefing } from '../../../shared/schemas/briefing';
import { readAttachment } from '../attachments';
import { audit } from '../log';
import { getSettings } from '../settings';
import { keepIssuedDocx } from './issued-file';
import { briefingRow, getBriefing, toBriefing, type BriefingData, type BriefingRow } from './repository';

interface OpenCorrection { id: number; reason: string; articles: string; issuingUnit: string | null; copies: number | null; showToc: number }

const label = (a: Store, r: Pick<BriefingRow, 'year' | 'issueNo' | 'totalNo'>) => `${getSettings(a).briefingName}${issueLabel(r.year!, r.issueNo!, r.totalNo!)}`;

function openCorrection(a: Store, r: BriefingRow): OpenCorrection {
  if (r.status !== '更正中') {
    throw new AppError('conflict', r.status === '草稿' ? '这期简报还是草稿，尚未印发，无需更正。' : `${r.year}年第${r.issueNo}期简报没有正在进行的更正，请刷新后重试。`);
  }
  const c = a.db.prepare(`SELECT id, reason, articles, issuing_unit AS issuingUnit, copies, show_toc AS showToc
    FROM briefing_corrections WHERE briefing_id = ? AND closed_at IS NULL ORDER BY id DESC LIMIT 1`).get(r.id) as OpenCorrection | undefined;
  if (!c) throw new AppError('internal', '找不到这期简报的更正记录，请在「操作日志」中查看后联系管理员。');
  return c;
}

/** Re-open an issued briefing for correction, keeping what was issued. */
export function reopenBriefing(a: Store, id: number, reason: string): Briefing {
  a.db.transaction(() => {
    const r = briefingRow(a, id);
    if (r.status === '草稿') throw new AppError('conflict', '这期简报还是草稿，尚未印发，可直接修改，无需更正。');
    if (r.status === '更正中') throw new AppError('conflict', `${r.year}年第${r.issueNo}期简报已在更正中，请刷新后继续修改。`);
    const at = nowText();
    a.db.prepare(`INSERT INTO briefing_corrections (briefing_id, reason, opened_at, opened_by, articles, issuing_unit, copies, show_toc,
      issue_date, docx_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, reason, at, a.actor, r.articles, r.issuingUnit, r.copies, r.showToc, r.issueDate, r.docxHash);
    a.db.prepare(`UPDATE briefings SET status = '更正中', updated_at = ? WHERE id = ?`).run(at, id);
    audit(a, '更正', 'briefing', id, `开始更正《${label(a, r)}》：${reason}`);
  })();
  return getBriefing(a, id);
}

/** Give the correction up: the briefing is again exactly as issued (its articles and kept .docx). */
export function cancelCorrection(a: Store, id: number): Briefing {
  a.db.transaction(() => {
    const r = briefingRow(a, id);
    const c = openCorrection(a, r);
    const at = nowText();
    // The kept .docx never changed while re-opened (only re-issuing replaces it).
    a.db.prepare(`UPDATE briefings SET status = '已印发', articles = ?, issuing_unit = ?, copies = ?, show_toc = ?, updated_at = ?
      WHERE id = ?`).run(c.articles, c.issuingUnit, c.copies, c.showToc, at, id);
    a.db.prepare(`UPDATE briefing_corrections SET closed_at = ?, outcome = '放弃更正' WHERE id = ?`).run(at, c.id);
    audit(a, '放弃更正', 'briefing', id, `放弃更正《${label(a, r)}》，恢复为原印发的版本`);
  })();
  return getBriefing(a, id);
}

/** A re-opened briefing about to be issued again under its own numbers and date. */
export interface ReissuePlan {
  briefing: BriefingData;
  name: string;
}

export function planReissue(a: Store, id: number): ReissuePlan {
  const r = briefingRow(a, id);
  openCorrection(a, r);
  const b = toBriefing(r);
  if (b.articles.length === 0) throw new AppError('invalid', '这期简报没有文章了，请添加文章并保存后再重新印发，或放弃更正。', 'articles');
  const s = getSettings(a);
  return { briefing: { ...b, issuingUnit: b.issuingUnit ?? s.officeName, copies: b.copies ?? s.printCopies }, name: s.briefingName };
}

/** Keep the corrected file and mark it 已印发 again; refused when it changed since the plan. */
export function commitReissue(a: Store, plan: ReissuePlan, file: { fileName: string; bytes: Buffer }): Briefing {
  const b = plan.briefing;
  a.db.transaction(() => {
    const r = briefingRow(a, b.id);
    if (r.updatedAt !== b.updatedAt) throw new AppError('conflict', '重新印发时这期简报发生了变化（可能在另一窗口中操作过），请刷新后重试。');
    const c = openCorrection(a, r);
    const at = nowText();
    const hash = keepIssuedDocx(a, file);
    a.db.prepare(`UPDATE briefings SET status = '已印发', issuing_unit = ?, copies = ?, docx_hash = ?, updated_at = ? WHERE id = ?`)
      .run(b.issuingUnit, b.copies, hash, at, b.id);
    a.db.prepare(`UPDATE briefing_corrections SET closed_at = ?, outcome = '重新印发' WHERE id = ?`).run(at, c.id);
    audit(a, '更正', 'briefing', b.id, `重新印发更正后的《${label(a, r)}》（${monthLabel(r.month)}）：${c.reason}`);
  })();
  return getBriefing(a, b.id);
}

/** The .docx as it was issued before a correction (kept by content hash), and what to call it. */
export function fileBeforeCorrection(a: Store, correctionId: number): { title: string; bytes: Buffer } {
  const c = a.db.prepare(`SELECT c.docx_hash AS hash, c.opened_at AS openedAt, b.year, b.issue_no AS issueNo, b.total_no AS totalNo
    FROM briefing_corrections c JOIN briefings b ON b.id = c.briefing_id AND b.deleted_at IS NULL WHERE c.id = ?`).get(correctionId) as
    { hash: string | null; openedAt: string; year: number; issueNo: number; totalNo: number } | undefined;
  if (!c) throw new AppError('not_found', '该条更正记录不存在，请刷新后重试。');
  if (!c.hash) throw new AppError('not_found', '更正前的文件没有保存在档案中。');
  const bytes = readAttachment(a, c.hash).bytes;
  return { title: `${label(a, c)}（${c.openedAt.slice(0, 10)}更正前）`, bytes };
}
