import { _electron as electron, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Smoke test of the desktop shell itself (the UI flows are tested in browser mode). It needs
// Electron's binary, which installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 and offline machines lack.

const root = path.resolve(__dirname, '..');

/** The Electron executable, found the way the electron package does, without its download fallback. */
function electronBinary(): string | null {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let exe: string;
  try {
    exe = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const full = override ? path.join(override, exe || 'electron') : path.join(pkgDir, 'dist', exe);
  return exe && fs.existsSync(full) ? full : null;
}

const executablePath = electronBinary();

test.describe('desktop shell', () => {
  test.skip(executablePath === null,
    "Electron's binary is not installed (node_modules/electron/path.txt or dist/ missing, e.g. installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1): skipping the Electron smoke test");
  test.skip(!fs.existsSync(path.join(root, 'dist-electron', 'main.cjs')) || !fs.existsSync(path.join(root, 'dist', 'renderer', 'index.html')),
    'run `npm run build` first: dist-electron/main.cjs or dist/renderer is missing');

  test('opens a secure window over a fresh archive', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-electron-'));
    const dataDir = path.join(tmp, '档案');
    const app = await electron.launch({
      executablePath: executablePath!,
      args: [root, '--data', dataDir],
      cwd: root,
      env: { ...process.env, DUDAO_USER_DATA: path.join(tmp, 'userData') } as Record<string, string>,
    });
    try {
      const page = await app.firstWindow();
      await expect(page).toHaveTitle('督导档案');
      expect(page.url()).toMatch(/^app:\/\/dudao\/index\.html/);
      // The uninitialised archive shows the welcome page: app:// served the renderer, IPC answered.
      await expect(page.getByText('欢迎使用督导档案')).toBeVisible();

      // The renderer sees the contract's functions and nothing of Node.
      const probe = await page.evaluate(async () => {
        const w = window as unknown as { api: Record<string, (i: unknown) => Promise<{ ok: boolean; data?: { folder: string } }>>; require?: unknown; process?: unknown };
        const status = await w.api['dataFolder.status']({});
        return { status, require: typeof w.require, process: typeof w.process, opened: window.open('https://example.com/') === null };
      });
      expect(probe.status.ok).toBe(true);
      expect(probe.status.data?.folder).toBe(dataDir);
      expect(probe).toMatchObject({ require: 'undefined', process: 'undefined', opened: true });

      // Navigation away from app:// is refused.
      await page.evaluate(() => { window.location.href = 'file:///'; });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/dudao\//);

      // The Chinese application menu, as the main process sees it.
      const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label));
      expect(menu).toEqual(['文件', '编辑', '视图', '帮助']);
    } finally {
      await app.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
