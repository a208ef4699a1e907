import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { refusal } from '../testing/refused';
import { call } from '.';
import { migrations } from '../store/migrations';
import { openStore, type Store } from '../store/store';
import { autoBackup } from '../store/backups';
import { AppError } from '../../shared/result';
import { deflated, rawZip } from '../testing/hostile-files';

const open: { dispose(): void }[] = [];
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });
async function archive() {
  const a = await tempStore({ init: 'empty' });
  open.push(a);
  return a;
}

const addSchool = (a: Store, fullName: string) =>
  call(a, 'schools.save', { fields: { fullName, type: '小学', nature: '公办' } });
const schoolNames = (a: Store) =>
  (a.db.prepare('SELECT full_name FROM schools WHERE deleted_at IS NULL ORDER BY full_name').pluck().all() as string[]);
const keptFiles = (a: Store) => fs.readdirSync(a.backupsDir).filter((n) => n.startsWith('恢复前-'));
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** 立即备份到文件, as the page does it: the job followed to its end, the offered file fetched. */
const backupFile = async (a: Store) => offeredBytes(a, finished(a, call(a, 'backups.createFile', {})));
/** 从备份文件恢复, as the page does it: the file received, then the job followed. */
const restoreFile = async (a: Store, bytes: Buffer | string) =>
  finished(a, call(a, 'backups.restoreFile', { uploadId: await uploaded(a, 'backup', '备份.zip', bytes) }));
const restoreAuto = (a: Store, name: string) => finished(a, call(a, 'backups.restoreAuto', { name }));
const putPng = async (a: Store) => call(a, 'attachments.put', { uploadId: await uploaded(a, 'file', '照片.png', PNG) });
const zipped = (zip: JSZip) => zip.generateAsync({ type: 'nodebuffer' });

/** A backup file whose archive.db is replaced by `db` (a path or bytes). */
async function withDb(a: Store, db: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await backupFile(a));
  zip.file('archive.db', db);
  return zipped(zip);
}

/** A copy of the live archive, changed by `edit`, as bytes. */
async function editedCopy(a: Store, edit: (db: Database.Database, file: string) => void): Promise<Buffer> {
  const file = path.join(a.dataFolder, 'copy.db');
  await a.db.backup(file);
  const db = new Database(file);
  try {
    edit(db, file);
  } finally {
    db.close();
  }
  const bytes = fs.readFileSync(file);
  fs.rmSync(file);
  return bytes;
}

