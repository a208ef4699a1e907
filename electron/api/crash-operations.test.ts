import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/store';
import { autoBackup } from '../store/backups';
import { checkDatabase, SWAP_JOURNAL } from '../store/recovery';
import { call } from '.';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { samplePng } from '../testing/samples';
import { seedSupervisor } from '../testing/seed';
import { SUPERVISOR_ROSTER } from '../../shared/rosters';

// SIGKILL during the real operations, in a child process (electron/testing/crash-ops.ts) that runs each
// through its channel as the page does: the Excel import's commit, a restore from a backup file and
// from an automatic backup, the year package, the backup file, automatic backups. Each is killed at
// random moments between its start and its end, many times over, each time on a fresh copy of one
// archive; then the archive must open, pass integrity_check and foreign_key_check, leave nothing of the
// operation's own behind, and hold all or nothing of it. The restore's swap is also killed at each of
// its steps in turn, where a random moment would rarely land.

const ROOT = path.resolve(__dirname, '..', '..');
const KILLS = 20;
const YEAR = 2025;
const ROSTER_ROWS = 300;

let work: string;
let template: string;
let bundle: string;
let rosterFile: string;
let backupZip: string;
/** The restore targets' own marks: the live archive holds BEFORE, every backup holds AFTER. */
const BEFORE = '恢复前的档案';
const AFTER = '备份中的档案';
const AUTO = '自动-20300101-000000.db';
let onlyInBackup: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-crash-ops-'));
  // The child as one bundle: it starts in a fraction of a second, so the kills, not the starts, take the time.
  bundle = path.join(work, 'crash-ops.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/testing/crash-ops.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs',
    target: 'node22', logLevel: 'warning', external: ['better-sqlite3', 'exceljs', 'docx', 'pinyin-pro', 'jszip', 'mammoth', 'yazl', 'yauzl'],
  });
  template = path.join(work, 'template');
  const a = await openStore(template, { actor: '测试' });
  try {
    await call(a, 'dataFolder.initialize', { mode: 'empty' });
    await seedYear(a);
    // What the backups hold: a school marked AFTER and a supervisor's photo that the live archive lacks.
    await call(a, 'schools.save', { fields: { fullName: AFTER, type: '小学', nature: '公办' } });
    onlyInBackup = (await call(a, 'attachments.put', { uploadId: await uploaded(a, 'photo', '照片.png', samplePng(97, 131)) })).hash;
    a.db.prepare('UPDATE supervisors SET photo = ? WHERE id = (SELECT min(id) FROM supervisors)').run(onlyInBackup);
    backupZip = path.join(work, '督导档案备份.zip');
    fs.writeFileSync(backupZip, await offeredBytes(a, finished(a, call(a, 'backups.createFile', {}))));
    await autoBackup(a, new Date(2030, 0, 1, 0, 0, 0));
    // The live archive: the mark changed, the photo gone from it.
    a.db.prepare('UPDATE schools SET full_name = ? WHERE full_name = ?').run(BEFORE, AFTER);
    a.db.prepare('UPDATE supervisors SET photo = NULL WHERE photo = ?').run(onlyInBackup);
    a.db.prepare('DELETE FROM attachments WHERE hash = ?').run(onlyInBackup);
    fs.rmSync(path.join(a.attachmentsDir, onlyInBackup.slice(0, 2), onlyInBackup));
  } finally {
    a.close();
  }
  rosterFile = path.join(work, '督学名册.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('督学');
  ws.addRow(SUPERVISOR_ROSTER.columns.map((c) => c.header));
  const col = (header: string) => SUPERVISOR_ROSTER.columns.findIndex((c) => c.header === header);
  for (let i = 0; i < ROSTER_ROWS; i++) {
    const row: (string | null)[] = SUPERVISOR_ROSTER.columns.map(() => null);
    row[col('姓名')] = `导入督学${i}`;
    row[col('督学证编号')] = `CRASH${String(i).padStart(4, '0')}`;
    row[col('类别')] = '兼职督学';
    row[col('工作单位')] = '城关第一小学';
    ws.addRow(row);
  }
  await wb.xlsx.writeFile(rosterFile);
}, 180_000);

afterAll(() => { if (work) fs.rmSync(work, { recursive: true, force: true }); });

