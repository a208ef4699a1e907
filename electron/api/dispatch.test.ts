import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { dispatch } from './index';
import { channels } from '../../shared/contract';

let a: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => { a = await tempStore({ init: 'empty' }); });
afterAll(() => a.dispose());

const GARBAGE: unknown[] = [42, 'text', true, [], [1, 2], null];
const HAN = /[\u4e00-\u9fff]/;

describe('dispatch', () => {
  it.each(channels)('%s answers wrongly typed input with a Chinese validation error and changes nothing', async (channel) => {
    const before = a.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    for (const input of GARBAGE) {
      const res = await dispatch(a, channel, input);
      expect(res.ok, `${channel} accepted ${JSON.stringify(input)}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('invalid');
        expect(res.error.message).toMatch(HAN);
      }
    }
    expect(a.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
  });

  it('names the field at fault in Chinese', async () => {
    const res = await dispatch(a, 'supervisors.get', { id: 'abc' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field: 'id' } });
    if (!res.ok) expect(res.error.message).toContain('「编号」');
  });

  it('answers an unknown channel without throwing', async () => {
    const res = await dispatch(a, 'no.such', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
