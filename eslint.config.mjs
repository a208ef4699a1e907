import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Boundaries (../shared/docs/architecture.md, docs/architecture.md), each enforced here and tested by
// scripts/lint-boundaries.test.ts:
//   shared/             ES builtins only: no Node or DOM globals; imports only itself (and zod)
//   electron/main, electron/preload   the only code that imports 'electron'
//   electron/documents  fed plain data: no SQLite, no store, no handlers; the only app code using
//                       docx, exceljs, jszip, mammoth, yazl, yauzl (tests elsewhere may, to read files back)
//   electron/store      no documents, handlers or browser mode (electron/api puts them together)
//   electron/*          no 'electron' outside main and preload; nothing reaches into renderer, main, preload
//   renderer/           only shared/ and its own files: no electron/, no Node, no Node-side libraries
// Each boundary covers a module in every form it can be loaded: import / export … from / import type /
// import x = require() (@typescript-eslint/no-restricted-imports), import(), require() and the type
// import('…') (no-restricted-syntax).
//
// ESLint applies one set of options per rule to a file (a later block's replace an earlier block's), so
// every block states all of the restrictions for its files, and narrower blocks come later: everywhere
// ('electron' only), then each folder, then its tests.

/** A module or folder that a part of the code may not load. `regex` is tested on the import's text. */
const restriction = (regex, message) => ({ regex, message });
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (names) => `(?:${names.map(escape).join('|')})`;

const ELECTRON_ONLY_MAIN = '只有 electron/main 与 electron/preload 可以引用 electron';
const electronPackage = restriction('^electron(?:/|$)', ELECTRON_ONLY_MAIN);

// Every module Node ships (fs, fs/promises, path, os, crypto, child_process, http, net, url, zlib,
// stream, util, worker_threads, events …, from node:module itself, so the list is never stale), with
// or without `node:`, and anything else under `node:` (node:test, node:sqlite …).
const nodeBuiltinsRegex = `^(?:node:|${oneOf(builtinModules)}(?:/|$))`;
const nodeBuiltins = (message) => restriction(nodeBuiltinsRegex, message);
const packages = (names, message) => restriction(`^${oneOf(names)}(?:/|$)`, message);
/** A folder of the repository, reached by a path that leaves the importing folder (`../store/schools`,
 *  `../../../../electron/api`); a file's own neighbours (`./archive`) are not meant. */
const folders = (names, message) => restriction(`^(?:\\./)?(?:\\.\\./)+(?:.*/)?${oneOf(names)}(?:/|$)`, message);

// esquery (no-restricted-syntax) reads a regex up to the first '/', so a slash is spelled \x2F there.
const selectorRegex = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;

/** The two rules that together refuse `restrictions` in every import form. */
function importRules(restrictions) {
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: restrictions.map(({ regex, message }) => ({ regex, message })) }],
    'no-restricted-syntax': ['error', ...restrictions.flatMap(({ regex, message }) => {
      const re = selectorRegex(regex);
      return [
        { selector: `ImportExpression[source.value=${re}]`, message },
        { selector: `ImportExpression[source.expressions.length=0][source.quasis.0.value.cooked=${re}]`, message },
        { selector: `CallExpression[callee.type='Identifier'][callee.name='require'][arguments.0.value=${re}]`, message },
        { selector: `TSImportType[argument.literal.value=${re}]`, message },
      ];
    })],
  };
}

// shared/ runs in both processes, so it may use the language alone: every global that Node or a
// browser adds (window, document, navigator, localStorage, process, Buffer, require, __dirname, global,
// setImmediate, console, setTimeout, URL, TextEncoder …) is refused, as tsconfig.shared.json does.
const esBuiltins = new Set(Object.keys(globals.builtin));
const runtimeGlobals = Object.keys({ ...globals.node, ...globals.browser }).filter((name) => !esBuiltins.has(name));
const sharedGlobals = [
  ...runtimeGlobals.map((name) => ({ name, message: `shared/ 只用 ECMAScript 内置对象：${name} 由浏览器或 Node 提供，请由调用方传入` })),
  { name: 'globalThis', message: 'shared/ 不经 globalThis 取运行环境的对象：由调用方传入' },
];
// The renderer runs sandboxed in Chromium: Node's own globals do not exist there.
const nodeOnlyGlobals = Object.keys(globals.node).filter((name) => !(name in globals.browser) && !esBuiltins.has(name));
const RENDERER_NO_NODE = '界面运行在浏览器沙箱里，没有 Node：只通过 window.api 调用主进程';

