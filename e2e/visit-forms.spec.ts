import fs from 'node:fs';
import { test, expect, shot } from './fixtures';
import { BACKUP_ZIP, ZipFileReader } from '../electron/documents/safe-zip';
import { fillVisitForm } from '../electron/documents/excel/fill-visit-form';
import { gradientPng } from '../electron/documents/png';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('回收督导记录表: forms sent for the term, two returned at once, a bad row shown, the good ones filed with their problem and photo', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  await app.api('schools.save', { fields: { fullName: '白沙镇中心小学', type: '小学', nature: '公办' } });
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '兼职督学' } });
  await app.api('supervisors.save', { fields: { name: '李芳', category: '兼职督学' } });
  await app.api('assignments.save', { schoolId: school.id, supervisorId: zhang.id, role: '责任督学' });

  await page.goto(`${app.url}#/visits`);
  await page.getByRole('button', { name: '回收督导记录表' }).click();
  await expect(page.getByRole('heading', { name: '回收督导记录表' })).toBeVisible();

  // 1. The forms for a past term, for everyone 在聘.
  await page.getByRole('button', { name: '全部在聘督学' }).click();
  await page.getByRole('textbox', { name: '填报期间从' }).fill('2025-09-01');
  await page.getByRole('textbox', { name: '填报期间从' }).blur();
  await page.getByRole('textbox', { name: '至' }).fill('2026-01-31');
  await page.getByRole('textbox', { name: '至' }).blur();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载督导记录表（2人）' }).click()]);
  expect(download.suggestedFilename()).toBe('督导记录表-2名督学-20250901至20260131.zip');
  const zip = await ZipFileReader.open(fs.readFileSync(await download.path()), BACKUP_ZIP);
  expect(zip.fileNames().sort()).toEqual(['督导记录表-张明.xlsx', '督导记录表-李芳.xlsx', '督导记录表（打印版）-张明.docx', '督导记录表（打印版）-李芳.docx'].sort());

  // 2. Filled as in Excel: 张明 two visits (a problem, a photo), 李芳 one good row and one for a school not in the archive.
  const zhangFile = await fillVisitForm((await zip.bytes('督导记录表-张明.xlsx'))!, [
    { values: { 督导日期: '2025-10-15', 学校: '城关第一小学', 督导方式一: '巡视校园', 督导事项一: '食堂、食品、饮水及宿舍卫生情况', 督导纪实: '检查食堂后厨。',
      问题: '食品留样不足125克', 问题类别: '食堂、食品、饮水及宿舍卫生情况', 整改期限: '2025-11-15' }, photos: [{ bytes: gradientPng(80, 60), extension: 'png' }] },
    { values: { 督导日期: '2025-11-12', 学校: '城关第一小学', 督导纪实: '随机听课两节。' } },
  ]);
  const liFile = await fillVisitForm((await zip.bytes('督导记录表-李芳.xlsx'))!, [
    { values: { 督导日期: '2025-10-20', 学校: '白沙镇中心小学', 督导纪实: '查阅课后服务资料。' } },
    { values: { 督导日期: '2025-10-21', 学校: '白沙中学', 督导纪实: '巡视校园。' } },
  ]);
  await page.getByLabel('选择交回的督导记录表文件').setInputFiles([
    { name: '张明-十月.xlsx', mimeType: XLSX, buffer: zhangFile },
    { name: '李芳-十月.xlsx', mimeType: XLSX, buffer: liFile },
  ]);
  await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible();
  await expect(page.getByText('导入 3', { exact: true })).toBeVisible();
  await expect(page.getByText('错误 1', { exact: true })).toBeVisible();
  const bad = page.getByRole('table', { name: '李芳-十月.xlsx的记录' }).getByRole('row').filter({ hasText: '第 5 行' });
  await expect(bad).toContainText('「学校」“白沙中学”不在档案的学校名册中，请从下拉列表选择挂牌学校');
  await shot(page, 'visit-forms-preview');
  expect((await app.api<{ total: number }>('visits.list', {})).total).toBe(0);

  await page.getByRole('button', { name: '确认导入：3条督导记录、1个问题、1张照片' }).click();
  await expect(page.getByText('导入2个文件：督导记录3条，问题1个（已列入整改台账），照片1张；跳过1行（错误或重复）。')).toBeVisible();
  await expect(page.getByRole('table', { name: '已导入的文件' })).toContainText('张明-十月.xlsx');
  await shot(page, 'visit-forms-imported');

  // The records as any other: in the list, the problem in the 台账, the photo on the record.
  const visits = await app.api<{ total: number; rows: { id: number; date: string; attachments: unknown[] }[] }>('visits.list', { supervisorId: zhang.id });
  expect(visits.rows.map((v) => [v.date, v.attachments.length])).toEqual([['2025-11-12', 0], ['2025-10-15', 1]]);
  expect((await app.api<{ total: number }>('problems.list', {})).total).toBe(1);
  await page.goto(`${app.url}#/visits/${visits.rows[1].id}`);
  await expect(page.getByText('检查食堂后厨。')).toBeVisible();
  await expect(page.getByRole('img', { name: '2025-10-15 城关第一小学 照片1.png' })).toBeVisible();
  await shot(page, 'visit-forms-record');

  // The same files again: nothing new.
  await page.goto(`${app.url}#/visits/forms`);
  await page.getByLabel('选择交回的督导记录表文件').setInputFiles([{ name: '张明-十月.xlsx', mimeType: XLSX, buffer: zhangFile }]);
  await expect(page.getByText(/这个文件已于.*导入（2条督导记录），再次导入不会改变档案/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^确认导入/ })).toBeDisabled();
});
