/**
 * A one-sheet .xlsx written as a stream, for a table with a hundred thousand rows (the 台账): each row
 * becomes SpreadsheetML text at once and goes into the .zip (zip.ts) as it is written, waiting when
 * the .zip cannot take more, so memory stays flat and a row costs microseconds. (exceljs's streaming
 * WorkbookWriter costs 100–250 µs a row: 12–30 s for a ten-year 台账; exceljs still writes and reads
 * every other workbook.) Strings are inline, so nothing is kept for a shared-string table.
 */
import { PassThrough } from 'node:stream';
import { once } from 'node:events';
import { writeZipFile } from './zip';

/** The cell styles this writer knows (styles.xml below, in this order). */
export const XLSX_STYLE = { plain: 0, title: 1, header: 2, body: 3, bodyRed: 4 } as const;
/** A date cell takes the date form of its row's style (excel/formats.ts DATE_FORMAT). */
const DATE_STYLE: Partial<Record<number, number>> = { [XLSX_STYLE.body]: 5, [XLSX_STYLE.bodyRed]: 6 };
export type XlsxStyle = (typeof XLSX_STYLE)[keyof typeof XLSX_STYLE];
/** A Date is written as a real Excel date (a serial day number) shown as 2026年12月4日; null and '' leave the cell empty. */
export type XlsxCell = string | number | Date | null;

export interface XlsxSheet {
  name: string;
  /** Column widths (characters). */
  widths: number[];
  /** Rows kept at the top when scrolling (a title and a header: 2). */
  frozenRows?: number;
  /** A title across all columns in row 1. */
  title?: string;
  /** The filter buttons' row (the header's row number). */
  filterRow?: number;
}

const esc = (s: string) => s
  // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Write the sheet into `out`: `rows` gives each row's cells and style, one at a time, and may be a
 * generator reading a database. `onRow(n)` runs after every row (progress, and a cancel: throwing
 * stops the writing and the partial file is removed).
 */
export async function writeXlsxStream(out: string, sheet: XlsxSheet, rows: Iterable<{ cells: XlsxCell[]; style: XlsxStyle }>,
  onRow: (n: number) => Promise<void> | null = () => null): Promise<void> {
  const body = new PassThrough();
  const last = columnName(sheet.widths.length - 1);
  const zipped = writeZipFile(out, [
    { name: '[Content_Types].xml', bytes: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', bytes: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', bytes: Buffer.from(workbook(sheet, last)) },
    { name: 'xl/_rels/workbook.xml.rels', bytes: Buffer.from(WORKBOOK_RELS) },
    { name: 'xl/styles.xml', bytes: Buffer.from(STYLES) },
    { name: 'xl/worksheets/sheet1.xml', stream: body },
  ], { level: 1 });
  // A promise only when the .zip cannot take more yet: most rows are written without waiting.
  const write = (text: string): Promise<unknown> | null => (body.write(text) ? null : Promise.race([once(body, 'drain'), zipped]));
  try {
    const frozen = sheet.frozenRows ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/>` : '';
    await write(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`
      + `<sheetViews><sheetView workbookViewId="0">${frozen}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`
      + `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`);
    let r = 0;
    const row = (cells: XlsxCell[], style: number) => {
      r++;
      let xml = `<row r="${r}">`;
      cells.forEach((v, i) => {
        if (v === null || v === '') return;
        const ref = `${columnName(i)}${r}`;
        if (v instanceof Date) xml += `<c r="${ref}" s="${DATE_STYLE[style] ?? style}"><v>${v.getTime() / 86_400_000 + 25_569}</v></c>`;
        else xml += typeof v === 'number' ? `<c r="${ref}" s="${style}"><v>${v}</v></c>`
          : `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
      });
      return `${xml}</row>`;
    };
    if (sheet.title !== undefined) await write(row([sheet.title], XLSX_STYLE.title));
    let n = 0;
    for (const { cells, style } of rows) {
      const full = write(row(cells, style));
      if (full) await full;
      const next = onRow(++n);
      if (next) await next;
    }
    const filter = sheet.filterRow ? `<autoFilter ref="A${sheet.filterRow}:${last}${sheet.filterRow}"/>` : '';
    const merge = sheet.title !== undefined ? `<mergeCells count="1"><mergeCell ref="A1:${last}1"/></mergeCells>` : '';
    body.end(`</sheetData>${filter}${merge}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
  } catch (e) {
    body.destroy(e as Error);
    await zipped.catch(() => undefined); // removes the partial file
    throw e;
  }
  await zipped;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

function workbook(sheet: XlsxSheet, last: string): string {
  const filter = sheet.filterRow
    ? `<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'${esc(sheet.name)}'!$A$${sheet.filterRow}:$${last}$${sheet.filterRow}</definedName></definedNames>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${esc(sheet.name)}" sheetId="1" r:id="rId1"/></sheets>${filter}</workbook>`;
}

// Fonts: normal, title (bold 14), bold, red. Fills: none, gray125 (both required), light grey.
// Borders: none, thin bottom. Cell formats in XLSX_STYLE's order, then the date forms of body and bodyRed
// (DATE_STYLE; number format 164 is excel/formats.ts DATE_FORMAT).
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><fonts count="4"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="14"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font><font><sz val="11"/><color rgb="FFC00000"/><name val="宋体"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEFEFEF"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf><xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="3" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
