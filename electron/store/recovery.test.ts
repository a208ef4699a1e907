import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';
import { autoBackup } from './backups';
import { MissingArchiveError, SWAP_JOURNAL } from './recovery';
import { nowText } from '../../shared/dates';
import Database from 'better-sqlite3';
import { spawnWebServer } from '../testing/web-server';

// Crash-safe restore and start: what a process killed during a restore's swap, or while staging any
// long work, leaves in the data folder is put right when it is opened again; a folder that held an
// archive and lost its archive.db is never made into a new empty one. (crash-operations.test.ts kills
// the real operations; here each state a kill can leave is laid out by hand, one by one.)

const ROOT = path.resolve(__dirname, '..', '..');
const folders: string[] = [];
afterEach(() => { for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true }); });
function tempFolder(): string {
  const f = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-recovery-'));
  folders.push(f);
  return f;
}

function addSchool(a: Store, name: string): void {
  const now = nowText();
  a.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`).run(name, now, now);
}
const schools = (a: Store) => a.db.prepare('SELECT full_name FROM schools ORDER BY id').pluck().all() as string[];
const restoreLines = (a: Store) => a.db.prepare(`SELECT summary FROM audit_log WHERE action = '恢复备份' ORDER BY id`).pluck().all() as string[];

/** An archive folder holding one school, closed again. */
async function archiveWith(school: string, folder = tempFolder()): Promise<string> {
  const a = await openStore(folder);
  addSchool(a, school);
  a.close();
  return folder;
}

const KEPT = 'backups/恢复前-20250301-093000.db';

/**
 * The folder `live` (school 甲) as a restore of an archive with school 乙 left it when killed after
 * `moved` of its two renames: its journal, its stage, and the files moved so far.
 */
async function killedSwap(moved: 0 | 1 | 2): Promise<string> {
  const live = await archiveWith('甲');
  const restored = await archiveWith('乙');
  const stage = path.join(live, '.恢复中-AbC123');
  fs.mkdirSync(stage);
  fs.copyFileSync(path.join(restored, 'archive.db'), path.join(stage, 'archive.db'));
  fs.writeFileSync(path.join(live, SWAP_JOURNAL), JSON.stringify({ staged: '.恢复中-AbC123/archive.db', kept: KEPT, source: '备份文件' }));
  if (moved >= 1) fs.renameSync(path.join(live, 'archive.db'), path.join(live, KEPT));
  if (moved >= 2) fs.renameSync(path.join(stage, 'archive.db'), path.join(live, 'archive.db'));
  return live;
}

/** Nothing of the restore's own is left in the folder. */
function expectNoLeftovers(folder: string): void {
  expect(fs.readdirSync(folder).filter((n) => n.startsWith('.恢复中') || n.startsWith(SWAP_JOURNAL))).toEqual([]);
}

describe('a restore killed during its swap', () => {
  it('before the replaced archive moved out: undone, the archive as it was', async () => {
    const folder = await killedSwap(0);
    const a = await openStore(folder);
    try {
      expect(schools(a)).toEqual(['甲']);
      expect(restoreLines(a)).toEqual([]);
      expect(fs.existsSync(path.join(folder, KEPT))).toBe(false);
      expectNoLeftovers(folder);
    } finally {
      a.close();
    }
  });

  it('between the two renames (no archive.db at all): finished, the restored archive in place and logged', async () => {
    const folder = await killedSwap(1);
    expect(fs.existsSync(path.join(folder, 'archive.db'))).toBe(false);
    const a = await openStore(folder);
    try {
      expect(schools(a)).toEqual(['乙']);
      expect(restoreLines(a)).toEqual(['从备份文件恢复档案；恢复前的档案保存为 backups/恢复前-20250301-093000.db']);
      expectNoLeftovers(folder);
    } finally {
      a.close();
    }
    // The replaced archive is kept as a backup, whole.
    const copy = path.join(tempFolder(), 'kept.db');
    fs.copyFileSync(path.join(folder, KEPT), copy);
    const db = new Database(copy);
    expect(db.prepare('SELECT full_name FROM schools').pluck().all()).toEqual(['甲']);
    db.close();
  });

  it('after the last rename, before its log line: the line is written once', async () => {
    const folder = await killedSwap(2);
    const a = await openStore(folder);
    expect(schools(a)).toEqual(['乙']);
    expect(restoreLines(a)).toHaveLength(1);
    a.close();
    const again = await openStore(folder);
    expect(restoreLines(again)).toHaveLength(1);
    again.close();
    expectNoLeftovers(folder);
  });
});

describe('leftovers of work killed half-way, removed at the next opening', () => {
  it('restore stages, year-package drafts, backups being written, a lock moved aside; nothing else', async () => {
    const folder = await archiveWith('甲');
    const made = [
      '.恢复中-Zz9/archive.db', '.恢复中-Zz9/attachments/ab/' + 'ab'.repeat(32), 'archive.lock.stale-4242-0a1b2c3d',
      '年度归档/.2024-4242-1735689600000/大事记/x.docx', '年度归档/.2024-4242-1735689600000.zip',
      'backups/自动-20250301-093000.db.part', 'backups/自动-20250301-093000.db.part-journal', 'archive.db.part',
    ];
    const kept = ['年度归档/2024/归档目录.docx', '年度归档/2024年度归档.zip', 'backups/自动-20250228-093000.db', '说明.txt'];
    for (const f of [...made, ...kept]) {
      fs.mkdirSync(path.dirname(path.join(folder, f)), { recursive: true });
      fs.writeFileSync(path.join(folder, f), 'x');
    }
    (await openStore(folder)).close();
    for (const f of made) expect(fs.existsSync(path.join(folder, f)), f).toBe(false);
    for (const f of kept) expect(fs.existsSync(path.join(folder, f)), f).toBe(true);
  });
});

describe('a folder whose archive.db is gone', () => {
  async function lostArchive(): Promise<string> {
    const folder = await archiveWith('甲');
    const a = await openStore(folder);
    await autoBackup(a, new Date(2025, 2, 1, 9, 30, 0));
    addSchool(a, '乙');
    a.close();
    fs.rmSync(path.join(folder, 'archive.db'));
    return folder;
  }

  it('is refused, naming its newest backup, and left as it is (no new empty archive)', async () => {
    const folder = await lostArchive();
    const before = fs.readdirSync(folder).sort();
    const e = await openStore(folder).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(MissingArchiveError);
    expect((e as MissingArchiveError).backups.map((b) => b.name)).toEqual(['自动-20250301-093000.db']);
    expect((e as Error).message).toMatch(/中找不到档案数据库 archive\.db.*有 1 个备份，最新的是 backups.自动-20250301-093000\.db（2025-03-01 09:30:00）.*不会在此新建档案/);
    expect(fs.existsSync(path.join(folder, 'archive.db'))).toBe(false);
    expect(fs.readdirSync(folder).sort()).toEqual(before);
    expect(fs.existsSync(path.join(folder, 'archive.lock'))).toBe(false); // the refusal released the folder
  });

  it('is brought back from the backup the user chose, and says so in its log', async () => {
    const folder = await lostArchive();
    const a = await openStore(folder, { restoreMissingFrom: '自动-20250301-093000.db' });
    try {
      expect(schools(a)).toEqual(['甲']);
      expect(restoreLines(a)).toEqual(['档案数据库缺失，从备份「自动-20250301-093000.db」（2025-03-01 09:30:00）恢复档案']);
    } finally {
      a.close();
    }
    // Only while it is missing, and only from a sound backup.
    await expect(openStore(folder, { restoreMissingFrom: '自动-20250301-093000.db' })).rejects.toThrow('无需从备份重建');
    fs.rmSync(path.join(folder, 'archive.db'));
    fs.writeFileSync(path.join(folder, 'backups', '自动-20250302-093000.db'), 'SQLite format 3\0 but cut short');
    await expect(openStore(folder, { restoreMissingFrom: '自动-20250302-093000.db' })).rejects.toThrow(/备份「自动-20250302-093000\.db」.*(损坏|不是有效)/);
    expect(fs.existsSync(path.join(folder, 'archive.db'))).toBe(false);
  });

  it('with attachments, a restore\'s stage or a WAL file but no backup: still refused; a new or unrelated folder gets a new archive', async () => {
    const withFiles = tempFolder();
    fs.mkdirSync(path.join(withFiles, 'attachments', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(withFiles, 'attachments', 'ab', 'ab'.repeat(32)), 'photo');
    await expect(openStore(withFiles)).rejects.toThrow('也没有可用的备份');
    const withStage = tempFolder();
    fs.mkdirSync(path.join(withStage, '.恢复中-Q1w2E3'));
    fs.copyFileSync(path.join(await archiveWith('乙'), 'archive.db'), path.join(withStage, '.恢复中-Q1w2E3', 'archive.db'));
    await expect(openStore(withStage)).rejects.toThrow('未完成的恢复留下的文件');
    expect(fs.existsSync(path.join(withStage, '.恢复中-Q1w2E3', 'archive.db'))).toBe(true); // kept: it may be all there is
    const withWal = tempFolder();
    fs.writeFileSync(path.join(withWal, 'archive.db-wal'), 'frames');
    await expect(openStore(withWal)).rejects.toBeInstanceOf(MissingArchiveError);
    const unrelated = tempFolder();
    fs.writeFileSync(path.join(unrelated, '工作计划.docx'), 'x');
    const a = await openStore(unrelated);
    expect(schools(a)).toEqual([]);
    a.close();
  });

  it('browser mode exits with the message naming the backup, and starts with --restore', async () => {
    const folder = await lostArchive();
    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--data', folder, '--port', '0'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`要用它恢复档案，请运行：npm run web -- --data "${folder}" --restore 自动-20250301-093000.db`);
    expect(fs.existsSync(path.join(folder, 'archive.db'))).toBe(false);
    const { child } = await spawnWebServer(folder, { args: ['--restore', '自动-20250301-093000.db'], timeoutMs: 60_000 });
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    const a = await openStore(folder);
    expect(schools(a)).toEqual(['甲']);
    a.close();
  }, 120_000);
});
