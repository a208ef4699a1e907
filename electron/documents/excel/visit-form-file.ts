/**
 * The 督导记录表 a supervisor fills in Excel or WPS (issue 15): one row per visit under a header of
 * shared/visit-form.ts's columns, the supervisor's schools, the 督导类型, the seven methods and the
 * eight items as drop-down lists (from a hidden 选项 sheet, so lists of any length work), a 填写说明
 * sheet, and a hidden 档案信息 sheet naming the supervisor and the 填报期间 for the import.
 */
import type ExcelJS from 'exceljs';
import { dateInWords, nowText } from '../../../shared/dates';
import {
  VISIT_FORM_COLUMNS, VISIT_FORM_HEADER_ROW, VISIT_FORM_MARK, VISIT_FORM_ROWS, VISIT_FORM_SHEETS, VISIT_FORM_VERSION,
  type VisitFormList,
} from '../../../shared/visit-form';
import { newWorkbook, xlsxFile, type GeneratedFile } from '../pack';
import { DATE_FORMAT } from './formats';

export interface VisitFormTemplateInput {
  office: string;
  supervisor: { id: number; name: string; certNo: string | null };
  /** 填报期间, yyyy-mm-dd. */
  from: string;
  to: string;
  lists: Record<VisitFormList, string[]>;
}

type Validations = { add(range: string, v: ExcelJS.DataValidation): void };

const LIST_TITLES: Record<VisitFormList, string> = { schools: '学校', types: '督导类型', methods: '督导方式', items: '督导事项' };
const LIST_ORDER: VisitFormList[] = ['schools', 'types', 'methods', 'items'];

/** Where each list's values sit in the hidden 选项 sheet: one column per list, a title in row 1. */
function listRanges(lists: VisitFormTemplateInput['lists']): Record<VisitFormList, string | null> {
  return Object.fromEntries(LIST_ORDER.map((list, i) => {
    const col = String.fromCharCode(65 + i);
    const n = lists[list].length;
    return [list, n ? `'${VISIT_FORM_SHEETS.lists}'!$${col}$2:$${col}$${n + 1}` : null];
  })) as Record<VisitFormList, string | null>;
}

function listsSheet(wb: ExcelJS.Workbook, lists: VisitFormTemplateInput['lists']): void {
  const ws = wb.addWorksheet(VISIT_FORM_SHEETS.lists, { state: 'hidden' });
  LIST_ORDER.forEach((list, i) => {
    ws.getColumn(i + 1).width = 30;
    ws.getCell(1, i + 1).value = LIST_TITLES[list];
    lists[list].forEach((v, k) => { ws.getCell(k + 2, i + 1).value = v; });
  });
}

