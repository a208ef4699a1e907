/**
 * Issuing a briefing: 第N期 numbered within the year of issue, 总第N期 overall, as the user chooses.
 * The app proposes numbers in month order (after the briefings of earlier months, leaving room for
 * earlier months still in draft), says what the user should know, and refuses a number already given.
 * The numbers are checked when planned (before the document is built, asynchronously) and again when
 * the issue is written.
 */
import type { Store } from '../store';
import { dateInWords, monthLabel, nowText } from '../../../shared/dates';
import { issueLabel } from '../../../shared/labels';
import { AppError } from '../../../shared/result';
import type { BriefingNumberPlan } from '../../../shared/schemas/briefing';
import { audit } from '../log';
import { getSettings } from '../settings';
import { keepIssuedDocx } from './issued-file';
import { briefingRow, getBriefing, refuseIssued, toBriefing, type BriefingData } from './repository';
import type { Briefing } from '../../../shared/schemas/briefing';

/** A briefing holding numbers: issued, or under correction (which keeps them). */
interface Numbered { id: number; month: string; year: number; issueNo: number; totalNo: number; issueDate: string }

function numbered(a: Store, except: number): Numbered[] {
  return a.db.prepare(`SELECT id, month, year, issue_no AS issueNo, total_no AS totalNo, issue_date AS issueDate FROM briefings
    WHERE deleted_at IS NULL AND issue_no IS NOT NULL AND id <> ?`).all(except) as Numbered[];
}

/** The months of live drafts other than `except`. */
function draftMonths(a: Store, except: number): string[] {
  return a.db.prepare(`SELECT DISTINCT month FROM briefings WHERE deleted_at IS NULL AND status = '草稿' AND id <> ? ORDER BY month`)
    .pluck().all(except) as string[];
}

/**
 * The number for a briefing of `month` in one count (第N期 of the year, or 总第N期): one after the
 * highest given to an earlier month, plus one for each earlier month still in draft since then (from
 * `floor` when no earlier month has one), which are returned; then the next free one if that is taken.
 */
function proposeIn(given: Numbered[], key: 'issueNo' | 'totalNo', month: string, drafts: string[], floor: string): { n: number; waiting: string[] } {
  const before = given.filter((b) => b.month < month).sort((x, y) => y[key] - x[key])[0];
  const waiting = drafts.filter((m) => m < month && (before ? m > before.month : m >= floor));
  let n = (before?.[key] ?? 0) + waiting.length + 1;
  const taken = new Set(given.map((b) => b[key]));
  while (taken.has(n)) n++;
  return { n, waiting };
}

/** 2025年11月的简报尚未印发，已为它留出第1期。… */
function waitingNote(waiting: string[], first: number, prefix: string): string {
  const last = first + waiting.length - 1;
  return `${waiting.map(monthLabel).join('、')}的简报尚未印发，已为${waiting.length > 1 ? '它们' : '它'}留出`
    + `${first === last ? `${prefix}${first}期` : `${prefix}${first}—${last}期`}。如这些月份不再印发，请删除草稿或直接修改期号。`;
}

/** The first number left for a waiting month: one after the highest given to a month before it. */
function leftFrom(given: Numbered[], key: 'issueNo' | 'totalNo', month: string): number {
  return Math.max(0, ...given.filter((b) => b.month < month).map((b) => b[key])) + 1;
}

/** Why `n` cannot be given in this count (another briefing has it), or null. */
function holderOf(given: Numbered[], key: 'issueNo' | 'totalNo', n: number, what: string): string | null {
  const h = given.find((b) => b[key] === n);
  return h ? `${what}已由${monthLabel(h.month)}简报使用（${dateInWords(h.issueDate)}印发），请换一个期号。` : null;
}

/**
 * The numbers proposed for briefing `id` issued on `issueDate`, and a check of `chosen` (the proposal
 * when not given): refusals per field, and notes on the order against the months.
 */
