import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from '.';
import { audit } from '../store/log';
import { AppError } from '../../shared/result';

const open: { dispose(): void }[] = [];
async function archive() {
  const a = await tempStore({ init: 'empty' });
  open.push(a);
  // 1 line from initialisation, then 120 more: kinds cycle school, supervisor, zone.
  const kinds = ['school', 'supervisor', 'zone'];
  a.db.transaction(() => {
    for (let i = 1; i <= 120; i++) audit(a, '修改', kinds[i % 3], i, `第${i}条`);
  })();
  return a;
}
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });

describe('操作日志: audit.list', () => {
  it('pages the whole log newest first, 100 lines by default', async () => {
    const a = await archive();
    const first = await call(a, 'audit.list', {});
    expect(first.total).toBe(121);
    expect(first.rows).toHaveLength(100);
    expect(first.rows[0]).toMatchObject({ action: '修改', kind: 'school', entityId: 120, summary: '第120条', actor: '测试' });
    expect(first.rows[0].at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const ids = first.rows.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));

    const last = await call(a, 'audit.list', { offset: 100, limit: 50 });
    expect(last.total).toBe(121);
    expect(last.rows).toHaveLength(21);
    expect(last.rows.at(-1)).toMatchObject({ action: '初始化', kind: 'archive', entityId: null, summary: '创建空档案' });
    expect(new Set([...ids, ...last.rows.map((r) => r.id)]).size).toBe(121);
  });

  it('filters by kind, with the total of that kind', async () => {
    const a = await archive();
    const zones = await call(a, 'audit.list', { kind: 'zone', limit: 10 });
    expect(zones.total).toBe(40);
    expect(zones.rows).toHaveLength(10);
    expect(zones.rows.every((r) => r.kind === 'zone')).toBe(true);
    expect(zones.rows[0].summary).toBe('第119条');
    const page4 = await call(a, 'audit.list', { kind: 'zone', limit: 10, offset: 30 });
    expect(page4.rows.map((r) => r.summary).at(-1)).toBe('第2条');
    expect(await call(a, 'audit.list', { kind: 'nothing' })).toEqual({ rows: [], total: 0 });
    expect((await call(a, 'audit.list', { offset: 500 })).rows).toEqual([]);
  });

  it('refuses a bad page size or start with a Chinese message naming the field', async () => {
    const a = await archive();
    for (const [input, label] of [[{ limit: 0 }, '每页条数'], [{ limit: 501 }, '每页条数'], [{ offset: -1 }, '起始位置'], [{ kind: 5 }, '类别']] as const) {
      const err = await call(a, 'audit.list', input).then(() => null, (e: AppError) => e);
      expect(err, JSON.stringify(input)).toBeInstanceOf(AppError);
      expect(err!.code).toBe('invalid');
      expect(err!.message).toContain(`「${label}」`);
    }
  });
});
