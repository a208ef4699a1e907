/** Reading a roster .xlsx for import: find the header, read each row's cells as the roster's columns say. */
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/result';
import { normalizeDate, normalizeMonth } from '../../../shared/dates';
import { checkXlsx } from '../safe-zip';
import { columnFor, type CellKind, type Column, type Roster, type Sheet, type SheetCell, type SheetRow } from '../../../shared/rosters';

/** More rows than any office has; beyond this the file is surely something else. */
export const MAX_ROWS = 10_000;
/** The header may sit below a title line or two. */
const HEADER_SEARCH_ROWS = 10;

const NOT_XLSX = '文件不是有效的 Excel（.xlsx）文件，可能已损坏或是其他格式。请在 Excel 或 WPS 中打开后另存为「Excel 工作簿（*.xlsx）」再导入。';

/** Any one sheet's rows that may hold data: the import's limit, and the title lines above a header. */
const MAX_SHEET_ROWS = MAX_ROWS + HEADER_SEARCH_ROWS;
/** Cells in all (a full roster has about twenty columns): what loading the workbook may cost. */
const MAX_CELLS = 500_000;

/**
 * Load an .xlsx from its bytes; anything else is refused with a sentence the user can act on. Before
 * exceljs loads it whole, safe-zip.ts checks what it would inflate into and counts its rows as they
 * stream, so a million-row sheet is refused after ten thousand.
 */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  if (data.length >= 4 && data.readUInt32BE(0) === 0xd0cf11e0) {
    throw new AppError('invalid', '这是旧版 Excel（.xls）文件，暂不支持。请在 Excel 或 WPS 中打开后另存为「Excel 工作簿（*.xlsx）」再导入。');
  }
  const tooManyRows = `表格有超过 ${MAX_ROWS} 行数据，超过一次最多导入的 ${MAX_ROWS} 行。请分成几个文件导入。`;
  if (!(await checkXlsx(data, { maxRows: MAX_SHEET_ROWS, tooManyRows, maxCells: MAX_CELLS }))) throw new AppError('invalid', NOT_XLSX);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid', NOT_XLSX);
  }
  // A zip that is not a workbook (a .docx, a .zip) loads with no sheets at all.
  if (wb.worksheets.length === 0) throw new AppError('invalid', NOT_XLSX);
  return wb;
}

/** Find the roster's sheet and header row, and read every non-empty row below it. */
export async function readRoster(data: Buffer, roster: Roster): Promise<Sheet> {
  const wb = await loadWorkbook(data);
  if (wb.worksheets.every((ws) => ws.actualRowCount === 0)) {
    throw new AppError('invalid', '文件中的工作表是空的，没有表头也没有数据。请下载模板，按模板的列填写后再导入。');
  }
  const found = findHeader(wb, roster);
  if (!found) {
    const sample = roster.columns.slice(0, 4).map((c) => c.header).join('、');
    throw new AppError('invalid', `没有找到${roster.label}名册的表头。第一行应为列名（如 ${sample} …），请下载模板对照后再导入。`);
  }
  const { ws, headerRow, byCol } = found;

  const missing = roster.columns.filter((c) => c.required && ![...byCol.values()].includes(c));
  if (missing.length) {
    throw new AppError('invalid', `表格缺少必需的列：${missing.map((c) => `「${c.header}」`).join('、')}。请在第 ${headerRow} 行表头中添加该列（可下载模板对照）。`);
  }

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    const cells = new Map<string, SheetCell>();
    let any = false;
    for (const [colNumber, column] of byCol) {
      const cell = readCell(row.getCell(colNumber).value, column.kind);
      if (cell.value !== undefined) any = true;
      cells.set(column.field, cell);
    }
    if (any) rows.push({ rowNumber, cells });
  });
  if (rows.length === 0) {
    throw new AppError('invalid', `表格只有表头，没有${roster.label}数据。请从第 ${headerRow + 1} 行起每行填写一条${roster.label}记录后再导入。`);
  }
  if (rows.length > MAX_ROWS) {
    throw new AppError('invalid', `表格有 ${rows.length} 行数据，超过一次最多导入的 ${MAX_ROWS} 行。请分成几个文件导入。`);
  }
  const present = new Set(byCol.values());
  return { columns: roster.columns.filter((c) => present.has(c)), rows };
}

interface HeaderAt {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  /** Excel column number -> roster column. */
  byCol: Map<number, Column>;
}

/**
 * The header is the row (within the first few of a sheet) naming the most roster columns, at
 * least two; the first sheet that has one wins, so a 说明 sheet after the data is ignored.
 */
function findHeader(wb: ExcelJS.Workbook, roster: Roster): HeaderAt | undefined {
  for (const ws of wb.worksheets) {
    let best: (HeaderAt & { twice?: [Column, string, string] }) | undefined;
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
      const byCol = new Map<number, Column>();
      const seen = new Map<Column, string>();
      let twice: [Column, string, string] | undefined;
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const header = textOf(plain(cell.value));
        const column = columnFor(roster, header);
        if (!column) return;
        if (seen.has(column)) { twice ??= [column, seen.get(column)!, header]; return; }
        seen.set(column, header);
        byCol.set(colNumber, column);
      });
      if (byCol.size >= 2 && (!best || byCol.size > best.byCol.size)) best = { ws, headerRow: r, byCol, twice };
    }
    if (best?.twice) {
      const [column, first, second] = best.twice;
      throw new AppError('invalid', `表头中「${column.header}」列出现了两次（「${first}」与「${second}」），请只保留一列后再导入。`);
    }
    if (best) return best;
  }
  return undefined;
}

type Plain = string | number | boolean | Date | null;

/** What a cell holds, whatever Excel wrapped it in: rich text, formulas, hyperlinks, errors. */
function plain(v: ExcelJS.CellValue | undefined): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return plain(v.text as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Excel's day numbers (1900 system) for date cells formatted as plain numbers. */
function fromSerial(n: number): Date {
  return new Date(Math.round((n - 25569) * 86_400_000));
}

function textOf(p: Plain): string {
  if (p === null) return '';
  if (p instanceof Date) return Number.isNaN(p.getTime()) ? '' : ymd(p);
  if (typeof p === 'boolean') return p ? '是' : '否';
  return String(p).trim();
}

/** A cell as the roster reads it: plain text (dates as yyyy-mm-dd, months as yyyy-mm) and its value. */
export function readCell(raw: ExcelJS.CellValue | undefined, kind: CellKind): SheetCell {
  const p = plain(raw);
  let text: string;
  if (kind === 'date' || kind === 'month') {
    if (typeof p === 'number' && Number.isInteger(p) && p > 0 && !/^\d{6}(\d{2})?$/.test(String(p))) {
      text = ymd(fromSerial(p));
    } else {
      text = normalizeDate(textOf(p));
    }
    if (kind === 'month') text = normalizeMonth(text);
  } else {
    text = textOf(p);
  }
  if (text === '') return { text, value: undefined };
  if (kind === 'int') {
    if (typeof p === 'number') return { text, value: p };
    const digits = text.replace(/[,，\s]/g, '');
    return { text, value: /^\d+$/.test(digits) ? Number(digits) : text };
  }
  return { text, value: text };
}