/** A past year worth packaging: schools, visits with photos, so the package has files to write and zip. */
async function seedYear(a: Store): Promise<void> {
  const supervisor = seedSupervisor(a, { name: '王丽' });
  for (let i = 0; i < 12; i++) {
    const school = await call(a, 'schools.save', { fields: { fullName: `城关第${i + 1}小学`, type: '小学', nature: '公办' } });
    const { hash } = await call(a, 'attachments.put', { uploadId: await uploaded(a, 'photo', `现场${i}.png`, samplePng(400 + i, 300)) });
    await call(a, 'visits.save', {
      fields: {
        schoolId: school.id, date: `${YEAR}-${String(1 + i).padStart(2, '0')}-15`, supervisorIds: [supervisor], type: '经常性',
        narrative: `${YEAR}年第${i + 1}次督导`, attachments: [{ hash, fileName: `现场${i}.png`, kind: 'photo' }],
      },
    });
  }
}

interface Run {
  completed: boolean;
  output: string;
  /** From "start" to "done" (or to the kill). */
  ms: number;
}

/** Run the child on `folder`, killing it `delayMs` after it starts the operation (never, when null). */
function runChild(args: string[], delayMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') } });
    let out = '';
    let err = '';
    let startedAt = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!startedAt && out.includes('start\n')) {
        startedAt = Date.now();
        if (delayMs !== null) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`crash-ops ${args[0]} failed (${code}): ${err}`));
      resolve({ completed: out.includes('done\n'), output: out, ms: Date.now() - startedAt });
    });
  });
}

/** A fresh copy of the template archive. */
function freshCopy(name: string): string {
  const folder = path.join(work, name);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.cpSync(template, folder, { recursive: true });
  return folder;
}

/** Open the archive after a kill: sound, and nothing of any operation's own left in the folder. */
async function reopened(folder: string): Promise<Store> {
  const a = await openStore(folder, { actor: '检查' });
  expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(a.db.pragma('foreign_key_check')).toEqual([]);
  expect(fs.readdirSync(folder).filter((n) => n.startsWith('.恢复中') || n.startsWith(SWAP_JOURNAL) || n.endsWith('.part'))).toEqual([]);
  expect(fs.readdirSync(a.transferDir)).toEqual([]);
  expect(fs.readdirSync(a.backupsDir).filter((n) => !/^(自动|恢复前|迁移前)-(v\d+-)?\d{8}-\d{6}(-\d+)?\.db$/.test(n))).toEqual([]);
  const packages = path.join(folder, '年度归档');
  if (fs.existsSync(packages)) expect(fs.readdirSync(packages).filter((n) => n.startsWith('.'))).toEqual([]);
  return a;
}

const count = (a: Store, sql: string, ...params: unknown[]) => a.db.prepare(sql).pluck().get(...params) as number;
const marks = (a: Store) => a.db.prepare('SELECT full_name FROM schools WHERE full_name IN (?, ?)').pluck().all(BEFORE, AFTER) as string[];

type Check = (a: Store, completed: boolean) => void | Promise<void>;

/**
 * Run `op` once to its end (checked by `check` as completed) to learn how long it takes, then KILLS
 * times on fresh copies, each killed at a random moment of that span; `check` judges each result.
 */
async function killRepeatedly(op: string, args: string[], check: Check): Promise<void> {
  const judge = async (folder: string, completed: boolean) => {
    const a = await reopened(folder);
    try {
      await check(a, completed);
    } finally {
      a.close();
    }
    fs.rmSync(folder, { recursive: true, force: true });
  };
  const first = freshCopy(`${op}-whole`);
  const whole = await runChild([op, first, ...args], null);
  expect(whole.completed).toBe(true);
  await judge(first, true);
  // The span shrinks to the quickest whole run seen: later runs go faster once the disk cache is warm.
  let span = whole.ms;
  let interrupted = 0;
  for (let i = 0; i < KILLS; i++) {
    const folder = freshCopy(`${op}-${i}`);
    const run = await runChild([op, folder, ...args], Math.floor(Math.random() * span));
    if (run.completed) span = Math.min(span, run.ms);
    else interrupted++;
    await judge(folder, run.completed);
  }
  expect(interrupted).toBeGreaterThan(KILLS / 3); // the kills really landed while the operation ran
}

