import { test, expect, shot } from './fixtures';

test('the header search finds a school and a complaint, grouped by kind, and opens them', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  await app.api('schools.save', { fields: { fullName: '白沙镇中心小学', type: '小学', nature: '公办' } });
  await app.api('supervisors.save', { fields: { name: '周城关', category: '社区督学' } });
  const complaint = await app.api<{ id: number }>('complaints.save', {
    fields: { receivedAt: '2025-10-09 09:30', channel: '来电', topic: '周边环境', schoolId: school.id, content: '城关一小门口上学时段交通拥堵' },
  });
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { title: '2025年行事历', periodKind: '自然年', startMonth: '2025-01', endMonth: '2025-12' } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: '2025-10', content: '城关片区学校交通安全专项检查', category: '专项' } });

  await page.goto(app.url);
  const box = page.getByRole('textbox', { name: '全局搜索' });

  // Two characters: LIKE over every kind.
  await box.fill('城关');
  const results = page.getByRole('list', { name: '搜索结果' });
  await expect(results.getByRole('group', { name: '督学（1）' })).toContainText('周城关');
  await expect(results.getByRole('group', { name: '学校（1）' })).toContainText('城关第一小学');
  await expect(results.getByRole('group', { name: '来访来电（1）' })).toContainText('城关一小门口上学时段交通拥堵');
  await expect(results.getByRole('group', { name: '行事历事项（1）' })).toContainText('城关片区学校交通安全专项检查');
  await shot(page, 'search-results');
  await results.getByRole('group', { name: '学校（1）' }).getByRole('listitem').click();
  await expect(page).toHaveURL(new RegExp(`#/schools/${school.id}$`));
  await expect(page.getByRole('heading', { name: '城关第一小学' })).toBeVisible();

  // Four characters: the trigram index; a complaint opens on its own page.
  await box.fill('交通拥堵');
  await expect(results.getByRole('group')).toHaveCount(1);
  await results.getByRole('listitem').filter({ hasText: '交通拥堵' }).click();
  await expect(page).toHaveURL(new RegExp(`#/complaints/${complaint.id}$`));
  await expect(page.getByRole('heading', { name: '来电记录' })).toBeVisible();
  await expect(page.locator('main').getByText('城关一小门口上学时段交通拥堵')).toBeVisible();

  // A calendar item opens in its calendar, its row marked.
  await box.fill('专项检查');
  await results.getByRole('listitem').filter({ hasText: '城关片区学校交通安全专项检查' }).click();
  await expect(page).toHaveURL(new RegExp(`#/calendar\\?id=${cal.id}&item=\\d+$`));
  await expect(page.getByRole('row', { name: '10月第1项' })).toContainText('城关片区学校交通安全专项检查');

  await box.fill('没有这样的内容');
  await expect(page.getByText('没有找到包含“没有这样的内容”的内容。')).toBeVisible();
});
