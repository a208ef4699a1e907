/**
 * The manual backup file: one .zip with manifest.json, archive.db (a consistent copy of the archive) and
 * attachments/<xx>/<sha256>, written as a stream from the files the store gathers; opened again, checked,
 * and read entry by entry for a restore.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { nowText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import { NOT_A_BACKUP, type BackupManifest } from '../../shared/schemas/backup';
import { fileSizeText } from '../../shared/numbers';
import { writeZipFile, type ZipProgress } from './zip';
import { BACKUP_ZIP, ZipFileReader, ZipRefused } from './safe-zip';

const MANIFEST = 'manifest.json';
/** A manifest is a few hundred bytes; it is read into memory, so nothing larger is. */
const MANIFEST_MAX = 64 * 1024;
const DB_ENTRY = 'archive.db';
const ATTACHMENT_ENTRY = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** 督导档案备份-YYYYMMDD-HHMMSS.zip */
export function backupFileName(d = new Date()): string {
  return `督导档案备份-${nowText(d).replace(/[-:]/g, '').replace(' ', '-')}.zip`;
}

/** What goes into a backup file: files on disk, streamed into the .zip one after another. */
export interface BackupContent {
  manifest: BackupManifest;
  /** The archive.db copy. */
  databaseFile: string;
  /** Every stored attachment, by its content hash. */
  attachments: { hash: string; file: string; size: number }[];
}

/**
 * Write the backup file into `out`: the database deflated fast; attachments stored as they are (nearly
 * all photos, Word and PDF files, compressed already: deflating them again only costs time).
 */
export async function writeBackupFile(out: string, c: BackupContent, progress: ZipProgress = {}): Promise<void> {
  await writeZipFile(out, [
    { name: DB_ENTRY, file: c.databaseFile, size: fs.statSync(c.databaseFile).size },
    ...c.attachments.map((f) => ({ name: `attachments/${f.hash.slice(0, 2)}/${f.hash}`, file: f.file, size: f.size, stored: true })),
    { name: MANIFEST, bytes: Buffer.from(JSON.stringify({ ...c.manifest, attachments: c.attachments.length }, null, 2)) },
  ], { level: 1, ...progress });
}

/** A backup file opened for a restore. */
export interface BackupReading {
  /** Uncompressed bytes of the database and all attachments, for progress. */
  totalBytes: number;
  /** Write its archive.db into `file`. */
  writeDatabase(file: string): Promise<void>;
  /** The content hashes of its attachments. */
  attachments: string[];
  /** Write one attachment into `file`, its content checked against its hash on the way (a mismatch is refused). */
  writeAttachment(hash: string, file: string): Promise<void>;
  close(): void;
}

const notABackup = (why: string) => new AppError('invalid', `${NOT_A_BACKUP}（${why}）`, 'uploadId');

/**
 * Open a backup file: a readable .zip of this app with a manifest and a database, within BACKUP_ZIP and
 * small enough to unpack on the disk it is on (the data folder's), else refused.
 */
export async function openBackupFile(file: string): Promise<BackupReading> {
  let zip: ZipFileReader;
  try {
    zip = await ZipFileReader.open(file, BACKUP_ZIP);
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    throw notABackup('无法作为压缩包读取');
  }
  try {
    if (!zip.has(MANIFEST)) throw notABackup('缺少 manifest.json');
    if (zip.size(MANIFEST)! > MANIFEST_MAX) throw notABackup('manifest.json 无法识别');
    let manifest: { app?: unknown } | null = null;
    try {
      manifest = JSON.parse((await zip.bytes(MANIFEST))!.toString('utf8')) as { app?: unknown };
    } catch { /* refused just below */ }
    if (manifest?.app !== '督导档案') throw notABackup('manifest.json 无法识别');
    if (!zip.has(DB_ENTRY)) throw notABackup('缺少档案数据库 archive.db');
  } catch (e) {
    zip.close();
    throw e;
  }
  // Only names matching attachments/<xx>/<sha256> are read, so no entry name ever becomes a path.
  const names = new Map<string, string>();
  for (const name of zip.fileNames()) {
    const m = ATTACHMENT_ENTRY.exec(name);
    if (m && m[2].startsWith(m[1])) names.set(m[2], name);
  }
  const totalBytes = [DB_ENTRY, ...names.values()].reduce((s, n) => s + (zip.size(n) ?? 0), 0);
  const { bavail, bsize } = fs.statfsSync(path.dirname(file));
  if (totalBytes > bavail * bsize) {
    zip.close();
    throw new AppError('invalid', `这个备份解压后需要 ${fileSizeText(totalBytes)}，而档案文件夹所在的磁盘只剩 ${fileSizeText(bavail * bsize)} 可用空间。请清理磁盘后再恢复。`, 'uploadId');
  }
  return {
    totalBytes,
    attachments: [...names.keys()],
    writeDatabase: (to) => readEntry(() => zip.extract(DB_ENTRY, to)),
    async writeAttachment(hash, to) {
      const sha = crypto.createHash('sha256');
      await readEntry(() => zip.extract(names.get(hash)!, to, (chunk) => sha.update(chunk)));
      if (sha.digest('hex') !== hash) {
        fs.rmSync(to, { force: true });
        throw notABackup(`附件 ${hash.slice(0, 12)}… 的内容与编号不符`);
      }
    },
    close: () => zip.close(),
  };
}

/** An entry that cannot be inflated (a damaged file) is refused as not a backup. */
async function readEntry(read: () => Promise<void>): Promise<void> {
  try {
    await read();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw notABackup((e as Error).message);
  }
}
