import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from './store';
import { audit } from './log';
import { nowText } from '../../shared/dates';
import { APP_VERSION } from '../../shared/version';
import type { BackupManifest } from '../../shared/schemas/backup';

// What a manual backup file holds (electron/documents/backup-file.ts writes the .zip): the manifest,
// archive.db (a consistent copy made with SQLite's online backup into a temporary file, so the archive
// stays usable while it is copied) and every stored attachment, each streamed from its file.

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

/** Every stored attachment file: its content hash, where it is, its size. */
export function attachmentFiles(a: Store): { hash: string; file: string; size: number }[] {
  const out: { hash: string; file: string; size: number }[] = [];
  if (!fs.existsSync(a.attachmentsDir)) return out;
  for (const dir of fs.readdirSync(a.attachmentsDir)) {
    const sub = path.join(a.attachmentsDir, dir);
    if (!/^[0-9a-f]{2}$/.test(dir) || !fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) {
      if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(dir)) continue;
      const file = path.join(sub, name);
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat?.isFile()) out.push({ hash: name, file, size: stat.size });
    }
  }
  return out;
}

/**
 * A consistent copy of the live archive in `file`, made with SQLite's online backup a few thousand pages
 * at a time (the process keeps answering meanwhile; `step` gets the fraction done and may throw to stop),
 * then made self-contained (no -wal beside it). Answers its manifest, dated `now`. On failure the copy is
 * removed.
 */
export async function copyDatabase(a: Store, file: string, now: Date, step?: (fraction: number) => void): Promise<BackupManifest> {
  try {
    await a.db.backup(file, {
      progress({ totalPages, remainingPages }) {
        step?.(totalPages ? 1 - remainingPages / totalPages : 1);
        return 2000;
      },
    });
    const copy = new Database(file);
    try {
      copy.pragma('journal_mode = DELETE'); // one self-contained file, no -wal beside it
      return {
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
  } catch (e) {
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    throw e;
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
