// npm start [-- --data <folder>] [-- --port <n>]: build, then run the desktop app; where Electron's
// program was never downloaded (offline installs, CI), run browser mode instead.
// Plain Node, no shell syntax: works the same from cmd.exe, PowerShell and bash.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);

/**
 * The Electron executable if it is installed, else null. Same lookup as the electron package's
 * index.js (path.txt -> dist/<exe>), but without its fallback of downloading the binary on require.
 */
function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  let exe = '';
  try {
    exe = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    // no path.txt: installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download failed
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? path.join(override, exe || 'electron') : exe ? path.join(pkgDir, 'dist', exe) : null;
  return full && fs.existsSync(full) ? full : null;
}

/** `npm run build`, through the npm that started us when there is one (no .cmd shims on Windows). */
function build() {
  const npmCli = process.env.npm_execpath;
  const result = npmCli && /\.[cm]?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], {
      cwd: root, stdio: 'inherit', shell: process.platform === 'win32', // .cmd files need a shell since Node 20.12
    });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Run a child in the foreground and leave with its exit code. */
function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  process.on('SIGINT', () => {}); // Ctrl+C reaches the child from the console itself; wait for it
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('error', (e) => {
    console.error(`无法启动：${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!process.env.DUDAO_SKIP_BUILD) build(); // DUDAO_SKIP_BUILD=1: run what is already built

const electron = electronBinary();
if (electron) {
  // ELECTRON_RUN_AS_NODE in the environment would start a plain Node instead of the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, [root, ...args], env);
} else {
  console.log('未安装 Electron 程序，改用浏览器模式启动（请在浏览器中打开下面的地址）。');
  run(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'electron', 'web', 'cli.ts'), ...args]);
}
