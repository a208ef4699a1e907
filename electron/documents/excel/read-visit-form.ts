/**
 * Reading a returned 督导记录表 (issue 15): the hidden 档案信息 sheet (which supervisor, which 填报期间),
 * every filled row of the 督导记录 sheet as text by column, and the pictures placed over each row. The
 * rows are checked against the archive by the store (store/visit-form-import.ts); only what makes the
 * file unreadable as a whole is refused here.
 */
import type ExcelJS from 'exceljs';
import { AppError } from '../../../shared/result';
import {
  VISIT_FORM_COLUMNS, VISIT_FORM_SHEETS, type ReturnedForm, type ReturnedPhoto, type ReturnedRow, type VisitFormColumn,
  type VisitFormField, type VisitFormInfo,
} from '../../../shared/visit-form';
import { loadWorkbook, readCell } from './read-roster';
import { imageInfo } from '../image-check';

/** More rows than a year of visits; beyond this the sheet is surely something else. */
const MAX_ROWS = 2000;
const HEADER_SEARCH_ROWS = 10;

const NOT_OURS = '这不是督导档案生成的督导记录表（文件中找不到“档案信息”），无法确定是哪位督学、哪个填报期间的记录。请使用督导室下发的督导记录表填写后交回。';

const norm = (s: string) => s.replace(/[\s*＊]/g, '');

function readInfo(wb: ExcelJS.Workbook): VisitFormInfo {
  const ws = wb.getWorksheet(VISIT_FORM_SHEETS.info);
  if (!ws) throw new AppError('invalid', NOT_OURS);
  const kv = new Map<string, string>();
  ws.eachRow((row) => kv.set(readCell(row.getCell(1).value, 'text').text, readCell(row.getCell(2).value, 'text').text));
  const id = Number(kv.get('督学编号'));
  const info: VisitFormInfo = {
    mark: kv.get('标识') ?? '', version: Number(kv.get('版本')), supervisorId: id, supervisorName: kv.get('督学姓名') ?? '',
    from: kv.get('填报开始') ?? '', to: kv.get('填报结束') ?? '',
  };
  if (!info.mark || !Number.isInteger(id) || id <= 0 || !/^\d{4}-\d{2}-\d{2}$/.test(info.from) || !/^\d{4}-\d{2}-\d{2}$/.test(info.to)) {
    throw new AppError('invalid', NOT_OURS);
  }
  return info;
}

/** The records sheet and its header row: the sheet named 督导记录, or the first naming the form's columns. */
function findRecords(wb: ExcelJS.Workbook): { ws: ExcelJS.Worksheet; headerRow: number; byCol: Map<number, VisitFormColumn> } {
  const byHeader = new Map(VISIT_FORM_COLUMNS.map((c) => [norm(c.header), c]));
  const sheets = [wb.getWorksheet(VISIT_FORM_SHEETS.records), ...wb.worksheets].filter((x): x is ExcelJS.Worksheet => !!x);
  for (const ws of sheets) {
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
      const byCol = new Map<number, VisitFormColumn>();
      ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
        const c = byHeader.get(norm(readCell(cell.value, 'text').text));
        if (c && ![...byCol.values()].includes(c)) byCol.set(col, c);
      });
      const has = (f: VisitFormField) => [...byCol.values()].some((c) => c.field === f);
      if (has('date') && has('school') && has('narrative')) return { ws, headerRow: r, byCol };
    }
  }
  throw new AppError('invalid', `没有找到督导记录的表头：「${VISIT_FORM_SHEETS.records}」工作表中应有“督导日期”“学校”“督导纪实”等列。请不要改动表头，或使用督导室下发的原表重新填写。`);
}

/** WPS's 嵌入单元格 picture: a formula =DISPIMG("ID_…",1) in the cell. */
function isCellPicture(v: ExcelJS.CellValue | undefined): boolean {
  return !!v && typeof v === 'object' && 'formula' in v && /DISPIMG\s*\(/i.test(String(v.formula));
}

/** The pictures over the sheet, by the (1-based) row their top-left corner is in. */
function photosByRow(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet): Map<number, ReturnedPhoto[]> {
  const out = new Map<number, ReturnedPhoto[]>();
  for (const img of ws.getImages()) {
    const media = wb.getImage(Number(img.imageId)) as ExcelJS.Image & { buffer?: Buffer };
    if (!media?.buffer) continue;
    const row = Math.floor(img.range.tl.nativeRow) + 1;
    const list = out.get(row) ?? [];
    // Judged by its header here, while the bytes are at hand (a preview lets them go).
    list.push({ bytes: new Uint8Array(media.buffer), info: imageInfo(media.buffer) });
    out.set(row, list);
  }
  return out;
}

export async function readVisitForm(data: Buffer): Promise<ReturnedForm> {
  const wb = await loadWorkbook(data);
  const info = readInfo(wb);
  const { ws, headerRow, byCol } = findRecords(wb);
  const photos = photosByRow(wb, ws);
  const rows: ReturnedRow[] = [];
  const last = Math.max(ws.rowCount, ...photos.keys());
  for (let r = headerRow + 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells = Object.fromEntries(VISIT_FORM_COLUMNS.map((c) => [c.field, ''])) as Record<VisitFormField, string>;
    let cellPictures = 0;
    for (const [col, c] of byCol) {
      const v = row.getCell(col).value;
      if (isCellPicture(v)) { cellPictures++; continue; }
      if (c.kind !== 'photo') cells[c.field] = readCell(v, c.kind === 'date' ? 'date' : 'text').text;
    }
    const mine = photos.get(r) ?? [];
    if (Object.values(cells).every((t) => t === '') && mine.length === 0 && cellPictures === 0) continue;
    rows.push({ rowNumber: r, cells, photos: mine, cellPictures });
    if (rows.length > MAX_ROWS) {
      throw new AppError('invalid', `表中的督导记录超过${MAX_ROWS}行，不像是一位督学一个学期的记录。请检查文件是否正确。`);
    }
  }
  return { info, rows };
}