const SHARED_ONLY_ITSELF = 'shared/ 只能依赖自身';
const SHARED_NO_NODE = 'shared/ 在两端都运行，不能引用 Node 的模块';
const DATA_NOT_UI = '数据层不依赖界面与外壳';
const DOCUMENTS_PLAIN_DATA = 'electron/documents 只根据传入的数据生成文档，不读数据库、不调用处理函数';
const RENDERER_ONLY_API = '界面只通过 window.api 调用主进程';
const FILES_IN_DOCUMENTS = '文件的生成与读取（docx、exceljs、jszip、mammoth、yazl、yauzl）只在 electron/documents';
const STORE_ONLY_DATA = 'electron/store 只管数据：不引用 documents、处理函数与浏览器模式，由 electron/api 把它们组合起来';

const shellFolders = folders(['renderer', 'main', 'preload'], DATA_NOT_UI);
// docs/architecture.md: of the app's code only electron/documents writes and reads files (tests may read them back).
const fileLibraries = packages(['docx', 'exceljs', 'jszip', 'mammoth', 'yazl', 'yauzl'], FILES_IN_DOCUMENTS);

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report', 'e2e-artifacts', '.tsbuild'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Globals as each side has them at run time (ESLint merges these, so shared/ and renderer/ are left out
  // here). In .ts files TypeScript, not no-undef, checks names: the per-side tsconfig files do that.
  { ignores: ['shared/**', 'renderer/**'], languageOptions: { globals: globals.node } },
  // Playwright's page.evaluate callbacks run in the browser.
  { files: ['e2e/**', 'scripts/**'], languageOptions: { globals: globals.browser } },
  // Everywhere (e2e/, scripts/, config files included) except the folders below: no 'electron'.
  // Playwright's _electron and scripts/start.mjs find the binary without importing the package.
  { rules: importRules([electronPackage]) },
  {
    files: ['shared/**'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      ...importRules([
        electronPackage,
        nodeBuiltins(SHARED_NO_NODE),
        packages(['better-sqlite3', 'react', 'react-dom', 'docx', 'exceljs', 'jszip', 'mammoth'], SHARED_ONLY_ITSELF),
        restriction('^@(?:mantine|tiptap|tabler)/', SHARED_ONLY_ITSELF),
        folders(['electron', 'renderer', 'e2e', 'scripts'], SHARED_ONLY_ITSELF),
      ]),
      'no-restricted-globals': ['error', ...sharedGlobals],
    },
  },
  // shared/'s tests run under Vitest in Node: they may use Node (fs, process …), still not the app's sides.
  {
    files: ['shared/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: importRules([electronPackage, folders(['electron', 'renderer'], SHARED_ONLY_ITSELF)]),
  },
  // electron/: first what holds for every folder in it, then each folder's own block.
  {
    files: ['electron/**'],
    rules: importRules([electronPackage, shellFolders]),
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: importRules([folders(['renderer'], RENDERER_ONLY_API), fileLibraries]),
  },
  {
    files: ['electron/documents/**'],
    rules: importRules([
      electronPackage,
      shellFolders,
      packages(['better-sqlite3'], DOCUMENTS_PLAIN_DATA),
      folders(['store', 'archive', 'api', 'web'], DOCUMENTS_PLAIN_DATA), // archive: architecture.md's name for the store
    ]),
  },
  {
    files: ['electron/store/**'],
    rules: importRules([electronPackage, shellFolders, fileLibraries, folders(['documents', 'api', 'web'], STORE_ONLY_DATA)]),
  },
  // electron/transfer: files on their way in or out, for both shells (no 'electron', no file libraries).
  {
    files: ['electron/api/**', 'electron/web/**', 'electron/transfer/**'],
    rules: importRules([electronPackage, shellFolders, fileLibraries]),
  },
  // Tests read generated files back (docx, jszip …), and a store test may go through the handlers.
  {
    files: ['electron/main/**/*.test.ts', 'electron/preload/**/*.test.ts'],
    rules: importRules([folders(['renderer'], RENDERER_ONLY_API)]),
  },
  {
    files: ['electron/store/**/*.test.ts', 'electron/api/**/*.test.ts', 'electron/web/**/*.test.ts'],
    rules: importRules([electronPackage, shellFolders]),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      ...importRules([
        electronPackage,
        nodeBuiltins(RENDERER_NO_NODE),
        packages(['better-sqlite3', 'exceljs', 'docx', 'jszip', 'mammoth'], RENDERER_ONLY_API),
        folders(['electron', 'e2e', 'scripts'], RENDERER_ONLY_API),
      ]),
      'no-restricted-globals': ['error', ...nodeOnlyGlobals.map((name) => ({ name, message: RENDERER_NO_NODE }))],
      'no-restricted-properties': ['error', ...['window', 'globalThis', 'self'].flatMap((object) =>
        nodeOnlyGlobals.map((property) => ({ object, property, message: RENDERER_NO_NODE })))],
    },
  },
);
