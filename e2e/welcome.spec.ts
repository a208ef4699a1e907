import { test, expect, shot } from './fixtures';

test('first start offers an empty archive or the demo, then shows the Chinese shell', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByText('欢迎使用督导档案')).toBeVisible();
  await expect(page.getByRole('button', { name: '载入示例档案' })).toBeVisible();
  await shot(page, 'welcome');
  await page.getByRole('button', { name: '创建空档案' }).click();
  for (const name of ['督学', '学校', '责任区', '行事历', '督导记录', '问题整改', '督导简报', '大事记', '案例集', '年度归档', '设置', '回收站']) {
    await expect(page.getByRole('navigation').getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: '首页概览' })).toBeVisible();
  await shot(page, 'shell-empty-dashboard');
  const status = await app.api<{ initialized: boolean }>('dataFolder.status');
  expect(status.initialized).toBe(true);
});
