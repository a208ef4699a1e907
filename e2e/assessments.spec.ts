import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { test, expect, shot, type AppServer } from './fixtures';
import { paragraphs, readDocx, textOf } from '../electron/testing/read-docx';

async function clickAndDownload(page: Page, name: string | RegExp): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: typeof name === 'string' }).click()]);
  return download;
}

/** Two supervisors listed at schools, with 2025's visits (one school missed in May) and a meeting. */
async function county(app: AppServer) {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const s1 = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  const s2 = await app.api<{ id: number }>('schools.save', { fields: { fullName: '白沙镇中心小学', type: '小学', nature: '公办' } });
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '兼职督学' } });
  const li = await app.api<{ id: number }>('supervisors.save', { fields: { name: '李芳', category: '兼职督学' } });
  await app.api('assignments.save', { schoolId: s1.id, supervisorId: zhang.id, role: '责任督学' });
  await app.api('assignments.save', { schoolId: s2.id, supervisorId: li.id, role: '责任督学' });
  for (const m of ['03', '04', '05', '06', '09', '10', '11', '12']) {
    await app.api('visits.save', { fields: { schoolId: s1.id, date: `2025-${m}-10`, supervisorIds: [zhang.id], type: '经常性', narrative: '督导。' } });
    if (m !== '05') await app.api('visits.save', { fields: { schoolId: s2.id, date: `2025-${m}-12`, supervisorIds: [li.id], type: '经常性', narrative: '督导。' } });
  }
  await app.api('trainings.save', { fields: { kind: '会议', date: '2025-06-18', topic: '督学工作会议', hours: 2,
    attendance: [{ supervisorId: zhang.id, status: '出席' }, { supervisorId: li.id, status: '缺席' }] } });
  return { zhang: zhang.id, li: li.id };
}

test('督学考核: the 考核办法 edited, a year computed from the archive, adjusted with a reason, finished into the 履历, exported', async ({ page, app }) => {
  const ids = await county(app);
  await page.goto(app.url);
  await page.getByRole('link', { name: '督学考核' }).click();
  await expect(page.getByRole('heading', { name: '督学考核' })).toBeVisible();

  // The 考核办法: 撰写案例和文章 down to 5 points, 优秀 from 85.
  await page.getByRole('tab', { name: '考核办法' }).click();
  const writing = page.getByLabel('考核项目5');
  await expect(writing.getByRole('textbox', { name: '考核项目' })).toHaveValue('撰写案例和文章');
  await writing.getByRole('textbox', { name: '分值' }).fill('5');
  await page.getByRole('textbox', { name: '优秀（分以上）' }).fill('85');
  await expect(page.getByText('考核项目满分合计：90分')).toBeVisible();
  await shot(page, 'assessment-scheme');
  await page.getByRole('button', { name: '保存考核办法' }).click();
  await expect(page.getByText('已保存考核办法')).toBeVisible();

  // Compute 2025.
  await page.getByRole('tab', { name: '年度考核' }).click();
  await page.getByRole('combobox', { name: '考核年度' }).click();
  await page.getByRole('option', { name: '2025', exact: true }).click();
  await page.getByRole('button', { name: '计算2025年度考核' }).click();
  await expect(page.getByRole('heading', { name: '2025年度督学考核' })).toBeVisible();
  const table = page.getByRole('table', { name: '考核结果' });
  // 张明: every month 40, records entered today (late) 0, no problems 15, present 15, no pieces 0 → 70.
  // 李芳: 7 of 8 months 35, 0, 15, absent 0, 0 → 50.
  await expect(table.getByRole('row').nth(1)).toContainText('张明');
  await expect(table.getByRole('row').nth(1)).toContainText('70');
  await expect(table.getByRole('row').nth(2)).toContainText('李芳');
  await expect(table.getByRole('row').nth(2)).toContainText('50');

  // An adjustment needs a reason, and stays within the item's range.
  await page.getByRole('button', { name: '李芳「扣分项」得分0分' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: '调整分值' }).fill('-2');
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await expect(dialog.getByText('必须填写调整理由')).toBeVisible();
  await dialog.getByRole('textbox', { name: '调整理由' }).fill('无故缺席6月督学工作会议');
  await shot(page, 'assessment-adjust');
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: '李芳「扣分项」得分-2分' })).toBeVisible();
  await expect(table.getByRole('row').nth(2)).toContainText('48');
  await expect(table.getByRole('row').nth(2)).toContainText('不合格');
  await shot(page, 'assessment-table');

  // Exports: the 汇总表 in Excel and Word, everyone's 考核表.
  const xlsx = await clickAndDownload(page, '汇总表Excel');
  expect(xlsx.suggestedFilename()).toBe('××区人民政府教育督导室2025年度督学考核结果汇总表.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
  expect(wb.worksheets[0].getRow(4).values).toEqual([undefined, 2, '李芳', '兼职督学', 35, 0, 15, 0, 0, -2, 48, '不合格', '扣分项−2分：无故缺席6月督学工作会议']);
  const summary = await clickAndDownload(page, '汇总表Word');
  expect(summary.suggestedFilename()).toBe('××区人民政府教育督导室2025年度督学考核结果汇总表.docx');
  const sheets = await clickAndDownload(page, '全部考核表');
  const text = paragraphs((await readDocx(fs.readFileSync(await sheets.path()))).document).map(textOf);
  expect(text.filter((t) => t === '2025年度责任督学考核表')).toHaveLength(2);
  expect(text).toContain('调整−2分：无故缺席6月督学工作会议');

  // Finish: the result goes into each supervisor's 履历.
  await page.getByRole('button', { name: '完成考核' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '完成考核' }).click();
  await expect(page.getByText('已完成', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
  await page.goto(`${app.url}#/supervisors/${ids.li}`);
  await page.getByRole('tab', { name: '履历' }).click();
  await expect(page.getByText('2025年度考核：不合格')).toBeVisible();
  await expect(page.getByText('总分48分，第2名（共2人）')).toBeVisible();
  await shot(page, 'assessment-history');
});

test('首页: each supervisor\'s workload, attendance and open follow-ups, linking to their records', async ({ page, app }) => {
  const ids = await county(app);
  const school = (await app.api<{ rows: { id: number }[] }>('schools.list', { q: '城关第一小学' })).rows[0].id;
  await app.api('visits.save', { fields: { schoolId: school, date: '2025-12-20', supervisorIds: [ids.zhang], type: '回查', narrative: '回查。' },
    newProblems: [{ category: '其他', description: '消防通道堆放杂物', deadline: '2025-12-31' }] });
  await page.goto(`${app.url}#/dashboard?year=2025&month=`);
  const table = page.getByRole('table', { name: '督学工作量' });
  const zhang = table.getByRole('row').filter({ hasText: '张明' });
  await expect(zhang).toContainText('1 / 1'); // schools listed, visited
  await expect(zhang).toContainText('9'); // visits in 2025
  await expect(zhang).toContainText('1（逾期1）');
  await expect(table.getByRole('row').filter({ hasText: '李芳' })).toContainText('0 / 1'); // attendance: absent
  await table.scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-workload');
  await zhang.getByRole('link', { name: '张明' }).click();
  await expect(page).toHaveURL(new RegExp(`supervisorId=${ids.zhang}`));
  await expect(page.getByRole('heading', { name: '督导时间线：张明' })).toBeVisible();
});
