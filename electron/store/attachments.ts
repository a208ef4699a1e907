import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { AppError } from '../../shared/result';

const HASH = /^[0-9a-f]{64}$/;

/** Where a stored file lives. Only a validated hash ever becomes a path, so nothing escapes the folder. */
export function attachmentPath(a: Store, hash: string): string {
  if (!HASH.test(hash)) throw new AppError('invalid', '附件编号无效。');
  return path.join(a.attachmentsDir, hash.slice(0, 2), hash);
}

/** Store bytes by content hash (SHA-256); the same file stored twice is kept once. */
export function putAttachment(a: Store, bytes: Buffer, fileName: string, mime: string): string {
  const hash = crypto.createHash('sha256').update(bytes).digest('hex');
  const file = attachmentPath(a, hash);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  }
  a.db.prepare(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(hash) DO NOTHING`).run(hash, path.basename(fileName), mime, bytes.length, nowText());
  return hash;
}

/** A file received into the data folder's temporary folder, hashed as it came in. */
export interface ReceivedFile { path: string; sha256: string; size: number; fileName: string; mime: string }

/**
 * Store a received file: moved into place by its hash (the same disk, so a rename), or dropped when the
 * store has it already.
 */
export function putAttachmentFile(a: Store, f: ReceivedFile): string {
  const file = attachmentPath(a, f.sha256);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.renameSync(f.path, file);
  }
  a.db.prepare(`INSERT INTO attachments (hash, file_name, mime, size, created_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(hash) DO NOTHING`).run(f.sha256, path.basename(f.fileName), f.mime, f.size, nowText());
  return f.sha256;
}

/** Where a stored file is, with its name and type (to offer it for download or display). */
export function attachmentFile(a: Store, hash: string): { path: string; mime: string; fileName: string } {
  const row = a.db.prepare('SELECT mime, file_name AS fileName FROM attachments WHERE hash = ?').get(hash) as
    { mime: string; fileName: string } | undefined;
  const file = attachmentPath(a, hash);
  if (!row || !fs.existsSync(file)) throw new AppError('not_found', '附件文件不存在，可能已被移出档案文件夹。');
  return { path: file, ...row };
}

export function readAttachment(a: Store, hash: string): { bytes: Buffer; mime: string; fileName: string } {
  const row = a.db.prepare('SELECT mime, file_name AS fileName FROM attachments WHERE hash = ?').get(hash) as
    { mime: string; fileName: string } | undefined;
  const file = attachmentPath(a, hash);
  if (!row || !fs.existsSync(file)) throw new AppError('not_found', '附件文件不存在，可能已被移出档案文件夹。');
  return { bytes: fs.readFileSync(file), ...row };
}

/** Pictures of the archive for a Word export: a stored file's bytes, or null when it is missing (the export goes on without it). */
export function imageLoader(a: Store): (hash: string) => Uint8Array | null {
  return (hash) => {
    try { return readAttachment(a, hash).bytes; } catch { return null; }
  };
}
