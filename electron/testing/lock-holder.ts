// Child process for folder-lock.test.ts: opens the archive in argv[2] (taking its lock), prints
// "ready", then obeys lines on stdin: "close" closes the archive and prints "closed"; "exit" exits
// without closing (the exit hook must still remove the lock). Killed with SIGKILL, it leaves the lock.
import readline from 'node:readline';
import { openStore } from '../store/store';

async function main() {
  const a = await openStore(process.argv[2], { actor: '锁测试' });
  process.stdout.write('ready\n');
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === 'close') {
      a.close();
      process.stdout.write('closed\n');
    }
    if (line === 'exit') process.exit(0);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
