import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './store';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

const folders: string[] = [];
function tmp() {
  const f = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-arch-'));
  folders.push(f);
  return f;
}
afterEach(() => { for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true }); });

describe('openStore', () => {
  it('creates a new archive with WAL, foreign keys, synchronous=FULL and the latest schema', async () => {
    const a = await openStore(tmp());
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(a.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(a.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(a.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const strict = a.db.prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'`).all() as { name: string; strict: number }[];
    expect(strict.length).toBeGreaterThan(5);
    for (const t of strict) expect(t, t.name).toMatchObject({ strict: 1 });
    a.close();
  });

  it('applies each migration in order and records its number', async () => {
    const folder = tmp();
    const a = await openStore(folder);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    a.close();
    const again = await openStore(folder);
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    again.close();
  });

  it('refuses an archive made by a newer app, with a Chinese message, and leaves it untouched', async () => {
    const folder = tmp();
    const db = new Database(path.join(folder, 'archive.db'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    await expect(openStore(folder)).rejects.toThrow(/较新版本/);
    const check = new Database(path.join(folder, 'archive.db'));
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    check.close();
  });

  it('backs up an archive before migrating it, and upgrades an archive of every earlier version', async () => {
    for (let v = 1; v < LATEST_SCHEMA_VERSION; v++) {
      const folder = tmp();
      const old = await openStore(folder, { migrations: migrations.slice(0, v) });
      expect(old.db.pragma('user_version', { simple: true })).toBe(v);
      old.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('清河区实验小学', '小学', '公办', '2025-01-01', '2025-01-01')`).run();
      old.close();

      const a = await openStore(folder);
      expect(a.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(a.db.prepare('SELECT full_name FROM schools').pluck().all()).toEqual(['清河区实验小学']);
      const backups = fs.readdirSync(a.backupsDir);
      expect(backups).toHaveLength(1);
      expect(backups[0]).toMatch(new RegExp(`^迁移前-v${v}-\\d{8}-\\d{6}\\.db$`));
      const b = new Database(path.join(a.backupsDir, backups[0]), { readonly: true });
      expect(b.pragma('user_version', { simple: true })).toBe(v);
      expect(b.prepare('SELECT count(*) FROM schools').pluck().get()).toBe(1);
      b.close();
      a.close();
    }
  });

  it('rolls back every pending migration when one fails', async () => {
    const folder = tmp();
    const broken = [...migrations, { version: LATEST_SCHEMA_VERSION + 1, name: 'broken', up: () => { throw new Error('boom'); } }];
    await expect(openStore(folder, { migrations: broken })).rejects.toThrow('boom');
    const check = new Database(path.join(folder, 'archive.db'));
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'schools'`).pluck().get()).toBe(0);
    check.close();
  });

  it('refuses a file that is not a database', async () => {
    const folder = tmp();
    fs.writeFileSync(path.join(folder, 'archive.db'), 'this is not sqlite at all, just text '.repeat(100));
    await expect(openStore(folder)).rejects.toThrow(/无法打开档案文件/);
  });
});
