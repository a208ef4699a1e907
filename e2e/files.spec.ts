import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { test, expect, shot } from './fixtures';

// Files through the real paths of browser mode: a photo chosen in the page goes up as the body of
// POST /upload, is shown from GET /files; the 台账 is exported as a job with progress and downloaded
// with GET /files; a backup file is canceled half-way and leaves nothing. No channel's JSON carries a file.

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=', 'base64');

/** Every /api call's body stays small: file content never travels inside JSON. */
function watchRequests(page: import('@playwright/test').Page) {
  const seen = { apiBodies: [] as number[], uploads: [] as string[], downloads: [] as string[] };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) seen.apiBodies.push(r.postDataBuffer()?.length ?? 0);
    if (url.pathname === '/upload') seen.uploads.push(url.searchParams.get('kind') ?? '');
    if (url.pathname.startsWith('/files/')) seen.downloads.push(url.pathname);
  });
  return seen;
}

test('a photo goes up as a streamed upload and comes back by GET /files; the 台账 exports with progress and downloads', async ({ page, app }, info) => {
  test.slow();
  await app.api('dataFolder.initialize', { mode: 'demo' });
  // A large 台账: 30,000 more problems written straight into the archive (as ten years would leave them).
  const db = new Database(path.join(app.dataDir, 'archive.db'));
  const school = db.prepare('SELECT id FROM schools WHERE deleted_at IS NULL LIMIT 1').pluck().get() as number;
  const add = db.prepare(`INSERT INTO problems (source, school_id, category, description, actor, status, raised_at, updated_at)
    VALUES ('督导记录', ?, '校务管理和制度执行情况', ?, '学校', '待整改', '2024-05-06', '2024-05-06 00:00:00')`);
  db.transaction(() => { for (let i = 0; i < 30_000; i++) add.run(school, `批量问题${i}`); })();
  const total = db.prepare('SELECT count(*) FROM problems p JOIN schools s ON s.id = p.school_id AND s.deleted_at IS NULL WHERE p.deleted_at IS NULL').pluck().get() as number;
  db.close();
  const seen = watchRequests(page);

  // The photo: chosen in the page, shrunk, sent as the body of POST /upload, shown from GET /files.
  await page.goto(`${app.url}#/supervisors`);
  await page.getByRole('button', { name: '新增督学' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('姓名').fill('上传照片的督学');
  await page.getByLabel('选择照片文件').setInputFiles({ name: '证件照.png', mimeType: 'image/png', buffer: PNG });
  const photo = form.getByRole('img', { name: '督学照片' });
  await expect(photo).toHaveAttribute('src', /^blob:/);
  expect(seen.uploads).toEqual(['photo']);
  expect(seen.downloads.length).toBeGreaterThanOrEqual(1);

  // The 台账, unfiltered: every problem (not a page of 500), as a job whose progress is shown, then downloaded.
  await page.goto(`${app.url}#/problems`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出台账' }).click();
  const progress = page.getByRole('status', { name: '导出问题整改台账进度' });
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/写入台账（第 \d+ \/ \d+ 行）/);
  await shot(page, 'files-ledger-progress');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^问题整改台账-\d{8}\.xlsx$/);
  await expect(page.getByText(`共 ${total} 条问题`)).toBeVisible();
  await expect(progress).toBeHidden();
  const file = info.outputPath('ledger.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets[0].rowCount).toBe(total + 2);
  expect(String(wb.worksheets[0].getCell(1, 1).value)).toContain(`共${total}条`);
  // Nothing is left waiting once fetched; no API call carried a file.
  await expect.poll(() => fs.readdirSync(path.join(app.dataDir, '.临时'))).toEqual([]);
  expect(Math.max(...seen.apiBodies)).toBeLessThan(4096);
});

test('立即备份到文件 shows its progress and 取消 leaves no file behind', async ({ page, app }) => {
  test.slow();
  await app.api('dataFolder.initialize', { mode: 'empty' });
  // 200 photos of 1 MB in the attachment store, so the backup file takes a while to write.
  for (let i = 0; i < 200; i++) {
    const bytes = crypto.randomBytes(1024 * 1024);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    fs.mkdirSync(path.join(app.dataDir, 'attachments', hash.slice(0, 2)), { recursive: true });
    fs.writeFileSync(path.join(app.dataDir, 'attachments', hash.slice(0, 2), hash), bytes);
  }
  let downloads = 0;
  page.on('download', () => { downloads++; });
  await page.goto(`${app.url}#/backups`);
  await page.getByRole('button', { name: '立即备份到文件' }).click();
  const progress = page.getByRole('status', { name: '生成备份文件进度' });
  await expect(progress).toContainText('写入备份文件');
  await shot(page, 'files-backup-progress');
  await progress.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('没有生成备份文件。')).toBeVisible();
  await expect(progress).toBeHidden();
  expect(downloads).toBe(0);
  expect(fs.readdirSync(path.join(app.dataDir, '.临时'))).toEqual([]);
  // (The automatic backup a few seconds after start may be there: it is not the backup file.)
  expect(fs.readdirSync(path.join(app.dataDir, 'backups')).filter((n) => !n.startsWith('自动-'))).toEqual([]);
  const log = await app.api<{ rows: { action: string }[] }>('audit.list', { kind: 'archive' });
  expect(log.rows.filter((r) => r.action === '备份')).toEqual([]);
  await shot(page, 'files-backup-canceled');
});
