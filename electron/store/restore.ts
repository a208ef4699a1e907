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
import { NOT_A_BACKUP, type BackupEntry, type BackupKind, type RestoreResult } from '../../shared/schemas/backup';

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
 * (its content already checked against its hash).
 */
export interface BackupFileContent {
  database: Buffer;
  attachments: AsyncIterable<{ hash: string; content: Buffer }>;
}

/** Restore from a manual backup file; `read` opens it (and refuses a file that is not one). */
export function restoreFromFile(a: Store, read: () => Promise<BackupFileContent>): Promise<RestoreResult> {
  return exclusive(a, async (stage) => {
    await unpack(await read(), stage);
    return '备份文件';
  });
}

/** Restore one of the backups in backups/, chosen by name from listBackups (never a path). */
export function restoreFromBackup(a: Store, name: string): Promise<RestoreResult> {
  const entry = listBackups(a).find((b) => b.name === name);
  if (!entry) throw new AppError('not_found', `没有找到名为「${name}」的备份，请刷新备份列表后重新选择。`, 'name');
  return exclusive(a, async (stage) => {
    fs.copyFileSync(path.join(a.backupsDir, entry.name), path.join(stage, DB_FILE));
    return `备份「${entry.name}」`;
  });
}

async function exclusive(a: Store, fill: (stage: string) => Promise<string>): Promise<RestoreResult> {
  if (restoring) throw new AppError('conflict', '正在恢复另一个备份，请等它完成后再试。');
  restoring = true;
  const stage = fs.mkdtempSync(path.join(a.dataFolder, '.恢复中-'));
  try {
    const source = await fill(stage);
    const stagedDb = path.join(stage, DB_FILE);
    checkDatabase(stagedDb);
    // Bring an older backup up to the app's schema (migrations in one transaction), on the copy.
    (await openStore(stage, { actor: a.actor })).close();
    mergeAttachments(a, path.join(stage, 'attachments'));
    const keptAs = swapIn(a, stagedDb);
    a.db.transaction(() => audit(a, '恢复备份', 'archive', null, `从${source}恢复档案；恢复前的档案保存为 backups/${keptAs}`))();
    return { keptAs, schemaVersion: a.db.pragma('user_version', { simple: true }) as number, counts: countRecords(a.db) };
  } finally {
    restoring = false;
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Write a backup file's database and attachments into `stage`. */
async function unpack(content: BackupFileContent, stage: string): Promise<void> {
  try {
    fs.writeFileSync(path.join(stage, DB_FILE), content.database);
    for await (const { hash, content: bytes } of content.attachments) {
      const dir = hash.slice(0, 2);
      fs.mkdirSync(path.join(stage, 'attachments', dir), { recursive: true });
      fs.writeFileSync(path.join(stage, 'attachments', dir, hash), bytes);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('invalid', `${NOT_A_BACKUP}（${(e as Error).message}）`, 'data');
  }
}

/** The staged database must be a sound 督导档案 archive that this app can read. */
export function checkDatabase(file: string): void {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch {
    throw new AppError('invalid', '备份中的档案数据库无法打开，备份已损坏。请选择其他备份。', 'data');
  }
  try {
    let result: string;
    try {
      result = (db.pragma('integrity_check', { simple: true }) as string) ?? '';
    } catch {
      throw new AppError('invalid', '备份中的档案数据库不是有效的数据库文件（可能已损坏或被截断）。请选择其他备份。', 'data');
    }
    if (result !== 'ok') throw new AppError('invalid', `备份中的档案数据库未通过完整性检查（${String(result).slice(0, 80)}），备份已损坏。请选择其他备份。`, 'data');
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasSettings = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'`).get();
    if (version < 1 || !hasSettings) throw new AppError('invalid', '备份中的数据库不是督导档案的档案。请选择其他备份。', 'data');
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('conflict', `此备份由较新版本的督导档案创建（数据结构版本 ${version}），当前程序只支持到版本 ${LATEST_SCHEMA_VERSION}。请先升级督导档案再恢复此备份。`, 'data');
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
      fs.copyFileSync(path.join(from, dir, hash), `${target}.tmp-${process.pid}`);
      fs.renameSync(`${target}.tmp-${process.pid}`, target);
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
