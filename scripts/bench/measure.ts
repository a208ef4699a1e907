/**
 * Timing helpers: percentiles, a call timed interleaved with its raw statements, and those statements.
 * The raw side is captured, not hand-copied: one run of the handler in this process (on the run's copy
 * of the archive, before the server takes it) records every statement it executes (SQL, method,
 * arguments); they are then prepared once on a separate read-only connection and re-run on their own,
 * so the ratio shows what everything around the SQL costs (validation, row mapping, JSON) beyond a
 * bare round trip over HTTP.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface Timing { p50: number; p95: number; max: number; n: number }

export function stats(samples: number[]): Timing {
  const s = [...samples].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}

export async function timed(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * The functions run in turn (layer, raw, floor, layer, raw, floor …) so whatever else loads the machine
 * meanwhile weighs on each alike; a few unmeasured rounds first. The timing of each, by its key.
 */
export async function interleaved<K extends string>(fns: Record<K, () => unknown>, iterations: number, warmup = 3): Promise<Record<K, Timing>> {
  const keys = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(keys.map((k) => [k, []]));
  for (let i = 0; i < warmup + iterations; i++) {
    for (const k of keys) {
      const ms = await timed(fns[k]);
      if (i >= warmup) samples.get(k)!.push(ms);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, stats(samples.get(k)!)])) as Record<K, Timing>;
}

export interface Captured { sql: string; method: 'all' | 'get' | 'run' | 'iterate'; args: unknown[]; pluck: boolean }

/**
 * Run `fn` once while recording every statement it executes on `db`. The Statement prototype is
 * patched for the call only, so statements a repository prepared earlier and keeps are seen too.
 */
export async function capture(db: Database, fn: () => unknown): Promise<Captured[]> {
  const log: Captured[] = [];
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  const methods = ['all', 'get', 'run', 'iterate', 'pluck'] as const;
  const original = Object.fromEntries(methods.map((m) => [m, proto[m]]));
  const plucked = new WeakMap<Statement, boolean>();
  proto.pluck = function pluck(this: Statement, on = true) { plucked.set(this, on as boolean); return original.pluck.call(this, on); };
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    proto[method] = function run(this: Statement, ...args: unknown[]) {
      if (this.database === db) log.push({ sql: this.source, method, args, pluck: plucked.get(this) ?? false });
      return original[method].apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    for (const m of methods) proto[m] = original[m];
  }
  return log;
}

/** A function that re-runs the captured reads on `db` with statements prepared beforehand (writes are left out). */
export function replay(db: Database, log: Captured[]): () => void {
  const prepared = log.filter((c) => c.method !== 'run').map((c) => {
    const st = db.prepare(c.sql);
    if (c.pluck) st.pluck();
    return { st, c };
  });
  return () => {
    for (const { st, c } of prepared) {
      if (c.method === 'iterate') for (const _ of st.iterate(...c.args)) { /* drain */ }
      else (st[c.method] as (...a: unknown[]) => unknown)(...c.args);
    }
  };
}

/** EXPLAIN QUERY PLAN of each captured read, for the details of a figure that missed its target. */
export function plans(db: Database, log: Captured[]): string[] {
  return log.filter((c) => c.method !== 'run').flatMap((c) => [
    `-- ${c.sql.replace(/\s+/g, ' ').slice(0, 200)}`,
    ...(db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.args) as { detail: string }[]).map((r) => `   ${r.detail}`),
  ]);
}
