/**
 * Writing a built document: the bytes of the .docx or .xlsx, a file name Windows accepts, and the one
 * shape every producer in electron/documents returns (handlers turn it into the contract's FileOut).
 */
import { Packer, type Document } from 'docx';
import ExcelJS from 'exceljs';

/** A file the app made (or kept): its name as offered for saving, and its bytes. */
export interface GeneratedFile {
  fileName: string;
  bytes: Buffer;
}

export async function toDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** A file name from a title: characters Windows forbids become full-width or go, at most 80 characters. */
export function docxFileName(title: string): string {
  const safe = title
    .replace(/[\\/]/g, '－').replace(/:/g, '：').replace(/\*/g, '＊').replace(/\?/g, '？')
    .replace(/"/g, '＂').replace(/</g, '＜').replace(/>/g, '＞').replace(/\|/g, '｜')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f]/g, '').trim().replace(/[. ]+$/, '');
  return `${[...(safe || '文档')].slice(0, 80).join('')}.docx`;
}

/** A built Word document as a file named after its title. */
export async function docxFile(title: string, doc: Document): Promise<GeneratedFile> {
  return { fileName: docxFileName(title), bytes: await toDocx(doc) };
}

/** An empty workbook written by `creator` (the office, or the app). */
export function newWorkbook(creator: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  return wb;
}

export async function toXlsx(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A built workbook as a file. */
export async function xlsxFile(fileName: string, wb: ExcelJS.Workbook): Promise<GeneratedFile> {
  return { fileName, bytes: await toXlsx(wb) };
}