describe('SIGKILL during the real operations (a child process, killed at random moments)', () => {
  it('Excel import commit: all rows and its log line, or none', async () => {
    await killRepeatedly('import', [rosterFile], (a, completed) => {
      const imported = count(a, `SELECT count(*) FROM supervisors WHERE cert_no LIKE 'CRASH%'`);
      const logged = count(a, `SELECT count(*) FROM audit_log WHERE action = '导入'`);
      expect([0, ROSTER_ROWS]).toContain(imported);
      expect(logged).toBe(imported ? 1 : 0);
      if (completed) expect(imported).toBe(ROSTER_ROWS);
    });
  }, 240_000);

  /** A restore's result: the backup's archive wholly (its mark, its log line, the replaced one kept, its files), or the live one. */
  const restoreCheck = (withFiles: boolean) => (a: Store, completed: boolean) => {
    const mark = marks(a);
    expect(mark).toHaveLength(1);
    const restored = mark[0] === AFTER;
    if (completed) expect(restored).toBe(true);
    expect(count(a, `SELECT count(*) FROM audit_log WHERE action = '恢复备份'`)).toBe(restored ? 1 : 0);
    if (restored) {
      expect(fs.readdirSync(a.backupsDir).filter((n) => n.startsWith('恢复前-'))).toHaveLength(1);
      if (withFiles) expect(fs.existsSync(path.join(a.attachmentsDir, onlyInBackup.slice(0, 2), onlyInBackup))).toBe(true);
    }
    // Every stored file the archive names is there (an automatic backup is the database alone: the photo
    // only it names was never in this folder).
    const missing = (a.db.prepare('SELECT hash FROM attachments').pluck().all() as string[])
      .filter((h) => !fs.existsSync(path.join(a.attachmentsDir, h.slice(0, 2), h)));
    expect(missing.filter((h) => withFiles || !restored || h !== onlyInBackup)).toEqual([]);
  };

  it('restore from a backup file: the backup\'s archive with its files, or the one before, never half', async () => {
    await killRepeatedly('restore-file', [backupZip], restoreCheck(true));
  }, 240_000);

  it('restore from an automatic backup: likewise', async () => {
    await killRepeatedly('restore-auto', [AUTO], restoreCheck(false));
  }, 240_000);

  it('restore killed at each step of its swap: before the replaced archive moves out, undone; after, finished', async () => {
    for (const step of [1, 2, 3, 4, 5]) {
      const folder = freshCopy(`swap-${step}`);
      await runChild(['swap', folder, AUTO, String(step)], null);
      const a = await reopened(folder);
      try {
        expect(marks(a), `step ${step}`).toEqual([step >= 3 ? AFTER : BEFORE]);
        expect(count(a, `SELECT count(*) FROM audit_log WHERE action = '恢复备份'`), `step ${step}`).toBe(step >= 3 ? 1 : 0);
      } finally {
        a.close();
      }
    }
  }, 120_000);

  it('year package: archived with its whole package, or not archived and no package draft left', async () => {
    await killRepeatedly('package', [String(YEAR)], (a, completed) => {
      const archived = count(a, 'SELECT count(*) FROM archived_years WHERE year = ?', YEAR) === 1;
      if (completed) expect(archived).toBe(true);
      const zip = path.join(a.dataFolder, '年度归档', `${YEAR}年度归档.zip`);
      if (archived) {
        expect(fs.existsSync(zip)).toBe(true);
        const catalogue = JSON.parse(a.db.prepare('SELECT catalogue FROM archived_years WHERE year = ?').pluck().get(YEAR) as string) as unknown[];
        expect(catalogue.length).toBeGreaterThan(12); // the documents and every photo
        expect(count(a, `SELECT count(*) FROM audit_log WHERE action = '归档'`)).toBe(1);
      } else {
        expect(count(a, `SELECT count(*) FROM audit_log WHERE action = '归档'`)).toBe(0);
      }
      // A package in place, marked or not (killed between moving it in and marking), is always whole.
      if (fs.existsSync(zip)) return JSZip.loadAsync(fs.readFileSync(zip)).then((z) => expect(Object.keys(z.files).length).toBeGreaterThan(12));
    });
  }, 240_000);

  it('backup file: the archive untouched, the log line only for a file made whole, no partial file kept', async () => {
    await killRepeatedly('backup-file', [], (a, completed) => {
      // The template's own backup file is one line already.
      const logged = count(a, `SELECT count(*) FROM audit_log WHERE action = '备份'`) - 1;
      expect([0, 1]).toContain(logged);
      if (completed) expect(logged).toBe(1);
      expect(marks(a)).toEqual([BEFORE]);
    });
  }, 240_000);

  it('automatic backups: every backup under its own name is whole', async () => {
    let made = 0;
    for (let i = 0; i < KILLS; i++) {
      const folder = freshCopy(`auto-${i}`);
      const run = await runChild(['auto-backups', folder], Math.floor(Math.random() * 300));
      made += [...run.output.matchAll(/^backup (\d+)$/gm)].length;
      for (const name of fs.readdirSync(path.join(folder, 'backups')).filter((n) => n.startsWith('自动-2031') && n.endsWith('.db'))) {
        checkDatabase(path.join(folder, 'backups', name), name);
      }
      (await reopened(folder)).close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
    expect(made).toBeGreaterThan(KILLS); // many were written between the kills
  }, 240_000);
});
