import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { nowText } from '../../shared/dates';
import { migrations as ALL_MIGRATIONS, type Migration } from './migrations';
import { acquireFolderLock, type FolderLock } from './folder-lock';
import { getOperatorName } from './settings';

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
}

export const DB_FILE = 'archive.db';
/** The data folder's temporary files (Store.transferDir). */
export const TRANSFER_DIR = '.临时';

function stamp(d = new Date()): string {
  return nowText(d).replace(/[-: ]/g, '').replace(/^(\d{8})(\d{6})$/, '$1-$2');
}

/**
 * Open (or create) the archive in `folder`: take the folder's lock (one writer per data folder;
 * another opener is refused with FolderLockedError), pragmas, then every pending migration in one
 * transaction after a backup of the archive as it was. An archive written by a newer app is refused.
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
  fs.mkdirSync(attachmentsDir, { recursive: true });
  fs.mkdirSync(backupsDir, { recursive: true });
  // Whatever a crash left half-way in it is of no use to anyone (the lock says nobody else has the folder).
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
      await db.backup(path.join(backupsDir, `迁移前-v${version}-${stamp()}.db`));
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
  return a;
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
