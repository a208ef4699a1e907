import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './store';
import { FolderLockedError, LOCK_FILE, STALE_MS, type LockHolder } from './folder-lock';
import { autoBackup } from './backups';
import { listBackups } from './restore';
import { call, dispatch } from '../api';

const ROOT = path.resolve(__dirname, '..', '..');
const folders: string[] = [];
const stores: Store[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const s of stores.splice(0)) if (s.db.open) s.close();
  for (const f of folders.splice(0)) fs.rmSync(f, { recursive: true, force: true });
});

function tmp(): string {
  const f = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-lock-'));
  folders.push(f);
  return f;
}
async function open(folder: string): Promise<Store> {
  const s = await openStore(folder, { actor: '测试' });
  stores.push(s);
  return s;
}
async function refused(folder: string): Promise<FolderLockedError> {
  try {
    stores.push(await openStore(folder));
  } catch (e) {
    expect(e).toBeInstanceOf(FolderLockedError);
    return e as FolderLockedError;
  }
  throw new Error(`a second opener of ${folder} was not refused`);
}
const lockFile = (folder: string) => path.join(folder, LOCK_FILE);
const readHolder = (folder: string) => JSON.parse(fs.readFileSync(lockFile(folder), 'utf8')) as LockHolder;
const me = () => os.userInfo().username;

/** A lock file as another opener would have left it, with its heartbeat `ageMs` old. */
function plant(folder: string, holder: Partial<LockHolder>, ageMs = 0): LockHolder {
  const h: LockHolder = { app: '督导档案', id: 'planted', host: 'BGS-PC02', pid: 4242, user: '李老师', since: '2025-09-01 08:30:00', ...holder };
  fs.writeFileSync(lockFile(folder), JSON.stringify(h));
  const t = new Date(Date.now() - ageMs);
  fs.utimesSync(lockFile(folder), t, t);
  return h;
}

/** The pid of a process that has just ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid!;
}

/** `electron/testing/lock-holder.ts` holding `folder`, once it says so. */
async function holder(folder: string): Promise<ChildProcess & { say(line: string): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/testing/lock-holder.ts', folder], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const waitFor = (word: string) => new Promise<void>((resolve, reject) => {
    const check = () => { if (out.includes(word)) resolve(); };
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); check(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('exit', (code) => (out.includes(word) ? resolve() : reject(new Error(`holder exited ${code}: ${out}`))));
    check();
  });
  await waitFor('ready');
  return Object.assign(child, {
    say: async (line: string) => {
      child.stdin.write(`${line}\n`);
      if (line === 'close') await waitFor('closed');
      if (line === 'exit') await new Promise((r) => child.once('exit', r));
    },
  });
}

describe('one writer per data folder (archive.lock)', () => {
  it('refuses a second open in the same process, and allows it once the first is closed (lock removed)', async () => {
    const folder = tmp();
    const a = await open(folder);
    expect(readHolder(folder)).toMatchObject({ pid: process.pid, host: os.hostname(), user: me() });
    const e = await refused(folder);
    expect(e.message).toContain('已经在本程序中打开');
    expect(e.message).toContain(`进程 ${process.pid}`);
    expect(e.code).toBe('conflict');
    a.close();
    expect(fs.existsSync(lockFile(folder))).toBe(false);
    const b = await open(folder);
    expect(readHolder(folder).id).toBe(b.lock.holder.id);
    b.close();
    expect(fs.existsSync(lockFile(folder))).toBe(false);
  });

  it('refuses the folder while another process holds it, naming user@host, process and since when', async () => {
    const folder = tmp();
    const child = await holder(folder);
    const e = await refused(folder);
    expect(e.message).toContain(`${me()}@${os.hostname()}（进程 ${child.pid}）`);
    expect(e.message).toMatch(/自 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 起/);
    expect(e.message).toContain('请先关闭那里的督导档案');
    expect(e.holder).toMatchObject({ pid: child.pid });
    // The child closes the archive: its lock is gone and the folder opens here.
    await child.say('close');
    expect(fs.existsSync(lockFile(folder))).toBe(false);
    (await open(folder)).close();
  }, 30_000);

  it('removes the lock when the holding process exits without closing the archive', async () => {
    const folder = tmp();
    const child = await holder(folder);
    expect(fs.existsSync(lockFile(folder))).toBe(true);
    await child.say('exit');
    expect(fs.existsSync(lockFile(folder))).toBe(false);
  }, 30_000);

  it('takes over at once the lock of a process on this computer that was killed', async () => {
    const folder = tmp();
    const child = await holder(folder);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(readHolder(folder).pid).toBe(child.pid); // left behind, heartbeat still fresh
    const a = await open(folder);
    expect(readHolder(folder).pid).toBe(process.pid);
    a.close();
  }, 30_000);

  it('takes over a lock of a dead process id, or left by an earlier run with this very process id', async () => {
    const folder = tmp();
    plant(folder, { host: os.hostname(), pid: deadPid() });
    (await open(folder)).close();
    plant(folder, { host: os.hostname(), pid: process.pid, id: 'an-earlier-run' });
    (await open(folder)).close();
  });

  it('refuses a lock of another PC with a fresh heartbeat, and takes it over once it has had none for minutes', async () => {
    const folder = tmp();
    plant(folder, { host: 'BGS-PC02', user: '李老师', pid: process.pid }, 60_000);
    const e = await refused(folder);
    expect(e.message).toContain('李老师@BGS-PC02（进程');
    expect(e.message).toContain('自 2025-09-01 08:30:00 起');
    expect(e.message).toContain('约 3 分钟后');
    plant(folder, { host: 'BGS-PC02' }, STALE_MS + 30_000);
    const a = await open(folder);
    expect(readHolder(folder).host).toBe(os.hostname());
    a.close();
  });

  it('refuses an unreadable lock file while it is fresh, and takes it over when stale', async () => {
    const folder = tmp();
    fs.writeFileSync(lockFile(folder), 'garbage');
    expect((await refused(folder)).message).toContain('无法读取');
    const old = new Date(Date.now() - STALE_MS - 1000);
    fs.utimesSync(lockFile(folder), old, old);
    (await open(folder)).close();
  });

  it('refreshes the heartbeat while open', async () => {
    const folder = tmp();
    const a = await open(folder);
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lockFile(folder), old, old);
    expect(a.lock.verify()).toBe(true);
    expect(Date.now() - fs.statSync(lockFile(folder)).mtimeMs).toBeLessThan(5000);
    a.close();
  });

  it('keeps the lock through a restore (archive.db is swapped under it) and backups', async () => {
    const folder = tmp();
    const a = await open(folder);
    await call(a, 'dataFolder.initialize', { mode: 'empty' });
    await autoBackup(a);
    const before = readHolder(folder);
    await call(a, 'backups.restoreAuto', { name: listBackups(a)[0].name });
    expect(readHolder(folder)).toEqual(before);
    await refused(folder);
    expect((await dispatch(a, 'dataFolder.status', {})).ok).toBe(true);
    a.close();
    expect(fs.existsSync(lockFile(folder))).toBe(false);
  });

  it('stops answering once another opener has taken the folder over (this PC slept), and leaves that lock alone', async () => {
    const folder = tmp();
    const a = await open(folder);
    fs.rmSync(lockFile(folder));
    const other = plant(folder, { host: 'BGS-PC02', user: '李老师' });
    expect(a.lock.verify()).toBe(false);
    const res = await dispatch(a, 'schools.list', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!res.ok) expect(res.error.message).toContain('李老师@BGS-PC02');
    a.close();
    expect(readHolder(folder)).toEqual(other);
  });
});
