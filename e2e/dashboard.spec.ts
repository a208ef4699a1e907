import JSZip from 'jszip';
import fs from 'node:fs';
import { test, expect, shot } from './fixtures';

const EIGHT = ['校务管理和制度执行情况', '招生、收费、择校情况', '课程开设和课堂教学情况', '学生学习、体育锻炼和课业负担情况',
  '教师师德和专业发展情况', '校园及周边安全情况，学生交通安全情况', '食堂、食品、饮水及宿舍卫生情况', '校风、教风、学风建设情况'];

function today(): { date: string; month: string; year: number; monthNo: number } {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  const month = `${d.getFullYear()}-${p(d.getMonth() + 1)}`;
  return { date: `${month}-${p(d.getDate())}`, month, year: d.getFullYear(), monthNo: d.getMonth() + 1 };
}

test('the dashboard counts this month and every number opens its records', async ({ page, app }) => {
  const t = today();
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const zone = await app.api<{ id: number }>('zones.save', { fields: { name: '第一责任区' } });
  const school = (fullName: string, zoneId?: number) =>
    app.api<{ id: number }>('schools.save', { fields: { fullName, type: '小学', nature: '公办', zoneId } });
  const a = await school('城关第一小学', zone.id);
  const b = await school('城关第二小学', zone.id);
  const c = await school('白沙镇中心小学');
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  const li = await app.api<{ id: number }>('supervisors.save', { fields: { name: '李华', category: '兼职督学' } });
  const visit = (schoolId: number, supervisorIds: number[], newProblems: { category: string; description: string }[] = []) =>
    app.api('visits.save', { fields: { schoolId, date: t.date, supervisorIds, type: '经常性' }, newProblems });
  await visit(a.id, [zhang.id, li.id], [{ category: EIGHT[5], description: '校门口缺少减速带' }, { category: EIGHT[6], description: '食堂留样记录不全' }]);
  await visit(c.id, [li.id], [{ category: EIGHT[5], description: '消防通道堆放杂物' }]);
  await visit(c.id, [li.id]);
  const complaint = (topic: string, schoolId: number | null, content: string) =>
    app.api('complaints.save', { fields: { receivedAt: `${t.date} 09:00`, channel: '来电', topic, schoolId, content } });
  await complaint('管理', a.id, '反映午休管理不到位');
  await complaint('管理', c.id, '反映放学时间过早');
  await complaint('师德', null, '反映教师有偿补课');
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { title: '本学年行事历', periodKind: '自然年', startMonth: `${t.year}-01`, endMonth: `${t.year}-12` } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: t.month, content: '召开月度督学工作例会', category: '会议', lead: '张明' } });

  await page.goto(app.url);
  await expect(page).toHaveURL(/#\/dashboard/);
  await expect(page.getByRole('link', { name: '已督导学校 2 所' })).toHaveText('2');
  await expect(page.getByRole('link', { name: '学校总数 3 所' })).toHaveText('3');
  await expect(page.getByRole('link', { name: '督导记录 3 次' })).toBeVisible();
  await expect(page.getByRole('link', { name: '本月提出问题 3 个' })).toBeVisible();
  await expect(page.getByRole('link', { name: '本月提出已销号 0 个' })).toBeVisible();
  await expect(page.getByLabel('本月销号 0 个')).toBeVisible();
  await expect(page.getByRole('link', { name: '来访来电 3 件' })).toBeVisible();
  await expect(page.getByText('尚未督导的学校（1所）')).toBeVisible();
  await expect(page.getByRole('table', { name: '行事历事项' })).toContainText('1.召开月度督学工作例会');
  // The charts draw the same numbers.
  await expect(page.locator('.recharts-bar-rectangle')).toHaveCount(2 + 2);
  await expect(page.locator('.recharts-pie-sector')).toHaveCount(2);
  await shot(page, 'dashboard');

  // The month's statistics report: its title says the month, its text and charts count what the page shows.
  const report = async (button: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
    return { name: download.suggestedFilename(), text: xml.replace(/<[^>]+>/g, ''), charts };
  };
  const month = await report(`导出${t.monthNo}月统计报告`);
  expect(month.name).toBe(`××区人民政府教育督导室${t.year}年${t.monthNo}月教育督导工作统计报告.docx`);
  expect(month.text).toContain(`${t.year}年${t.monthNo}月，共开展督导3次，督导学校2所`);
  expect(month.text).toContain(`${t.year}年${t.monthNo}月督导发现问题3个，其中已销号0个`);
  expect(month.charts).toHaveLength(3);

  // A number opens the list with the same filters.
  await page.getByRole('link', { name: '来访来电 3 件' }).click();
  await expect(page).toHaveURL(new RegExp(`#/complaints\\?month=${t.month}$`));
  await expect(page.getByText('共 3 条（已按条件筛选）')).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: '督导记录 3 次' }).click();
  await expect(page).toHaveURL(new RegExp(`#/visits\\?month=${t.month}$`));
  await page.goBack();
  await page.getByRole('link', { name: '本月提出问题 3 个' }).click();
  await expect(page).toHaveURL(new RegExp(`#/problems\\?month=${t.month}&carry=none$`)); // the month's own, not those carried into it
  await page.goBack();
  // A chart bar goes to its records too: 李华's visits.
  await page.locator('.recharts-bar-rectangle').first().click();
  await expect(page).toHaveURL(new RegExp(`#/visits\\?month=${t.month}&supervisorId=${li.id}$`));
  await page.goBack();
  // The calendar item opens in its calendar.
  await page.getByRole('link', { name: '1.召开月度督学工作例会' }).click();
  await expect(page).toHaveURL(new RegExp(`#/calendar\\?id=${cal.id}&month=${t.month}&item=\\d+$`));
  await expect(page.getByRole('row', { name: `${t.monthNo}月第1项` })).toContainText('召开月度督学工作例会');
  await page.goBack();

  // One zone narrows every number; the school not yet visited links to its page.
  await page.getByRole('combobox', { name: '责任区' }).click();
  await page.getByRole('option', { name: '第一责任区' }).click();
  await expect(page.getByRole('link', { name: '已督导学校 1 所' })).toBeVisible();
  await expect(page.getByRole('link', { name: '学校总数 2 所' })).toBeVisible();
  await expect(page.getByRole('link', { name: '来访来电 1 件' })).toBeVisible();
  await shot(page, 'dashboard-zone');
  const zoned = await report(`导出${t.monthNo}月统计报告`);
  expect(zoned.name).toBe(`××区人民政府教育督导室${t.year}年${t.monthNo}月教育督导工作统计报告（第一责任区）.docx`);
  expect(zoned.text).toContain('共开展督导1次，督导学校1所');
  await page.getByRole('link', { name: '城关第二小学' }).click();
  await expect(page).toHaveURL(new RegExp(`#/schools/${b.id}$`));

  // The whole year.
  await page.goto(`${app.url}#/dashboard?year=${t.year}&month=`);
  await expect(page.getByText(`统计范围：${t.year}年全年`)).toBeVisible();
  await expect(page.getByRole('link', { name: '督导记录 3 次' })).toHaveAttribute('href', `#/visits?year=${t.year}`);
});
