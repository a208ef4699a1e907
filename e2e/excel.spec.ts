import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect, shot } from './fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function readDownload(d: Download): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await d.path()) as unknown as ArrayBuffer);
  return wb;
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function clickAndDownload(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return download;
}

test('督学名册: template, import with a bad row through the preview, confirm, export', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: '导入导出' }).click(); // the empty archive's first steps link there too
  await expect(page.getByRole('heading', { name: '导入导出' })).toBeVisible();

  // The template: the header row of every field, and the 说明 sheet.
  const template = await clickAndDownload(page, '下载模板');
  expect(template.suggestedFilename()).toBe('督学名册导入模板.xlsx');
  const twb = await readDownload(template);
  expect(twb.worksheets.map((w) => w.name)).toEqual(['督学名册', '说明']);
  const headers = (twb.worksheets[0].getRow(1).values as string[]).slice(1);
  expect(headers).toContain('督学证编号');
  expect(headers).toHaveLength(17);

  // Fill it as an office would: numeric phone and a date cell among the rows, one bad mobile.
  const line = (values: Record<string, ExcelJS.CellValue>) => headers.map((h) => values[h] ?? null);
  const file = await xlsx([
    headers,
    line({ 姓名: '王丽', 性别: '女', 手机: 13800000001, 督学证编号: 'DX001', 类别: '兼职督学', 聘任起始: new Date(Date.UTC(2024, 8, 1)) }),
    line({ 姓名: '张伟', 性别: '男', 手机: '13800000002', 督学证编号: 'DX002', 类别: '专职督学', 聘任状态: '在聘' }),
    line({ 姓名: '李娜', 手机: '1380000', 督学证编号: 'DX003', 类别: '兼职督学' }),
    line({ 姓名: '赵敏', 督学证编号: 'DX004', 类别: '社区督学', 备注: '家长代表' }),
  ]);

  await page.getByLabel('选择要导入的督学名册文件').setInputFiles({ name: '督学名单.xlsx', mimeType: XLSX, buffer: file });
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview).toBeVisible();
  await expect(page.getByText('导入预览：督学名单.xlsx')).toBeVisible();
  const bad = preview.getByRole('row').filter({ hasText: '第 4 行' });
  await expect(bad).toContainText('错误');
  await expect(bad).toContainText('「手机」应为11位手机号码');
  await expect(preview.getByRole('row').filter({ hasText: '第 2 行' })).toContainText('新增');
  await expect(preview.getByRole('row').filter({ hasText: '第 2 行' })).toContainText('2024-09-01');
  await shot(page, 'excel-preview');

  // Nothing is written before the user confirms.
  expect((await app.api<{ total: number }>('supervisors.list', {})).total).toBe(0);

  // Only the error rows.
  await page.getByText(/^错误（1）$/).click();
  await expect(preview.getByRole('row')).toHaveCount(2);
  await shot(page, 'excel-preview-errors');
  await page.getByText(/^全部$/).click();

  await page.getByRole('button', { name: '确认导入：导入 3 条有效记录，跳过 1 条错误记录' }).click();
  await expect(page.getByText('新增 3 条，更新 0 条，跳过 1 条错误记录。')).toBeVisible();
  await expect(preview).toHaveCount(0);
  await shot(page, 'excel-imported');

  const list = await app.api<{ total: number; rows: { name: string; mobile: string | null; termStart: string | null }[] }>('supervisors.list', {});
  expect(list.total).toBe(3);
  expect(list.rows.map((r) => r.name).sort()).toEqual(['张伟', '王丽', '赵敏'].sort());
  expect(list.rows.find((r) => r.name === '王丽')).toMatchObject({ mobile: '13800000001', termStart: '2024-09-01' });

  // Export: the same header row and every record; importing it again only updates.
  const exported = await clickAndDownload(page, '导出名册');
  expect(exported.suggestedFilename()).toMatch(/^督学名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const ewb = await readDownload(exported);
  const ews = ewb.worksheets[0];
  expect((ews.getRow(1).values as string[]).slice(1)).toEqual(headers);
  expect(ews.actualRowCount).toBe(4);
  await page.getByLabel('选择要导入的督学名册文件').setInputFiles({
    name: exported.suggestedFilename(), mimeType: XLSX, buffer: fs.readFileSync(await exported.path()),
  });
  await expect(page.getByRole('table', { name: '导入预览' }).getByText('更新')).toHaveCount(3);
  await expect(page.getByRole('button', { name: '确认导入：导入 3 条有效记录' })).toBeEnabled();
});

test('a file that is not xlsx gets a clear message and no preview; schools import by zone name', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await app.api('zones.save', { fields: { name: '城东责任区' } });
  await page.goto(`${app.url}#/excel`);
  await page.getByRole('tab', { name: '学校名册' }).click();

  await page.getByLabel('选择要导入的学校名册文件').setInputFiles({ name: '照片.xlsx', mimeType: XLSX, buffer: Buffer.from('definitely not a spreadsheet') });
  await expect(page.getByText(/文件不是有效的 Excel（\.xlsx）文件/)).toBeVisible();
  await expect(page.getByRole('table', { name: '导入预览' })).toHaveCount(0);

  const file = await xlsx([
    ['学校全称', '学段/类型', '学生数', '所属责任区'],
    ['城东小学', '小学', 640, '城东责任区'],
    ['城东幼儿园', '幼儿园', null, '城西责任区'],
  ]);
  await page.getByLabel('选择要导入的学校名册文件').setInputFiles({ name: '学校.xlsx', mimeType: XLSX, buffer: file });
  const preview = page.getByRole('table', { name: '导入预览' });
  await expect(preview.getByRole('row').filter({ hasText: '第 3 行' })).toContainText('档案中没有名为“城西责任区”的责任区');
  await shot(page, 'excel-schools-preview');
  await page.getByRole('button', { name: /^确认导入：导入 1 条有效记录，跳过 1 条错误记录$/ }).click();
  await expect(page.getByText('新增 1 条，更新 0 条，跳过 1 条错误记录。')).toBeVisible();
  const schools = await app.api<{ rows: { fullName: string; zoneName: string | null; students: number | null }[] }>('schools.list', {});
  expect(schools.rows).toEqual([expect.objectContaining({ fullName: '城东小学', zoneName: '城东责任区', students: 640 })]);
});
