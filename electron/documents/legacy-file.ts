/**
 * Reading a file brought into 历年档案 (.docx, .pdf, .xlsx, images): it must be what its name says, and
 * the text of a .docx is read for the search as it streams (docx-text.ts, within safe-zip.ts's limits),
 * and a picture's size is read from its header (image-check.ts) before anything decodes it.
 */
import path from 'node:path';
import { AppError } from '../../shared/result';
import { LEGACY_EXTENSIONS } from '../../shared/schemas/year-close';
import { ZipRefused, zipHas } from './safe-zip';
import { docxText } from './docx-text';
import { checkImage, imageType } from './image-check';

const MIME: Record<(typeof LEGACY_EXTENSIONS)[number], string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', bmp: 'image/bmp', webp: 'image/webp',
};
/** Old binary Office formats: say how to convert them. */
const OLD_FORMATS: Record<string, string> = { doc: 'Word', wps: 'WPS 文字', xls: 'Excel', et: 'WPS 表格' };
/** Kept for the search; a very long document's tail is not indexed. */
const MAX_TEXT = 500_000;

const ascii = (b: Buffer, from: number, text: string) => b.subarray(from, from + text.length).toString('latin1') === text;

type Ext = keyof typeof MIME;

/** Check the file is what its extension says; answer the text to index ('' for all but .docx). */
async function checkFile(ext: Ext, name: string, bytes: Buffer): Promise<string> {
  const damaged = (what: string, hint: string) =>
    new AppError('invalid', `「文件」${name} 已损坏或不是有效的${what}，无法读取。${hint}`, 'uploadId');
  switch (ext) {
    case 'docx': {
      let text: string | null;
      try {
        text = await docxText(bytes, MAX_TEXT);
      } catch (e) {
        if (e instanceof ZipRefused) throw e;
        text = null; // a damaged document.xml
      }
      if (text === null) throw damaged('Word 文档（.docx）', '请用 Word 打开检查，另存为 .docx 后再上传。');
      return text;
    }
    case 'xlsx':
      if (!(await zipHas(bytes, 'xl/workbook.xml'))) throw damaged('Excel 工作簿（.xlsx）', '请用 Excel 打开检查，另存为 .xlsx 后再上传。');
      return '';
    case 'pdf':
      if (!ascii(bytes, 0, '%PDF-')) throw damaged('PDF 文件', '请重新导出 PDF 后再上传。');
      return '';
    default: {
      const expected = ext === 'jpg' ? 'jpeg' : ext;
      if (imageType(bytes) !== expected) throw damaged('图片', '请选择 JPG、PNG、GIF、BMP 或 WEBP 图片。');
      checkImage(bytes, name);
      return '';
    }
  }
}

function extensionOf(fileName: string): Ext {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if ((LEGACY_EXTENSIONS as readonly string[]).includes(ext)) return ext as Ext;
  if (OLD_FORMATS[ext]) {
    throw new AppError('invalid', `「文件」不支持旧版 .${ext} 文件，请在 ${OLD_FORMATS[ext]} 中另存为 ${ext === 'doc' || ext === 'wps' ? '.docx' : '.xlsx'} 后再上传。`, 'uploadId');
  }
  throw new AppError('invalid', `「文件」${fileName} 不是可收入历年档案的文件类型。只能上传 Word（.docx）、PDF、Excel（.xlsx）和图片（JPG、PNG、GIF、BMP、WEBP）。`, 'uploadId');
}

/** A file to keep in 历年档案, as read: its name (without folders), type, bytes and the text to index. */
export interface LegacyFileRead {
  fileName: string;
  mime: string;
  bytes: Buffer;
  /** '' for all but .docx. */
  text: string;
}

/** Check an uploaded file (name, emptiness, content) and read its text; refused with what to do otherwise. */
export async function readLegacyFile(fileName: string, bytes: Buffer): Promise<LegacyFileRead> {
  const name = path.basename(fileName.replace(/\\/g, '/'));
  const ext = extensionOf(name);
  if (bytes.length === 0) throw new AppError('invalid', '「文件内容」为空，请重新选择文件。', 'uploadId');
  const text = await checkFile(ext, name, bytes);
  return { fileName: name, mime: MIME[ext], bytes, text };
}
