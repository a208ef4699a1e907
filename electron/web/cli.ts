import os from 'node:os';
import path from 'node:path';
import { openStore } from '../store/store';
import { installLastResort, startWebServer } from './server';
import { defaultDataFolder } from './paths';
import { backupIfDue, scheduleAutoBackups } from '../store/backups';

// npm run web -- --data <folder> [--port <n>] [--restore <backup name>: only when the folder's archive.db is missing]
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const folder = path.resolve(arg('data') ?? defaultDataFolder());
  const portText = arg('port');
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口号无效：${portText}（应为 0–65535 的整数）`);
    process.exit(2);
  }
  // Takes the folder's lock: a folder open elsewhere (another window, process or PC) is refused
  // with a message naming who has it, and this process exits non-zero (main().catch below). A folder
  // whose archive.db is gone is refused too, naming the backup to restore with --restore <name>.
  const store = await openStore(folder, {
    actor: os.userInfo().username,
    restoreMissingFrom: arg('restore'),
    howToRestore: (newest) => `要用它恢复档案，请运行：npm run web -- --data "${folder}" --restore ${newest.name}`,
  });
  // DUDAO_STATIC_DIR lets parallel test runs serve their own build of the renderer.
  const staticDir = path.resolve(process.env.DUDAO_STATIC_DIR ?? path.join(__dirname, '../../dist/renderer'));
  const server = await startWebServer({ store, staticDir, port });
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await backupIfDue(store).catch((e) => console.error(`自动备份失败：${e.message}`));
    store.close();
    process.exit(code);
  };
  // An error outside any request is a bug: logged, then the usual shutdown (backup, lock released).
  installLastResort(() => {
    console.error('督导档案（浏览器模式）遇到程序内部错误，正在保存备份并退出。请重新启动；如仍出错，请联系维护人员。');
    void stop(1);
  });
  console.log(`督导档案（浏览器模式）已启动，档案文件夹 ${folder}，请在浏览器中打开：${server.url}`);
  // Automatic backups in the background once the first screen is served (and on quit), each only when
  // the newest is a day old: no copy of the whole archive on the way to the first screen. A failed
  // backup is reported, never fatal.
  scheduleAutoBackups(store, { onError: (e) => console.error(`自动备份失败：${(e as Error).message}`) });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((e) => {
  console.error(`无法启动：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
