import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE, openStore, reopen, type Store } from './store';
import { nowText } from '../../shared/dates';
import { attachmentPath } from './attachments';
import { countRecords } from './backup-file';
import { audit } from './log';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { AppError } from '../../shared/result';
import { noProgress, type Progress } from '../../shared/progress';
import { type BackupEntry, type BackupKind, type RestoreResult } from '../../shared/schemas/backup';

// Restoring replaces the live archive. Everything that can fail is done first, on a staged copy in
// a folder beside archive.db: read the file, check integrity_check and the schema version, bring an
// older backup up to date with the app's migrations. Only then the swap, which is synchronous (no
// await between closing the old handle and assigning the new one), so in this single-threaded
// process no other handler can run while archive.db is closed or half-replaced. The replaced
// archive is kept in backups/ as 恢复前-….db; attachments are stored by content hash and are only
// ever added, so those of the replaced archive stay where they are.

const BACKUP_NAME = /^(自动|恢复前|迁移前)-(?:v\d+-)?(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.db$/;

/** Every backup in backups/ the user may restore, newest first. Only these names are ever opened. */
export function listBackups(a: Store): BackupEntry[] {
  return fs.readdirSync(a.backupsDir).flatMap((name) => {
    const m = BACKUP_NAME.exec(name);
    if (!m) return [];
    const [, kind, y, mo, d, h, mi, s] = m;
    const at = nowText(new Date(+y, +mo - 1, +d, +h, +mi, +s));
    return [{ name, kind: kind as BackupKind, at, size: fs.statSync(path.join(a.backupsDir, name)).size }];
  }).sort((x, y) => (x.at === y.at ? y.name.localeCompare(x.name) : y.at.localeCompare(x.at)));
}

let restoring = false;

/**
 * A backup file as electron/documents/backup-file.ts reads it: the database, then each attachment
 * (its content checked against its hash as it is written).
 */
export interface BackupFileContent {
  totalBytes: number;
  writeDatabase(file: string): Promise<void>;
  attachments: string[];
  writeAttachment(hash: string, file: string): Promise<void>;
  close(): void;
}

/** Restore from a manual backup file; `open` opens it (and refuses a file that is not one). */
export function restoreFromFile(a: Store, open: () => Promise<BackupFileContent>, p: Progress = noProgress): Promise<RestoreResult> {
  return exclusive(a, p, async (stage) => {
    p.stage('读取备份文件', 0, 70);
    const content = await open();
    try {
      await unpack(content, stage, p);
    } finally {
      content.close();
    }
    return '备份文件';
  });
}

/** One of the backups in backups/, by name from listBackups (never a path); refused when there is none. */
export function findBackup(a: Store, name: string): BackupEntry {
  const entry = listBackups(a).find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', `没有找到名为「${name}」的备份，请刷新备份列表后重新选择。`, 'name');
  return entry;
}

/** Restore one of the backups in backups/, chosen by name from listBackups (never a path). */
export function restoreFromBackup(a: Store, name: string, p: Progress = noProgress): Promise<RestoreResult> {
  const entry = findBackup(a, name);
  return exclusive(a, p, async (stage) => {
    p.stage('复制备份', 0, 70);
    await fs.promises.copyFile(path.join(a.backupsDir, entry.name), path.join(stage, DB_FILE));
    return `备份「${entry.name}」`;
  });
}

/**
 * Everything that can fail, or be canceled, happens on the staged copy; the last chance to stop is
 * before the backup's attachments join the live ones and the files are swapped.
 */
async function exclusive(a: Store, p: Progress, fill: (stage: string) => Promise<string>): Promise<RestoreResult> {
  if (restoring) throw new AppError('conflict', '正在恢复另一个备份，请等它完成后再试。');
  restoring = true;
  const stage = fs.mkdtempSync(path.join(a.dataFolder, '.恢复中-'));
  try {
    const source = await fill(stage);
    const stagedDb = path.join(stage, DB_FILE);
    p.check();
    p.stage('检查备份中的数据库', 70, 85);
    checkDatabase(stagedDb);
    p.check();
    // Bring an older backup up to the app's schema (migrations in one transaction), on the copy.
    p.stage('升级数据结构', 85, 92);
    (await openStore(stage, { actor: a.actor })).close();
    p.check();
    p.stage('替换档案', 92, 100);
    mergeAttachments(a, path.join(stage, 'attachments'));
    const keptAs = swapIn(a, stagedDb);
    a.db.transaction(() => audit(a, '恢复备份', 'archive', null, `从${source}恢复档案；恢复前的档案保存为 backups/${keptAs}`))();
    return { keptAs, schemaVersion: a.db.pragma('user_version', { simple: true }) as number, counts: countRecords(a.db) };
  } finally {
    restoring = false;
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Write a backup file's database and attachments into `stage`, streamed entry by entry. */
async function unpack(content: BackupFileContent, stage: string, p: Progress): Promise<void> {
  await content.writeDatabase(path.join(stage, DB_FILE));
  p.progress(1, content.attachments.length + 1, `数据库，附件 0 / ${content.attachments.length}`);
  let i = 0;
  for (const hash of content.attachments) {
    p.check();
    const dir = path.join(stage, 'attachments', hash.slice(0, 2));
    fs.mkdirSync(dir, { recursive: true });
    await content.writeAttachment(hash, path.join(dir, hash));
    i++;
    p.progress(i + 1, content.attachments.length + 1, `数据库，附件 ${i} / ${content.attachments.length}`);
  }
}

/** The staged database must be a sound 督导档案 archive that this app can read. */
export function checkDatabase(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw new AppError('invalid', '备份中的档案数据库无法打开，备份已损坏。请选择其他备份。', 'uploadId');
  }
  try {
    let result: string;
    try {
      result = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    } catch {
      throw new AppError('invalid', '备份中的档案数据库不是有效的数据库文件（可能已损坏或被截断）。请选择其他备份。', 'uploadId');
    }
    if (result !== 'ok') throw new AppError('invalid', `备份中的档案数据库未通过完整性检查（${String(result).slice(0, 80)}），备份已损坏。请选择其他备份。`, 'uploadId');
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSettings = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'`).get();
    if (version < 1 || !hasSettings) throw new AppError('invalid', '备份中的数据库不是督导档案的档案。请选择其他备份。', 'uploadId');
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('conflict', `此备份由较新版本的督导档案创建（数据结构版本 ${version}），当前程序只支持到版本 ${LATEST_SCHEMA_VERSION}。请先升级督导档案再恢复此备份。`, 'uploadId');
    }
  } finally {
    db.close();
  }
}

/** Add the backup's attachments that the live folder lacks (content-addressed: never overwritten). */
function mergeAttachments(a: Store, from: string): void {
  if (!fs.existsSync(from)) return;
  for (const dir of fs.readdirSync(from)) {
    for (const hash of fs.readdirSync(path.join(from, dir))) {
      const target = attachmentPath(a, hash);
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(from, dir, hash), target); // the stage is inside the data folder: a move, not a copy
    }
  }
}

/** Synchronous on purpose: see the note at the top. Returns the name the replaced archive is kept under. */
function swapIn(a: Store, stagedDb: string): string {
  const live = path.join(a.dataFolder, DB_FILE);
  const base = `恢复前-${nowText().replace(/[-:]/g, '').replace(' ', '-')}`;
  let keptAs = `${base}.db`;
  for (let i = 2; fs.existsSync(path.join(a.backupsDir, keptAs)); i++) keptAs = `${base}-${i}.db`;
  const kept = path.join(a.backupsDir, keptAs);

  a.db.pragma('wal_checkpoint(TRUNCATE)'); // everything into store.db, so the kept file is whole
  a.db.close();
  try {
    fs.renameSync(live, kept);
    for (const side of ['-wal', '-shm']) fs.rmSync(live + side, { force: true });
    fs.renameSync(stagedDb, live);
  } catch (e) {
    if (!fs.existsSync(live) && fs.existsSync(kept)) fs.copyFileSync(kept, live);
    reopen(a);
    throw new AppError('internal', `恢复没有完成，档案保持原样：无法替换档案文件（${(e as Error).message}）。请关闭其他打开档案文件夹的程序后重试。`);
  }
  reopen(a);
  return keptAs;
}
