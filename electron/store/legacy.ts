/**
 * 历年档案: files from before the app (.docx, .pdf, .xlsx, images) filed under a year with a title and
 * kind. Each file is checked and its text read by electron/documents/legacy-file.ts; the text of a .docx
 * is indexed, so the header search finds a file by what is written inside it.
 */
import type { z } from 'zod';
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { attachmentFile, putAttachment } from './attachments';
import { audit } from './log';
import { moveToBin } from './recycle';
import { AppError } from '../../shared/result';
import type { Page } from '../../shared/schemas/common';
import type { LegacyFile, legacyAdd, legacyList } from '../../shared/schemas/year-close';

const SELECT = `SELECT id, year, title, kind, file_name AS fileName, mime, size, text <> '' AS searchable, created_at AS createdAt
  FROM legacy_files`;
type Row = Omit<LegacyFile, 'searchable'> & { searchable: number };
const toFile = (r: Row): LegacyFile => ({ ...r, searchable: r.searchable === 1 });

export function getLegacy(a: Store, id: number): LegacyFile & { hash: string } {
  const r = a.db.prepare(`${SELECT.replace('FROM', ', hash FROM')} WHERE id = ? AND deleted_at IS NULL`).get(id) as (Row & { hash: string }) | undefined;
  if (!r) throw new AppError('not_found', '该历年档案文件不存在或已被删除，请刷新列表后重试。');
  return { ...toFile(r), hash: r.hash };
}

/** A checked file (see electron/documents/legacy-file.ts) as read from the upload. */
export interface LegacyUpload {
  fileName: string;
  mime: string;
  bytes: Buffer;
  text: string;
}

export function addLegacy(a: Store, f: Pick<z.output<typeof legacyAdd>, 'year' | 'title' | 'kind'>, upload: LegacyUpload): LegacyFile {
  const { fileName: name, mime, bytes, text } = upload;
  const id = a.db.transaction(() => {
    const hash = putAttachment(a, bytes, name, mime);
    const res = a.db.prepare(`INSERT INTO legacy_files (year, title, kind, file_name, hash, mime, size, text, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(f.year, f.title, f.kind, name, hash, mime, bytes.length, text, nowText());
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

/** The kept file, byte for byte, under its original name. */
export function legacyFile(a: Store, id: number): { path: string; fileName: string; mime: string } {
  const f = getLegacy(a, id);
  return { path: attachmentFile(a, f.hash).path, fileName: f.fileName, mime: f.mime };
}
