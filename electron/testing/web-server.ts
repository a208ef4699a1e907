import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Start browser mode (`electron/web/cli.ts`) over `dataDir` on a free port and wait for the one line
 * with its URL. Run as `node --import tsx`, so the child's pid is the server itself (for its memory
 * and for stopping it). Used by the Playwright fixtures and the benchmark.
 */
export async function spawnWebServer(dataDir: string, opts: {
  env?: NodeJS.ProcessEnv; timeoutMs?: number;
  /** Another script that starts the server the same way (tests: electron/testing/fault-server.ts). */
  script?: string;
  /** Keep stdin open as a pipe, for scripts that take commands. */
  stdin?: boolean;
  /** More command-line arguments (`--restore <name>`). */
  args?: string[];
} = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', opts.script ?? 'electron/web/cli.ts', '--data', dataDir, '--port', '0', ...(opts.args ?? [])], {
    cwd: ROOT, stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env },
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), opts.timeoutMs ?? 30_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  return { child, url };
}
