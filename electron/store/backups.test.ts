import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { autoBackup, backupsToKeep, lastBackupAt, listAutoBackups } from './backups';

const open: { dispose(): void }[] = [];
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });

describe('backupsToKeep', () => {
  it('keeps one a day for 7 days, one a week for 4 weeks, one a month for 12 months', () => {
    // One backup every 12 hours for two years, newest first.
    const start = new Date(2026, 10, 23, 18, 0, 0).getTime();
    const dates = Array.from({ length: 2 * 365 * 2 }, (_, i) => new Date(start - i * 12 * 3600_000));
    const keep = [...backupsToKeep(dates)].sort((a, b) => a - b).map((i) => dates[i]);
    // 7 daily + up to 4 weekly + up to 12 monthly, with overlaps: never more than 23, never fewer than 12.
    expect(keep.length).toBeGreaterThanOrEqual(12);
    expect(keep.length).toBeLessThanOrEqual(23);
    expect(keep[0]).toEqual(dates[0]);
    const days = new Set(keep.filter((d) => start - d.getTime() < 7 * 86400_000).map((d) => d.toDateString()));
    expect(days.size).toBe(7);
    const oldest = keep[keep.length - 1];
    expect(start - oldest.getTime()).toBeGreaterThan(300 * 86400_000);
    expect(start - oldest.getTime()).toBeLessThan(366 * 86400_000);
  });
});

describe('autoBackup', () => {
  it('writes a consistent copy of the archive and prunes old ones', async () => {
    const a = await tempStore({ init: 'empty' });
    open.push(a);
    a.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('白沙镇中心小学', '小学', '公办', 'x', 'x')`).run();
    const base = new Date(2026, 10, 23, 9, 0, 0);
    for (let i = 0; i < 30; i++) await autoBackup(a, new Date(base.getTime() - i * 86400_000));
    const files = listAutoBackups(a);
    expect(files.length).toBeLessThan(30);
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(lastBackupAt(a)).toEqual(base);
    const copy = new Database(path.join(a.backupsDir, files[0].name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT full_name FROM schools').pluck().get()).toBe('白沙镇中心小学');
    copy.close();
    expect(fs.readdirSync(a.backupsDir).every((n) => n.startsWith('自动-'))).toBe(true);
  });
});
