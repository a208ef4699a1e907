import { test, expect, shot } from './fixtures';
import type { Page } from '@playwright/test';

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addItem(page: Page, month: string, f: { content: string; category: string; owner?: string; start?: string; end?: string }) {
  await page.getByRole('button', { name: `在${month}添加事项` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('工作内容').fill(f.content);
  await pick(page, '类别', f.category);
  if (f.owner) await dialog.getByLabel('责任人').fill(f.owner);
  if (f.start) await dialog.getByLabel('开始日期').fill(f.start);
  if (f.end) await dialog.getByLabel('结束日期').fill(f.end);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('builds a 学年 calendar with themes and items, marks one done, and copies it to the next year', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await app.api('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  await page.goto(`${app.url}#/calendar`);
  await expect(page.getByText('还没有行事历')).toBeVisible();

  // A new plan for 2025—2026.
  await page.getByRole('button', { name: '新建行事历' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('标题').fill('2025—2026学年教育督导工作行事历');
  await form.getByLabel('开始月份').fill('2025-09');
  await form.getByLabel('结束月份').fill('2025-08');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('不能早于开始月份')).toBeVisible();
  await form.getByLabel('结束月份').fill('2026-08');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('已完成 0 / 0 项')).toBeVisible();

  // 一月一主题.
  await page.getByRole('button', { name: '设置9月主题' }).click();
  await page.getByRole('textbox', { name: '9月主题' }).fill('新学期开学工作和招生入学情况');
  await page.getByRole('textbox', { name: '9月主题' }).press('Enter');
  await expect(page.getByText('主题：新学期开学工作和招生入学情况')).toBeVisible();
  await page.getByRole('button', { name: '设置10月主题' }).click();
  await page.getByRole('textbox', { name: '10月主题' }).fill('校园安全');
  await page.getByRole('button', { name: '保存主题' }).click();
  await expect(page.getByText('主题：校园安全')).toBeVisible();

  // Numbered items.
  await addItem(page, '9月', { content: '开展新学期开学工作专项督导', category: '专项', owner: '张明', start: '2025-09-01', end: '2025-09-12' });
  await addItem(page, '9月', { content: '召开月度督学工作例会', category: '会议', owner: '李华', start: '2025-09-26', end: '2025-09-26' });
  await addItem(page, '9月', { content: '更新责任督学挂牌公示牌信息', category: '其他' });
  await addItem(page, '10月', { content: '开展校园安全专项检查', category: '专项', start: '2025-10-13', end: '2025-10-24' });
  await expect(page.getByRole('row', { name: '9月第3项' })).toContainText('3. 更新责任督学挂牌公示牌信息');

  // Move the third item up: it becomes the second.
  await page.getByRole('button', { name: '上移第3项' }).click();
  await expect(page.getByRole('row', { name: '9月第2项' })).toContainText('2. 更新责任督学挂牌公示牌信息');
  await expect(page.getByRole('row', { name: '9月第3项' })).toContainText('3. 召开月度督学工作例会');

  // Mark the first one done from its status badge.
  const first = page.getByRole('row', { name: '9月第1项' });
  await first.getByRole('button', { name: /完成情况：未开始/ }).click();
  await page.getByRole('menuitem', { name: '已完成' }).click();
  await expect(first.getByRole('button', { name: /完成情况：已完成/ })).toBeVisible();
  await expect(page.getByText('已完成 1 / 4 项')).toBeVisible();
  await shot(page, 'calendar-table');

  // The month calendar shows dated items on their days, undated ones below.
  await page.getByRole('tab', { name: '月历' }).click();
  await page.getByRole('radio', { name: '9月' }).check({ force: true });
  await expect(page.getByText('2025年9月 · 主题：新学期开学工作和招生入学情况')).toBeVisible();
  await expect(page.getByText('本月未定日期的事项')).toBeVisible();
  await expect(page.getByTitle('开展新学期开学工作专项督导').first()).toBeVisible();
  await shot(page, 'calendar-grid');
  await page.getByRole('tab', { name: '按月列表' }).click();

  // Copy to next year: themes kept, months shifted, everything 未开始 again.
  await page.getByRole('button', { name: '复制为新一年' }).click();
  const copy = page.getByRole('dialog');
  await expect(copy.getByLabel('新行事历标题')).toHaveValue('2026—2027学年教育督导工作行事历');
  await expect(copy.getByText('新周期：2026年9月至2027年8月')).toBeVisible();
  await copy.getByRole('button', { name: '复制' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByRole('combobox', { name: '行事历', exact: true })).toHaveValue('2026—2027学年教育督导工作行事历');
  await expect(page.getByText('2026年9月至2027年8月')).toBeVisible();
  await expect(page.getByText('主题：校园安全')).toBeVisible();
  await expect(page.getByText('已完成 0 / 4 项')).toBeVisible();
  await expect(page.getByRole('row', { name: '9月第1项' }).getByRole('button', { name: /完成情况：未开始/ })).toBeVisible();
  await shot(page, 'calendar-copied');

  const list = await app.api<{ title: string; doneCount: number }[]>('calendars.list');
  expect(list.map((c) => [c.title, c.doneCount])).toEqual([
    ['2026—2027学年教育督导工作行事历', 0], ['2025—2026学年教育督导工作行事历', 1],
  ]);
});
