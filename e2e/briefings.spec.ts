import fs from 'node:fs';
import JSZip from 'jszip';
import { test, expect, shot, type AppServer } from './fixtures';
import type { Block } from '../shared/schemas/blocks';

interface Row { id: number; fullName?: string; name?: string; date?: string }

/**
 * A month of work to draft from: the demo archive's latest month with visits, or (while the demo has
 * no visit records yet) a month made here over the API: visits with highlights and problems, and a
 * 行事历 with this month's done items and next month's plan.
 */
async function monthOfWork(app: AppServer): Promise<string> {
  const latest = await app.api<{ rows: Row[] }>('visits.list', { limit: 1, sort: 'date', dir: 'desc' });
  if (latest.rows[0]?.date) return latest.rows[0].date.slice(0, 7);
  const schools = (await app.api<{ rows: Row[] }>('schools.list', { limit: 3 })).rows;
  const sup = (await app.api<{ rows: Row[] }>('supervisors.list', { limit: 1 })).rows[0];
  const visit = (schoolId: number, date: string, type: string, extra: object) =>
    app.api('visits.save', { fields: { schoolId, date, type, supervisorIds: [sup.id], methods: ['巡视校园'], ...extra } });
  await visit(schools[0].id, '2025-03-06', '经常性', {
    highlight: '开展“红领巾讲解员”思政实践活动',
    items: ['课程开设和课堂教学情况'],
  });
  await app.api('visits.save', {
    fields: { schoolId: schools[1].id, date: '2025-03-12', type: '专项', theme: '食品安全', supervisorIds: [sup.id], highlight: '食堂实行校领导陪餐制度' },
    newProblems: [{ category: '食堂、食品、饮水及宿舍卫生情况', description: '食品留样记录不全' }],
  });
  await visit(schools[2].id, '2025-03-20', '经常性', {});
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { title: '2025年督导工作行事历', periodKind: '自然年', startMonth: '2025-01', endMonth: '2025-12' } });
  const item = (month: string, content: string, category: string, status: string, endDate: string | null = null) =>
    app.api('calendarItems.save', { fields: { calendarId: cal.id, month, content, category, status, endDate } });
  await item('2025-03', '召开全体督学工作会议', '会议', '已完成', '2025-03-03');
  await item('2025-03', '开展食品安全专项督导', '专项', '已完成');
  await item('2025-04', '开展校园安全专项督导', '专项', '未开始');
  await item('2025-04', '组织督学业务培训', '培训', '未开始');
  return '2025-03';
}

