/** The roster .xlsx files: an empty template to fill in, and the live register in the same layout. */
import type ExcelJS from 'exceljs';
import { nowText } from '../../../shared/dates';
import { ROSTERS, type Column, type Roster, type RosterKind } from '../../../shared/rosters';
import { newWorkbook, xlsxFile, type GeneratedFile } from '../pack';
import { DATE_FORMAT, MONTH_FORMAT, excelDate } from './formats';

/** The archive's own lists a roster's drop-downs offer: the office's 督学类别 and the live 责任区. */
export interface RosterLists {
  categories: string[];
  zones: string[];
}

/** Rows below the data that still get the drop-down lists, for people adding records. */
const SPARE_ROWS = 1000;
/** Excel refuses an inline list longer than this. */
const MAX_INLINE_LIST = 255;

/** The allowed values of a column, resolved against the archive's lists. */
function allowedValues(lists: RosterLists, c: Column): string[] | undefined {
  if (!c.values) return undefined;
  if (c.values === 'categories') return lists.categories;
  if (c.values === 'zones') return lists.zones;
  return [...c.values];
}

// The sheet's own data-validation list (typed loosely in exceljs's typings).
type Validations = { add(range: string, v: ExcelJS.DataValidation): void };

/** The roster sheet: the header row (bold, frozen, filter), widths, text formats, drop-downs. */
function rosterSheet(lists: RosterLists, wb: ExcelJS.Workbook, roster: Roster, rowCount: number): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(roster.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Dates and months as real dates in the Chinese format, counts as numbers, and text format everywhere
  // else, so Excel keeps phone numbers and leading zeros as typed.
  ws.columns = roster.columns.map((c) => ({
    header: c.header, key: c.field, width: c.kind === 'date' ? Math.max(c.width, 16) : c.width,
    style: c.kind === 'int' ? {} : c.kind === 'date' ? { numFmt: DATE_FORMAT } : c.kind === 'month' ? { numFmt: MONTH_FORMAT } : { numFmt: '@' },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.height = 20;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: roster.columns.length } };

  const last = rowCount + SPARE_ROWS + 1;
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  roster.columns.forEach((c, i) => {
    const values = allowedValues(lists, c);
    const list = values?.join(',');
    if (!values?.length || !list || list.length > MAX_INLINE_LIST || values.some((v) => /[,"]/.test(v))) return;
    const col = ws.getColumn(i + 1).letter;
    validations.add(`${col}2:${col}${last}`, {
      type: 'list', allowBlank: true, formulae: [`"${list}"`],
      showErrorMessage: true, errorStyle: 'warning', errorTitle: c.header, error: `请从下拉列表中选择${c.header}。`,
    });
  });
  return ws;
}

/** The 说明 sheet: how rows are matched, and each column's rule and allowed values. */
function notesSheet(lists: RosterLists, wb: ExcelJS.Workbook, roster: Roster): void {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 40 }, { width: 60 }];
  const title = ws.addRow([`${roster.sheetName}填写说明`]);
  title.font = { bold: true, size: 14 };
  const required = roster.columns.filter((c) => c.required).map((c) => `「${c.header}」`).join('、');
  for (const line of [
    roster.matchNote,
    `必填的列：${required}。列的顺序可以调整，表中多出的列会被忽略；没有的可选列在更新时保留档案中原有内容。`,
    '日期可以是 Excel 日期，也可以写成 2024-09-01、2024/9/1 或 2024年9月1日。导入前会先显示预览，确认后才写入档案。',
  ]) {
    ws.addRow([line]);
    ws.mergeCells(ws.rowCount, 1, ws.rowCount, 4);
    ws.getRow(ws.rowCount).alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(ws.rowCount).height = 32;
  }
  ws.addRow([]);
  const head = ws.addRow(['列名', '必填', '填写要求', '可选值']);
  head.font = { bold: true };
  for (const c of roster.columns) {
    const values = allowedValues(lists, c);
    const shown = values ? (values.length ? values.join('、') : '（档案中还没有，请先建立）') : '';
    const row = ws.addRow([c.header, c.required ? '是' : '', c.note, shown]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

function rosterWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook('督导档案');
  wb.created = new Date();
  return wb;
}

/** An empty roster with the header row, drop-downs and the 说明 sheet. */
export async function rosterTemplateFile(kind: RosterKind, lists: RosterLists): Promise<GeneratedFile> {
  const roster = ROSTERS[kind];
  const wb = rosterWorkbook();
  rosterSheet(lists, wb, roster, 0);
  notesSheet(lists, wb, roster);
  return xlsxFile(`${roster.sheetName}导入模板.xlsx`, wb);
}

/**
 * Every live record (its fields by name, a school's zone by `zoneName`) in the template's layout, so
 * the file can be edited and imported again.
 */
export async function rosterExportFile(kind: RosterKind, records: Record<string, unknown>[], lists: RosterLists): Promise<GeneratedFile> {
  const roster = ROSTERS[kind];
  const wb = rosterWorkbook();
  const ws = rosterSheet(lists, wb, roster, records.length);
  for (const fields of records) {
    ws.addRow(roster.columns.map((c) => {
      const v = c.kind === 'zone' ? fields.zoneName : fields[c.field];
      if (c.kind === 'date' || c.kind === 'month') return excelDate(typeof v === 'string' ? v : null);
      return v === undefined || v === '' ? null : v;
    }));
  }
  notesSheet(lists, wb, roster);
  return xlsxFile(`${roster.sheetName}-${nowText().slice(0, 10)}.xlsx`, wb);
}
