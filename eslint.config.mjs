import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'zlib', 'stream', 'util']
  .flatMap((m) => [m, `node:${m}`]);

// Import boundaries (architecture.md): shared/ is pure; only electron/main and electron/preload may
// import 'electron'; the renderer talks only to window.api through renderer/src/api.ts.
export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', 'test-results', 'playwright-report', 'e2e-artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'better-sqlite3', 'react', ...nodeBuiltins],
        patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ 只能依赖自身' }],
      }],
    },
  },
  {
    files: ['electron/store/**', 'electron/documents/**', 'electron/api/**', 'electron/web/**', 'electron/transfer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: '只有 electron/main 与 electron/preload 可以引用 electron' }],
        patterns: [{ group: ['**/renderer/**', '**/main/**', '**/preload/**'], message: '数据层不依赖界面与外壳' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'better-sqlite3', 'exceljs', ...nodeBuiltins],
        patterns: [{ group: ['**/electron/**'], message: '界面只通过 window.api 调用主进程' }],
      }],
    },
  },
);
