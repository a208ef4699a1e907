import { test, expect, shot } from './fixtures';
import type { Locator, Page } from '@playwright/test';

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('logs a complaint, refuses closing it without a result, and raises a problem from it', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  await app.api('schools.save', { fields: { fullName: '白沙镇中心小学', type: '小学', nature: '公办' } });
  await app.api('complaints.save', { fields: { receivedAt: '2025-09-20 10:00', channel: '网络', topic: '周边环境', content: '校门口流动摊贩占道经营' } });

  await page.goto(`${app.url}#/complaints`);
  await expect(page.getByRole('table', { name: '来访来电列表' })).toContainText('校门口流动摊贩占道经营');

  await page.getByRole('button', { name: '登记来访来电' }).click();
  const form = page.getByRole('dialog');
  // The date typed as people write it, the time in 24 hours (components/DateFields.tsx).
  await form.getByRole('textbox', { name: '日期时间（日期）' }).fill('2025.10.9');
  await form.getByRole('spinbutton', { name: '日期时间（时）' }).fill('09');
  await form.getByRole('spinbutton', { name: '日期时间（分）' }).fill('30');
  await pick(page, form, '方式', '来访');
  await form.getByLabel('来访人').fill('王女士');
  await pick(page, form, '身份', '学生家长');
  await form.getByLabel('电话').fill('13800001111');
  await pick(page, form, '主题', '入学');
  await form.getByRole('combobox', { name: '反映学校' }).fill('城关');
  await page.getByRole('option', { name: '城关第一小学' }).click();
  await form.getByLabel('反映内容').fill('孩子户籍在学区内却未被学校录取，要求说明原因');
  await form.getByLabel('记录人').fill('李华');
  // 已办结 needs a 处理结果: the archive refuses and the form says so at the field.
  await pick(page, form, '状态', '已办结');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('「处理结果」办结前请填写处理结果')).toBeVisible();
  await pick(page, form, '状态', '处理中');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  // The detail page shows every field.
  await expect(page.getByRole('heading', { name: '来访记录' })).toBeVisible();
  await expect(page.getByText('2025-10-09 09:30')).toBeVisible();
  await expect(page.getByText('王女士')).toBeVisible();
  await expect(page.getByRole('link', { name: '城关第一小学' })).toBeVisible();
  await expect(page.getByText('由此提出的问题（0）')).toBeVisible();

  // Raise a problem: school, category and description come from the complaint.
  await page.getByRole('button', { name: '提出问题' }).click();
  const raise = page.getByRole('dialog', { name: '由来访来电提出问题' });
  await expect(raise.getByRole('combobox', { name: '学校', exact: true })).toHaveValue('城关第一小学');
  await expect(raise.getByRole('combobox', { name: '问题类别' })).toHaveValue('招生、收费、择校情况');
  await raise.getByLabel('问题描述').fill('学校招生信息公开不到位，未向家长说明录取规则');
  await raise.getByLabel('整改期限').fill('2025-11-10');
  await shot(page, 'complaints-raise-problem');
  await raise.getByRole('button', { name: '提出问题' }).click();
  await expect(raise).toBeHidden();
  await expect(page.getByText('由此提出的问题（1）')).toBeVisible();
  const problems = page.getByRole('table', { name: '由此提出的问题' });
  await expect(problems).toContainText('学校招生信息公开不到位');
  await expect(problems).toContainText('待整改');
  await shot(page, 'complaints-detail');

  const ledger = await app.api<{ total: number; rows: { source: string; schoolId: number; raisedAt: string }[] }>('problems.list', { source: '应访督导' });
  expect(ledger.total).toBe(1);
  expect(ledger.rows[0]).toMatchObject({ schoolId: school.id, raisedAt: '2025-10-09' });

  // Back in the list: filters narrow it, the new entry shows its problem count.
  await page.getByRole('link', { name: '返回应访督导' }).click();
  await expect(page.getByText('共 2 条')).toBeVisible();
  await pick(page, page.locator('main'), '主题', '入学');
  await expect(page.getByText('共 1 条（已按条件筛选）')).toBeVisible();
  await expect(page).toHaveURL(/topic=%E5%85%A5%E5%AD%A6/);
  await shot(page, 'complaints-list');
  await page.getByRole('button', { name: '清除条件' }).click();
  await page.getByLabel('搜索', { exact: true }).fill('摊贩');
  await expect(page.getByText('共 1 条（已按条件筛选）')).toBeVisible();
  await expect(page.getByRole('table', { name: '来访来电列表' })).toContainText('校门口流动摊贩占道经营');
});
