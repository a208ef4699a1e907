/**
 * 历年档案: files from before the app (.docx, .pdf, .xlsx, images) filed under a year with a title and
 * kind. Each file is checked to be what its name says; the text of a .docx is extracted (mammoth) and
 * indexed, so the header search finds a file by what is written inside it.
 */
import path from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { z } from 'zod';
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { putAttachment, readAttachment } from './attachments';
import { audit } from './log';
import { moveToBin } from './recycle';
import { AppError } from '../../shared/result';
import type { FileOut } from '../../shared/schemas/admin';
import type { Page } from '../../shared/schemas/common';
import { LEGACY_EXTENSIONS, type LegacyFile, type legacyAdd, type legacyList } from '../../shared/schemas/year-close';

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

const startsWith = (b: Buffer, ...bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ascii = (b: Buffer, from: number, text: string) => b.subarray(from, from + text.length).toString('latin1') === text;

async function zipHas(bytes: Buffer, entry: string): Promise<boolean> {
  if (!startsWith(bytes, 0x50, 0x4b)) return false;
  try {
    return (await JSZip.loadAsync(bytes)).file(entry) !== null;
  } catch {
    return false;
  }
}

type Ext = keyof typeof MIME;

/** Check the file is what its extension says; answer the text to index ('' for all but .docx). */
async function checkFile(ext: Ext, name: string, bytes: Buffer): Promise<string> {
  const damaged = (what: string, hint: string) =>
    new AppError('invalid', `「文件」${name} 已损坏或不是有效的${what}，无法读取。${hint}`, 'data');
  switch (ext) {
    case 'docx': {
      if (!(await zipHas(bytes, 'word/document.xml'))) throw damaged('Word 文档（.docx）', '请用 Word 打开检查，另存为 .docx 后再上传。');
      try {
        const { value } = await mammoth.extractRawText({ buffer: bytes });
        return value.replace(/\n{3,}/g, '\n\n').trim().slice(0, MAX_TEXT);
      } catch {
        throw damaged('Word 文档（.docx）', '请用 Word 打开检查，另存为 .docx 后再上传。');
      }
    }
    case 'xlsx':
      if (!(await zipHas(bytes, 'xl/workbook.xml'))) throw damaged('Excel 工作簿（.xlsx）', '请用 Excel 打开检查，另存为 .xlsx 后再上传。');
      return '';
    case 'pdf':
      if (!ascii(bytes, 0, '%PDF-')) throw damaged('PDF 文件', '请重新导出 PDF 后再上传。');
      return '';
    default: {
      const ok = {
        jpg: () => startsWith(bytes, 0xff, 0xd8, 0xff), jpeg: () => startsWith(bytes, 0xff, 0xd8, 0xff),
        png: () => startsWith(bytes, 0x89, 0x50, 0x4e, 0x47), gif: () => ascii(bytes, 0, 'GIF8'),
        bmp: () => ascii(bytes, 0, 'BM'), webp: () => ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP'),
      }[ext]();
      if (!ok) throw damaged('图片', '请选择 JPG、PNG、GIF、BMP 或 WEBP 图片。');
      return '';
    }
  }
}

function extensionOf(fileName: string): Ext {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if ((LEGACY_EXTENSIONS as readonly string[]).includes(ext)) return ext as Ext;
  if (OLD_FORMATS[ext]) {
    throw new AppError('invalid', `「文件名」不支持旧版 .${ext} 文件，请在 ${OLD_FORMATS[ext]} 中另存为 ${ext === 'doc' || ext === 'wps' ? '.docx' : '.xlsx'} 后再上传。`, 'fileName');
  }
  throw new AppError('invalid', `「文件名」${fileName} 不是可收入历年档案的文件类型。只能上传 Word（.docx）、PDF、Excel（.xlsx）和图片（JPG、PNG、GIF、BMP、WEBP）。`, 'fileName');
}

const SELECT = `SELECT id, year, title, kind, file_name AS fileName, mime, size, text <> '' AS searchable, created_at AS createdAt
  FROM legacy_files`;
type Row = Omit<LegacyFile, 'searchable'> & { searchable: number };
const toFile = (r: Row): LegacyFile => ({ ...r, searchable: r.searchable === 1 });

export function getLegacy(a: Store, id: number): LegacyFile & { hash: string } {
  const r = a.db.prepare(`${SELECT.replace('FROM', ', hash FROM')} WHERE id = ? AND deleted_at IS NULL`).get(id) as (Row & { hash: string }) | undefined;
  if (!r) throw new AppError('not_found', '该历年档案文件不存在或已被删除，请刷新列表后重试。');
  return { ...toFile(r), hash: r.hash };
}

export async function addLegacy(a: Store, f: z.output<typeof legacyAdd>): Promise<LegacyFile> {
  const name = path.basename(f.fileName.replace(/\\/g, '/'));
  const ext = extensionOf(name);
  const bytes = Buffer.from(f.data, 'base64');
  if (bytes.length === 0) throw new AppError('invalid', '「文件内容」为空，请重新选择文件。', 'data');
  const text = await checkFile(ext, name, bytes);
  const id = a.db.transaction(() => {
    const hash = putAttachment(a, bytes, name, MIME[ext]);
    const res = a.db.prepare(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, text, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(f.year, f.title, f.kind, name, hash, MIME[ext], bytes.length, text, nowText());
    const newId = Number(res.lastInsertRowid);
    audit(a, '新增', 'legacyFile', newId, `收入${f.year}年历年档案「${f.title}」（${name}）`);
    return newId;
  })();
  const { hash: _hash, ...file } = getLegacy(a, id);
  return file;
}

export function listLegacy(a: Store, q: z.output<typeof legacyList>): Page<LegacyFile> {
  const where = q.year ? 'deleted_at IS NULL AND year = ?' : 'deleted_at IS NULL';
  const params = q.year ? [q.year] : [];
  const total = a.db.prepare(`SELECT count(*) FROM legacy_files WHERE ${where}`).pluck().get(...params) as number;
  const rows = a.db.prepare(`${SELECT} WHERE ${where} ORDER BY year DESC, id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as Row[];
  return { rows: rows.map(toFile), total };
}

export function deleteLegacy(a: Store, id: number): number {
  const f = getLegacy(a, id);
  return moveToBin(a, 'legacyFile', id, `${f.year}年 ${f.title}`);
}

export function downloadLegacy(a: Store, id: number): FileOut {
  const f = getLegacy(a, id);
  return { fileName: f.fileName, data: readAttachment(a, f.hash).bytes.toString('base64') };
}
