import crypto from 'node:crypto';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { dispatch } from '.';
import { contract, channels, type Channel } from '../../shared/contract';
import type { Store } from '../store/store';

// Every channel gets generated invalid input: random JSON and JS values, objects with the right keys
// but wrong types, overlong strings, negative ids, prototype-pollution keys. dispatch must answer
// ok:false / 'invalid' with a Chinese message, never throw, and leave every table as it was.

let a: Store & { dispose(): void };
beforeAll(async () => { a = await tempStore({ init: 'demo' }); }, 60_000);
afterAll(() => a?.dispose());

/** A digest of every row of every table (FTS shadow tables included). */
function checksum(): string {
  const h = crypto.createHash('sha256');
  const tables = a.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  for (const t of tables) {
    h.update(t);
    for (const row of a.db.prepare(`SELECT * FROM "${t}"`).raw().iterate()) h.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : typeof v === 'bigint' ? String(v) : v)));
  }
  return h.digest('hex');
}

type Node = { _zod: { def: { type: string; innerType?: Node; in?: Node; shape?: Record<string, Node> } } };
/** The top-level keys of a channel's object schema (through optional/default/pipe wrappers). */
function keysOf(schema: z.ZodType): string[] {
  let n = schema as unknown as Node;
  for (;;) {
    const d = n._zod.def;
    if (d.innerType) n = d.innerType;
    else if (d.type === 'pipe' && d.in) n = d.in;
    else break;
  }
  return Object.keys(n._zod.def.shape ?? {});
}

const wrongValue = fc.oneof(
  fc.integer({ max: -1 }),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1.5, 2 ** 53, -(2 ** 31)),
  fc.boolean(),
  fc.constant(null),
  fc.string({ minLength: 0, maxLength: 8 }),
  fc.constantFrom('长'.repeat(5001), 'x'.repeat(100_001), '../../../etc/passwd', '\u0000', '<script>alert(1)</script>', "'; DROP TABLE schools; --"),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue(), { maxKeys: 3 }),
);

const POLLUTION = ['__proto__', 'constructor', 'prototype'];

/** Inputs for one channel; only those its schema refuses are kept. */
function invalidInputs(ch: Channel) {
  const schema = contract[ch].input as z.ZodType;
  const keys = keysOf(schema);
  const wrongFields = keys.length
    ? fc.dictionary(fc.constantFrom(...keys), wrongValue, { minKeys: 1, maxKeys: keys.length })
    : fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), wrongValue, { minKeys: 1, maxKeys: 3 });
  // JSON.parse makes own __proto__ keys, as an HTTP body or IPC message would.
  const polluted = fc.tuple(fc.constantFrom(...POLLUTION), fc.constantFrom(...(keys.length ? keys : ['x'])), wrongValue)
    .map(([bad, key, v]) => JSON.parse(`{"${bad}": {"polluted": true, "${key}": 1}, "${key}": ${JSON.stringify(v) ?? 'null'}}`) as unknown);
  return fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }), wrongFields, polluted)
    .filter((v) => !schema.safeParse(v).success);
}

describe('fuzz: every channel refuses invalid input cleanly and changes nothing', () => {
  it('covers every channel of the contract', () => {
    expect(channels.length).toBe(Object.keys(contract).length);
  });

  it.each(channels.map((c) => [c]))('%s', async (ch) => {
    const before = checksum();
    await fc.assert(fc.asyncProperty(invalidInputs(ch), async (input) => {
      const res = await dispatch(a, ch, input);
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error.code).toBe('invalid');
      expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }), { numRuns: 50 });
    expect(checksum()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers not_found for ids that do not exist, changing nothing', async () => {
    const before = checksum();
    const idChannels = channels.filter((c) => { const k = keysOf(contract[c].input as z.ZodType); return k.length === 1 && k[0] === 'id'; });
    expect(idChannels.length).toBeGreaterThan(20);
    for (const ch of idChannels) {
      await fc.assert(fc.asyncProperty(fc.integer({ min: 10_000_000, max: 2 ** 31 }), async (id) => {
        const res = await dispatch(a, ch, { id });
        expect(res, ch).toMatchObject({ ok: false, error: { code: 'not_found' } });
        if (!res.ok) expect(res.error.message).toMatch(/[\u4e00-\u9fa5]/);
      }), { numRuns: 5 });
    }
    expect(checksum()).toBe(before);
  });

  it('refuses unknown channel names, including prototype keys', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'schools.list/../x', '', 'schools']) {
      const res = await dispatch(a, name, {});
      expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});
