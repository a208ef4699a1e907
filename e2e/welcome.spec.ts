import { test, expect, shot } from './fixtures';

test('first start offers an empty archive or the demo, then shows the Chinese shell', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByText('欢迎使用督导档案')).toBeVisible();
  await shot(page, 'welcome');
  await page.getByRole('button', { name: '创建空档案' }).click();
  await expect(page.getByRole('link', { name: '督学' })).toBeVisible();
  await expect(page.getByRole('link', { name: /年度归档.*即将推出/ })).toBeVisible();
  await page.getByRole('link', { name: /年度归档/ }).click();
  await expect(page.getByRole('heading', { name: /年度归档/ })).toContainText('即将推出');
  await shot(page, 'shell-coming-soon');
  const status = await app.api<{ initialized: boolean }>('archive.status');
  expect(status.initialized).toBe(true);
});
