// Child process for crash-operations.test.ts: opens the archive in argv[3] and runs one real operation
// through its channel, as the page does (the job followed to its end), until it is killed. Prints
// "ready" once the archive is open and its input received, "start" just before the operation, "done"
// after it (the parent kills at a random moment in between).
//
//   import <folder> <roster.xlsx>      excel.commitImport of the roster (督学)
//   restore-file <folder> <backup.zip> backups.restoreFile
//   restore-auto <folder> <name>       backups.restoreAuto
//   package <folder> <year>            yearClose.check, then yearClose.close
//   backup-file <folder>               backups.createFile
//   auto-backups <folder>              automatic backups, one after another, "backup <n>" after each
//   swap <folder> <name> <step>        restoreFromBackup killing itself at the swap's step <step> (1–5)
import fs from 'node:fs';
import { openStore, type Store } from '../store/store';
import { autoBackup } from '../store/backups';
import { restoreFromBackup } from '../store/restore';
import { call } from '../api';
import { transfers } from '../transfer/transfers';
import { finished } from './files';
import { noProgress } from '../../shared/progress';
import type { JobStarted } from '../../shared/schemas/files';
import type { UploadKind } from '../../shared/schemas/files';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function received(a: Store, kind: UploadKind, file: string): Promise<string> {
  return (await transfers(a).receive(kind, fs.createReadStream(file), file)).uploadId;
}

async function main() {
  const [op, folder, arg, stepText] = process.argv.slice(2);
  const a = await openStore(folder, { actor: '崩溃测试' });
  const job = async (started: Promise<JobStarted<unknown>>) => { await finished(a, started); };
  let run: () => Promise<void>;
  switch (op) {
    case 'import': {
      const uploadId = await received(a, 'roster', arg);
      run = () => job(call(a, 'excel.commitImport', { kind: 'supervisors', uploadId }));
      break;
    }
    case 'restore-file': {
      const uploadId = await received(a, 'backup', arg);
      run = () => job(call(a, 'backups.restoreFile', { uploadId }));
      break;
    }
    case 'restore-auto':
      run = () => job(call(a, 'backups.restoreAuto', { name: arg }));
      break;
    case 'package':
      run = async () => {
        const { openWork } = await call(a, 'yearClose.check', { year: Number(arg) });
        await job(call(a, 'yearClose.close', { year: Number(arg), openWork }));
      };
      break;
    case 'backup-file':
      run = () => job(call(a, 'backups.createFile', {}));
      break;
    case 'auto-backups':
      run = async () => {
        for (let n = 1; ; n++) {
          await autoBackup(a, new Date(2031, 0, n, 8, 0, 0));
          say(`backup ${n}`);
        }
      };
      break;
    case 'swap': {
      const kill = `step ${stepText}`;
      run = async () => {
        await restoreFromBackup(a, arg, {
          ...noProgress,
          progress(done) { if (`step ${done}` === kill) process.kill(process.pid, 'SIGKILL'); },
        });
      };
      break;
    }
    default:
      throw new Error(`unknown operation ${op}`);
  }
  say('ready');
  say('start');
  await run();
  say('done');
  a.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
