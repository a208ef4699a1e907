import fs from 'node:fs';
import path from 'node:path';
import { openStore, reopen, type Store } from './store';
import { nowText } from '../../shared/dates';
import { attachmentPath } from './attachments';
import { countRecords } from './backup-file';
import { audit } from './log';
import { backupsIn, checkDatabase, DB_FILE, removeSwapJournal, STAGE_PREFIX, writeSwapJournal } from './recovery';
import { AppError } from '../../shared/result';
import { noProgress, type Progress } from '../../shared/progress';
import { type BackupEntry, type RestoreResult } from '../../shared/schemas/backup';

// Restoring replaces the live archive. Everything that can fail is done first, on a staged copy in
// a folder beside archive.db: read the file, check integrity_check and the schema version, bring an
// older backup up to date with the app's migrations. Only then the swap, which is synchronous (no
// await between closing the old handle and assigning the new one), so in this single-threaded
// process no other handler can run while archive.db is closed or half-replaced. The replaced
// archive is kept in backups/ as 恢复前-….db; attachments are stored by content hash and are only
// ever added, so those of the replaced archive stay where they are. A process killed during the swap
// leaves its journal (recovery.ts), by which the next opening finishes or undoes it; one killed
// before leaves only its stage, removed at the next opening.

/** Every backup in backups/ the user may restore, newest first. Only these names are ever opened. */
export function listBackups(a: Store): BackupEntry[] {
  return backupsIn(a.backupsDir);
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
  const stage = fs.mkdtempSync(path.join(a.dataFolder, STAGE_PREFIX));
  try {
    const source = await fill(stage);
    const stagedDb = path.join(stage, DB_FILE);
    p.check();
    p.stage('检查备份中的数据库', 70, 85);
    checkDatabase(stagedDb, '备份中的档案数据库', 'uploadId'); // a sound 督导档案 archive this app can read
    p.check();
    // Bring an older backup up to the app's schema (migrations in one transaction), on the copy.
    p.stage('升级数据结构', 85, 92);
    (await openStore(stage, { actor: a.actor })).close();
    p.check();
    p.stage('替换档案', 92, 100);
    mergeAttachments(a, path.join(stage, 'attachments'));
    const keptAs = swapIn(a, stagedDb, source, p);
    a.db.transaction(() => audit(a, '恢复备份', 'archive', null, `从${source}恢复档案；恢复前的档案保存为 backups/${keptAs}`))();
    removeSwapJournal(a.dataFolder); // after the audit line: a crash before finds the swap done and writes it
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

/**
 * Synchronous on purpose: see the note at the top. Each step is reported (`p`), the journal written
 * first. Returns the name the replaced archive is kept under.
 */
function swapIn(a: Store, stagedDb: string, source: string, p: Progress): string {
  const live = path.join(a.dataFolder, DB_FILE);
  const base = `恢复前-${nowText().replace(/[-:]/g, '').replace(' ', '-')}`;
  let keptAs = `${base}.db`;
  for (let i = 2; fs.existsSync(path.join(a.backupsDir, keptAs)); i++) keptAs = `${base}-${i}.db`;
  const kept = path.join(a.backupsDir, keptAs);
  const step = (n: number, what: string) => p.progress(n, 5, what);

  writeSwapJournal(a.dataFolder, { staged: path.relative(a.dataFolder, stagedDb), kept: path.relative(a.dataFolder, kept), source });
  step(1, '记录替换步骤');
  a.db.pragma('wal_checkpoint(TRUNCATE)'); // everything into store.db, so the kept file is whole
  a.db.close();
  step(2, '关闭档案');
  try {
    fs.renameSync(live, kept);
    step(3, '保留恢复前的档案');
    for (const side of ['-wal', '-shm']) fs.rmSync(live + side, { force: true });
    step(4, '移入恢复的档案');
    fs.renameSync(stagedDb, live);
  } catch (e) {
    if (!fs.existsSync(live) && fs.existsSync(kept)) fs.copyFileSync(kept, live);
    removeSwapJournal(a.dataFolder);
    reopen(a);
    throw new AppError('internal', `恢复没有完成，档案保持原样：无法替换档案文件（${(e as Error).message}）。请关闭其他打开档案文件夹的程序后重试。`);
  }
  reopen(a);
  step(5, '打开恢复的档案');
  return keptAs;
}
