import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The boundaries of eslint.config.mjs (architecture.md), each shown refusing one snippet per form, and
// each folder shown accepting what it may do, so a rule that refused everything would fail too.
// Snippets are linted as if they were a file at `file` (the file need not exist).

const root = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;
beforeAll(() => { eslint = new ESLint({ cwd: root }); });

async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages;
}

/** The message `rule` gives for `code` in `file` (the test fails when there is none). */
async function refusal(file: string, code: string, rule: string): Promise<string> {
  const messages = await lint(file, code);
  const found = messages.find((m) => m.ruleId === rule);
  expect(found, `${file}: ${code}\n${rule} gave nothing; got ${JSON.stringify(messages.map((m) => [m.ruleId, m.message]))}`).toBeDefined();
  expect(found!.severity).toBe(2);
  return found!.message;
}

const IMPORTS = '@typescript-eslint/no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';
const GLOBALS = 'no-restricted-globals';
const PROPERTIES = 'no-restricted-properties';
const BOUNDARY_RULES = [IMPORTS, SYNTAX, GLOBALS, PROPERTIES];

/** 'electron' in every form a module can be loaded, with the rule that must catch each. */
const ELECTRON_FORMS: [string, string][] = [
  ["import { app } from 'electron';\nexport const a = app;", IMPORTS],
  ["import type { App } from 'electron';\nexport type A = App;", IMPORTS],
  ["export { app } from 'electron';", IMPORTS],
  ["import electron = require('electron');\nexport const a = electron;", IMPORTS],
  ["import { ipcMain } from 'electron/main';\nexport const a = ipcMain;", IMPORTS],
  ["export const load = async () => (await import('electron')).app;", SYNTAX],
  ['export const load = async () => (await import(`electron`)).app;', SYNTAX],
  ["export const load = () => require('electron').app;", SYNTAX],
  ["export type App = typeof import('electron').app;", SYNTAX],
];

describe("'electron' only in electron/main and electron/preload", () => {
  const outside = ['electron/store/x.ts', 'electron/store/problems/x.ts', 'electron/api/x.ts', 'electron/web/x.ts',
    'electron/testing/x.ts', 'electron/documents/x.ts', 'shared/x.ts', 'shared/x.test.ts', 'renderer/src/x.tsx',
    'e2e/x.spec.ts', 'scripts/x.ts', 'x.config.mts'];
  for (const file of outside) {
    it.each(ELECTRON_FORMS)(`${file} is refused %s`, async (code, rule) => {
      expect(await refusal(file, code, rule)).toContain('只有 electron/main 与 electron/preload 可以引用 electron');
    });
  }

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])('%s may load electron in every form', async (file) => {
    // (`require` and `import x = require` are refused everywhere by @typescript-eslint/no-require-imports.)
    for (const [code] of ELECTRON_FORMS) {
      expect((await lint(file, code)).filter((m) => BOUNDARY_RULES.includes(m.ruleId!)), code).toEqual([]);
    }
    expect(await lint(file, "import { app } from 'electron';\nexport const load = async () => [app, (await import('electron')).BrowserWindow];")).toEqual([]);
  });

  it('electron/main and preload still may not reach into the renderer', async () => {
    for (const file of ['electron/main/x.ts', 'electron/preload/x.ts']) {
      expect(await refusal(file, "import { call } from '../../renderer/src/api';\nexport const c = call;", IMPORTS)).toContain('window.api');
      expect(await refusal(file, "export const c = async () => (await import('../../renderer/src/api')).call;", SYNTAX)).toContain('window.api');
    }
  });

  it('the store, the handlers, browser mode and the test helpers do not reach into the shell or the renderer', async () => {
    for (const target of ['../main/guards', '../preload/preload', '../../renderer/src/api']) {
      for (const file of ['electron/store/x.ts', 'electron/api/x.ts', 'electron/web/x.ts', 'electron/testing/x.ts']) {
        expect(await refusal(file, `import * as m from '${target}';\nexport { m };`, IMPORTS)).toContain('数据层不依赖界面与外壳');
      }
    }
  });

  it('the store, the handlers, browser mode and the test helpers may use Node, SQLite and the store', async () => {
    const code = [
      "import fs from 'node:fs';", "import path from 'path';", "import Database from 'better-sqlite3';",
      "import { openStore } from '../store/store';",
      'export const all = [fs, path, Database, openStore, process.env, Buffer.from(\'a\')];',
      "export const later = () => import('node:worker_threads');",
    ].join('\n');
    for (const file of ['electron/store/x.ts', 'electron/api/x.ts', 'electron/web/x.ts', 'electron/testing/x.ts']) {
      expect(await lint(file, code), file).toEqual([]);
    }
  });
});

