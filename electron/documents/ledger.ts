/** 问题整改台账 (the rectification ledger) as an .xlsx, from the rows the 台账's filters select. */
import { todayText } from '../../shared/dates';
import type { Problem } from '../../shared/schemas/problem';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { noProgress, type Progress } from '../../shared/progress';

const LEDGER_COLUMNS: { header: string; width: number; value: (p: Problem, i: number) => string | number }[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '学校', width: 26, value: (p) => p.schoolName },
  { header: '责任区', width: 12, value: (p) => p.zoneName ?? '' },
  { header: '问题来源', width: 10, value: (p) => p.source },
  { header: '专项名称', width: 12, value: (p) => p.campaign ?? '' },
  { header: '问题类别', width: 22, value: (p) => p.category },
  { header: '问题描述', width: 50, value: (p) => p.description },
  { header: '整改责任方', width: 11, value: (p) => p.actor },
  { header: '提出日期', width: 12, value: (p) => p.raisedAt },
  { header: '整改通知书', width: 15, value: (p) => p.noticeNumber ?? '' },
  { header: '整改期限', width: 12, value: (p) => p.dueDate ?? '' },
  { header: '整改状态', width: 10, value: (p) => p.status },
  { header: '是否逾期', width: 9, value: (p) => (p.overdue ? '逾期' : '') },
  { header: '销号日期', width: 12, value: (p) => p.closedAt ?? '' },
];

/** 问题整改台账-YYYYMMDD.xlsx */
export function ledgerFileName(): string {
  return `问题整改台账-${todayText().replace(/-/g, '')}.xlsx`;
}

/**
 * Write the 问题整改台账 into `out` as an .xlsx, streamed (exceljs's WorkbookWriter): a title line, a
 * Chinese header, then one row per problem as `rows` gives them (the rows the 台账's filters select, of
 * which there are `total`), each written out as it comes; overdue rows in red. Every 1,000 rows it
 * pauses so the file's stream drains, the process answers other requests and a cancel can land; a
 * canceled or failed file is removed. Answers the number of rows written.
 */
export async function writeLedgerFile(out: string, office: string, total: number, rows: Iterable<Problem>, p: Progress = noProgress): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  wb.creator = office;
  const ws = wb.addWorksheet('问题整改台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${office}问题整改台账（导出于 ${todayText()}，共 ${total} 条）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  ws.getRow(1).commit();
  const header = ws.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: LEDGER_COLUMNS.length } };
  let i = 0;
  try {
    for (const problem of rows) {
      const row = ws.addRow(LEDGER_COLUMNS.map((c) => c.value(problem, i)));
      row.alignment = { vertical: 'top', wrapText: true };
      if (problem.overdue) row.font = { color: { argb: 'FFC00000' } };
      row.commit();
      i++;
      if (i % 1000 === 0) {
        p.progress(i, total, `第 ${i} / ${total} 行`);
        await new Promise((r) => setImmediate(r));
        p.check();
      }
    }
    p.progress(i, total, `第 ${i} / ${total} 行`);
  } catch (e) {
    // exceljs has no abort: finish the file so its stream closes, then remove it.
    ws.commit();
    await wb.commit().catch(() => undefined);
    fs.rmSync(out, { force: true });
    throw e;
  }
  ws.commit();
  await wb.commit();
  return i;
}
