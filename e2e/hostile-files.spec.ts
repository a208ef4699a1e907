import { test, expect, shot } from './fixtures';
import { docxBomb, manyRowsXlsx, pngHeaderOnly } from '../electron/testing/hostile-files';

// Hostile files as a user would bring them, through the pages: each refused at once with a Chinese
// sentence saying what is wrong and what to do, and the page goes on working.

test('a .docx bomb, a million-row roster and a 3.6-billion-pixel photo are refused in words, nothing kept', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });

  // 历年档案: a 1.3 MB .docx whose document.xml inflates to 415 MB.
  await page.goto(`${app.url}#/year-close`);
  await page.getByRole('tab', { name: '历年档案' }).click();
  await page.getByLabel('年份', { exact: true }).fill('2019');
  await page.getByLabel('题名').fill('2019年工作总结');
  await page.getByRole('combobox', { name: '类别', exact: true }).click();
  await page.getByRole('option', { name: '工作总结', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles({ name: '2019年工作总结.docx', mimeType: 'application/octet-stream', buffer: docxBomb() });
  await page.getByRole('button', { name: '上传' }).click();
  await expect(page.getByText(/「word\/document\.xml」解压后有 415\.0 MB，超过单个部分 50\.0 MB 的上限/)).toBeVisible();
  await page.waitForTimeout(500); // let the notification finish sliding in for the screenshot
  await shot(page, 'hostile-docx');
  expect((await app.api<{ total: number }>('legacy.list', {})).total).toBe(0);

  await page.getByRole('button', { name: '关闭' }).or(page.locator('.mantine-Notification-closeButton')).first().click();

  // 导入导出: a roster of a million rows, refused by the preview after its first ten thousand.
  await page.getByRole('navigation').getByRole('link', { name: '导入导出' }).click(); // the empty archive's first steps link there too
  await page.getByLabel('选择要导入的督学名册文件').setInputFiles({
    name: '督学名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: manyRowsXlsx(1_000_000),
  });
  await expect(page.getByText('表格有超过 10000 行数据，超过一次最多导入的 10000 行。请分成几个文件导入。')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('table', { name: '导入预览' })).toHaveCount(0);
  await page.waitForTimeout(500); // let the notification finish sliding in for the screenshot
  await shot(page, 'hostile-roster');

  // A supervisor's photo whose header declares 60000×60000 pixels: the page refuses it before decoding.
  await page.goto(`${app.url}#/supervisors`);
  await page.getByRole('button', { name: '新增督学' }).click();
  const form = page.getByRole('dialog', { name: '新增督学' });
  await page.locator('input[type="file"]').setInputFiles({ name: '证件照.png', mimeType: 'image/png', buffer: pngHeaderOnly(60_000, 60_000) });
  await expect(page.getByText('「证件照.png」的尺寸为 60000×60000 像素，超过可接收的最大尺寸').first()).toBeVisible();
  await expect(form.getByRole('img', { name: '督学照片' })).toHaveCount(0);
  await page.waitForTimeout(500); // let the notification finish sliding in for the screenshot
  await shot(page, 'hostile-photo');

  // Still working: the form saves without the photo.
  await form.getByRole('textbox', { name: '姓名', exact: true }).fill('王丽');
  await form.getByRole('combobox', { name: '类别', exact: true }).click();
  await page.getByRole('option', { name: '兼职督学', exact: true }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: /王丽/ })).toBeVisible();
});