describe('electron/documents is fed plain data', () => {
  const file = 'electron/documents/x.ts';
  it.each([
    ["import Database from 'better-sqlite3';\nexport const d = Database;", IMPORTS],
    ["import type { Database } from 'better-sqlite3';\nexport type D = Database;", IMPORTS],
    ["import { listSchools } from '../store/schools';\nexport const l = listSchools;", IMPORTS],
    ["import { ledger } from '../store/problems/ledger';\nexport const l = ledger;", IMPORTS],
    ["import type { Store } from '../store';\nexport type S = Store;", IMPORTS],
    ["import { x } from '../../electron/store/store';\nexport const l = x;", IMPORTS],
    ["import { handlers } from '../api';\nexport const h = handlers;", IMPORTS],
    ["import { exportBriefing } from '../api/documents';\nexport const h = exportBriefing;", IMPORTS],
    ["export const load = () => import('better-sqlite3');", SYNTAX],
    ["export const load = () => import('../store/schools');", SYNTAX],
    ["export const load = () => require('../api/documents');", SYNTAX],
    ["export type S = import('../store/store').Store;", SYNTAX],
  ])('refuses %s', async (code, rule) => {
    expect(await refusal(file, code, rule)).toMatch(/electron\/documents 只根据传入的数据生成文档/);
  });

  it('may use docx, its own files, shared/, the test helpers and Node', async () => {
    const code = [
      "import { Document } from 'docx';", "import JSZip from 'jszip';", "import fs from 'node:fs';",
      "import { pageProfile } from './profile';", "import { storeName } from './store-names';", "import { archive } from './archive';",
      "import { todayText } from '../../shared/dates';", "import { readDocx } from '../testing/read-docx';",
      'export const all = [Document, JSZip, fs, pageProfile, storeName, archive, todayText, readDocx];',
    ].join('\n');
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('the store holds data; files are written and read in electron/documents', () => {
  it.each([
    "import { noticeFile } from '../documents/notice';\nexport const n = noticeFile;",
    "import type { GeneratedFile } from '../../documents/pack';\nexport type G = GeneratedFile;",
    "import { handlers } from '../api';\nexport const h = handlers;",
    "import { fileOut } from '../api/file-out';\nexport const f = fileOut;",
    "import { startWebServer } from '../web/server';\nexport const w = startWebServer;",
  ])('electron/store refuses %s', async (code) => {
    expect(await refusal('electron/store/problems/x.ts', code, IMPORTS)).toContain('electron/store 只管数据');
  });

  it('electron/store refuses them loaded later too', async () => {
    expect(await refusal('electron/store/x.ts', "export const n = () => import('../documents/notice');", SYNTAX)).toContain('electron/store 只管数据');
  });

  it.each(['docx', 'docx/layout', 'exceljs', 'jszip', 'mammoth'])('the store, the handlers, browser mode, main and preload refuse %s', async (name) => {
    for (const file of ['electron/store/x.ts', 'electron/api/x.ts', 'electron/web/x.ts', 'electron/main/x.ts', 'electron/preload/x.ts']) {
      expect(await refusal(file, `import * as m from '${name}';\nexport { m };`, IMPORTS), file).toContain('只在 electron/documents');
      expect(await refusal(file, `export const m = () => import('${name}');`, SYNTAX), file).toContain('只在 electron/documents');
    }
  });

  it('tests and test helpers may read files back, and a store test may go through the handlers', async () => {
    const code = "import JSZip from 'jszip';\nimport { Packer } from 'docx';\nimport ExcelJS from 'exceljs';\nexport const all = [JSZip, Packer, ExcelJS];";
    for (const file of ['electron/store/x.test.ts', 'electron/api/x.test.ts', 'electron/web/x.test.ts', 'electron/main/x.test.ts', 'electron/testing/read-x.ts']) {
      expect(await lint(file, code), file).toEqual([]);
    }
    expect(await lint('electron/store/x.test.ts', "import { call } from '../api';\nexport const c = call;")).toEqual([]);
  });

  it('tests are still held to the boundaries', async () => {
    expect(await refusal('electron/store/x.test.ts', "import { app } from 'electron';\nexport const a = app;", IMPORTS)).toContain('只有 electron/main');
    expect(await refusal('electron/api/x.test.ts', "import { call } from '../../renderer/src/api';\nexport const c = call;", IMPORTS)).toContain('数据层不依赖界面与外壳');
    expect(await refusal('electron/main/x.test.ts', "import { call } from '../../renderer/src/api';\nexport const c = call;", IMPORTS)).toContain('window.api');
  });

  it('the store may use SQLite, Node, shared/ and its own files', async () => {
    const code = [
      "import Database from 'better-sqlite3';", "import fs from 'node:fs';", "import { sql } from '../sql';",
      "import { rows } from '../statements';", "import { todayText } from '../../../shared/dates';", "import { read } from './read';",
      'export const all = [Database, fs, sql, rows, todayText, read];',
    ].join('\n');
    expect(await lint('electron/store/problems/x.ts', code)).toEqual([]);
  });

  it('the handlers put the store and documents together; browser mode and the test helpers call the handlers', async () => {
    const code = "import { listSchools } from '../store/schools';\nimport { noticeFile } from '../documents/notice';\nexport const all = [listSchools, noticeFile];";
    expect(await lint('electron/api/x.ts', code)).toEqual([]);
    for (const file of ['electron/web/x.ts', 'electron/testing/x.ts']) {
      expect(await lint(file, "import { dispatch } from '../api';\nimport { tempStore } from '../testing/temp-store';\nexport const all = [dispatch, tempStore];"), file).toEqual([]);
    }
  });
});

describe('shared/ is pure: ES builtins only, imports only itself', () => {
  const file = 'shared/schemas/x.ts';
  it.each(['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname', 'global',
    'setImmediate', 'setTimeout', 'console', 'URL', 'TextEncoder', 'structuredClone', 'fetch', 'self'])('refuses the global %s', async (name) => {
    expect(await refusal(file, `export const x = ${name};`, GLOBALS)).toContain('shared/ 只用 ECMAScript 内置对象');
  });

  it('refuses globalThis, the way around the list', async () => {
    expect(await refusal(file, 'export const env = globalThis.process;', GLOBALS)).toContain('globalThis');
  });

  it.each(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'path', 'os', 'crypto', 'node:crypto', 'child_process',
    'http', 'net', 'url', 'zlib', 'stream', 'util', 'worker_threads', 'events', 'node:events', 'node:test', 'node:sqlite'])(
    'refuses the Node module %s', async (name) => {
      expect(await refusal(file, `import * as m from '${name}';\nexport { m };`, IMPORTS)).toContain('shared/ 在两端都运行，不能引用 Node 的模块');
      expect(await refusal(file, `export const m = () => import('${name}');`, SYNTAX)).toBe('shared/ 在两端都运行，不能引用 Node 的模块');
    });

  it.each(['better-sqlite3', 'react', 'react-dom/client', 'docx', 'exceljs', 'jszip', 'mammoth', '@mantine/core', '@tiptap/react',
    '../../renderer/src/api', '../renderer/src/pages/x', '../../electron/store/store', '../electron/api'])(
    'refuses %s', async (name) => {
      expect(await refusal(file, `import * as m from '${name}';\nexport { m };`, IMPORTS)).toContain('shared/ 只能依赖自身');
      expect(await refusal(file, `export const m = () => import('${name}');`, SYNTAX)).toBe('shared/ 只能依赖自身');
    });

  it('may use the language, zod and its own files', async () => {
    const code = [
      "import { z } from 'zod';", "import { todayText } from '../dates';", "import { channel } from '../contract/define';",
      "import type { Block } from './blocks';",
      'export const all = [z.string(), todayText, channel, Math.max(1, 2), new Map<string, Block>(), JSON.stringify({}),',
      "  new Intl.NumberFormat('zh-CN'), Promise.resolve(1), new Set([1])];",
    ].join('\n');
    expect(await lint(file, code)).toEqual([]);
  });

  it("shared/'s tests run in Node: Node is allowed there, the app's sides are not", async () => {
    const test = 'shared/contract/x.test.ts';
    const code = "import fs from 'node:fs';\nimport path from 'path';\nexport const all = [fs, path, process.env, Buffer.from('a'), __dirname];";
    expect(await lint(test, code)).toEqual([]);
    expect(await refusal(test, "import { openStore } from '../../electron/store/store';\nexport const o = openStore;", IMPORTS)).toContain('shared/ 只能依赖自身');
    expect(await refusal(test, "import { App } from '../../renderer/src/App';\nexport const a = App;", IMPORTS)).toContain('shared/ 只能依赖自身');
  });
});

describe('the renderer uses only shared/ and its own files, and no Node', () => {
  const file = 'renderer/src/pages/x/X.tsx';
  it.each(['fs', 'node:fs', 'path', 'node:path', 'os', 'crypto', 'child_process', 'events', 'worker_threads', 'better-sqlite3',
    'exceljs', 'docx', 'jszip', 'mammoth', '../../../../electron/api', '../../../../electron/store/store', '../../../electron/documents/profile'])(
    'refuses %s', async (name) => {
      expect(await refusal(file, `import * as m from '${name}';\nexport { m };`, IMPORTS)).toMatch(/window\.api/);
      expect(await refusal(file, `export const m = () => import('${name}');`, SYNTAX)).toMatch(/window\.api/);
    });

  it.each(['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'module', 'setImmediate'])('refuses the Node global %s', async (name) => {
    expect(await refusal(file, `export const x = ${name};`, GLOBALS)).toContain('没有 Node');
  });

  it.each(['window.process', 'globalThis.Buffer', 'self.require'])('refuses %s', async (expr) => {
    expect(await refusal(file, `export const x = ${expr};`, PROPERTIES)).toContain('没有 Node');
  });

  it('may use React, Mantine, the DOM, shared/ and its own files', async () => {
    const code = [
      "import { useState } from 'react';", "import { Button } from '@mantine/core';", "import { todayText } from '../../../../shared/dates';",
      "import { call } from '../../api';", "import { Row } from './Row';",
      'export function X() {',
      '  const [n] = useState(0);',
      '  return <Button onClick={() => { localStorage.setItem("n", String(n)); document.title = todayText(); void call; }}><Row />{window.innerWidth}</Button>;',
      '}',
    ].join('\n');
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('e2e/, scripts/ and the config files', () => {
  it('may use Node and Playwright (its _electron launches the binary without importing the package)', async () => {
    const code = "import fs from 'node:fs';\nimport { _electron, test } from '@playwright/test';\nexport const all = [fs, _electron, test, process.env];";
    for (const file of ['e2e/x.spec.ts', 'scripts/x.ts', 'scripts/x.mjs', 'x.config.mts']) expect(await lint(file, code), file).toEqual([]);
  });
});
