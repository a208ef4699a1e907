import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../store/store';
import { call } from '../api';

/** A real archive in a fresh temp folder, for handler tests. Remove it with `dispose`. */
export async function tempStore(opts: { init?: 'empty' | 'demo' } = {}): Promise<Store & { dispose(): void }> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-test-'));
  const a = await openStore(folder, { actor: '测试' });
  if (opts.init) await call(a, 'dataFolder.initialize', { mode: opts.init });
  return Object.assign(a, {
    dispose() {
      a.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  });
}
