import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { autoBackup, backupDue, backupIfDue, backupsToKeep, lastBackupAt, listAutoBackups, scheduleAutoBackups, type BackupTimers } from './backups';

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

describe('when automatic backups are taken (an injected clock and timers)', () => {
  it('backupDue: when there is none, or the newest is a day old', () => {
    const t = new Date(2026, 10, 23, 9, 0, 0);
    expect(backupDue(null, t)).toBe(true);
    expect(backupDue(new Date(t.getTime() - 24 * 3600_000 + 1000), t)).toBe(false);
    expect(backupDue(new Date(t.getTime() - 24 * 3600_000), t)).toBe(true);
    expect(backupDue(new Date(t.getTime() + 3600_000), t)).toBe(false); // a clock set back: not due
  });

  it('nothing on the way to the first screen; then one look after a few seconds and one an hour, each backing up only when a day has passed', async () => {
    const a = await tempStore({ init: 'empty' });
    open.push(a);
    let clock = new Date(2026, 10, 23, 9, 0, 0).getTime();
    const waits: { ms: number; look: () => Promise<unknown>; repeat: boolean }[] = [];
    const timers: BackupTimers = {
      after: (ms, look) => { waits.push({ ms, look, repeat: false }); },
      every: (ms, look) => { waits.push({ ms, look, repeat: true }); },
      stop: () => { waits.length = 0; },
    };
    const stop = scheduleAutoBackups(a, { now: () => new Date(clock), timers, firstAfterMs: 5000, everyMs: 3600_000 });
    // Scheduled, not taken: opening the archive copied nothing.
    expect(listAutoBackups(a)).toEqual([]);
    expect(waits).toMatchObject([{ ms: 5000, repeat: false }]);
    clock += 5000;
    await waits[0].look();
    expect(listAutoBackups(a).map((b) => b.at)).toEqual([new Date(clock)]);
    expect(waits[1]).toMatchObject({ ms: 3600_000, repeat: true });
    const hourly = waits[1].look;
    for (let h = 1; h < 24; h++) {
      clock += 3600_000;
      expect(await backupIfDue(a, new Date(clock))).toBeNull();
      await hourly();
    }
    expect(listAutoBackups(a)).toHaveLength(1); // 23 hours later: still the one
    clock += 3600_000;
    await hourly();
    expect(listAutoBackups(a)).toHaveLength(2); // a day after the first
    // A restart the next morning: the look a few seconds in takes one only if a day has passed.
    stop();
    expect(waits).toEqual([]);
    clock += 10 * 3600_000;
    scheduleAutoBackups(a, { now: () => new Date(clock), timers });
    await waits[0].look();
    expect(listAutoBackups(a)).toHaveLength(2);
    clock += 14 * 3600_000;
    await waits[1].look();
    expect(listAutoBackups(a)).toHaveLength(3);
  });

  it('keeps the daily, weekly and monthly history as days pass', async () => {
    const a = await tempStore({ init: 'empty' });
    open.push(a);
    const start = new Date(2026, 0, 1, 9, 0, 0).getTime();
    for (let d = 0; d < 120; d++) await backupIfDue(a, new Date(start + d * 86400_000));
    const kept = listAutoBackups(a).map((b) => b.at);
    const days = (x: Date) => Math.round((x.getTime() - start) / 86400_000);
    // The last 7 days, then one a week for 4 weeks, then one a month.
    expect(kept.slice(0, 7).map(days)).toEqual([119, 118, 117, 116, 115, 114, 113]);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 4);
    expect(days(kept.at(-1)!)).toBeLessThan(31); // January's newest stays as the month's
  });
});
