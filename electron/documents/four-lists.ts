/** 四清单 (任务、问题、整改、责任) as an .xlsx: a title, the four lists' group headers over their columns, a row per problem. */
import { dateInWords, todayText } from '../../shared/dates';
import type { FourListRow, FourLists } from '../../shared/schemas/oversight';
import { DATE_FORMAT, excelDate, textCell } from './excel/formats';
import { newWorkbook, xlsxFile, type GeneratedFile } from './pack';

/** A column: dates are real dates in the Chinese date format, empty cells empty (excel/formats.ts). */
interface Column { header: string; width: number; value: (r: FourListRow, i: number) => string | number | Date | null; date?: boolean }

/** The four lists, each with its columns. */
export const FOUR_LISTS: { list: string; columns: Column[] }[] = [
  { list: '任务清单', columns: [
    { header: '序号', width: 6, value: (_r, i) => i + 1 },
    { header: '督导任务', width: 18, value: (r) => r.task },
    { header: '督导事项', width: 20, value: (r) => r.item },
  ] },
  { list: '问题清单', columns: [
    { header: '问题描述', width: 40, value: (r) => r.problem },
    { header: '提出日期', width: 15, value: (r) => excelDate(r.raisedAt), date: true },
  ] },
  { list: '整改清单', columns: [
    { header: '整改要求及措施', width: 36, value: (r) => textCell(r.measure) },
    { header: '整改时限', width: 15, value: (r) => excelDate(r.dueDate), date: true },
    { header: '整改状态', width: 10, value: (r) => (r.overdue ? `${r.status}（逾期）` : r.status) },
    { header: '销号日期', width: 15, value: (r) => excelDate(r.closedAt), date: true },
    { header: '回头看及督办', width: 20, value: (r) => textCell(r.followThrough) },
  ] },
  { list: '责任清单', columns: [
    { header: '责任主体', width: 24, value: (r) => r.owner },
    { header: '整改责任方', width: 11, value: (r) => r.actor },
    { header: '责任督学', width: 14, value: (r) => textCell(r.supervisors) },
  ] },
];

export async function fourListsFile(office: string, lists: FourLists): Promise<GeneratedFile> {
  const columns = FOUR_LISTS.flatMap((g) => g.columns);
  const wb = newWorkbook(office);
  // Printed as the office hands it in: A4 landscape, one page wide, the title and headers on every page.
  const ws = wb.addWorksheet('四清单', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3', horizontalCentered: true },
  });
  ws.columns = columns.map((c) => ({ width: c.width, style: c.date ? { numFmt: DATE_FORMAT } : {} }));
  ws.mergeCells(1, 1, 1, columns.length);
  const title = ws.getCell(1, 1);
  const c = lists.counts;
  title.value = `${office}${lists.title}（导出于${dateInWords(todayText())}：问题${c.raised}个，已销号${c.closed}个，逾期${c.overdue}个，反弹${c.rebounds}个）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  let at = 1;
  for (const g of FOUR_LISTS) {
    ws.mergeCells(2, at, 2, at + g.columns.length - 1);
    ws.getCell(2, at).value = g.list;
    at += g.columns.length;
  }
  const thin = { style: 'thin' } as const;
  const box = { top: thin, bottom: thin, left: thin, right: thin };
  const heads = [ws.getRow(2), ws.addRow(columns.map((x) => x.header))];
  for (const row of heads) {
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
      cell.border = box;
    });
  }
  lists.rows.forEach((r, i) => {
    const row = ws.addRow(columns.map((x) => x.value(r, i)));
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.overdue) row.font = { color: { argb: 'FFC00000' } };
    for (let col = 1; col <= columns.length; col++) row.getCell(col).border = box;
  });
  return xlsxFile(`${lists.title.replace(/[“”]/g, '')}-${todayText().replace(/-/g, '')}.xlsx`, wb);
}
