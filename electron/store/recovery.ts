/**
 * What a crash may leave in a data folder, put right when the folder is opened (under its lock, so
 * nobody else is using any of it):
 *
 * - a restore killed during its swap: the journal (SWAP_JOURNAL) names the staged database and where
 *   the replaced one goes; the swap is finished when the replaced archive is already out of place, and
 *   undone otherwise (restore.ts writes the journal before the first rename and removes it last);
 * - staging leftovers of work killed half-way: restore stages (.恢复中-*), year-package drafts
 *   (年度归档/.YYYY-…), backups being written (*.part), a lock file moved aside (archive.lock.stale-*);
 * - a folder whose archive.db is gone but which held an archive (backups, attachments, a package, a
 *   WAL file, a restore's stage): never silently made into a new empty archive — MissingArchiveError names the backups,
 *   and openStore's `restoreMissingFrom` brings the chosen one back.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/result';
import { nowText } from '../../shared/dates';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { LOCK_FILE } from './folder-lock';
import type { BackupEntry, BackupKind } from '../../shared/schemas/backup';

export const DB_FILE = 'archive.db';
/** The swap under way (restore.ts): written before the first rename, removed after the last step. */
export const SWAP_JOURNAL = 'archive.restoring.json';
/** A restore's staging folder in the data folder: `.恢复中-XXXXXX`. */
export const STAGE_PREFIX = '.恢复中-';
/** The year packages' folder (year-close.ts); a draft in it is `.YYYY-<pid>-<ms>` and its `.zip`. */
export const PACKAGES_DIR = '年度归档';
const PACKAGE_DRAFT = /^\.\d{4}-\d+-\d+(\.zip)?$/;
/** A backup being written: `<name>.part` (and SQLite's `-journal` beside it), renamed when whole. */
export const PART = '.part';

export interface SwapJournal {
  /** The staged database, relative to the data folder. */
  staged: string;
  /** Where the replaced archive goes, relative to the data folder (backups/恢复前-….db). */
  kept: string;
  /** What was restored, for the audit line (备份文件, 备份「…」). */
  source: string;
}

