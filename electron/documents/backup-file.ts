/**
 * The manual backup file: one .zip with manifest.json, archive.db (a consistent copy of the archive) and
 * attachments/<xx>/<sha256>. Written from what the store gathers; read back, checked, for a restore.
 */
import crypto from 'node:crypto';
import { nowText } from '../../shared/dates';
import { AppError } from '../../shared/result';
import { NOT_A_BACKUP, type BackupManifest } from '../../shared/schemas/backup';
import type { GeneratedFile } from './pack';
import { ZipReader, writeZip, type ZipEntry } from './zip';

const MANIFEST = 'manifest.json';
const DB_ENTRY = 'archive.db';
const ATTACHMENT_ENTRY = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** 督导档案备份-YYYYMMDD-HHMMSS.zip */
export function backupFileName(d = new Date()): string {
  return `督导档案备份-${nowText(d).replace(/[-:]/g, '').replace(' ', '-')}.zip`;
}

/** What goes into a backup file. */
export interface BackupContent {
  manifest: BackupManifest;
  /** The archive.db copy. */
  database: Buffer;
  /** Every stored attachment, by its content hash. */
  attachments: { hash: string; bytes: Buffer }[];
}

/** The backup file made at `now`. */
export async function backupFile(c: BackupContent, now: Date): Promise<GeneratedFile> {
  const entries: ZipEntry[] = [
    { name: DB_ENTRY, bytes: c.database },
    ...c.attachments.map((f) => ({ name: `attachments/${f.hash.slice(0, 2)}/${f.hash}`, bytes: f.bytes })),
    { name: MANIFEST, bytes: Buffer.from(JSON.stringify(c.manifest, null, 2)) },
  ];
  return { fileName: backupFileName(now), bytes: await writeZip(entries) };
}

/** A backup file as read for a restore: its database, then its attachments one at a time. */
export interface BackupReading {
  database: Buffer;
  /** Each attachment whose content matches its hash; a mismatch is refused. */
  attachments: AsyncIterable<{ hash: string; content: Buffer }>;
}

const notABackup = (why: string) => new AppError('invalid', `${NOT_A_BACKUP}（${why}）`, 'data');

/** Open a backup file: a readable .zip of this app with a manifest and a database, else refused. */
export async function readBackupFile(bytes: Buffer): Promise<BackupReading> {
  let zip: ZipReader;
  try {
    zip = await ZipReader.open(bytes, { checkCRC32: true });
  } catch {
    throw notABackup('无法作为压缩包读取');
  }
  if (!zip.has(MANIFEST)) throw notABackup('缺少 manifest.json');
  let manifest: { app?: unknown } | null = null;
  try {
    manifest = JSON.parse((await zip.text(MANIFEST))!) as { app?: unknown };
  } catch { /* refused just below */ }
  if (manifest?.app !== '督导档案') throw notABackup('manifest.json 无法识别');
  if (!zip.has(DB_ENTRY)) throw notABackup('缺少档案数据库 archive.db');
  const database = await inflate(() => zip.bytes(DB_ENTRY));
  return { database: database!, attachments: attachmentsOf(zip) };
}

/** Only names matching attachments/<xx>/<sha256> are read, so no entry name ever becomes a path. */
async function* attachmentsOf(zip: ZipReader): AsyncGenerator<{ hash: string; content: Buffer }> {
  for (const name of zip.fileNames()) {
    const m = ATTACHMENT_ENTRY.exec(name);
    if (!m || !m[2].startsWith(m[1])) continue;
    const content = (await inflate(() => zip.bytes(name)))!;
    if (crypto.createHash('sha256').update(content).digest('hex') !== m[2]) {
      throw notABackup(`附件 ${m[2].slice(0, 12)}… 的内容与编号不符`);
    }
    yield { hash: m[2], content };
  }
}

async function inflate(read: () => Promise<Buffer | null>): Promise<Buffer | null> {
  try {
    return await read();
  } catch (e) {
    throw notABackup((e as Error).message);
  }
}
