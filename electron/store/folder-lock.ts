import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/result';
import { nowText } from '../../shared/dates';

// One writer per data folder. Two programs writing one archive lose data: SQLite's own locks do not
// hold across PCs on a shared drive, and after one restores a backup the other writes into a deleted
// file. So whoever opens a folder first holds archive.lock in it, created atomically ('wx': exactly
// one creator wins, also on SMB shares), saying who (user@host, process, since when), and kept fresh
// by a heartbeat (its modification time, every HEARTBEAT_MS). Every other opener — a second window,
// process or PC — is refused, with that holder named. A lock left behind is taken over: at once when
// its process is gone from this computer, after STALE_MS without a heartbeat otherwise (a PC that
// crashed or lost the share). Closing the archive, or the process exiting, removes the lock.

export const LOCK_FILE = 'archive.lock';
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 3 * 60_000;
/** How long a check of the lock (assertHeld) is trusted before the file is read again. */
const VERIFY_MS = 10_000;
const STALE_MINUTES = Math.round(STALE_MS / 60_000);

export interface LockHolder {
  app: string;
  /** This opening's own id: tells two openings by the same process id (after a reboot) apart. */
  id: string;
  host: string;
  pid: number;
  user: string;
  /** When the folder was opened (local time, 'YYYY-MM-DD HH:MM:SS'). */
  since: string;
  note?: string;
}

export interface FolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  /**
   * Throw when this lock is no longer ours (another opener took the folder over after our heartbeat
   * stopped, e.g. the PC slept). Reads the file again when the last check is older than VERIFY_MS.
   */
  assertHeld(): void;
  /** Read the lock file now and refresh the heartbeat; false when another opener holds it. */
  verify(): boolean;
  /** Stop the heartbeat and remove the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** The folder is held by another opener (or by this very process). */
export class FolderLockedError extends AppError {
  constructor(public readonly folder: string, public readonly holder: LockHolder | null, message: string) {
    super('conflict', message);
  }
}

function who(h: LockHolder): string {
  return `${h.user}@${h.host}（进程 ${h.pid}）`;
}

function lockedMessage(folder: string, holder: LockHolder | null): string {
  if (holder && sameHost(holder.host) && holder.pid === process.pid) {
    return `档案文件夹 ${folder} 已经在本程序中打开（${who(holder)}，自 ${holder.since} 起），不能再打开一次。`;
  }
  const by = holder ? `正由 ${who(holder)}使用，自 ${holder.since} 起` : '正由另一个督导档案使用（锁文件 archive.lock 无法读取）';
  return `档案文件夹 ${folder} ${by}。同一个档案文件夹同一时间只能由一个督导档案打开，否则修改会丢失。`
    + `请先关闭那里的督导档案（浏览器模式请关闭它的命令行窗口）后再打开，或选择其他档案文件夹；`
    + `如果那台电脑已关机或程序已意外退出，约 ${STALE_MINUTES} 分钟后即可重新打开。`;
}

function lostMessage(folder: string, holder: LockHolder | null): string {
  const by = holder ? `现在由 ${who(holder)}使用（自 ${holder.since} 起）` : '已被移走或无法读取';
  return `本程序对档案文件夹 ${folder} 的独占已失效：它${by}，可能是本机休眠或网络中断过久。`
    + '为避免修改丢失，这里不再读写档案。请关闭本程序，确认那边已关闭督导档案后再重新打开。';
}

function sameHost(host: string): boolean {
  return host.toLowerCase() === os.hostname().toLowerCase();
}

function userName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? 'user'; // userInfo() throws for accounts without a name entry
  }
}

/** A process on this computer is running (EPERM: it is, under another user). */
function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process holds, by id: released on exit, and told apart from a leftover with our pid. */
const held = new Map<string, FolderLock>();
let exitHook = false;

interface Found { holder: LockHolder | null; mtimeMs: number }

/** The lock file's holder (null when unreadable or half-written) and heartbeat; null when it is gone. */
function readLock(file: string): Found | null {
  let text: string;
  let mtimeMs: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    const ok = typeof h.id === 'string' && typeof h.host === 'string' && typeof h.pid === 'number'
      && typeof h.user === 'string' && typeof h.since === 'string';
    return { holder: ok ? h as LockHolder : null, mtimeMs };
  } catch {
    return { holder: null, mtimeMs };
  }
}

