import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './store';

// Proof that a crash never leaves half a change: a child process writes batches of schools (each
// batch one transaction with its audit-log marker) and is SIGKILLed at random moments, many times.
// After every kill the archive must open, pass integrity_check, hold every batch the child reported
// committed, and hold each batch wholly or not at all.

const WRITER = path.resolve(__dirname, '../testing/crash-writer.ts');
const BATCH = 25;
const KILLS = 24;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-crash-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Run the writer, kill it `delayMs` after it is ready; returns the last batch it reported committed. */
function runAndKill(delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, folder, String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself: ${err}`));
      const committed = [...out.matchAll(/^committed (\d+)$/gm)].map((m) => Number(m[1]));
      resolve(committed.length ? Math.max(...committed) : -1);
    });
  });
}

describe('crash safety (SIGKILL while writing)', () => {
  it(`keeps the archive sound and every batch whole across ${KILLS} kills`, async () => {
    (await openStore(folder)).close(); // create the archive once, so every run only writes
    let everCommitted = -1;
    let total = 0;
    for (let run = 0; run < KILLS; run++) {
      // Mostly short delays (kills while the first batches commit), some longer ones.
      const delay = run % 4 === 3 ? 150 + Math.floor(Math.random() * 250) : Math.floor(Math.random() * 60);
      everCommitted = Math.max(everCommitted, await runAndKill(delay));

      const a = await openStore(folder);
      try {
        expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(a.db.pragma('foreign_key_check')).toEqual([]);
        const sizes = a.db.prepare(`SELECT short_name AS b, count(*) AS n FROM schools GROUP BY short_name`).all() as { b: string; n: number }[];
        const markers = a.db.prepare(`SELECT summary FROM audit_log WHERE action = '崩溃测试' ORDER BY id`).pluck().all() as string[];
        // Every batch wholly there: all BATCH rows and its marker.
        for (const s of sizes) expect(s, `batch ${s.b}`).toMatchObject({ n: BATCH });
        const batches = sizes.map((s) => Number(s.b.slice(1))).sort((x, y) => x - y);
        expect(markers.map((m) => Number(m.replace('批次 ', ''))).sort((x, y) => x - y)).toEqual(batches);
        // No gaps, and nothing reported committed is lost (synchronous=FULL).
        expect(batches).toEqual(batches.map((_, i) => i));
        expect(batches.length - 1).toBeGreaterThanOrEqual(everCommitted);
        total = batches.length;
      } finally {
        a.close();
      }
    }
    expect(total).toBeGreaterThan(KILLS); // the writer really wrote between kills
  }, 90_000);
});