/** Write the journal whole before anything moves (a temporary file, flushed, then renamed). */
export function writeSwapJournal(folder: string, j: SwapJournal): void {
  const file = path.join(folder, SWAP_JOURNAL);
  const tmp = `${file}${PART}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(j, null, 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function removeSwapJournal(folder: string): void {
  fs.rmSync(path.join(folder, SWAP_JOURNAL), { force: true });
}

function readJournal(folder: string): SwapJournal | null {
  const file = path.join(folder, SWAP_JOURNAL);
  if (!fs.existsSync(file)) return null;
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<SwapJournal>;
    // Only names of our own making: a stage in this folder, a file in backups/.
    const staged = typeof j.staged === 'string' && /^\.恢复中-[^/\\]+[/\\]archive\.db$/.test(j.staged) ? j.staged : null;
    const kept = typeof j.kept === 'string' && /^backups[/\\]恢复前-[^/\\]+\.db$/.test(j.kept) ? j.kept : null;
    if (staged && kept) return { staged, kept, source: typeof j.source === 'string' ? j.source.slice(0, 200) : '备份' };
  } catch { /* unreadable: written half (the rename makes that unlikely) — nothing moved yet */ }
  return null;
}

/** What recovery did that the archive's log should say, once it is open. */
export interface Recovered {
  /** A restore that was killed during its swap and finished now: its audit line, if the log lacks it. */
  finishedRestore?: { kept: string; source: string };
}

/**
 * Finish or undo a swap the journal names. The replaced archive moved out of place (kept exists, live
 * does not) means the staged copy — checked, migrated, its attachments merged — was about to go in:
 * it goes in now. Any earlier state is undone: the live archive stays.
 */
function replaySwap(folder: string, j: SwapJournal): Recovered {
  const live = path.join(folder, DB_FILE);
  const staged = path.join(folder, j.staged);
  const kept = path.join(folder, j.kept);
  if (!fs.existsSync(live)) {
    if (fs.existsSync(staged) && fs.existsSync(kept)) {
      for (const side of ['-wal', '-shm']) fs.rmSync(live + side, { force: true }); // the replaced archive's
      fs.renameSync(staged, live);
      return { finishedRestore: { kept: path.basename(kept), source: j.source } };
    }
    if (fs.existsSync(kept)) fs.copyFileSync(kept, live); // the stage is gone: the replaced archive comes back
    return {};
  }
  // live is in place: either the swap had not begun (staged still there), or it had ended (staged gone).
  return fs.existsSync(staged) ? {} : { finishedRestore: { kept: path.basename(kept), source: j.source } };
}

/**
 * Remove what work killed half-way left behind. Only our own names, in our own places; a restore's
 * stage stays while archive.db is missing (it may be all that is left: refuseMissingArchive counts it).
 */
function removeLeftovers(folder: string): void {
  const live = fs.existsSync(path.join(folder, DB_FILE));
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    const ours = (live && name.startsWith(STAGE_PREFIX)) || name.startsWith(`${LOCK_FILE}.stale-`) || name === `${SWAP_JOURNAL}${PART}` || name === `${DB_FILE}${PART}`;
    if (ours) {
      fs.rmSync(file, { recursive: true, force: true });
    }
  }
  const packages = path.join(folder, PACKAGES_DIR);
  if (fs.existsSync(packages)) {
    for (const name of fs.readdirSync(packages)) {
      if (PACKAGE_DRAFT.test(name)) fs.rmSync(path.join(packages, name), { recursive: true, force: true });
    }
  }
  const backups = path.join(folder, 'backups');
  if (fs.existsSync(backups)) {
    for (const name of fs.readdirSync(backups)) {
      if (name.includes(`.db${PART}`)) fs.rmSync(path.join(backups, name), { force: true });
    }
  }
}

/** Put right what a crash left in `folder` (whose lock this process holds). */
export function recoverFolder(folder: string): Recovered {
  const journal = readJournal(folder);
  const recovered = journal ? replaySwap(folder, journal) : {};
  removeSwapJournal(folder);
  removeLeftovers(folder);
  return recovered;
}

// ---- Backups, and a folder whose archive.db is missing ----

const BACKUP_NAME = /^(自动|恢复前|迁移前)-(?:v\d+-)?(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.db$/;

/** The backups in a backups folder the user may restore, newest first. Only these names are ever opened. */
export function backupsIn(backupsDir: string): BackupEntry[] {
  if (!fs.existsSync(backupsDir)) return [];
  return fs.readdirSync(backupsDir).flatMap((name) => {
    const m = BACKUP_NAME.exec(name);
    if (!m) return [];
    const [, kind, y, mo, d, h, mi, s] = m;
    const stat = fs.statSync(path.join(backupsDir, name), { throwIfNoEntry: false });
    if (!stat) return [];
    const at = nowText(new Date(+y, +mo - 1, +d, +h, +mi, +s));
    return [{ name, kind: kind as BackupKind, at, size: stat.size }];
  }).sort((x, y) => (x.at === y.at ? y.name.localeCompare(x.name) : y.at.localeCompare(x.at)));
}

/** The data folder's archive.db is gone, but the folder held an archive: it is not made into a new one. */
export class MissingArchiveError extends AppError {
  constructor(readonly folder: string, readonly backups: BackupEntry[], message: string) {
    super('conflict', message);
  }
}

/** Whether `folder` ever held an archive: anything the app writes beside archive.db. */
function heldAnArchive(folder: string): boolean {
  const has = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
  return fs.existsSync(path.join(folder, `${DB_FILE}-wal`))
    || fs.readdirSync(folder).some((n) => n.startsWith(STAGE_PREFIX))
    || backupsIn(path.join(folder, 'backups')).length > 0
    || has(path.join(folder, 'attachments'))
    || has(path.join(folder, PACKAGES_DIR));
}

/**
 * Refuse to start a new archive in a folder that held one and lost its archive.db. `howToRestore` says
 * how this shell restores a backup (a dialog's button, a command line).
 */
export function refuseMissingArchive(folder: string, howToRestore: (newest: BackupEntry) => string): void {
  if (fs.existsSync(path.join(folder, DB_FILE)) || !heldAnArchive(folder)) return;
  const backups = backupsIn(path.join(folder, 'backups'));
  const newest = backups[0];
  const found = newest
    ? `但有 ${backups.length} 个备份，最新的是 backups${path.sep}${newest.name}（${newest.at}）。${howToRestore(newest)}`
    : '也没有可用的备份，但文件夹中还有附件、年度归档包或未完成的恢复留下的文件。请从备份文件恢复：先选择一个空文件夹打开，再在「备份」页面从备份文件恢复。';
  throw new MissingArchiveError(folder, backups, `档案文件夹 ${folder} 中找不到档案数据库 ${DB_FILE}（可能被误删或移走），${found}`
    + '为免用空档案覆盖原有的备份和附件，不会在此新建档案。');
}

/** The database in `file` must be a sound 督导档案 archive that this app can read; refused otherwise, naming `what`. */
export function checkDatabase(file: string, what = '备份中的档案数据库', field?: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw new AppError('invalid', `${what}无法打开，备份已损坏。请选择其他备份。`, field);
  }
  try {
    let result: string;
    try {
      result = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    } catch {
      throw new AppError('invalid', `${what}不是有效的数据库文件（可能已损坏或被截断）。请选择其他备份。`, field);
    }
    if (result !== 'ok') throw new AppError('invalid', `${what}未通过完整性检查（${String(result).slice(0, 80)}），备份已损坏。请选择其他备份。`, field);
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSettings = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'`).get();
    if (version < 1 || !hasSettings) throw new AppError('invalid', `${what}不是督导档案的档案。请选择其他备份。`, field);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('conflict', `此备份由较新版本的督导档案创建（数据结构版本 ${version}），当前程序只支持到版本 ${LATEST_SCHEMA_VERSION}。请先升级督导档案再恢复此备份。`, field);
    }
  } finally {
    db.close();
  }
}

/**
 * Bring back a missing archive.db from one of the folder's backups, by name: checked first, then copied
 * beside it and renamed into place (a crash leaves no half archive.db). Refused when archive.db exists.
 */
export function restoreMissingArchive(folder: string, name: string): BackupEntry {
  if (fs.existsSync(path.join(folder, DB_FILE))) {
    throw new AppError('conflict', `档案文件夹 ${folder} 中已有档案数据库 ${DB_FILE}，无需从备份重建。要恢复备份，请在「备份」页面操作。`);
  }
  const entry = backupsIn(path.join(folder, 'backups')).find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', `档案文件夹的 backups 中没有名为「${name}」的备份。`);
  const from = path.join(folder, 'backups', entry.name);
  checkDatabase(from, `备份「${entry.name}」`);
  const part = path.join(folder, `${DB_FILE}${PART}`);
  fs.copyFileSync(from, part);
  for (const side of ['-wal', '-shm']) fs.rmSync(path.join(folder, DB_FILE) + side, { force: true });
  fs.renameSync(part, path.join(folder, DB_FILE));
  return entry;
}
