import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { ended, finished, offeredBytes, uploaded } from '../testing/files';
import { refusal } from '../testing/refused';
import { putAttachment } from '../store/attachments';
import { checkYear } from '../store/year-close';
import { restoreFromFile } from '../store/restore';
import { openBackupFile } from '../documents/backup-file';
import { transfers } from '../transfer/transfers';
import { call } from './index';
import { backupFileNow, writeLedger } from './files';
import { Canceled, cancelJob, jobState } from './jobs';
import { closeYear } from './year-package';
import type { Progress } from '../../shared/progress';

// 取消 at several points of every long operation: each leaves no partial file and commits nothing.
// The work is driven with a Progress that asks to stop once a given step has begun (and, optionally,
// reported progress `after` times), so each point is hit exactly; the job plumbing is tested through
// the channels at the end.

let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

const AT = '2025-01-01 00:00:00';
const ins = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);

/** A year with a school, `problems` problems, a visit with photos, a chronicle entry. */
function seed(problems: number, photos = 3): void {
  const school = ins(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`, AT, AT);
  const add = a.db.prepare(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
    VALUES ('督导记录', ?, '校务管理和制度执行情况', ?, '学校', '待整改', ?, ?)`);
  a.db.transaction(() => { for (let i = 0; i < problems; i++) add.run(school, `问题${i}`, '2025-03-04', AT); })();
  const visit = ins(`INSERT INTO visits (school_id, date, type, created_at, updated_at) VALUES (?, '2025-03-04', '经常性', ?, ?)`, school, AT, AT);
  for (let i = 0; i < photos; i++) {
    const hash = putAttachment(a, Buffer.alloc(300_000, i + 1), `照片${i}.jpg`, 'image/jpeg');
    a.db.prepare(`INSERT INTO visit_attachments (visit_id, hash, file_name, kind, seq) VALUES (?, ?, ?, 'photo', ?)`).run(visit, hash, `照片${i}.jpg`, i + 1);
  }
  ins(`INSERT INTO chronicle_entries (year, precision, date, text, created_at, updated_at) VALUES (2025, 'day', '2025-03-12', '召开会议。', ?, ?)`, AT, AT);
}

/** A Progress that asks to stop once the step starting with `step` has begun and reported `after` times. */
function cancelAt(step: string, after = 0): Progress & { hit: boolean } {
  let current = '';
  let reports = 0;
  const p = {
    hit: false,
    stage(text: string) { current = text; reports = 0; },
    progress() { reports++; },
    check() {
      if (current.startsWith(step) && reports >= after) {
        p.hit = true;
        throw new Canceled();
      }
    },
  };
  return p;
}

const everything = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }) as string[] : []);
const audits = (action: string) => a.db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;

describe('the 台账 export', () => {
  it('stops between rows, its partial .xlsx removed', async () => {
    seed(2500, 0);
    const out = transfers(a).tempPath('.xlsx');
    const p = cancelAt('', 1);
    p.stage('写入台账', 0, 100);
    await expect(writeLedger(a, {}, out, p)).rejects.toBeInstanceOf(Canceled);
    expect(p.hit).toBe(true);
    expect(everything(a.transferDir)).toEqual([]);
    // The archive is usable at once (the export read on its own connection, now closed).
    expect((await call(a, 'problems.list', { limit: 1 })).total).toBe(2500);
  });
});

describe('the backup file', () => {
  for (const step of ['复制档案数据库', '写入备份文件']) {
    it(`stops in「${step}」: no database copy, no partial .zip, nothing logged`, async () => {
      seed(10);
      const p = cancelAt(step, step === '写入备份文件' ? 1 : 0);
      await expect(backupFileNow(a, transfers(a).tempPath('.zip'), p)).rejects.toBeInstanceOf(Canceled);
      expect(p.hit).toBe(true);
      expect(everything(a.transferDir)).toEqual([]);
      expect(fs.readdirSync(a.backupsDir)).toEqual([]);
      expect(audits('备份')).toBe(0);
    });
  }
});

