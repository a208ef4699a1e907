import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect, shot, type AppServer } from './fixtures';
import { paragraphs, readDocx, textOf } from '../electron/testing/read-docx';

async function clickAndDownload(page: Page, name: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return download;
}

async function docText(d: Download): Promise<string[]> {
  return paragraphs((await readDocx(fs.readFileSync(await d.path()))).document).map(textOf).filter(Boolean);
}

async function people(app: AppServer) {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  for (const [name, category] of [['张明', '兼职督学'], ['李芳', '兼职督学'], ['王强', '专职督学']]) {
    await app.api('supervisors.save', { fields: { name, category, unit: `${name}所在学校` } });
  }
}

test('培训会议: a meeting with attendance per supervisor, its 签到表 and 纪要, and each supervisor\'s 学时', async ({ page, app }) => {
  await people(app);
  await page.goto(app.url);
  await page.getByRole('link', { name: '培训会议' }).click();
  await expect(page.getByRole('heading', { name: '培训会议' })).toBeVisible();
  await page.getByRole('button', { name: '登记培训或会议' }).click();

  await page.getByRole('textbox', { name: '日期' }).fill('2025-11-20');
  await page.getByRole('textbox', { name: '日期' }).blur();
  await page.getByRole('textbox', { name: '主题' }).fill('2025年第二次督学工作会议');
  await page.getByRole('textbox', { name: '地点' }).fill('区教育局三楼会议室');
  await page.getByRole('textbox', { name: '学时' }).fill('2');
  await page.getByRole('button', { name: '添加全部在聘督学' }).click();
  const table = page.getByRole('table', { name: '参加人员' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: '未登记的记为出席' }).click();
  await page.getByRole('radiogroup', { name: '李芳的出勤情况' }).getByText('请假').click();
  await page.getByRole('textbox', { name: '李芳的出勤说明' }).fill('外出学习');
  await page.getByRole('radiogroup', { name: '王强的出勤情况' }).getByText('缺席').click();
  await page.getByRole('textbox', { name: '会议纪要' }).fill('一、通报上月督导工作情况。\n二、部署下月重点工作。');
  await shot(page, 'training-form');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '会议：2025年第二次督学工作会议' })).toBeVisible();
  await expect(page.getByText('出席 1', { exact: true })).toBeVisible();

  const sign = await clickAndDownload(page, '签到表');
  expect(sign.suggestedFilename()).toBe('2025年11月20日2025年第二次督学工作会议签到表.docx');
  expect(await docText(sign)).toEqual(expect.arrayContaining(['2025年第二次督学工作会议签到表', '张明', '李芳', '王强']));
  const minutes = await clickAndDownload(page, '会议纪要');
  expect(await docText(minutes)).toEqual(expect.arrayContaining(['2025年第二次督学工作会议纪要', '出席：张明（共1人）', '请假：李芳（外出学习）',
    '缺席：王强', '一、通报上月督导工作情况。', '二、部署下月重点工作。']));

  // The list, and the year's 学时: hours count when present.
  await page.getByRole('button', { name: '返回培训会议列表' }).click();
  await expect(page.getByRole('table', { name: '培训和会议' })).toContainText('2025年第二次督学工作会议');
  await shot(page, 'training-list');
  await page.getByRole('tab', { name: '学时统计' }).click();
  const hours = page.getByRole('table', { name: '学时统计' });
  await expect(hours.getByRole('row').filter({ hasText: '张明' })).toContainText('2');
  await expect(hours.getByRole('row').filter({ hasText: '王强' })).toContainText('1');
  await shot(page, 'training-hours');
  const h = await app.api<{ name: string; present: number; meetingHours: number }[]>('trainings.hours', { year: 2025 });
  expect(h.map((x) => [x.name, x.present, x.meetingHours])).toEqual([['李芳', 0, 0], ['王强', 0, 0], ['张明', 1, 2]]);
});

test('培训会议: attendance waits for the event, and a plan is kept as a document', async ({ page, app }) => {
  await people(app);
  const next = `${new Date().getFullYear() + 1}-03-10`;
  await page.goto(`${app.url}#/trainings/new`);
  await page.getByRole('textbox', { name: '日期' }).fill(next);
  await page.getByRole('textbox', { name: '日期' }).blur();
  await page.getByRole('textbox', { name: '主题' }).fill('新学期督导业务培训');
  await page.getByRole('button', { name: '添加全部在聘督学' }).click();
  await expect(page.getByText('现在选择参加人员、打印签到表，活动之后再登记出勤情况')).toBeVisible();
  await expect(page.getByRole('button', { name: '未登记的记为出席' })).toBeDisabled();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('未登记 3')).toBeVisible();

  await page.goto(`${app.url}#/trainings/plans`);
  await page.getByRole('button', { name: '新建培训规划' }).click();
  await page.getByRole('textbox', { name: '标题' }).fill('督学队伍建设五年规划');
  await page.getByRole('textbox', { name: '规划期' }).fill('2026—2030年');
  await page.getByRole('textbox', { name: '正文' }).fill('每名督学每年参加培训不少于24学时。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '督学队伍建设五年规划' })).toBeVisible();
  const doc = await clickAndDownload(page, '导出Word');
  expect(await docText(doc)).toEqual(['督学队伍建设五年规划', '（2026—2030年）', '每名督学每年参加培训不少于24学时。']);
  await shot(page, 'training-plan');
});
