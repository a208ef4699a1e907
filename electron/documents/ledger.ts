/** 问题整改台账 (the rectification ledger) as an .xlsx, from the rows the 台账's filters select. */
import { dateInWords, todayText } from '../../shared/dates';
import type { Problem } from '../../shared/schemas/problem';
import { excelDate, textCell } from './excel/formats';
import { XLSX_STYLE, writeXlsxStream } from './xlsx-stream';
import { noProgress, type Progress } from '../../shared/progress';

/** The ledger's columns: dates are real dates in the Chinese date format, numbers numbers, empty cells empty. */
const LEDGER_COLUMNS: { header: string; width: number; value: (p: Problem, i: number) => string | number | Date | null }[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '学校', width: 26, value: (p) => p.ownerName }, // 责任单位 in the 督政 ledger
  { header: '责任区', width: 12, value: (p) => textCell(p.zoneName) },
  { header: '问题来源', width: 10, value: (p) => p.source },
  { header: '专项名称', width: 12, value: (p) => textCell(p.campaign) },
  { header: '问题类别', width: 22, value: (p) => p.category },
  { header: '问题描述', width: 50, value: (p) => p.description },
  { header: '整改责任方', width: 11, value: (p) => p.actor },
  { header: '提出日期', width: 15, value: (p) => excelDate(p.raisedAt) },
  { header: '整改通知书', width: 15, value: (p) => textCell(p.noticeNumber) },
  { header: '整改期限', width: 15, value: (p) => excelDate(p.dueDate) },
  { header: '整改状态', width: 10, value: (p) => p.status },
  { header: '是否逾期', width: 9, value: (p) => (p.overdue ? '逾期' : null) },
  { header: '销号日期', width: 15, value: (p) => excelDate(p.closedAt) },
];

/** A problem's school ledger (问题整改台账) or the 督政 ledger of problems owned by units. */
export type LedgerOwner = 'school' | 'unit';

function ledgerName(owner: LedgerOwner): string {
  return owner === 'unit' ? '督政问题台账' : '问题整改台账';
}

/** 问题整改台账-YYYYMMDD.xlsx (督政问题台账-… for units) */
export function ledgerFileName(owner: LedgerOwner = 'school'): string {
  return `${ledgerName(owner)}-${todayText().replace(/-/g, '')}.xlsx`;
}

/**
 * Write the 问题整改台账 into `out` as an .xlsx, streamed (xlsx-stream.ts): a title line, a Chinese
 * header, then one row per problem as `rows` gives them (the rows the 台账's filters select, of which
 * there are `total`), each written out as it comes; overdue rows in red. Every 1,000 rows it reports
 * progress and pauses, so the process answers other requests and a cancel can land; a canceled or
 * failed file is removed. Answers the number of rows written.
 */
export async function writeLedgerFile(
  out: string, office: string, total: number, rows: Iterable<Problem>, p: Progress = noProgress, owner: LedgerOwner = 'school',
): Promise<number> {
  const name = ledgerName(owner);
  let i = 0;
  const lines = (function* () {
    yield { cells: LEDGER_COLUMNS.map((c) => (owner === 'unit' && c.header === '学校' ? '责任单位' : c.header)), style: XLSX_STYLE.header };
    for (const problem of rows) {
      yield { cells: LEDGER_COLUMNS.map((c) => c.value(problem, i)), style: problem.overdue ? XLSX_STYLE.bodyRed : XLSX_STYLE.body };
      i++;
    }
  })();
  await writeXlsxStream(out, {
    name, widths: LEDGER_COLUMNS.map((c) => c.width), frozenRows: 2, filterRow: 2,
    title: `${office}${name}（导出于${dateInWords(todayText())}，共${total}条）`,
  }, lines, () => {
    if (i % 1000 !== 0 || i === 0) return null;
    p.progress(i, total, `第 ${i} / ${total} 行`);
    return new Promise<void>((r) => setImmediate(r)).then(() => p.check());
  });
  p.progress(i, total, `第 ${i} / ${total} 行`);
  return i;
}