test('drafts a briefing from the archive, edits it, issues it and saves the .docx', async ({ page, demoApp: app }) => {
  const month = await monthOfWork(app);
  const year = Number(month.slice(0, 4));
  await page.goto(`${app.url}#/briefings`);
  await expect(page.getByRole('heading', { name: '督导工作简报' })).toBeVisible();
  await page.getByLabel('简报月份').fill(month);
  await page.getByRole('button', { name: '生成草稿' }).click();

  // The proposed articles: the data paragraph first, with the month's numbers.
  const first = page.getByRole('group', { name: '第1篇文章' });
  await expect(first.getByLabel('第1篇标题')).toHaveValue(`${Number(month.slice(5))}月督导工作数据`);
  await expect(first.getByRole('textbox', { name: '第1篇正文' })).toContainText(/全区共开展督导\d+次，覆盖学校\d+所/);
  const titles = async () => page.getByRole('textbox', { name: /^第\d+篇标题$/ }).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const proposed = await titles();
  expect(proposed).toContain('亮点做法');
  expect(proposed.some((t) => /月工作安排$/.test(t))).toBe(true);
  await shot(page, 'briefings-proposed');

  // Edit, reorder, drop, add.
  await page.getByLabel('第2篇标题').fill('本月工作动态（修改）');
  await page.getByRole('button', { name: '上移第2篇' }).click();
  expect((await titles())[0]).toBe('本月工作动态（修改）');
  const last = proposed.length;
  await page.getByRole('button', { name: `删去第${last}篇` }).click();
  await page.getByRole('button', { name: '添加文章' }).click();
  await page.getByLabel(`第${last}篇标题`).fill('督导室召开专题会议');
  // The new article's body is written in the rich-text editor: a heading, a paragraph with bold, a list.
  const added = page.getByRole('group', { name: `第${last}篇文章` });
  const body = added.getByRole('textbox', { name: `第${last}篇正文` });
  await body.click();
  await added.getByRole('button', { name: '一级标题（一、）' }).click();
  await page.keyboard.type('一、会议内容');
  await page.keyboard.press('Enter');
  await page.keyboard.type('会议传达了');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('上级文件精神');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('。');
  await page.keyboard.press('Enter');
  await added.getByRole('button', { name: '编号列表' }).click();
  await page.keyboard.type('部署下月工作');
  await page.keyboard.press('Enter');
  await page.keyboard.type('交流督导经验');
  await expect(body.locator('h1')).toHaveText('一、会议内容');
  await expect(body.locator('strong')).toHaveText('上级文件精神');
  await expect(page.getByText('有未保存的修改')).toBeVisible();
  await shot(page, 'briefings-editor');
  await page.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByText('简报草稿已保存。')).toBeVisible();

  // What was stored is the block model, one to one; the other articles keep theirs.
  const id = Number(page.url().split('/').pop());
  const saved = await app.api<{ articles: { title: string; blocks: Block[] }[] }>('briefings.get', { id });
  expect(saved.articles).toHaveLength(last);
  expect(saved.articles[0].title).toBe('本月工作动态（修改）');
  expect(saved.articles[last - 1]).toEqual({
    kind: '其他', title: '督导室召开专题会议', blocks: [
      { type: 'heading', level: 1, text: '一、会议内容' },
      { type: 'paragraph', runs: [{ text: '会议传达了' }, { text: '上级文件精神', bold: true }, { text: '。' }] },
      { type: 'list', ordered: true, items: ['部署下月工作', '交流督导经验'] },
    ],
  });
  expect(saved.articles.find((a) => a.title === `${Number(month.slice(5))}月督导工作数据`)?.blocks.length).toBeGreaterThan(0);

  await page.reload();
  const reloaded = page.getByRole('textbox', { name: `第${last}篇正文` });
  await expect(reloaded.locator('h1')).toHaveText('一、会议内容');
  await expect(reloaded.locator('strong')).toHaveText('上级文件精神');
  await expect(reloaded.locator('ol li')).toHaveText(['部署下月工作', '交流督导经验']);
  await expect(page.getByText('有未保存的修改')).toHaveCount(0);
  expect((await titles())[0]).toBe('本月工作动态（修改）');

  // Issue it: the first issue of the year in a fresh archive, proposed as 第1期 (总第1期). The office
  // started the year on paper, so the user continues that numbering: 第5期, 总第17期.
  await page.getByLabel('印发日期').fill(`${month}-28`);
  await page.getByRole('button', { name: '印发', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '印发简报' });
  await expect(dialog.getByLabel(`${year}年第几期`)).toHaveValue('1');
  await expect(dialog.getByLabel('总第几期')).toHaveValue('1');
  await expect(dialog.getByText(`这是${year}年在本程序中印发的第一期`)).toBeVisible();
  await dialog.getByLabel(`${year}年第几期`).fill('5');
  await dialog.getByLabel('总第几期').fill('17');
  await shot(page, 'briefings-issue-dialog');
  await dialog.getByRole('button', { name: '确定印发' }).click();
  const n = 5;
  await expect(page.getByText('本期已印发')).toBeVisible();
  await expect(page.getByText(`${year}年第5期（总第17期）`).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '保存草稿' })).toHaveCount(0);
  // Issued articles are shown as they print, not in an editor.
  await expect(page.getByRole('textbox', { name: /^第\d+篇正文$/ })).toHaveCount(0);
  const issuedBody = page.getByRole('article', { name: `第${last}篇正文` });
  await expect(issuedBody.getByRole('heading', { name: '一、会议内容' })).toBeVisible();
  await expect(issuedBody.locator('strong')).toHaveText('上级文件精神');
  await shot(page, 'briefings-issued');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`${year}年第${n}期（总第\\d+期）\\.docx$`));
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  expect(xml).toContain('第5期（总第17期）');
  expect(xml).toContain('督导室召开专题会议');
  expect(xml).toContain('上级文件精神');
  fs.mkdirSync('e2e-artifacts', { recursive: true });
  fs.copyFileSync(file, 'e2e-artifacts/briefing-issued.docx');

  // The list shows it with its numbers.
  await page.getByText('简报列表').click();
  const table = page.getByRole('table', { name: '简报列表' });
  await expect(table).toContainText('已印发');
  await expect(table).toContainText(`${year}年第5期（总第17期）`);
  await shot(page, 'briefings-list');
});

