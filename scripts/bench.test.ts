import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from './bench/figures';

const ROOT = path.resolve(__dirname, '..');

// The benchmark is not part of npm test, but its machinery is: run whole over a small archive (one year,
// a dozen schools, 6 photos), so a renamed channel, a page that changed its table or a figure that
// lost its target shows here instead of on the day someone needs the real run.
describe('npm run bench over a small archive', () => {
  it('measures every part and writes bench.json as [{name, value, unit, target, ok}], ending with its one line', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-bench-smoke-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--years', '1', '--small', '--iterations', '2', '--out', out],
        { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
      expect(run.status, run.stderr).toBe(0);
      const last = run.stdout.trim().split('\n').at(-1)!;
      const [, passed, failed] = /^bench: (\d+) passed, (\d+) failed$/.exec(last) ?? [];
      expect(last).toMatch(/^bench: \d+ passed, \d+ failed$/);

      const figures = JSON.parse(fs.readFileSync(path.join(out, 'bench.json'), 'utf8')) as Record<string, unknown>[];
      for (const f of figures) {
        expect(Object.keys(f).sort()).toEqual(['name', 'ok', 'target', 'unit', 'value']);
        expect(typeof f.name === 'string' && typeof f.unit === 'string' && Number.isFinite(f.value)).toBe(true);
        expect(f.ok).toBe(f.target === null ? null : (f.value as number) < (f.target as number));
      }
      expect(new Set(figures.map((f) => f.name)).size).toBe(figures.length);
      expect(figures.filter((f) => f.ok === true).length).toBe(Number(passed));
      expect(figures.filter((f) => f.ok === false).length).toBe(Number(failed));

      // Every kind of figure with a target was measured (lists, searches, dashboard, ratios, the long
      // operations, memory, start, the first screen), each under its kind's target.
      const targets = new Set(figures.map((f) => `${f.unit} ${f.target}`));
      for (const k of Object.values(KINDS)) if (k.target !== null) expect(targets).toContain(`${k.unit} ${k.target}`);
      const names = figures.map((f) => f.name as string);
      for (const part of ['问题台账 deadline↑ 第1页 p95', '全局搜索“食堂” p95', '首页 2025年 p95', '督导记录 date↓ 末页', '导出问题整改台账',
        '生成备份文件', '2025年度归档包', '从备份文件恢复', '服务器内存峰值：2025年度归档包', '首屏有数据（新启动的浏览器） 1366×768', '问题台账 跳到末行 1920×1080']) {
        expect(names.some((n) => n.includes(part)), part).toBe(true);
      }
      // A long operation that failed is a missed figure, not a crash: here none may fail.
      const details = JSON.parse(fs.readFileSync(path.join(out, 'bench-details.json'), 'utf8')) as { operations: Record<string, { error?: string }> };
      expect(Object.entries(details.operations).filter(([, o]) => o?.error)).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 180_000);
});
