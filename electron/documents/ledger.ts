/** 问题整改台账 (the rectification ledger) as an .xlsx, from the rows the 台账's filters select. */
import { todayText } from '../../shared/dates';
import type { Problem } from '../../shared/schemas/problem';
import { newWorkbook, xlsxFile, type GeneratedFile } from './pack';

const LEDGER_COLUMNS: { header: string; width: number; value: (p: Problem, i: number) => string | number }[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '学校', width: 26, value: (p) => p.ownerName }, // 责任单位 in the 督政 ledger
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

/**
 * The 问题整改台账 as an .xlsx: a title line, a Chinese header, one row per problem (the rows as the
 * 台账's filters select them); overdue rows in red.
 */
export async function ledgerFile(office: string, rows: Problem[], owner: 'school' | 'unit' = 'school'): Promise<GeneratedFile> {
  const name = owner === 'unit' ? '督政问题台账' : '问题整改台账';
  const wb = newWorkbook(office);
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${office}${name}（导出于 ${todayText()}，共 ${rows.length} 条）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow(LEDGER_COLUMNS.map((c) => (owner === 'unit' && c.header === '学校' ? '责任单位' : c.header)));
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
  return xlsxFile(`${name}-${todayText().replace(/-/g, '')}.xlsx`, wb);
}
