import { test, expect, shot } from './fixtures';
import type { Locator, Page } from '@playwright/test';

// A real 8×8 red PNG, so the browser's image decoder and resizeImage have something to work on.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=',
  'base64',
);
const CANTEEN = '食堂、食品、饮水及宿舍卫生情况';

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('records a visit with photos and a raised problem, then finds it by filter and on the timeline', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  const other = await app.api<{ id: number }>('schools.save', { fields: { fullName: '白沙镇中心小学', type: '小学', nature: '公办' } });
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  await app.api('supervisors.save', { fields: { name: '李芳', category: '兼职督学' } });
  await app.api('assignments.save', { schoolId: school.id, supervisorId: zhang.id, role: '责任督学' });
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { title: '2025学年行事历', periodKind: '学年', startMonth: '2025-09', endMonth: '2026-07' } });
  await app.api('calendars.setTheme', { calendarId: cal.id, month: '2025-10', theme: '学校思政课开设情况' });
  await app.api('visits.save', { fields: { schoolId: other.id, date: '2025-10-20', supervisorIds: [zhang.id], type: '经常性', narrative: '检查了校园安全。' } });

  await page.goto(`${app.url}#/visits`);
  await expect(page.getByRole('table', { name: '督导记录列表' })).toContainText('白沙镇中心小学');
  await page.getByRole('button', { name: '新增督导记录' }).click();
  await expect(page.getByRole('heading', { name: '新增督导记录' })).toBeVisible();

  const main = page.locator('main');
  await pick(page, main, '学校', '城关第一小学');
  // The school's 责任督学 is filled in; add a second supervisor.
  await expect(main.getByText('张明')).toBeVisible();
  await main.getByLabel('督导日期').fill('2025-10-15');
  await expect(main.getByText('本月主题（行事历）：学校思政课开设情况')).toBeVisible();
  await main.getByRole('combobox', { name: '督学', exact: true }).click();
  await page.getByRole('option', { name: '李芳' }).click();
  await main.getByText('专项', { exact: true }).click();
  await main.getByRole('checkbox', { name: '查阅资料' }).check();
  await main.getByRole('checkbox', { name: '座谈走访' }).check();
  await main.getByRole('checkbox', { name: CANTEEN }).check();
  await main.getByLabel('督导纪实').fill('督学一行检查了食堂后厨、食品留样记录和从业人员健康证。');
  await main.getByLabel('亮点').fill('食堂实行明厨亮灶，操作规范。');
  await main.getByLabel('现场反馈').fill('要求学校补齐食品留样记录。');
  await main.locator('input[type="file"]').setInputFiles([
    { name: '食堂.png', mimeType: 'image/png', buffer: PNG },
    { name: '反馈单.txt', mimeType: 'text/plain', buffer: Buffer.from('现场反馈单') },
  ]);
  await expect(main.getByRole('img', { name: '食堂.jpg' })).toBeVisible();
  await expect(main.getByRole('button', { name: '反馈单.txt', exact: true })).toBeVisible();

  await main.getByRole('button', { name: '添加问题' }).click();
  await expect(main.getByRole('combobox', { name: '问题1 类别' })).toHaveValue(CANTEEN);
  await main.getByLabel('问题描述').fill('食品留样记录不完整，部分留样量不足125克。');
  await main.getByLabel('整改期限').fill('2025-11-15');
  await shot(page, 'visits-form');
  await main.getByRole('button', { name: '保存督导记录' }).click();

  // The record: every field, the photo, the file and the problem raised from it.
  await expect(page.getByRole('heading', { name: '城关第一小学 · 2025-10-15' })).toBeVisible();
  await expect(main.getByText('专项督导')).toBeVisible();
  // The month's theme (一月一主题) is for 经常性 visits: this 专项 one, saved without a theme, has none.
  await expect(main.getByText('学校思政课开设情况')).toHaveCount(0);
  await expect(main.getByRole('link', { name: '李芳' })).toBeVisible();
  await expect(main.getByText('巡视校园、查阅资料、座谈走访')).toBeVisible();
  await expect(main.getByText('要求学校补齐食品留样记录。')).toBeVisible();
  await expect(main.getByRole('img', { name: '食堂.jpg' })).toHaveAttribute('src', /^blob:/); // fetched once from GET /files, never inside JSON
  const raised = main.getByRole('table', { name: '提出的问题' });
  await expect(raised).toContainText('食品留样记录不完整');
  await expect(raised).toContainText('待整改');
  await shot(page, 'visits-detail');

  // The list, filtered by 督导事项 and 类型 (kept in the URL).
  await page.getByRole('link', { name: '督导记录' }).click();
  await expect(page.getByText('共 2 条')).toBeVisible();
  await pick(page, main, '督导事项', CANTEEN);
  await pick(page, main, '类型', '专项');
  await expect(page.getByText('共 1 条（已按条件筛选）')).toBeVisible();
  await expect(page).toHaveURL(/type=%E4%B8%93%E9%A1%B9/);
  const list = page.getByRole('table', { name: '督导记录列表' });
  await expect(list).toContainText('城关第一小学');
  await expect(list).not.toContainText('白沙镇中心小学');
  await shot(page, 'visits-list');
  await page.getByRole('button', { name: '清除条件' }).click();
  await main.getByLabel('搜索', { exact: true }).fill('健康证');
  await expect(page.getByText('共 1 条（已按条件筛选）')).toBeVisible();

  // A supervisor's timeline, as the school and supervisor pages link to it.
  await page.goto(`${app.url}#/visits?supervisorId=${zhang.id}`);
  await expect(page.getByRole('heading', { name: '督导时间线：张明' })).toBeVisible();
  await expect(main.getByRole('link', { name: '2025-10-20 白沙镇中心小学' })).toBeVisible();
  await expect(main.getByRole('link', { name: '2025-10-15 城关第一小学' })).toBeVisible();
  await expect(main.getByText('2025年10月')).toBeVisible();
  await shot(page, 'visits-timeline');

  const problems = await app.api<{ total: number; rows: { source: string; visitId: number; raisedAt: string }[] }>('problems.list', { schoolId: school.id });
  expect(problems.total).toBe(1);
  expect(problems.rows[0]).toMatchObject({ source: '督导记录', raisedAt: '2025-10-15' });
});

