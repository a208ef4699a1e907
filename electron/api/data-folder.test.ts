import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from '.';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { APP_VERSION } from '../../shared/version';
import { AppError } from '../../shared/result';

const open: { dispose(): void }[] = [];
async function fresh() {
  const a = await tempStore();
  open.push(a);
  return a;
}
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });

const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: AppError) => e);

describe('dataFolder.status / dataFolder.initialize', () => {
  it('reports a fresh archive as not initialised and empty', async () => {
    const a = await fresh();
    expect(await call(a, 'dataFolder.status', {})).toEqual({
      initialized: false, folder: a.dataFolder, schemaVersion: LATEST_SCHEMA_VERSION, appVersion: APP_VERSION,
      counts: { supervisors: 0, schools: 0, zones: 0, assignments: 0 },
      operator: { name: '测试', account: '测试', named: false }, // the account the store was opened with, until a name is given
    });
    expect(fs.existsSync(a.dataFolder)).toBe(true);
    expect(await call(a, 'dataFolder.status', undefined)).toMatchObject({ initialized: false });
  });

  it('creates an empty archive once, logs it, and refuses a second initialisation', async () => {
    const a = await fresh();
    const status = await call(a, 'dataFolder.initialize', { mode: 'empty' });
    expect(status).toMatchObject({ initialized: true, counts: { supervisors: 0, schools: 0, zones: 0, assignments: 0 } });
    expect(a.db.prepare(`SELECT action, kind, summary FROM audit_log`).all()).toEqual([{ action: '初始化', kind: 'archive', summary: '创建空档案' }]);
    for (const mode of ['empty', 'demo'] as const) {
      const err = await refusal(call(a, 'dataFolder.initialize', { mode }));
      expect(err.code).toBe('conflict');
      expect(err.message).toBe('此档案已经初始化，不能再次选择空档案或示例档案。');
    }
    expect((await call(a, 'dataFolder.status', {})).counts.schools).toBe(0);
  });

  it('loads the demo once and counts only live rows', async () => {
    const a = await fresh();
    const status = await call(a, 'dataFolder.initialize', { mode: 'demo' });
    expect(status.initialized).toBe(true);
    expect(status.counts.schools).toBe(30);
    expect(status.counts.supervisors).toBe(25);
    expect(status.counts.zones).toBe(5);
    const err = await refusal(call(a, 'dataFolder.initialize', { mode: 'demo' }));
    expect(err.code).toBe('conflict');
    a.db.prepare(`UPDATE schools SET deleted_at = '2025-01-01 00:00:00' WHERE id = 1`).run();
    expect((await call(a, 'dataFolder.status', {})).counts.schools).toBe(29);
  });

  it('refuses an unknown mode or stray input with a Chinese message', async () => {
    const a = await fresh();
    const bad = await refusal(call(a, 'dataFolder.initialize', { mode: 'full' }));
    expect(bad.code).toBe('invalid');
    expect(bad.message).toBe('「方式」应为 empty（空档案）或 demo（示例档案）');
    expect((await refusal(call(a, 'dataFolder.initialize', {}))).message).toContain('「方式」');
    expect((await refusal(call(a, 'dataFolder.status', { x: 1 }))).code).toBe('invalid');
    expect((await call(a, 'dataFolder.status', {})).initialized).toBe(false);
  });
});
