/**
 * Timing helpers: p50/p95 of a call, and the same call's SQL replayed as raw prepared statements.
 * The raw side is captured, not hand-copied: one run of the handler records every statement it
 * executes (SQL, method, arguments), which are then prepared once and re-run on their own, so the
 * ratio shows exactly what our layers (validation, prepare per call, row mapping, JSON) cost.
 */
import type { Database, Statement } from 'better-sqlite3';

export interface Timing { p50: number; p95: number; max: number; n: number }

export function stats(samples: number[]): Timing {
  const s = [...samples].sort((x, y) => x - y);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: s[s.length - 1], n: s.length };
}

export async function time(fn: () => unknown, iterations: number, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
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

/** A function that re-runs the captured reads with statements prepared beforehand (writes are left out). */
export function replay(db: Database, log: Captured[]): () => void {
  const reads = log.filter((c) => c.method !== 'run');
  const prepared = reads.map((c) => {
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

/** EXPLAIN QUERY PLAN lines of a statement, for the report on a slow query. */
export function plan(db: Database, c: Captured): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.args) as { detail: string }[]).map((r) => r.detail);
}