test('the list is one long virtual table: rows far down render with data, rows open by keyboard', async ({ page, demoApp: app }) => {
  type Row = { id: number; date: string; schoolName: string };
  const newest = await app.api<{ total: number; rows: Row[] }>('visits.list', { limit: 1 });
  const total = newest.total;
  expect(total).toBeGreaterThan(200);
  const oldest = (await app.api<{ rows: Row[] }>('visits.list', { dir: 'asc', limit: 1 })).rows[0];
  const middle = (await app.api<{ rows: Row[] }>('visits.list', { offset: 150, limit: 1 })).rows[0];

  await page.goto(`${app.url}#/visits`);
  const main = page.locator('main');
  const list = page.getByRole('table', { name: '督导记录列表' });
  await expect(main.getByText(`共 ${total} 条`)).toBeVisible();
  await expect(list).toHaveAttribute('aria-rowcount', String(total + 1));
  const rowAt = (i: number) => list.locator(`[role="row"][aria-rowindex="${i + 2}"]`);
  await expect(rowAt(0)).toContainText(newest.rows[0].date);
  // Only the rows in view (plus a few) are in the page, not all of them.
  expect(await list.locator('[data-index]').count()).toBeLessThan(80);

  // Scroll to the middle, then to the very end: the rows there arrive with their data.
  await list.evaluate((el, y) => { el.scrollTop = y; }, 150 * 48);
  await expect(rowAt(150)).toContainText(`${middle.date}${middle.schoolName}`);
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = rowAt(total - 1);
  await expect(last).toContainText(oldest.date);
  await expect(last).toContainText(oldest.schoolName);
  await expect(list.locator('[data-placeholder]')).toHaveCount(0);
  expect(await list.locator('[data-index]').count()).toBeLessThan(80);
  await shot(page, 'visits-list-scrolled');

  // The keyboard: a row takes focus, the arrow keys move between rows, Enter opens the record.
  await last.focus();
  await page.keyboard.press('ArrowUp');
  await expect(rowAt(total - 2)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/visits/${oldest.id}$`));
  await expect(page.getByRole('heading', { name: `${oldest.schoolName} · ${oldest.date}` })).toBeVisible();
  // Back to the list: it is where it was left.
  await page.goBack();
  await expect(rowAt(total - 1)).toContainText(oldest.schoolName);

  // Sorting by school starts over at the top with the first school by name.
  await list.getByRole('button', { name: '学校' }).click();
  await expect(page).toHaveURL(/sort=school&dir=asc/);
  const first = (await app.api<{ rows: Row[] }>('visits.list', { sort: 'school', dir: 'asc', limit: 1 })).rows[0];
  await expect(rowAt(0)).toContainText(first.schoolName);
  await expect(list).toHaveJSProperty('scrollTop', 0);
});
