import type { Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';

/** A vocabulary row's input (its move/delete buttons carry longer labels). */
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

test('welcome → 载入示例档案 → the shell shows the demo county', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: '载入示例档案' }).click();
  await expect(page.getByRole('link', { name: '设置' })).toBeVisible();
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByLabel('督导室名称')).toHaveValue('清河区人民政府教育督导室');
  await expect(field(page, '督学类别第3项')).toHaveValue('专职督学');
  const status = await app.api<{ counts: { schools: number; supervisors: number } }>('dataFolder.status');
  expect(status.counts).toMatchObject({ schools: 30, supervisors: 25 });
  await shot(page, 'settings-demo');
});

test('设置: edit, validate, save and see it again after a reload', async ({ page, demoApp }) => {
  await page.goto(demoApp.url);
  await page.getByRole('link', { name: '设置' }).click();
  const name = page.getByLabel('督导室名称');
  await expect(name).toHaveValue('清河区人民政府教育督导室');

  // Checked before saving, in Chinese, at the field.
  await name.fill('');
  await page.getByRole('button', { name: '保存设置' }).click();
  const nameError = page.getByText('请填写督导室名称', { exact: true });
  await expect(nameError).toBeVisible();
  await expect(page.getByText('设置未保存：请填写督导室名称')).toBeVisible();
  await page.getByLabel('新增督学类别').fill('家长督学');
  await expect(page.getByText('「家长督学」已在列表中')).toBeVisible();
  await expect(page.getByRole('button', { name: '添加' }).first()).toBeDisabled();

  // Edit every kind of setting.
  await name.fill('清河区人民政府教育督导室（测试）');
  await expect(nameError).toHaveCount(0);
  await page.getByLabel('联系电话').fill('0359-6999999');
  await page.getByLabel('简报名称').fill('清河督导');
  await page.getByLabel('印数（份）').fill('66');
  await page.getByLabel('报（上报单位）').fill('市人民政府教育督导室\n区委办公室');
  await page.getByRole('combobox', { name: '正文字体' }).fill('仿宋');
  await page.getByLabel('新增督学类别').fill('法制督学');
  await page.getByLabel('新增督学类别').press('Enter');
  await expect(field(page, '督学类别第11项')).toHaveValue('法制督学');
  await page.getByRole('button', { name: '上移督学类别第11项' }).click();
  await expect(field(page, '督学类别第10项')).toHaveValue('法制督学');
  await field(page, '督导事项第8项').fill('校风、教风、学风建设');
  await expect(page.getByText('有未保存的修改')).toBeVisible();
  await shot(page, 'settings-editing');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('督导室名称')).toHaveValue('清河区人民政府教育督导室（测试）');
  await expect(page.getByLabel('联系电话')).toHaveValue('0359-6999999');
  await expect(page.getByLabel('印数（份）')).toHaveValue('66');
  await expect(page.getByLabel('报（上报单位）')).toHaveValue('市人民政府教育督导室\n区委办公室');
  await expect(page.getByRole('combobox', { name: '正文字体' })).toHaveValue('仿宋');
  await expect(field(page, '督学类别第10项')).toHaveValue('法制督学');
  await expect(field(page, '督学类别第11项')).toHaveValue('实习督学');
  const saved = await demoApp.api<{ briefingName: string; eightItems: string[]; printCopies: number }>('settings.get');
  expect(saved).toMatchObject({ briefingName: '清河督导', printCopies: 66 });
  expect(saved.eightItems[7]).toBe('校风、教风、学风建设');

  // 恢复默认 brings the vocabulary back (saved only with 保存设置).
  await page.getByRole('button', { name: '恢复默认' }).nth(1).click();
  await expect(field(page, '督导事项第8项')).toHaveValue('校风、教风、学风建设情况');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  expect((await demoApp.api<{ eightItems: string[] }>('settings.get')).eightItems[7]).toBe('校风、教风、学风建设情况');

  // A category supervisors still have cannot go: the archive's message is shown.
  await page.getByRole('button', { name: '删除督学类别第9项' }).click(); // 特邀督学
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText(/督学类别「特邀督学」（\d+名）仍有督学在用/).first()).toBeVisible();
  await shot(page, 'settings-refused');
  await page.getByRole('button', { name: '撤销修改' }).click();
  await expect(field(page, '督学类别第9项')).toHaveValue('特邀督学');
});
