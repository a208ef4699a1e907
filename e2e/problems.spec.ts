import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { test, expect, shot } from './fixtures';

const CANTEEN = '食堂、食品、饮水及宿舍卫生情况';
const SAFETY = '校园及周边安全情况，学生交通安全情况';

/** 'YYYY-MM-DD' `n` days from today (local time). */
function day(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

test('issues a notice, records the report, a failing then a passing 回查, and exports the 台账', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  const other = await app.api<{ id: number }>('schools.save', { fields: { fullName: '白沙镇中心小学', type: '小学', nature: '公办' } });
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  await app.api('visits.save', {
    fields: { schoolId: school.id, date: day(-10), supervisorIds: [zhang.id], type: '经常性', items: [CANTEEN, SAFETY] },
    newProblems: [
      { category: CANTEEN, description: '食品留样记录不完整' },
      { category: SAFETY, description: '消防通道堆放杂物' },
    ],
  });
  // Another school's problem, past its deadline: red in the 台账.
  const campaign = await app.api<{ id: number }>('campaigns.save', { fields: {
    name: '校园安全', startDate: day(-30), endDate: day(30), scopeKind: '全部学校', checklistKind: '八项事项', checklist: [SAFETY],
  } });
  await app.api('problems.save', { fields: { source: '专项督导', campaignId: campaign.id, schoolId: other.id, category: SAFETY, description: '监控存在盲区', deadline: day(-2) } });

  await page.goto(`${app.url}#/problems`);
  const ledger = page.getByRole('table', { name: '问题台账' });
  await expect(ledger).toContainText('食品留样记录不完整');
  const late = ledger.getByRole('row').filter({ hasText: '监控存在盲区' });
  await expect(late).toHaveAttribute('data-overdue', 'true');
  await expect(late.getByText('逾期')).toBeVisible();
  await shot(page, 'problems-ledger');

  // 开具整改通知书 for both problems of one school.
  await page.getByRole('button', { name: '开具整改通知书' }).click();
  const issue = page.getByRole('dialog', { name: '开具整改通知书' });
  await issue.getByRole('combobox', { name: '学校', exact: true }).click();
  await page.getByRole('option', { name: '城关第一小学' }).click();
  await expect(issue.getByText('监控存在盲区')).toHaveCount(0);
  await issue.getByRole('checkbox', { name: /食品留样记录不完整/ }).check();
  await issue.getByRole('checkbox', { name: /消防通道堆放杂物/ }).check();
  await issue.getByLabel('下发日期').fill(day(-8));
  await issue.getByLabel('整改期限（天）').fill('20');
  await expect(issue.getByLabel('整改截止日期')).toHaveValue(day(12));
  await shot(page, 'problems-issue-notice');
  await issue.getByRole('button', { name: '开具通知书' }).click();
  await expect(issue).toBeHidden();

  const year = day(-8).slice(0, 4);
  await expect(page.getByRole('heading', { name: `整改通知书 〔${year}〕第1号` })).toBeVisible();
  const listed = page.getByRole('table', { name: '通知书所列问题' });
  await expect(listed.getByText('整改中')).toHaveCount(2);
  await expect(page.getByText('登记学校的整改报告后，才能登记回查。')).toBeVisible();

  // The school's report: problems wait for 回查.
  await page.getByLabel('报告日期').fill(day(-3));
  await page.getByLabel('整改报告').fill('已补齐留样记录，已清理消防通道。');
  await page.locator('input[type="file"]').setInputFiles({ name: '整改报告.txt', mimeType: 'text/plain', buffer: Buffer.from('整改报告正文') });
  await expect(page.getByRole('button', { name: '整改报告.txt', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '登记整改报告' }).click();
  await expect(listed.getByText('待回查')).toHaveCount(2);

  // A failing 回查 returns them (退回), a new report, then a passing one closes them.
  await page.getByRole('combobox', { name: '回查督学' }).click();
  await page.getByRole('option', { name: '张明' }).click();
  await page.getByLabel('回查日期').fill(day(-2));
  await page.getByText('未通过', { exact: true }).click();
  await page.getByLabel('回查情况').fill('消防通道仍有杂物');
  await page.getByRole('button', { name: '登记回查' }).click();
  await expect(listed.getByText('整改中')).toHaveCount(2);
  await expect(page.getByRole('table', { name: '回查记录' })).toContainText('消防通道仍有杂物');
  await expect(page.getByText('退回整改', { exact: true })).toBeVisible();

  await page.getByLabel('报告日期').fill(day(-1));
  await page.getByLabel('整改报告').fill('消防通道杂物已全部清理，设专人每日巡查。');
  await page.getByRole('button', { name: '登记整改报告' }).click();
  await expect(listed.getByText('待回查')).toHaveCount(2);
  await page.getByRole('combobox', { name: '回查督学' }).click();
  await page.getByRole('option', { name: '张明' }).click();
  await page.getByLabel('回查日期').fill(day(0));
  await page.getByRole('button', { name: '登记回查' }).click();
  await expect(listed.getByText('已销号')).toHaveCount(2);
  await expect(page.getByRole('table', { name: '回查记录' }).getByRole('row')).toHaveCount(3);
  await shot(page, 'problems-notice-detail');

  // The problem's history shows every step, 退回 included.
  await listed.getByRole('link', { name: '消防通道堆放杂物' }).click();
  const history = page.getByLabel('整改过程');
  await expect(history).toContainText(`下发整改通知书〔${year}〕第1号`);
  await expect(history).toContainText('退回：回查未通过（张明');
  await expect(history).toContainText('回查通过');
  await expect(page.getByText('问题已销号。回头看时如发现反弹，问题将重新进入整改。')).toBeVisible();
  await shot(page, 'problems-detail');

  // The overdue problem: only allowed steps are offered.
  await page.goto(`${app.url}#/problems?overdueOnly=1`);
  await expect(page.getByText('共 1 个问题（已按条件筛选）')).toBeVisible();
  await ledger.getByText('监控存在盲区').click();
  await expect(page.getByText('已逾期')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始整改' })).toBeVisible();
  await expect(page.getByRole('button', { name: /销号/ })).toHaveCount(0);
  await page.getByRole('button', { name: '开始整改' }).click();
  await expect(page.getByRole('button', { name: '已整改，待回查' })).toBeVisible();

  // The notices list and the export of the 台账 (filtered to the first school).
  await page.goto(`${app.url}#/problems/notices`);
  await expect(page.getByRole('table', { name: '整改通知书列表' })).toContainText(`〔${year}〕第1号`);
  await expect(page.getByRole('table', { name: '整改通知书列表' })).toContainText('2/2 已销号');
  await shot(page, 'problems-notices');
  await page.goto(`${app.url}#/problems?schoolId=${school.id}`);
  await expect(page.getByText('共 2 个问题（已按条件筛选）')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出台账' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^问题整改台账-\d{8}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(ws.rowCount).toBe(4);
  expect((ws.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '学校', '责任区']);
  const rows = [3, 4].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
  expect(rows.map((r) => r[6]).sort()).toEqual(['消防通道堆放杂物', '食品留样记录不完整'].sort());
  // The 销号日期 is a real date (midnight UTC) shown in the Chinese date format.
  const closed = new Date(`${day(0)}T00:00:00Z`).getTime();
  expect(rows.every((r) => r[9] === `〔${year}〕第1号` && r[11] === '已销号' && (r[13] as Date).getTime() === closed)).toBe(true);
  expect(ws.getCell(3, 14).numFmt).toBe('yyyy"年"m"月"d"日"');
});

test('the 台账 is one long virtual table: rows far down render with data, sorting starts over at the top', async ({ page, demoApp: app }) => {
  type Row = { id: number; description: string; schoolName: string; raisedAt: string };
  const ROW = 56;
  const newest = await app.api<{ total: number; rows: Row[] }>('problems.list', { limit: 1 });
  const total = newest.total;
  // More than one window of 100 rows.
  expect(total).toBeGreaterThan(110);
  const oldest = (await app.api<{ rows: Row[] }>('problems.list', { dir: 'asc', limit: 1 })).rows[0];
  const middle = (await app.api<{ rows: Row[] }>('problems.list', { offset: 105, limit: 1 })).rows[0];

  await page.goto(`${app.url}#/problems`);
  const ledger = page.getByRole('table', { name: '问题台账' });
  await expect(page.locator('main').getByText(`共 ${total} 个问题`)).toBeVisible();
  await expect(ledger).toHaveAttribute('aria-rowcount', String(total + 1));
  const rowAt = (i: number) => ledger.locator(`[role="row"][aria-rowindex="${i + 2}"]`);
  await expect(rowAt(0)).toContainText(newest.rows[0].description);
  expect(await ledger.locator('[data-index]').count()).toBeLessThan(80);

  // The middle, then the very end: the rows there arrive with their data, and only those are drawn.
  await ledger.evaluate((el, y) => { el.scrollTop = y; }, 105 * ROW);
  await expect(rowAt(105)).toContainText(middle.description);
  await expect(rowAt(105)).toContainText(middle.schoolName);
  await ledger.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = rowAt(total - 1);
  await expect(last).toContainText(oldest.raisedAt);
  await expect(last).toContainText(oldest.description);
  await expect(ledger.locator('[data-placeholder]')).toHaveCount(0);
  expect(await ledger.locator('[data-index]').count()).toBeLessThan(80);
  await shot(page, 'problems-ledger-scrolled');

  // A row opens the problem; back in the 台账 it is where it was left.
  await last.click();
  await expect(page).toHaveURL(new RegExp(`#/problems/${oldest.id}$`));
  await page.goBack();
  await expect(rowAt(total - 1)).toContainText(oldest.description);

  // Sorting by 整改期限 starts over at the top with the earliest deadline; blank deadlines come last.
  await ledger.getByRole('button', { name: '整改期限' }).click();
  await expect(page).toHaveURL(/sort=deadline&dir=asc/);
  const byDue = await app.api<{ rows: (Row & { dueDate: string | null })[] }>('problems.list', { sort: 'deadline', dir: 'asc', limit: 1 });
  await expect(rowAt(0)).toContainText(byDue.rows[0].dueDate!);
  await expect(ledger).toHaveJSProperty('scrollTop', 0);
  await ledger.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(rowAt(total - 1)).toContainText('—');
  await expect(ledger.locator('[data-placeholder]')).toHaveCount(0);
});