describe('the year package', () => {
  for (const step of ['生成年度文档', '复制附件', '压缩归档包']) {
    it(`stops in「${step}」: no package, no temporary folder, the year still open`, async () => {
      seed(20);
      const p = cancelAt(step, 1);
      await expect(closeYear(a, 2025, checkYear(a, 2025).openWork, p)).rejects.toBeInstanceOf(Canceled);
      expect(p.hit).toBe(true);
      expect(everything(path.join(a.dataFolder, '年度归档'))).toEqual([]);
      expect((await call(a, 'yearClose.list', {})).find((y) => y.year === 2025)!.archived).toBeNull();
      expect(audits('归档')).toBe(0);
    });
  }
});

describe('a restore from a backup file', () => {
  for (const step of ['读取备份文件', '检查备份中的数据库', '升级数据结构']) {
    it(`stops in「${step}」: the archive as it was, nothing kept or staged`, async () => {
      seed(10);
      const file = transfers(a).tempPath('.zip');
      await backupFileNow(a, file);
      ins(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('备份之后的学校', '小学', '公办', ?, ?)`, AT, AT);
      const before = fs.readFileSync(path.join(a.dataFolder, 'archive.db'));
      const p = cancelAt(step, step === '读取备份文件' ? 1 : 0);
      await expect(restoreFromFile(a, () => openBackupFile(file), p)).rejects.toBeInstanceOf(Canceled);
      expect(p.hit).toBe(true);
      expect(a.db.prepare(`SELECT count(*) FROM schools`).pluck().get()).toBe(2);
      expect(fs.readFileSync(path.join(a.dataFolder, 'archive.db')).equals(before)).toBe(true);
      expect(fs.readdirSync(a.backupsDir).filter((n) => n.startsWith('恢复前'))).toEqual([]);
      expect(fs.readdirSync(a.dataFolder).filter((n) => n.startsWith('.恢复中'))).toEqual([]);
    });
  }
});

describe('jobs through the channels', () => {
  it('follow a long export: a second one is refused while it runs, 取消 ends it with nothing left behind', async () => {
    seed(6000, 0);
    const { jobId } = await call(a, 'problems.exportLedger', {});
    const busy = await refusal(call(a, 'backups.createFile', {}));
    expect(busy).toMatchObject({ code: 'conflict' });
    expect(busy.message).toContain('正在导出问题整改台账');
    // Wait for the first thousand rows, then cancel.
    while (!jobState(a, jobId).stage.includes('第 1000')) await new Promise((r) => setImmediate(r));
    expect(jobState(a, jobId)).toMatchObject({ title: '导出问题整改台账', state: 'running' });
    expect(jobState(a, jobId).percent).toBeGreaterThan(0);
    expect((await call(a, 'jobs.cancel', { jobId })).state).toBe('canceling');
    expect(await ended(a, { jobId })).toMatchObject({ state: 'canceled', stage: '已取消' });
    expect(everything(a.transferDir)).toEqual([]);
    // The next one runs to its end, all rows.
    const done = await finished(a, call(a, 'problems.exportLedger', {}));
    expect(done.rows).toBe(6000);
    expect((await offeredBytes(a, done.file)).subarray(0, 2).toString()).toBe('PK');
  });

  it('an Excel import canceled before it writes changes nothing; jobs.get of an unknown job says so', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['学校全称', '学段/类型']);
    ws.addRow(['新建小学', '小学']);
    const uploadId = await uploaded(a, 'roster', '学校.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const { jobId } = await call(a, 'excel.commitImport', { kind: 'schools', uploadId });
    cancelJob(a, jobId);
    expect((await ended(a, { jobId })).state).toBe('canceled');
    expect(a.db.prepare(`SELECT count(*) FROM schools`).pluck().get()).toBe(0);
    // The chosen file is still there for another try.
    expect((await finished(a, call(a, 'excel.commitImport', { kind: 'schools', uploadId }))).inserted).toBe(1);
    expect(await refusal(call(a, 'jobs.get', { jobId: '0'.repeat(32) }))).toMatchObject({ code: 'not_found', field: 'jobId' });
    expect(await refusal(call(a, 'jobs.cancel', { jobId: '../x' }))).toMatchObject({ code: 'invalid', field: 'jobId' });
  });
});