export function numberPlan(a: Store, id: number, issueDate: string, chosen: { issueNo?: number; totalNo?: number } = {}): BriefingNumberPlan {
  const r = briefingRow(a, id);
  refuseIssued(r, '重复印发');
  if (r.status === '更正中') throw new AppError('conflict', `${r.year}年第${r.issueNo}期简报正在更正，期号不变，请点击「重新印发」。`);
  const year = Number(issueDate.slice(0, 4));
  const all = numbered(a, id);
  const ofYear = all.filter((b) => b.year === year);
  const drafts = draftMonths(a, id).filter((m) => m !== r.month);
  const notes: string[] = [];
  const floor = `${year}-01`;
  const inYear = proposeIn(ofYear, 'issueNo', r.month, drafts, floor);
  const overall = proposeIn(all, 'totalNo', r.month, drafts, floor);
  const proposed = { issueNo: inYear.n, totalNo: overall.n };
  // Room left for earlier months (the first number left is counted from the highest given before them).
  if (inYear.waiting.length) notes.push(waitingNote(inYear.waiting, leftFrom(ofYear, 'issueNo', inYear.waiting[0]), '第'));
  if (overall.waiting.join() !== inYear.waiting.join() && overall.waiting.length) {
    notes.push(waitingNote(overall.waiting, leftFrom(all, 'totalNo', overall.waiting[0]), '总第'));
  }
  const issueNo = chosen.issueNo ?? proposed.issueNo;
  const totalNo = chosen.totalNo ?? proposed.totalNo;
  const refused = {
    issueNo: holderOf(ofYear, 'issueNo', issueNo, `${year}年第${issueNo}期`),
    totalNo: holderOf(all, 'totalNo', totalNo, `总第${totalNo}期`)
      ?? (totalNo < issueNo ? `总期号（总第${totalNo}期）不能小于本年的期号（第${issueNo}期）。` : null),
  };

  // Against the months: a briefing of an earlier month with a higher number, or of a later month with a lower one.
  const month = monthLabel(r.month);
  for (const b of ofYear.filter((x) => (x.month < r.month && x.issueNo > issueNo) || (x.month > r.month && x.issueNo < issueNo))) {
    notes.push(`${monthLabel(b.month)}简报已编为第${b.issueNo}期，本期（${month}）编为第${issueNo}期，期号与月份先后不一致。`);
  }
  if (ofYear.length === 0) {
    notes.push(`这是${year}年在本程序中印发的第一期。如本年已另行印发过简报，请把期号改为接续的期号（如第7期），以后各期按此接续。`);
  }
  if (all.length === 0) {
    notes.push('这是在本程序中印发的第一期。如以往已印发过简报，请把总期号改为接续的总期号，以后各期按此接续。');
  }
  return { year, proposed, refused, notes };
}

/** A draft about to be issued: itself with the issuing unit and copies fixed, and its numbers. */
export interface IssuePlan {
  draft: BriefingData;
  /** The briefing's name (settings) when the numbers were given. */
  name: string;
  issueDate: string;
  year: number;
  issueNo: number;
  totalNo: number;
}

function refuseNumbers(a: Store, id: number, issueDate: string, issueNo: number, totalNo: number): void {
  const { refused } = numberPlan(a, id, issueDate, { issueNo, totalNo });
  if (refused.issueNo) throw new AppError('conflict', refused.issueNo, 'issueNo');
  if (refused.totalNo) throw new AppError('conflict', refused.totalNo, 'totalNo');
}

/** Check the draft can be issued on `issueDate` under the numbers chosen (those proposed when not given); nothing is written. */
export function planIssue(a: Store, id: number, issueDate: string, chosen: { issueNo?: number; totalNo?: number }): IssuePlan {
  const r = briefingRow(a, id);
  refuseIssued(r, '重复印发');
  const draft = toBriefing(r);
  if (draft.articles.length === 0) throw new AppError('invalid', '这期简报还没有文章，请先生成或添加文章并保存后再印发。', 'articles');
  const { proposed } = numberPlan(a, id, issueDate);
  const issueNo = chosen.issueNo ?? proposed.issueNo;
  const totalNo = chosen.totalNo ?? proposed.totalNo;
  refuseNumbers(a, id, issueDate, issueNo, totalNo);
  const s = getSettings(a);
  const fixed = { ...draft, issuingUnit: draft.issuingUnit ?? s.officeName, copies: draft.copies ?? s.printCopies };
  return { draft: fixed, name: s.briefingName, issueDate, year: Number(issueDate.slice(0, 4)), issueNo, totalNo };
}

/**
 * Write the issue in one transaction: refused when the draft changed meanwhile or its numbers were
 * given to another; else the built file is kept and the draft marked 已印发 with its numbers.
 */
export function commitIssue(a: Store, plan: IssuePlan, file: { fileName: string; bytes: Buffer }): Briefing {
  const { draft, year, issueNo, totalNo } = plan;
  const label = `${plan.name}${issueLabel(year, issueNo, totalNo)}`;
  a.db.transaction(() => {
    const current = briefingRow(a, draft.id);
    if (current.status !== '草稿' || current.updatedAt !== draft.updatedAt) {
      throw new AppError('conflict', '印发时这期简报发生了变化（可能在另一窗口中操作过），请刷新后重新印发。');
    }
    refuseNumbers(a, draft.id, plan.issueDate, issueNo, totalNo);
    const hash = keepIssuedDocx(a, file);
    a.db.prepare(`UPDATE briefings SET status = '已印发', year = ?, issue_no = ?, total_no = ?, issue_date = ?, issuing_unit = ?,
      copies = ?, docx_hash = ?, updated_at = ? WHERE id = ?`)
      .run(year, issueNo, totalNo, plan.issueDate, draft.issuingUnit, draft.copies, hash, nowText(), draft.id);
    audit(a, '印发', 'briefing', draft.id, `印发《${label}》（${monthLabel(draft.month)}）`);
  })();
  return getBriefing(a, draft.id);
}