function recordsSheet(wb: ExcelJS.Workbook, f: VisitFormTemplateInput, ranges: Record<VisitFormList, string | null>): void {
  const ws = wb.addWorksheet(VISIT_FORM_SHEETS.records, {
    views: [{ state: 'frozen', ySplit: VISIT_FORM_HEADER_ROW, xSplit: 2 }],
    // Printed on A4 landscape, all columns on one page's width, the header on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${VISIT_FORM_HEADER_ROW}:${VISIT_FORM_HEADER_ROW}` },
  });
  ws.columns = VISIT_FORM_COLUMNS.map((c) => ({
    width: c.width,
    style: c.kind === 'date' ? { numFmt: DATE_FORMAT } : { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  const last = VISIT_FORM_COLUMNS.length;
  ws.mergeCells(1, 1, 1, last);
  ws.mergeCells(2, 1, 2, last);
  const title = ws.getCell(1, 1);
  title.value = `${f.office}责任督学督导记录表`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(1).height = 28;
  const info = ws.getCell(2, 1);
  info.value = `督学：${f.supervisor.name}${f.supervisor.certNo ? `（督学证编号 ${f.supervisor.certNo}）` : ''}\u3000\u3000`
    + `填报期间：${dateInWords(f.from)}至${dateInWords(f.to)}\u3000\u3000每行填写一次督导，红色列名为必填项；照片插入到该行内。`;
  info.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(2).height = 36;

  const header = ws.getRow(VISIT_FORM_HEADER_ROW);
  header.values = VISIT_FORM_COLUMNS.map((c) => c.header);
  header.height = 22;
  header.eachCell((cell, col) => {
    const c = VISIT_FORM_COLUMNS[col - 1];
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
    cell.border = { bottom: { style: 'thin' } };
    if (c.note) cell.note = c.note;
  });

  const first = VISIT_FORM_HEADER_ROW + 1;
  const end = VISIT_FORM_HEADER_ROW + VISIT_FORM_ROWS;
  for (let r = first; r <= end; r++) ws.getRow(r).height = 60;
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  VISIT_FORM_COLUMNS.forEach((c, i) => {
    const range = c.list ? ranges[c.list] : null;
    if (!range) return;
    const col = ws.getColumn(i + 1).letter;
    validations.add(`${col}${first}:${col}${end}`, {
      type: 'list', allowBlank: true, formulae: [range],
      showErrorMessage: true, errorStyle: 'warning', errorTitle: c.header, error: `请从下拉列表中选择${c.header}。`,
    });
  });
}

function notesSheet(wb: ExcelJS.Workbook, f: VisitFormTemplateInput): void {
  const ws = wb.addWorksheet(VISIT_FORM_SHEETS.notes);
  ws.columns = [{ width: 14 }, { width: 8 }, { width: 70 }];
  ws.addRow(['督导记录表填写说明']).font = { bold: true, size: 14 };
  const lines = [
    `本表是督学${f.supervisor.name}${dateInWords(f.from)}至${dateInWords(f.to)}的督导记录表。在「${VISIT_FORM_SHEETS.records}」工作表中每行填写一次督导，填好后保存，原文件交回督导室即可；请不要改动表头、工作表名称和文件中隐藏的工作表。`,
    '“三五七”督导：每次督导写明一个亮点、一个问题（如有）和一次现场反馈。填写了问题的，导入后列入问题整改台账，由督导室跟踪整改。',
    '照片：用「插入 → 图片」插入照片，拖放到该次督导所在的行内（浮于单元格上方）。WPS 中请不要使用“嵌入单元格”方式。',
    '日期可以写成 2026-09-15、2026/9/15 或 2026年9月15日。督导日期须在填报期间内。',
    '督导室导入时会先逐行检查并显示预览（未知学校、日期不在填报期间、缺少督导纪实等会标出），同一学校、同一日期的记录不会重复导入。',
  ];
  for (const line of lines) {
    const row = ws.addRow([line]);
    ws.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 46;
  }
  ws.addRow([]);
  ws.addRow(['列名', '必填', '填写要求']).font = { bold: true };
  for (const c of VISIT_FORM_COLUMNS) ws.addRow([c.header, c.required ? '是' : null, c.note]).alignment = { wrapText: true, vertical: 'top' };
}

function infoSheet(wb: ExcelJS.Workbook, f: VisitFormTemplateInput): void {
  const ws = wb.addWorksheet(VISIT_FORM_SHEETS.info, { state: 'hidden' });
  ws.columns = [{ width: 12 }, { width: 30, style: { numFmt: '@' } }];
  const rows: [string, string | number][] = [
    ['标识', VISIT_FORM_MARK], ['版本', VISIT_FORM_VERSION], ['督学编号', f.supervisor.id], ['督学姓名', f.supervisor.name],
    ['填报开始', f.from], ['填报结束', f.to], ['生成时间', nowText()],
  ];
  for (const r of rows) ws.addRow(r);
}

/** The workbook for one supervisor: 督导记录表-张明.xlsx */
export async function visitFormWorkbook(f: VisitFormTemplateInput, fileName: string): Promise<GeneratedFile> {
  const wb = newWorkbook(f.office);
  wb.created = new Date();
  // The records sheet first: it is what opens.
  recordsSheet(wb, f, listRanges(f.lists));
  notesSheet(wb, f);
  listsSheet(wb, f.lists);
  infoSheet(wb, f);
  return xlsxFile(fileName, wb);
}