test('refuses a number already given, and corrects an issued briefing under its own number', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const body = (t: string) => [{ kind: '其他', title: '全区开展经常性督导', blocks: [{ type: 'paragraph', runs: [{ text: t }] }] }];
  const save = (month: string, t: string) => app.api<{ id: number }>('briefings.save', { fields: { month, articles: body(t) } });
  const first = await save('2025-03', '本月督导学校12所。');
  await app.api('briefings.issue', { id: first.id, issueDate: '2025-03-31', issueNo: 3, totalNo: 9 });
  const april = await save('2025-04', '四月正文。');

  await page.goto(`${app.url}#/briefings/${april.id}`);
  await page.getByLabel('印发日期').fill('2025-04-30');
  await page.getByRole('button', { name: '印发', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '印发简报' });
  await expect(dialog.getByLabel('2025年第几期')).toHaveValue('4');
  await expect(dialog.getByLabel('总第几期')).toHaveValue('10');
  await dialog.getByLabel('2025年第几期').fill('3');
  await expect(dialog.getByText('2025年第3期已由2025年3月简报使用（2025年3月31日印发），请换一个期号。')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确定印发' })).toBeDisabled();
  await shot(page, 'briefings-number-taken');
  await dialog.getByRole('button', { name: '取消' }).click();

  // The March briefing is corrected: re-opened, edited, issued again as 第3期 (总第9期).
  await page.goto(`${app.url}#/briefings/${first.id}`);
  await page.getByRole('button', { name: '更正', exact: true }).click();
  const reopen = page.getByRole('dialog', { name: /^更正/ });
  await reopen.getByLabel('更正原因').fill('督导学校数有误');
  await reopen.getByRole('button', { name: '开始更正' }).click();
  await expect(page.getByText('正在更正：督导学校数有误')).toBeVisible();
  const text = page.getByRole('textbox', { name: '第1篇正文' });
  await text.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('本月督导学校13所。');
  await page.getByRole('button', { name: '重新印发' }).click();
  await shot(page, 'briefings-correcting');
  await page.getByRole('dialog').getByRole('button', { name: '确定重新印发' }).click();
  await expect(page.getByText('本期已印发')).toBeVisible();
  await expect(page.getByText('2025年第3期（总第9期）').first()).toBeVisible();
  const history = page.getByRole('table', { name: '更正记录' });
  await expect(history).toContainText('督导学校数有误');
  await expect(history).toContainText('重新印发');
  await expect(page.getByRole('article', { name: '第1篇正文' })).toContainText('本月督导学校13所。');
  await shot(page, 'briefings-corrected');

  const [now] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()]);
  expect(now.suggestedFilename()).toBe('督导工作简报2025年第3期（总第9期）.docx');
  const xml = await (await JSZip.loadAsync(fs.readFileSync(await now.path()))).file('word/document.xml')!.async('string');
  expect(xml).toContain('本月督导学校13所。');
  const [old] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: '更正前的文件' }).click()]);
  expect(old.suggestedFilename()).toMatch(/^督导工作简报2025年第3期（总第9期）（\d{4}-\d{2}-\d{2}更正前）\.docx$/);
  const oldXml = await (await JSZip.loadAsync(fs.readFileSync(await old.path()))).file('word/document.xml')!.async('string');
  expect(oldXml).toContain('本月督导学校12所。');
});
