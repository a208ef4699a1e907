import fs from 'node:fs';
import path from 'node:path';
import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { BACKUP_STALE_DAYS, type BackupStatus } from '../../shared/schemas/backup';
import { lastFileBackupAt } from './backup-file';
import { PART } from './recovery';

/** Automatic backups are named 自动-YYYYMMDD-HHMMSS.db inside the archive's backups/ folder. */
const AUTO = /^自动-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

export interface BackupFile {
  name: string;
  at: Date;
  size: number;
}

function stampOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function listAutoBackups(a: Store): BackupFile[] {
  return fs.readdirSync(a.backupsDir).flatMap((name) => {
    const m = AUTO.exec(name);
    if (!m) return [];
    const [, y, mo, d, h, mi, s] = m.map(Number);
    const stat = fs.statSync(path.join(a.backupsDir, name), { throwIfNoEntry: false });
    return stat ? [{ name, at: new Date(y, mo - 1, d, h, mi, s), size: stat.size }] : []; // removed meanwhile
  }).sort((x, y) => y.at.getTime() - x.at.getTime());
}

/**
 * Which backups to keep: the newest of each of the last `daily` days, `weekly` ISO-ish weeks and
 * `monthly` months (a grandfather-father-son history). `dates` newest first; returns kept indexes.
 */
export function backupsToKeep(dates: Date[], policy = { daily: 7, weekly: 4, monthly: 12 }): Set<number> {
  const keep = new Set<number>();
  const bucket = (key: (d: Date) => string, limit: number) => {
    const seen = new Set<string>();
    dates.forEach((d, i) => {
      const k = key(d);
      if (seen.has(k) || seen.size >= limit) return;
      seen.add(k);
      keep.add(i);
    });
  };
  bucket((d) => d.toDateString(), policy.daily);
  bucket((d) => {
    const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
    return monday.toDateString();
  }, policy.weekly);
  bucket((d) => `${d.getFullYear()}-${d.getMonth()}`, policy.monthly);
  return keep;
}

/** Back up the live archive (consistent even while it is written to) and prune the history. */
export async function autoBackup(a: Store, now = new Date()): Promise<string> {
  const file = path.join(a.backupsDir, `自动-${stampOf(now)}.db`);
  // Written under another name and renamed when whole: a crash leaves no half backup among the real
  // ones (recovery.ts removes the part at the next opening).
  await a.db.backup(`${file}${PART}`);
  fs.renameSync(`${file}${PART}`, file);
  const all = listAutoBackups(a);
  const keep = backupsToKeep(all.map((b) => b.at));
  all.forEach((b, i) => { if (!keep.has(i)) fs.rmSync(path.join(a.backupsDir, b.name), { force: true }); });
  return file;
}

/** An automatic backup is taken when there is none yet, or the newest is a day old. */
export const BACKUP_EVERY_MS = 24 * 3600_000;

export function backupDue(newest: Date | null, now: Date): boolean {
  return newest === null || now.getTime() - newest.getTime() >= BACKUP_EVERY_MS;
}

/** Take an automatic backup if one is due (see backupDue); answers its file, or null when none was due. */
export async function backupIfDue(a: Store, now = new Date()): Promise<string | null> {
  return backupDue(lastBackupAt(a), now) ? autoBackup(a, now) : null;
}

/** How the schedule waits (tests give their own, to run each look by hand). */
export interface BackupTimers {
  after(ms: number, look: () => Promise<unknown>): void;
  every(ms: number, look: () => Promise<unknown>): void;
  stop(): void;
}

function realTimers(): BackupTimers {
  const handles: ReturnType<typeof setTimeout>[] = [];
  return {
    after: (ms, look) => { handles.push(setTimeout(look, ms).unref()); },
    every: (ms, look) => { handles.push(setInterval(look, ms).unref()); },
    stop: () => handles.forEach((h) => clearTimeout(h)),
  };
}

/**
 * Automatic backups in the background, never on the way to the first screen: a first look `firstAfterMs`
 * after start, then one every `everyMs`; each look takes a backup only when one is due (backupDue). The
 * copy before each migration is openStore's. Answers a function that stops the schedule.
 */
export function scheduleAutoBackups(a: Store, opts: {
  firstAfterMs?: number; everyMs?: number; now?: () => Date; onError?: (e: unknown) => void; timers?: BackupTimers;
} = {}): () => void {
  const now = opts.now ?? (() => new Date());
  const timers = opts.timers ?? realTimers();
  const look = () => backupIfDue(a, now()).catch((e) => (opts.onError ?? console.error)(e));
  timers.after(opts.firstAfterMs ?? 5000, async () => {
    await look();
    timers.every(opts.everyMs ?? 3600_000, look);
  });
  return () => timers.stop();
}

/** When the newest automatic backup was made, if any. */
export function lastBackupAt(a: Store): Date | null {
  return listAutoBackups(a)[0]?.at ?? null;
}

/** The newest backups of both kinds, and whether the user should be warned that they are old. */
export function backupStatus(a: Store): BackupStatus {
  const autos = listAutoBackups(a);
  const auto = autos[0]?.at ?? null;
  const file = lastFileBackupAt(a);
  const newest = Math.max(auto?.getTime() ?? 0, file ? new Date(file.replace(' ', 'T')).getTime() : 0);
  return {
    lastAutoBackup: auto ? nowText(auto) : null,
    lastFileBackup: file,
    stale: !newest || Date.now() - newest > BACKUP_STALE_DAYS * 86400_000,
    autoCount: autos.length,
    folder: a.backupsDir,
  };
}
