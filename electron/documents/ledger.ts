/** 问题整改台账 (the rectification ledger) as an .xlsx, from the rows the 台账's filters select. */
import { dateInWords, todayText } from '../../shared/dates';
import type { Problem } from '../../shared/schemas/problem';
import { newWorkbook, xlsxFile, type GeneratedFile } from './pack';
import { DATE_FORMAT, excelDate, textCell } from './excel/formats';

/** The ledger's columns: dates are real dates in the Chinese date format, numbers numbers, empty cells empty. */
const LEDGER_COLUMNS: { header: string; width: number; value: (p: Problem, i: number) => string | number | Date | null; date?: boolean }[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '学校', width: 26, value: (p) => p.schoolName },
  { header: '责任区', width: 12, value: (p) => textCell(p.zoneName) },
  { header: '问题来源', width: 10, value: (p) => p.source },
  { header: '专项名称', width: 12, value: (p) => textCell(p.campaign) },
  { header: '问题类别', width: 22, value: (p) => p.category },
  { header: '问题描述', width: 50, value: (p) => p.description },
  { header: '整改责任方', width: 11, value: (p) => p.actor },
  { header: '提出日期', width: 15, value: (p) => excelDate(p.raisedAt), date: true },
  { header: '整改通知书', width: 15, value: (p) => textCell(p.noticeNumber) },
  { header: '整改期限', width: 15, value: (p) => excelDate(p.dueDate), date: true },
  { header: '整改状态', width: 10, value: (p) => p.status },
  { header: '是否逾期', width: 9, value: (p) => (p.overdue ? '逾期' : null) },
  { header: '销号日期', width: 15, value: (p) => excelDate(p.closedAt), date: true },
];

/**
 * The 问题整改台账 as an .xlsx: a title line, a Chinese header, one row per problem (the rows as the
 * 台账's filters select them); overdue rows in red.
 */
export async function ledgerFile(office: string, rows: Problem[]): Promise<GeneratedFile> {
  const wb = newWorkbook(office);
  const ws = wb.addWorksheet('问题整改台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width, style: c.date ? { numFmt: DATE_FORMAT } : {} }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${office}问题整改台账（导出于${dateInWords(todayText())}，共${rows.length}条）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((p, i) => {
    const row = ws.addRow(LEDGER_COLUMNS.map((c) => c.value(p, i)));
    row.alignment = { vertical: 'top', wrapText: true };
    if (p.overdue) row.font = { color: { argb: 'FFC00000' } };
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: LEDGER_COLUMNS.length } };
  return xlsxFile(`问题整改台账-${todayText().replace(/-/g, '')}.xlsx`, wb);
}
