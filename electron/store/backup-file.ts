import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from './store';
import { audit } from './log';
import { nowText } from '../../shared/dates';
import { APP_VERSION } from '../../shared/version';
import type { BackupManifest } from '../../shared/schemas/backup';

// What a manual backup file holds (electron/documents/backup-file.ts writes the .zip): the manifest,
// archive.db (a consistent copy made with db.backup(), so the archive stays usable while it is copied)
// and every stored attachment.

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

/** Every stored attachment file, as [content hash, absolute path]. */
function attachmentFiles(a: Store): [string, string][] {
  const out: [string, string][] = [];
  if (!fs.existsSync(a.attachmentsDir)) return out;
  for (const dir of fs.readdirSync(a.attachmentsDir)) {
    const sub = path.join(a.attachmentsDir, dir);
    if (!/^[0-9a-f]{2}$/.test(dir) || !fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) {
      if (/^[0-9a-f]{64}$/.test(name) && name.startsWith(dir)) out.push([name, path.join(sub, name)]);
    }
  }
  return out;
}

/** What the manual backup file of the live archive holds, at `now`. */
export async function backupContent(a: Store, now = new Date()): Promise<{
  manifest: BackupManifest; database: Buffer; attachments: { hash: string; bytes: Buffer }[];
}> {
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
    const database = fs.readFileSync(tmp);
    const attachments = attachmentFiles(a).map(([hash, file]) => ({ hash, bytes: fs.readFileSync(file) }));
    manifest.attachments = attachments.length;
    return { manifest, database, attachments };
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
