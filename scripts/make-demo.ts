import os from 'node:os';
import path from 'node:path';
import { openStore } from '../electron/store/store';
import { DEMO_SIZE, loadDemo } from '../electron/store/demo';
import { isInitialized, markInitialized } from '../electron/store/settings';
import { audit } from '../electron/store/log';

// npm run demo -- --data <folder> [--seed N] [--schools N] [--supervisors N] [--zones N]
// Creates a demo archive (the fictional 清河区) in a new or empty archive folder.
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function count(name: keyof typeof DEMO_SIZE): number {
  const text = arg(name);
  if (text === undefined) return DEMO_SIZE[name];
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} 应为非负整数，收到：${text}`);
    process.exit(2);
  }
  return n;
}

async function main() {
  const data = arg('data');
  if (!data) {
    console.error('用法：npm run demo -- --data <档案文件夹> [--seed 数字] [--schools 数量] [--supervisors 数量] [--zones 数量]');
    process.exit(2);
  }
  const folder = path.resolve(data);
  const opts = { schools: count('schools'), supervisors: count('supervisors'), zones: count('zones'), seed: count('seed') };
  const a = await openStore(folder, { actor: os.userInfo().username });
  try {
    if (isInitialized(a)) throw new Error(`${folder} 中的档案已经初始化，请换一个空文件夹。`);
    const started = Date.now();
    const made = a.db.transaction(() => {
      const r = loadDemo(a, opts);
      markInitialized(a);
      audit(a, '初始化', 'archive', null, '载入示例档案', opts);
      return r;
    })();
    console.log(`示例档案已生成：${folder}`);
    console.log(`学校 ${made.schoolIds.length} 所，督学 ${made.supervisorIds.length} 名，责任区 ${made.zoneIds.length} 个，挂牌 ${made.assignments} 条（种子 ${opts.seed}，用时 ${Date.now() - started} 毫秒）`);
  } finally {
    a.close();
  }
}

main().catch((e) => {
  console.error(`未能生成示例档案：${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
