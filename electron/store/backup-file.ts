import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import type { Store } from './store';
import { audit } from './log';
import { nowText } from '../../shared/dates';
import { APP_VERSION } from '../../shared/version';
import type { BackupManifest } from '../../shared/schemas/backup';

// A manual backup file: one .zip with manifest.json, archive.db (a consistent copy made with
// db.backup(), so the archive stays usable while it is copied) and attachments/<xx>/<hash>.

export const MANIFEST = 'manifest.json';
export const DB_ENTRY = 'archive.db';
export const ATTACHMENT_ENTRY = /^attachments\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The tables counted in the manifest and after a restore (live rows only where rows can be deleted). */
const COUNTED = ['supervisors', 'schools', 'zones', 'assignments', 'visits', 'problems', 'complaints', 'briefings', 'pieces', 'attachments'];

export function countRecords(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
    if (cols.length === 0) continue; // an older schema without this table
    const live = cols.some((c) => c.name === 'deleted_at') ? ' WHERE deleted_at IS NULL' : '';
    counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}${live}`).get() as { n: number }).n;
  }
  return counts;
}

/** 督导档案备份-YYYYMMDD-HHMMSS.zip */
export function backupFileName(d = new Date()): string {
  return `督导档案备份-${nowText(d).replace(/[-:]/g, '').replace(' ', '-')}.zip`;
}

/** Every stored attachment file, as [zip entry name, absolute path]. */
function attachmentFiles(a: Store): [string, string][] {
  const out: [string, string][] = [];
  if (!fs.existsSync(a.attachmentsDir)) return out;
  for (const dir of fs.readdirSync(a.attachmentsDir)) {
    const sub = path.join(a.attachmentsDir, dir);
    if (!/^[0-9a-f]{2}$/.test(dir) || !fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) {
      const entry = `attachments/${dir}/${name}`;
      if (ATTACHMENT_ENTRY.test(entry) && name.startsWith(dir)) out.push([entry, path.join(sub, name)]);
    }
  }
  return out;
}

/** Make the manual backup file of the live archive. */
export async function createBackupFile(a: Store, now = new Date()): Promise<{ fileName: string; bytes: Buffer; manifest: BackupManifest }> {
  const tmp = path.join(a.backupsDir, `.手动备份-${process.pid}-${Date.now()}.db`);
  try {
    await a.db.backup(tmp);
    const copy = new Database(tmp);
    let manifest: BackupManifest;
    try {
      copy.pragma('journal_mode = DELETE'); // one self-contained file, no -wal beside it
      manifest = {
        app: '督导档案',
        appVersion: APP_VERSION,
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        createdAt: nowText(now),
        counts: countRecords(copy),
        attachments: 0,
      };
    } finally {
      copy.close();
    }
    const zip = new JSZip();
    zip.file(DB_ENTRY, fs.readFileSync(tmp));
    const files = attachmentFiles(a);
    for (const [entry, file] of files) zip.file(entry, fs.readFileSync(file));
    manifest.attachments = files.length;
    zip.file(MANIFEST, JSON.stringify(manifest, null, 2));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    return { fileName: backupFileName(now), bytes, manifest };
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** A backup file is recorded in the audit log when it is made (its copy leaves the machine). */
export function logBackupFile(a: Store, fileName: string, manifest: BackupManifest): void {
  a.db.transaction(() => audit(a, '备份', 'archive', null, `生成备份文件 ${fileName}`, { counts: manifest.counts, attachments: manifest.attachments }))();
}

/** When the newest backup file was made (from its audit line), if ever. */
export function lastFileBackupAt(a: Store): string | null {
  return a.db.prepare(`SELECT max(at) FROM audit_log WHERE action = '备份' AND kind = 'archive'`).pluck().get() as string | null;
}
