/**
 * Issuing a briefing: 第N期 numbered within the year of issue, 总第N期 overall. The numbers are given
 * before the document is built (asynchronously), and checked again when the issue is written.
 */
import type { Store } from '../store';
import { nowText } from '../../../shared/dates';
import { issueLabel } from '../../../shared/labels';
import { AppError } from '../../../shared/result';
import type { Briefing } from '../../../shared/schemas/briefing';
import { audit } from '../log';
import { getSettings } from '../settings';
import { keepIssuedDocx } from './issued-file';
import { briefingRow, refuseIssued, toBriefing } from './repository';

function nextNumbers(a: Store, year: number): { issueNo: number; totalNo: number } {
  return {
    issueNo: (a.db.prepare('SELECT coalesce(max(issue_no), 0) FROM briefings WHERE year = ?').pluck().get(year) as number) + 1,
    totalNo: (a.db.prepare('SELECT coalesce(max(total_no), 0) FROM briefings').pluck().get() as number) + 1,
  };
}

/** A draft about to be issued: itself with the issuing unit and copies fixed, and its numbers. */
export interface IssuePlan {
  draft: Briefing;
  /** The briefing's name (settings) when the numbers were given. */
  name: string;
  issueDate: string;
  year: number;
  issueNo: number;
  totalNo: number;
}

/** Check the draft can be issued on `issueDate` and give it the next numbers; nothing is written. */
export function planIssue(a: Store, id: number, issueDate: string): IssuePlan {
  const r = briefingRow(a, id);
  refuseIssued(r, '重复印发');
  const draft = toBriefing(r);
  if (draft.articles.length === 0) throw new AppError('invalid', '这期简报还没有文章，请先生成或添加文章并保存后再印发。', 'articles');
  const year = Number(issueDate.slice(0, 4));
  const { issueNo, totalNo } = nextNumbers(a, year);
  const s = getSettings(a);
  const fixed = { ...draft, issuingUnit: draft.issuingUnit ?? s.officeName, copies: draft.copies ?? s.printCopies };
  return { draft: fixed, name: s.briefingName, issueDate, year, issueNo, totalNo };
}

/**
 * Write the issue in one transaction: refused when the draft or the numbers changed meanwhile; else the
 * built file is kept and the draft marked 已印发 with its numbers. Returns the issued briefing.
 */
export function commitIssue(a: Store, plan: IssuePlan, file: { fileName: string; bytes: Buffer }): Briefing {
  const { draft, year, issueNo, totalNo } = plan;
  const label = `${plan.name}${issueLabel(year, issueNo, totalNo)}`;
  a.db.transaction(() => {
    const now = nextNumbers(a, year);
    const current = briefingRow(a, draft.id);
    if (current.status === '已印发' || current.updatedAt !== draft.updatedAt || now.issueNo !== issueNo || now.totalNo !== totalNo) {
      throw new AppError('conflict', '印发时简报或期号发生了变化（可能在另一窗口中操作过），请刷新后重新印发。');
    }
    const hash = keepIssuedDocx(a, file);
    a.db.prepare(`UPDATE briefings SET status = '已印发', year = ?, issue_no = ?, total_no = ?, issue_date = ?, issuing_unit = ?,
      copies = ?, docx_hash = ?, updated_at = ? WHERE id = ?`)
      .run(year, issueNo, totalNo, plan.issueDate, draft.issuingUnit, draft.copies, hash, nowText(), draft.id);
    audit(a, '印发', 'briefing', draft.id, `印发《${label}》`);
  })();
  return toBriefing(briefingRow(a, draft.id));
}
