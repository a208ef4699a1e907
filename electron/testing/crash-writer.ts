// Child process for crash.test.ts: writes schools in batches of BATCH rows, each batch in one
// transaction together with an audit-log marker, as fast as it can, until it is killed.
// Prints "ready" once the archive is open, then "committed <n>" after each batch's commit.
import { openStore } from '../store/store';
import { nowText } from '../../shared/dates';
import { audit } from '../store/log';

async function main() {
  const folder = process.argv[2];
  const BATCH = Number(process.argv[3] ?? 25);
  const a = await openStore(folder, { actor: '崩溃测试' });
  const ins = a.db.prepare(`INSERT INTO schools (full_name, short_name, type, nature, address, created_at, updated_at)
    VALUES (?, ?, '小学', '公办', ?, ?, ?)`);
  let batch = (a.db.prepare(`SELECT count(*) FROM audit_log WHERE action = '崩溃测试'`).pluck().get() as number);
  const write = a.db.transaction((b: number) => {
    const now = nowText();
    for (let i = 0; i < BATCH; i++) ins.run(`批次${b}-${i}`, `B${b}`, '测试路'.repeat(20 + (i % 7)), now, now);
    audit(a, '崩溃测试', 'school', null, `批次 ${b}`);
  });
  process.stdout.write('ready\n');
  for (;;) {
    write(batch);
    process.stdout.write(`committed ${batch}\n`);
    batch++;
    // Every few batches, yield so the parent's kill can land between as well as inside transactions.
    if (batch % 8 === 0) await new Promise((r) => setImmediate(r));
  }
}

void main();
