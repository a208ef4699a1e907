// Bundle the Electron main process and the preload into dist-electron/ (CommonJS, as Electron's
// sandboxed preload requires). better-sqlite3, exceljs, docx and pinyin-pro stay external: they ship in node_modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'exceljs', 'docx', 'pinyin-pro'],
};

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist-electron/preload.cjs' });