describe('backups.status / backups.list', () => {
  it('says when the last automatic backup was made and warns when there is none or it is old', async () => {
    const a = await archive();
    expect(await call(a, 'backups.status', {})).toEqual({ lastAutoBackup: null, lastFileBackup: null, stale: true, autoCount: 0, folder: a.backupsDir });
    await autoBackup(a, new Date(Date.now() - 8 * 86400_000));
    const old = await call(a, 'backups.status', {});
    expect(old).toMatchObject({ stale: true, autoCount: 1 });
    expect(old.lastAutoBackup).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await autoBackup(a, new Date(2099, 0, 2, 3, 4, 5)); // newest
    expect(await call(a, 'backups.status', {})).toMatchObject({ lastAutoBackup: '2099-01-02 03:04:05', stale: false, autoCount: 2 });
    const list = await call(a, 'backups.list', {});
    expect(list[0]).toMatchObject({ name: '自动-20990102-030405.db', kind: '自动', at: '2099-01-02 03:04:05' });
    expect(list[0].size).toBeGreaterThan(0);
    expect(list).toHaveLength(2);
  });

  it('counts a backup file made with 立即备份到文件: no warning after one, even without a recent automatic backup', async () => {
    const a = await archive();
    await autoBackup(a, new Date(Date.now() - 8 * 86400_000));
    expect(await call(a, 'backups.status', {})).toMatchObject({ stale: true, lastFileBackup: null });
    await backupFile(a);
    const now = await call(a, 'backups.status', {});
    expect(now).toMatchObject({ stale: false, autoCount: 1 });
    expect(now.lastFileBackup).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
});

describe('backups.createFile', () => {
  it('makes one .zip with manifest.json, a sound copy of archive.db and the attachments', async () => {
    const a = await archive();
    await addSchool(a, '城关第一小学');
    const { hash } = await putPng(a);
    const out = await finished(a, call(a, 'backups.createFile', {}));
    expect(out.fileName).toMatch(/^督导档案备份-\d{8}-\d{6}\.zip$/);
    const zip = await JSZip.loadAsync(await offeredBytes(a, out));
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toMatchObject({ app: '督导档案', appVersion: '0.1.0', schemaVersion: migrations.at(-1)!.version, attachments: 1 });
    expect(manifest.counts).toMatchObject({ schools: 1, supervisors: 0, attachments: 1 });
    expect(manifest.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Buffer.compare(await zip.file(`attachments/${hash.slice(0, 2)}/${hash}`)!.async('nodebuffer'), PNG)).toBe(0);
    const file = path.join(a.dataFolder, 'check.db');
    fs.writeFileSync(file, await zip.file('archive.db')!.async('nodebuffer'));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT full_name FROM schools').pluck().all()).toEqual(['城关第一小学']);
    db.close();
    expect(fs.readdirSync(a.backupsDir)).toEqual([]);
    expect(fs.readdirSync(a.transferDir)).toEqual([]); // the database copy, and the file once fetched, are gone
    expect(a.db.prepare(`SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1`).get())
      .toEqual({ action: '备份', summary: `生成备份文件 ${out.fileName}` });
  });
});

describe('backups.restoreFile', () => {
  it('replaces the archive with the backup, keeps the replaced one, and every handler sees the restored data', async () => {
    const a = await archive();
    await addSchool(a, '城关第一小学');
    const { hash } = await putPng(a);
    const data = await backupFile(a);
    await addSchool(a, '白沙镇中心小学');
    // The attachment file disappears from the folder; the backup brings it back.
    fs.rmSync(path.join(a.attachmentsDir, hash.slice(0, 2), hash));

    const res = await restoreFile(a, data);
    expect(res.keptAs).toMatch(/^恢复前-\d{8}-\d{6}\.db$/);
    expect(res.counts).toMatchObject({ schools: 1 });
    expect(schoolNames(a)).toEqual(['城关第一小学']);
    expect((await call(a, 'schools.list', {})).total).toBe(1);
    expect(await offeredBytes(a, call(a, 'attachments.get', { hash }))).toEqual(PNG);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(a.db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The replaced archive is kept, whole, with the school added after the backup.
    const kept = new Database(path.join(a.backupsDir, res.keptAs), { readonly: true });
    expect(kept.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(kept.prepare('SELECT full_name FROM schools ORDER BY id').pluck().all()).toEqual(['城关第一小学', '白沙镇中心小学']);
    kept.close();
    expect(a.db.prepare(`SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1`).get())
      .toEqual({ action: '恢复备份', summary: `从备份文件恢复档案；恢复前的档案保存为 backups/${res.keptAs}` });
    // Writes after the restore go to the new archive file and survive reopening.
    await addSchool(a, '恢复后新增小学');
    a.close();
    const again = await openStore(a.dataFolder);
    expect(again.db.prepare('SELECT count(*) FROM schools').pluck().get()).toBe(2);
    again.close();
    Object.assign(a, await openStore(a.dataFolder)); // for dispose()
  });

  it('brings a backup made by an older version up to the current schema', async () => {
    const a = await archive();
    const old = await openStore(path.join(a.dataFolder, 'old'), { migrations: migrations.slice(0, 1) });
    old.db.prepare(`INSERT INTO settings (key, value) VALUES ('initialized', '1')`).run();
    old.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('旧版小学', '小学', '公办', 'x', 'x')`).run();
    old.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(old.dataFolder, 'archive.db'));
    old.close();
    const res = await restoreFile(a, await withDb(a, bytes));
    expect(res.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(a.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(schoolNames(a)).toEqual(['旧版小学']);
  });

  describe('refuses damaged or foreign files before replacing anything', () => {
    async function expectRefused(a: Store, data: Buffer | string, message: RegExp, code: AppError['code'] = 'invalid') {
      const before = fs.readFileSync(path.join(a.dataFolder, 'archive.db'));
      const e = await refusal(restoreFile(a, data));
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(schoolNames(a)).toEqual(['城关第一小学']);
      expect(keptFiles(a)).toEqual([]);
      expect(fs.readdirSync(a.dataFolder).filter((n) => n.startsWith('.恢复中'))).toEqual([]);
      expect(Buffer.compare(fs.readFileSync(path.join(a.dataFolder, 'archive.db')), before)).toBe(0);
      expect(fs.readdirSync(a.transferDir)).toEqual([]); // the received file is gone too
    }

    it('garbage, a truncated zip, a zip without manifest.json or archive.db', async () => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      const good = await backupFile(a);
      await expectRefused(a, '这不是压缩包', /不是督导档案的备份文件.*无法作为压缩包读取/);
      await expectRefused(a, good.subarray(0, Math.floor(good.length / 2)), /不是督导档案的备份文件/);
      const noDb = await JSZip.loadAsync(good);
      noDb.remove('archive.db');
      await expectRefused(a, await zipped(noDb), /缺少档案数据库 archive\.db/);
      const noManifest = await JSZip.loadAsync(good);
      noManifest.remove('manifest.json');
      await expectRefused(a, await zipped(noManifest), /缺少 manifest\.json/);
      const foreign = await JSZip.loadAsync(good);
      foreign.file('manifest.json', '{"app":"别的程序"}');
      await expectRefused(a, await zipped(foreign), /manifest\.json 无法识别/);
    });

    it('a database that is not a database, fails integrity_check, or is not an archive', async () => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      await expectRefused(a, await withDb(a, Buffer.from('SQLite format 3\0 but then nothing')), /不是有效的数据库文件|无法打开/);
      // Many rows, then scramble the pages of the schools table's name index.
      const corrupt = await editedCopy(a, (db) => {
        const ins = db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', 'x', 'x')`);
        db.transaction(() => { for (let i = 0; i < 3000; i++) ins.run(`学校${i}`); })();
        db.pragma('journal_mode = DELETE');
      });
      const db = new Database(corrupt);
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const indexRoots = db.prepare(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'schools'`).pluck().all() as number[];
      db.close();
      expect(indexRoots.length).toBeGreaterThan(0);
      for (const root of indexRoots) corrupt.fill(0x5a, (root - 1) * pageSize + 200, root * pageSize - 8);
      await expectRefused(a, await withDb(a, corrupt), /完整性检查|不是有效的数据库文件/);
      const plain = await editedCopy(a, (d) => d.pragma('user_version = 0'));
      await expectRefused(a, await withDb(a, plain), /不是督导档案的档案/);
    });

    it('a backup from a newer version of the app', async () => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      const newer = await editedCopy(a, (d) => d.pragma('user_version = 99'));
      await expectRefused(a, await withDb(a, newer), /此备份由较新版本的督导档案创建（数据结构版本 99）/, 'conflict');
    });

    it('an attachment whose content does not match its name; entry names never become paths', async () => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      const zip = await JSZip.loadAsync(await backupFile(a));
      const fake = 'ab'.repeat(32);
      zip.file(`attachments/ab/${fake}`, 'not the content of that hash');
      await expectRefused(a, await zipped(zip), /内容与编号不符/);

      zip.remove(`attachments/ab/${fake}`);
      zip.file('../../逃逸.txt', 'x');
      zip.file('attachments/../../逃逸2.txt', 'x');
      const res = await restoreFile(a, await zipped(zip));
      expect(res.keptAs).toMatch(/^恢复前-/);
      const root = path.dirname(a.dataFolder);
      expect(fs.existsSync(path.join(root, '逃逸.txt'))).toBe(false);
      expect(fs.existsSync(path.join(root, '逃逸2.txt'))).toBe(false);
    });

    it('an entry larger than the directory says, refused at the first byte too many; an oversized manifest', async () => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      const good = await JSZip.loadAsync(await backupFile(a));
      const manifest = await good.file('manifest.json')!.async('nodebuffer');
      const db = await good.file('archive.db')!.async('nodebuffer');
      await expectRefused(a, rawZip([deflated('manifest.json', manifest), { ...deflated('archive.db', db), size: 4096 }]),
        /所选备份文件中的「archive\.db」实际解压出的内容与压缩包目录记载的大小不符/);
      const padded = Buffer.concat([manifest.subarray(0, -1), Buffer.from(`,"x":"${' '.repeat(100_000)}"}`)]);
      await expectRefused(a, rawZip([deflated('manifest.json', padded), deflated('archive.db', db)]), /manifest\.json 无法识别/);
    });

    it('invalid input names the field', async () => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      const e = await refusal(call(a, 'backups.restoreFile', { uploadId: 12 }));
      expect(e).toMatchObject({ code: 'invalid', field: 'uploadId' });
      expect(e.message).toMatch(/^「备份文件」/);
      expect((await refusal(call(a, 'backups.restoreFile', { uploadId: '@@@' }))).message).toBe('「备份文件」所选文件已失效，请重新选择文件');
      // A received file of another kind (a photo) is not a backup file to restore.
      const photo = await uploaded(a, 'file', '照片.png', PNG);
      expect(await refusal(call(a, 'backups.restoreFile', { uploadId: photo }))).toMatchObject({ code: 'not_found', field: 'uploadId' });
    });
  });
});

describe('backups.restoreAuto', () => {
  it('restores an automatic backup chosen by name', async () => {
    const a = await archive();
    await addSchool(a, '城关第一小学');
    await autoBackup(a, new Date(2030, 5, 1, 8, 0, 0));
    await addSchool(a, '白沙镇中心小学');
    const res = await restoreAuto(a, '自动-20300601-080000.db');
    expect(schoolNames(a)).toEqual(['城关第一小学']);
    // The kept archive is itself in the list, so a restore can be undone.
    const list = await call(a, 'backups.list', {});
    expect(list.map((b) => b.name)).toContain(res.keptAs);
    await restoreAuto(a, res.keptAs);
    expect(schoolNames(a)).toEqual(['城关第一小学', '白沙镇中心小学']);
  });

  it.each(['../archive.db', '自动-20300601-080000.db', '/etc/passwd', '..\\..\\archive.db', 'archive.db', '自动-20300601-080000.db/../../archive.db'])(
    'refuses %s: only names from the list are ever opened', async (name) => {
      const a = await archive();
      await addSchool(a, '城关第一小学');
      const e = await refusal(call(a, 'backups.restoreAuto', { name }));
      expect(e).toMatchObject({ code: 'not_found', field: 'name' });
      expect(e.message).toContain('没有找到名为');
      expect(keptFiles(a)).toEqual([]);
    });

  it('refuses a damaged automatic backup and keeps the archive', async () => {
    const a = await archive();
    await addSchool(a, '城关第一小学');
    await autoBackup(a, new Date(2030, 5, 1, 8, 0, 0));
    const file = path.join(a.backupsDir, '自动-20300601-080000.db');
    fs.truncateSync(file, 4096);
    const e = await refusal(restoreAuto(a, '自动-20300601-080000.db'));
    expect(e.code).toBe('invalid');
    expect(e.message).toMatch(/备份/);
    expect(schoolNames(a)).toEqual(['城关第一小学']);
    expect(keptFiles(a)).toEqual([]);
  });
});
