import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { nowText } from '../../shared/dates';
import { migrations as ALL_MIGRATIONS, type Migration } from './migrations';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { getOperatorName } from './settings';
import { audit } from './log';
import { DB_FILE, PART, recoverFolder, refuseMissingArchive, restoreMissingArchive, type Recovered } from './recovery';
import type { BackupEntry } from '../../shared/schemas/backup';

export { DB_FILE } from './recovery';

export interface Store {
  db: Database.Database;
  /** The data folder: archive.db, attachments/, backups/. */
  dataFolder: string;
  attachmentsDir: string;
  backupsDir: string;
  /**
   * Files on their way in or out (uploads, exports waiting to be fetched, a package being made): this
   * process's own, since it holds the folder's lock; emptied when the archive is opened and closed.
   */
  transferDir: string;
  /** Who is making changes, for the audit log: the person's name given on first start or in 设置, else `account`. */
  actor: string;
  /** The computer's account (the Windows user name) that opened the archive. */
  account: string;
  /** This process's exclusive hold on the data folder (folder-lock.ts), released by close(). */
  lock: FolderLock;
  close(): void;
}

export interface OpenOptions {
  actor?: string;
  /** Tests open archives at an earlier schema version by passing a prefix of the migrations. */
  migrations?: Migration[];
  /**
   * The folder held an archive but its archive.db is gone (MissingArchiveError): bring it back from this
   * backup in backups/ (by name) as it opens. Refused when archive.db exists.
   */
  restoreMissingFrom?: string;
  /** How this shell restores a missing archive's newest backup, for MissingArchiveError's message. */
  howToRestore?: (newest: BackupEntry) => string;
}

/** The data folder's temporary files (Store.transferDir). */
export const TRANSFER_DIR = '.临时';

function stamp(d = new Date()): string {
  return nowText(d).replace(/[-: ]/g, '').replace(/^(\d{8})(\d{6})$/, '$1-$2');
}

/**
 * Open (or create) the archive in `folder`: take the folder's lock (one writer per data folder;
 * another opener is refused with FolderLockedError), put right what a crash left (recovery.ts: a swap
 * finished or undone, staging leftovers removed), refuse to make a new archive where one was lost
 * (MissingArchiveError, unless `restoreMissingFrom` names the backup to bring back), pragmas, then
 * every pending migration in one transaction after a backup of the archive as it was. An archive
 * written by a newer app is refused.
 */
export async function openStore(folder: string, opts: OpenOptions = {}): Promise<Store> {
  fs.mkdirSync(folder, { recursive: true });
  const lock = acquireFolderLock(folder);
  try {
    return await openLocked(folder, lock, opts);
  } catch (e) {
    lock.release();
    throw e;
  }
}

async function openLocked(folder: string, lock: FolderLock, opts: OpenOptions): Promise<Store> {
  const attachmentsDir = path.join(folder, 'attachments');
  const backupsDir = path.join(folder, 'backups');
  const transferDir = path.join(folder, TRANSFER_DIR);
  // First what a crash left (the lock says nobody else has the folder), then nothing is made in a
  // folder that lost its archive.
  const recovered = recoverFolder(folder);
  const restoredFrom = opts.restoreMissingFrom === undefined ? null : restoreMissingArchive(folder, opts.restoreMissingFrom);
  refuseMissingArchive(folder, opts.howToRestore ?? (() => '请用督导档案桌面版打开此文件夹，按提示从备份恢复。'));
  fs.mkdirSync(attachmentsDir, { recursive: true });
  fs.mkdirSync(backupsDir, { recursive: true });
  // Whatever a crash left half-way in it is of no use to anyone.
  fs.rmSync(transferDir, { recursive: true, force: true });
  fs.mkdirSync(transferDir);

  const file = path.join(folder, DB_FILE);
  const db = openHandle(file);

  const migrations = opts.migrations ?? ALL_MIGRATIONS;
  const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1].version;
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > LATEST_SCHEMA_VERSION) {
    db.close();
    throw new AppError('conflict', `此档案由较新版本的督导档案创建（数据结构版本 ${version}），当前程序只支持到版本 ${LATEST_SCHEMA_VERSION}。请先升级督导档案再打开此档案。`);
  }
  const pending = migrations.filter((m) => m.version > version);
  if (pending.length > 0) {
    if (version > 0) {
      // Written under another name and renamed when whole: a crash leaves no half backup among the real ones.
      const copy = path.join(backupsDir, `迁移前-v${version}-${stamp()}.db`);
      await db.backup(`${copy}${PART}`);
      fs.renameSync(`${copy}${PART}`, copy);
    }
    try {
      db.transaction(() => {
        for (const m of pending) {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        }
      })();
    } catch (e) {
      db.close();
      throw e;
    }
  }

  const a: Store = {
    db,
    dataFolder: folder,
    attachmentsDir,
    backupsDir,
    transferDir,
    actor: getOperatorName({ db }) ?? opts.actor ?? 'user',
    account: opts.actor ?? 'user',
    lock,
    close: () => {
      try {
        a.db.close(); // a.db, not db: restore.ts may have swapped the handle (reopen)
        fs.rmSync(transferDir, { recursive: true, force: true });
      } finally {
        a.lock.release();
      }
    },
  };
  logRecovery(a, recovered, restoredFrom);
  return a;
}

/** Say in the archive's log what its opening put right. */
function logRecovery(a: Store, recovered: Recovered, restoredFrom: BackupEntry | null): void {
  a.db.transaction(() => {
    const done = recovered.finishedRestore;
    const summary = done && `从${done.source}恢复档案；恢复前的档案保存为 backups/${done.kept}`;
    // The swap may have ended with its line written: only a missing line is added.
    if (summary && !a.db.prepare(`SELECT 1 FROM audit_log WHERE action = '恢复备份' AND summary = ?`).get(summary)) {
      audit(a, '恢复备份', 'archive', null, summary, { finishedAtStart: true });
    }
    if (restoredFrom) {
      audit(a, '恢复备份', 'archive', null, `档案数据库缺失，从备份「${restoredFrom.name}」（${restoredFrom.at}）恢复档案`);
    }
  })();
}

/** A connection to an archive file with the archive's pragmas. */
function openHandle(file: string): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw new AppError('invalid', `无法打开档案文件 ${file}：它可能已损坏或不是督导档案的数据库（${(e as Error).message}）。请从备份恢复或选择其他档案文件夹。`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * A second, read-only connection to the archive, for long reads (an export iterating 100,000 rows
 * while the page goes on working): it reads one snapshot inside `BEGIN`, and the main connection stays
 * free for everything else (WAL lets readers and the writer work side by side). Close it when done.
 */
export function openReader(a: Store): Database.Database {
  const db = new Database(path.join(a.dataFolder, DB_FILE), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Give `a` a fresh connection to its archive.db (after restore.ts replaced the file while the old
 * handle was closed). Every handler reads `a.db` at call time, so they all use the new one.
 */
export function reopen(a: Store): void {
  a.db = openHandle(path.join(a.dataFolder, DB_FILE));
}
