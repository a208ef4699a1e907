import fs from 'node:fs';
import path from 'node:path';
import { test, expect, shot } from './fixtures';
import type { AppServer } from './fixtures';

const schoolNames = async (app: AppServer) =>
  (await app.api<{ rows: { fullName: string }[] }>('schools.list', {})).rows.map((r) => r.fullName).sort();
const addSchool = (app: AppServer, fullName: string) => app.api('schools.save', { fields: { fullName, type: '小学', nature: '公办' } });

test('备份与恢复: warning, backup to a file, restore from it and from the kept archive, damaged file refused', async ({ page, app }, info) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  // No backup yet (the automatic one, taken in the background a few seconds after start, is removed):
  // the header warns.
  const backups = path.join(app.dataDir, 'backups');
  await expect.poll(() => fs.readdirSync(backups).filter((f) => f.startsWith('自动-')), { timeout: 20_000 }).toHaveLength(1);
  for (const f of fs.readdirSync(backups)) fs.rmSync(path.join(backups, f));
  await addSchool(app, '城关第一小学');

  await page.goto(app.url);
  const warning = page.getByRole('button', { name: /备份提醒：已超过一周没有备份/ });
  await expect(warning).toBeVisible();
  await shot(page, 'backups-header-warning');
  await warning.click();
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  await expect(page.getByText('还没有自动备份')).toBeVisible();

  // 立即备份到文件: a .zip download.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '立即备份到文件' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^督导档案备份-\d{8}-\d{6}\.zip$/);
  const file = info.outputPath('backup.zip');
  await download.saveAs(file);
  await expect(page.getByText(/已生成备份文件/)).toBeVisible();
  // A backup file counts as a backup: the header's warning goes, the page says when it was made.
  await expect(warning).toBeHidden();
  await expect(page.getByText(/最近一次备份到文件：\d{4}-\d{2}-\d{2}/)).toBeVisible();

  // Changes after the backup…
  await addSchool(app, '白沙镇中心小学');

  // …are undone by restoring the file, after a confirmation that needs the word 恢复 typed.
  await page.locator('input[type=file]').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: '恢复档案' });
  await expect(dialog).toContainText('当前档案的全部内容将被替换');
  const confirm = dialog.getByRole('button', { name: '确认恢复' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/请输入「恢复」两个字以确认/).fill('恢复');
  await expect(confirm).toBeEnabled();
  await shot(page, 'backups-restore-confirm');
  await confirm.click();
  await expect(page.getByText(/已恢复档案。恢复前的档案已保存为 恢复前-/)).toBeVisible();
  await page.waitForLoadState('load');
  await expect.poll(() => schoolNames(app)).toEqual(['城关第一小学']);

  // The replaced archive is listed and can be restored in turn (undoing the restore).
  await expect(page.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  const keptRow = page.getByRole('row', { name: /恢复前/ });
  await expect(keptRow).toHaveCount(1);
  await shot(page, 'backups-list');
  await keptRow.getByRole('button', { name: /恢复备份 恢复前-/ }).click();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await keptRow.getByRole('button', { name: /恢复备份 恢复前-/ }).click();
  await dialog.getByLabel(/请输入「恢复」两个字以确认/).fill('恢复');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect.poll(() => schoolNames(app)).toEqual(['城关第一小学', '白沙镇中心小学']);
  await expect(page.getByRole('row', { name: /恢复前/ })).toHaveCount(2);

  // A damaged file is refused with a clear message and nothing changes.
  await page.locator('input[type=file]').setInputFiles({ name: '坏的备份.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 truncated') });
  await dialog.getByLabel(/请输入「恢复」两个字以确认/).fill('恢复');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(page.getByText(/所选文件不是督导档案的备份文件或已损坏/)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  await shot(page, 'backups-damaged');
  expect(await schoolNames(app)).toEqual(['城关第一小学', '白沙镇中心小学']);
});