function isStale(f: Found, now = Date.now()): boolean {
  if (now - f.mtimeMs > STALE_MS) return true; // no heartbeat for minutes: a PC that crashed or left
  const h = f.holder;
  if (!h || !sameHost(h.host)) return false;
  if (h.pid === process.pid) return !held.has(h.id); // our pid, but not our lock: left by an earlier run
  return !pidAlive(h.pid);
}

function writeExclusive(file: string, holder: LockHolder): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw e;
  }
  fs.closeSync(fd);
}

/**
 * Remove a stale lock without removing a fresh one another opener wrote meanwhile: move it aside
 * under a unique name, and put it back (only if the name is still free) when it is not the one judged.
 */
function removeStale(file: string, judged: Found): void {
  const aside = `${file}.stale-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = readLock(aside);
  const same = moved !== null && (judged.holder ? moved.holder?.id === judged.holder.id : moved.holder === null && moved.mtimeMs === judged.mtimeMs);
  if (!same) {
    try {
      fs.copyFileSync(aside, file, fs.constants.COPYFILE_EXCL);
    } catch { /* a newer lock is already in place */ }
  }
  fs.rmSync(aside, { force: true });
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Take the data folder for this process, or throw FolderLockedError naming who holds it. The
 * folder must exist. Other errors (a read-only folder, no permission) are thrown as they are.
 */
export function acquireFolderLock(folder: string): FolderLock {
  const file = path.join(folder, LOCK_FILE);
  const me: LockHolder = {
    app: '督导档案', id: crypto.randomUUID(), host: os.hostname(), pid: process.pid, user: userName(), since: nowText(),
    note: '督导档案正在使用此文件夹。程序关闭时会自动删除本文件；请勿手动删除。',
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeExclusive(file, me);
      return track(folder, file, me);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let found = readLock(file);
    // Another opener may be between creating the file and writing it: give it a moment.
    for (let i = 0; i < 5 && found && !found.holder && Date.now() - found.mtimeMs < 2000; i++) {
      pause(40);
      found = readLock(file);
    }
    if (!found) continue; // released meanwhile
    if (!isStale(found)) throw new FolderLockedError(folder, found.holder, lockedMessage(folder, found.holder));
    removeStale(file, found);
  }
  const last = readLock(file);
  throw new FolderLockedError(folder, last?.holder ?? null, lockedMessage(folder, last?.holder ?? null));
}

function track(folder: string, file: string, me: LockHolder): FolderLock {
  let lost: Found | null = null;
  let released = false;
  let checkedAt = Date.now();

  const verify = (): boolean => {
    if (released) return false;
    if (lost) return false;
    let found: Found | null;
    try {
      found = readLock(file);
      if (!found) {
        // Someone deleted the file: take it again, unless another opener was quicker.
        try {
          writeExclusive(file, me);
          found = readLock(file);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
          found = readLock(file);
        }
      }
      if (found && found.holder?.id !== me.id) {
        lost = found;
        console.error(`[lock] ${folder}: ${lostMessage(folder, found.holder)}`);
        return false;
      }
      const now = new Date();
      fs.utimesSync(file, now, now);
      checkedAt = now.getTime();
      return true;
    } catch (e) {
      // The share is unreachable for now: keep the lock, try again at the next beat.
      console.error(`[lock] ${folder}: cannot refresh ${LOCK_FILE}:`, (e as Error).message);
      checkedAt = Date.now();
      return !lost;
    }
  };

  const timer = setInterval(verify, HEARTBEAT_MS);
  timer.unref();

  const lock: FolderLock = {
    file,
    holder: me,
    verify,
    assertHeld() {
      if (!lost && Date.now() - checkedAt > VERIFY_MS) verify();
      if (lost) throw new AppError('conflict', lostMessage(folder, lost.holder));
    },
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      held.delete(me.id);
      try {
        if (readLock(file)?.holder?.id === me.id) fs.rmSync(file, { force: true });
      } catch (e) {
        console.error(`[lock] ${folder}: cannot remove ${LOCK_FILE}:`, (e as Error).message);
      }
    },
  };
  held.set(me.id, lock);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => { for (const l of [...held.values()]) l.release(); });
  }
  return lock;
}
