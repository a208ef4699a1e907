import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// npm run notices            writes resources/licenses/THIRD-PARTY-NOTICES.txt
// npm run notices -- --check exits 1 if the checked-in file is not what the installed packages give
//
// The licence texts of every open-source package the installed app contains, read from node_modules:
//  - app: package.json "dependencies" and everything they depend on (electron-builder packs them into
//    app.asar; esbuild also bundles some into the main process);
//  - renderer: the packages the renderer and shared/ import, and everything they depend on (Vite
//    bundles them into dist/renderer). A superset of what tree-shaking keeps, never less.
// Which packages and versions: package-lock.json. Electron's and Chromium's own licences are not
// here: electron-builder writes LICENSE.electron.txt and LICENSES.chromium.html beside the program.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NOTICES_FILE = path.join(ROOT, 'resources', 'licenses', 'THIRD-PARTY-NOTICES.txt');

interface LockEntry {
  version?: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  link?: boolean;
  resolved?: string;
}
type Lock = { packages: Record<string, LockEntry> };
type Use = 'app' | 'renderer';

/** The installed copy `name` resolves to from the package at `from` (a lock key such as node_modules/a). */
function resolve(lock: Lock, from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i >= 0 ? dir.slice(0, i) : '';
  }
}

/** Every lock key reachable from `roots` (dependencies, installed optional ones, required peers). */
function closure(lock: Lock, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (from: string, name: string, required: boolean) => {
    const key = resolve(lock, from, name);
    if (!key) {
      if (required) throw new Error(`package-lock.json has no ${name} (needed by ${from || 'the app'}); run npm install`);
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    const e = lock.packages[key];
    for (const d of Object.keys(e.dependencies ?? {})) visit(key, d, true);
    for (const d of Object.keys(e.optionalDependencies ?? {})) visit(key, d, false);
    for (const d of Object.keys(e.peerDependencies ?? {})) visit(key, d, !e.peerDependenciesMeta?.[d]?.optional);
  };
  for (const r of roots) visit('', r, true);
  return seen;
}

/** The package name of a bare import specifier ('@tiptap/pm/state' -> '@tiptap/pm'), or null. */
function packageOf(spec: string): string | null {
  if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The packages the renderer bundle is built from: bare imports in renderer/src and shared/ (tests left out). */
function rendererRoots(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/^import\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
          if (m[1]) continue; // type-only: nothing of it is bundled
          const name = packageOf(m[2]);
          if (name) found.add(name);
        }
      }
    }
  };
  walk(path.join(ROOT, 'renderer', 'src'));
  walk(path.join(ROOT, 'shared'));
  return [...found].sort();
}

const NONE = '未声明 (none declared)';
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.\-_].*)?$/i;

function licenceTexts(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir).filter((f) => LICENCE_FILE.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').replace(/\s+$/, '') }));
}

function repositoryOf(pkg: { repository?: string | { url?: string }; homepage?: string }): string | null {
  const r = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (r) return r.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://').replace(/^github:/, 'https://github.com/');
  return pkg.homepage ?? null;
}

/** The whole notices file, from package-lock.json and node_modules. */
export function buildNotices(): string {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { productName: string; dependencies: Record<string, string> };
  const uses = new Map<string, Set<Use>>();
  const mark = (keys: Set<string>, use: Use) => keys.forEach((k) => uses.set(k, (uses.get(k) ?? new Set()).add(use)));
  mark(closure(lock, Object.keys(app.dependencies)), 'app');
  mark(closure(lock, rendererRoots()), 'renderer');

  // One entry per name and version (the same version may be installed at several places).
  const entries = new Map<string, { name: string; version: string; licence: string; repo: string | null; uses: Set<Use>; texts: { file: string; text: string }[] }>();
  for (const [key, used] of uses) {
    const dir = path.join(ROOT, ...key.split('/'));
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string; version: string; license?: string | { type?: string }; licenses?: { type?: string }[];
      repository?: string | { url?: string }; homepage?: string;
    };
    const licence = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? pkg.licenses?.map((l) => l.type).join(' OR ') ?? NONE;
    const id = `${pkg.name}@${pkg.version}`;
    const had = entries.get(id);
    if (had) used.forEach((u) => had.uses.add(u));
    else entries.set(id, { name: pkg.name, version: pkg.version, licence, repo: repositoryOf(pkg), uses: new Set(used), texts: licenceTexts(dir) });
  }
  const list = [...entries.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.version < y.version ? -1 : 1));
  const usedBy = (u: Set<Use>) => (['app', 'renderer'] as const).filter((x) => u.has(x)).join(', ');

  const out: string[] = [
    `${app.productName} — 第三方软件许可声明 / Third-party software notices`,
    '',
    '本软件包含下列开源软件包。每个软件包的版权归其作者所有，按其许可证使用；许可证全文附后。',
    'This program contains the open-source packages listed below, each used under its own licence; the',
    'full licence texts follow the list. "app": packed with the program (app.asar); "renderer": bundled',
    'into the user interface. Electron and Chromium: see LICENSE.electron.txt and LICENSES.chromium.html',
    'in the program folder.',
    '',
    'Generated by scripts/third-party-notices.ts (npm run notices) from package-lock.json and node_modules;',
    'do not edit by hand.',
    '',
    `${list.length} packages:`,
    '',
    ...list.map((e) => `  ${`${e.name}@${e.version}`.padEnd(48)} ${e.licence.padEnd(28)} ${usedBy(e.uses)}`),
  ];
  for (const e of list) {
    out.push('', '='.repeat(100), `${e.name}@${e.version}`, `许可证 / Licence: ${e.licence}`);
    if (e.repo) out.push(`来源 / Source: ${e.repo}`);
    if (!e.texts.length) {
      out.push('', e.licence === NONE
        ? '（软件包既未附许可证文件，也未在 package.json 中声明许可证 / the package includes no licence file and declares no licence）'
        : `（软件包未附许可证文件，package.json 声明的许可证为 ${e.licence} / the package includes no licence file; its package.json declares ${e.licence}）`);
    }
    for (const t of e.texts) out.push('', `--- ${t.file} ---`, '', t.text);
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = buildNotices();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(NOTICES_FILE) ? fs.readFileSync(NOTICES_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(ROOT, NOTICES_FILE)} 与已安装的软件包不一致，请运行 npm run notices 重新生成。`);
      process.exit(1);
    }
    console.log(`${path.relative(ROOT, NOTICES_FILE)} is current.`);
  } else {
    fs.mkdirSync(path.dirname(NOTICES_FILE), { recursive: true });
    fs.writeFileSync(NOTICES_FILE, text);
    console.log(`wrote ${path.relative(ROOT, NOTICES_FILE)} (${text.length} characters)`);
  }
}
