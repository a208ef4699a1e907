/**
 * Filling a 督导记录表 as a supervisor does in Excel (issue 15): values typed into the 督导记录 sheet's
 * rows under the header, pictures placed over their rows. For the demo archive's returned forms and
 * the tests; the app itself only writes blank forms and reads filled ones.
 */
import ExcelJS from 'exceljs';
import { VISIT_FORM_COLUMNS, VISIT_FORM_HEADER_ROW, VISIT_FORM_SHEETS } from '../../../shared/visit-form';

/** One visit as typed: cell values by column header (a Date for a date typed in Excel's way, a formula …), and photos. */
export interface FilledVisit {
  values: Partial<Record<string, ExcelJS.CellValue>>;
  photos?: { bytes: Buffer; extension: 'png' | 'jpeg' }[];
  /** Leave this many empty rows above it (people skip rows). */
  skip?: number;
}

export async function fillVisitForm(template: Buffer, visits: FilledVisit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(VISIT_FORM_SHEETS.records)!;
  const photoCol = VISIT_FORM_COLUMNS.findIndex((c) => c.kind === 'photo');
  let row = VISIT_FORM_HEADER_ROW;
  for (const v of visits) {
    row += 1 + (v.skip ?? 0);
    VISIT_FORM_COLUMNS.forEach((c, i) => {
      const value = v.values[c.header];
      if (value !== undefined) ws.getCell(row, i + 1).value = value;
    });
    (v.photos ?? []).forEach((p, k) => {
      const id = wb.addImage({ buffer: p.bytes as unknown as ExcelJS.Buffer, extension: p.extension });
      // Side by side in the 照片 column and to its right, inside the row.
      ws.addImage(id, { tl: { col: photoCol + k * 0.9, row: row - 1 + 0.1 }, ext: { width: 72, height: 54 }, editAs: 'oneCell' });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
