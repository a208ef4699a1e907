import { test, expect, shot } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** A 第一学期's calendar as an office has it in Word: 25 items numbered through the term, headings in three styles. */
const TERM = `××区教育督导室2026—2027学年第一学期督导工作行事历
九月（主题：新学期开学工作和招生入学情况）
1.第1周：开展秋季开学工作专项督导，重点检查开学准备、校舍安全和收费公示情况（牵头：督导室；配合：各责任区）
2.召开全体督学工作会议，部署本学期督导工作（9月上旬）
3.9月中旬，检查招生入学和学籍管理工作；4.更新学校责任督学挂牌公示牌信息（牵头：各责任区）
5.9月下旬至10月上旬，开展国庆假期安全教育督查（牵头：督导室；配合：安全科）
十月
主题：学生体质健康和大课间活动
6.开展学生体质健康和大课间活动专项督导（10月中旬）（牵头：督导室；配合：体卫艺科）
7.第7周：组织责任督学赴外县区学习交流
8.对两所学校开展综合督导评估（10月下旬）
9.10月15日召开月度督学工作例会
10.编印第一季度督导工作简报
2026年11月（主题：教师师德师风建设）
11.第11—12周：开展师德师风建设情况专项督导（牵头：督导室；配合：人事科、各责任区）
12.开展中小学校园欺凌防治专项检查（11月中旬）
13.11月20日，组织督导业务培训
14.对上月整改通知书落实情况开展回查
15.11月14日召开月度督学工作例会
十二月（主题：作业管理和学生课业负担）
16.开展作业管理和课业负担专项督导（12月上旬）；17.开展督学年度考核（12月中旬）
18.12月下旬至1月上旬，开展期末及寒假安全教育督查（牵头：督导室；配合：安全科）
19.12月12日召开月度督学工作例会
20.编写年度督导工作总结和督导大事记（12月底前）
2027年1月（主题：期末工作和寒假安全）
21.督查期末考试组织与考风考纪（1月中旬）
22.整理本学期督导档案，完成整改台账核对（1月下旬）
23.布置寒假期间校外培训机构巡查工作（牵头：督导室；配合：校外教育科）
24.撰写本学期督导工作总结，统计各责任区督导数据
25.制定下学期督导工作行事历（1月底前）`;

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a term\'s calendar of 25 items is pasted and saved in under 15 actions, numbers and timings as published', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await page.goto(`${app.url}#/calendar`);
  await expect(page.getByText('还没有行事历')).toBeVisible();

  // Every click, choice and paste of the user counts.
  let actions = 0;
  const act = async (step: () => Promise<unknown>) => { actions += 1; await step(); };
  const form = page.getByRole('dialog');
  await act(() => page.getByRole('button', { name: '新建行事历' }).click());
  await act(() => form.getByRole('combobox', { name: '学年', exact: true }).click());
  await act(() => page.getByRole('option', { name: '2026—2027学年', exact: true }).click());
  await act(() => form.getByRole('radio', { name: '第一学期' }).check({ force: true }));
  // The title, months and first week follow the 学年 and 学期.
  await expect(form.getByLabel('标题')).toHaveValue('2026—2027学年第一学期督导工作行事历');
  await expect(form.getByLabel('开始月份')).toHaveValue('2026年9月');
  await expect(form.getByLabel('结束月份')).toHaveValue('2027年1月');
  await expect(form.getByLabel('第1周')).toHaveValue('2026年9月1日');
  await act(() => form.getByRole('button', { name: '保存' }).click());
  await expect(form).toBeHidden();
  await expect(page.getByText('2026—2027学年第一学期', { exact: true })).toBeVisible();

  await act(() => page.getByRole('button', { name: '粘贴事项' }).click());
  const paste = page.getByRole('dialog');
  await act(() => paste.getByLabel('粘贴行事历文字').fill(TERM));
  const preview = paste.getByRole('table', { name: '粘贴预览' });
  await expect(paste.getByText('读到25项，5个月主题')).toBeVisible();
  await expect(paste.getByText('第1行是标题，不作为事项')).toBeVisible();
  await expect(preview).toContainText('5.开展国庆假期安全教育督查');
  await expect(preview).toContainText('9月下旬至10月上旬');
  await expect(preview).toContainText('配合：人事科、各责任区');
  await shot(page, 'calendar-paste-preview');
  await act(() => paste.getByRole('button', { name: '保存25项' }).click());
  await expect(paste).toBeHidden();

  expect(actions).toBeLessThan(15);
  console.log(`25-item term calendar: ${actions} UI actions`);

  // Saved as published: own numbers, timings, 牵头 and 配合, themes; the December item runs on into January.
  await expect(page.getByText('已完成 0 / 25 项')).toBeVisible();
  const table = page.getByRole('table', { name: '行事历' });
  await expect(table).toContainText('1.开展秋季开学工作专项督导');
  await expect(table).toContainText('第1周');
  await expect(table).toContainText('25.制定下学期督导工作行事历');
  await expect(table).toContainText('主题：教师师德师风建设');
  await expect(page.getByRole('row', { name: '10月延续事项：开展国庆假期安全教育督查' })).toBeVisible();
  await expect(page.getByRole('row', { name: '1月延续事项：开展期末及寒假安全教育督查' })).toBeVisible();
  await expect(page.getByRole('row', { name: '10月第1项' })).toContainText('6.开展学生体质健康和大课间活动专项督导');
  await expect(page.getByRole('row', { name: '10月第1项' })).toContainText('配合：体卫艺科');
  await shot(page, 'calendar-term-table');

  // The 月历: October shows the item running on from September on its days, and the week-timed item below the grid.
  await page.getByRole('tab', { name: '月历' }).click();
  await page.getByRole('tabpanel').getByText('10月', { exact: true }).click();
  await expect(page.getByText('2026年10月 · 主题：学生体质健康和大课间活动')).toBeVisible();
  await expect(page.getByTitle('开展国庆假期安全教育督查')).toHaveCount(10); // 1 to 10 October
  await expect(page.getByTitle('召开月度督学工作例会').first()).toBeVisible();
  await shot(page, 'calendar-term-grid');
  await page.getByRole('tabpanel').getByText('1月', { exact: true }).click();
  await expect(page.getByTitle('开展期末及寒假安全教育督查').first()).toBeVisible();
});

test('a bad pasted line is shown with what to do and saving waits; items are edited by their timing; the export is chosen', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { periodKind: '学期', schoolYear: 2026, term: 1, startMonth: '2026-09',
    endMonth: '2027-01', weekOne: '2026-09-01' } });
  await page.goto(`${app.url}#/calendar?id=${cal.id}`);
  await page.getByRole('button', { name: '粘贴事项' }).click();
  const paste = page.getByRole('dialog');
  await paste.getByLabel('粘贴行事历文字').fill('9月\n1.召开全体督学会议\n2.10月中旬开展校园安全专项检查\n3月\n1.布置工作');
  await expect(paste.getByText('有3行需要修改')).toBeVisible();
  await expect(paste.getByText('第3行“2.10月中旬开展校园安全专项检查”：时间“10月中旬”不在事项的月份（9月）内：请把这一项移到10月下，或改正时间')).toBeVisible();
  await expect(paste.getByText(/第4行“3月”：3月不在行事历的周期/)).toBeVisible();
  await expect(paste.getByRole('button', { name: '保存1项' })).toBeDisabled();
  await shot(page, 'calendar-paste-problems');
  await paste.getByLabel('粘贴行事历文字').fill('9月\n1.召开全体督学会议\n10月\n2.10月中旬开展校园安全专项检查');
  await paste.getByRole('button', { name: '保存2项' }).click();
  await expect(paste).toBeHidden();
  await expect(page.getByText('已完成 0 / 2 项')).toBeVisible();

  // The item form reads the timing as the archive will, and refuses one outside the item's months.
  await page.getByRole('button', { name: '编辑第1项' }).first().click();
  const form = page.getByRole('dialog');
  await form.getByLabel('时间').fill('第2周');
  await expect(form.getByText('即2026年9月7日至9月11日')).toBeVisible();
  await form.getByLabel('时间').fill('10月中旬');
  await expect(form.getByText('时间“10月中旬”不在事项的月份（9月）内：请改正时间，或改选月份')).toBeVisible();
  await form.getByLabel('时间').fill('9月下旬至10月上旬');
  await expect(form.getByText('即2026年9月21日至10月10日，跨9—10月')).toBeVisible();
  await form.getByLabel('牵头').fill('督导室');
  await form.getByLabel('配合').fill('各责任区');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('row', { name: '10月延续事项：召开全体督学会议' })).toContainText('9月下旬至10月上旬');

  // Export: the columns the items fill are chosen at first; an 附件 label; the file comes back.
  await page.getByRole('button', { name: '导出Word' }).click();
  const exp = page.getByRole('dialog');
  await expect(exp.getByText('××区人民政府教育督导室2026—2027学年第一学期督导工作行事历')).toBeVisible();
  await expect(exp.getByRole('checkbox', { name: '时间' })).toBeChecked();
  await expect(exp.getByRole('checkbox', { name: '责任（牵头/配合）' })).toBeChecked();
  await expect(exp.getByRole('checkbox', { name: '完成情况' })).not.toBeChecked();
  await exp.getByLabel('附件标注').fill('附件1');
  await shot(page, 'calendar-export');
  const download = page.waitForEvent('download');
  await exp.getByRole('button', { name: '导出Word' }).click();
  expect((await download).suggestedFilename()).toBe('××区人民政府教育督导室2026—2027学年第一学期督导工作行事历.docx');
});

test('a visit records any item of the term, and offers to mark it done', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  await app.api('assignments.save', { schoolId: school.id, supervisorId: zhang.id, role: '责任督学' });
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { periodKind: '学期', schoolYear: 2026, term: 1, startMonth: '2026-09',
    endMonth: '2027-01', weekOne: '2026-09-01' } });
  await app.api('calendarItems.paste', { calendarId: cal.id, text: TERM });

  await page.goto(`${app.url}#/visits/new`);
  const main = page.locator('main');
  await pick(page, main, '学校', '城关第一小学');
  await expect(main.getByText('张明')).toBeVisible();
  await main.getByLabel('督导日期').fill('2026-10-20');
  await expect(main.getByText('本月主题（行事历）：学生体质健康和大课间活动')).toBeVisible();
  // October's own items, the one running into it, and those of the term's other months.
  await main.getByRole('combobox', { name: '行事历事项', exact: true }).click();
  await expect(page.getByRole('option', { name: '6.开展学生体质健康和大课间活动专项督导' })).toBeVisible();
  await expect(page.getByRole('option', { name: '5.开展国庆假期安全教育督查' })).toBeVisible();
  await shot(page, 'calendar-visit-items');
  await page.getByRole('option', { name: '4.更新学校责任督学挂牌公示牌信息' }).click();
  await main.getByLabel('督导纪实').fill('核对了学校门口的责任督学公示牌，更新了督学照片和联系电话。');
  await main.getByRole('button', { name: '保存督导记录' }).click();

  // The record offers to mark its item done.
  const linked = page.getByRole('alert', { name: '行事历事项' });
  await expect(linked).toContainText('9月 4.更新学校责任督学挂牌公示牌信息');
  await expect(linked).toContainText('未开始');
  await shot(page, 'calendar-visit-offer');
  await linked.getByRole('button', { name: '标记为已完成' }).click();
  await expect(linked).toContainText('已完成');
  await expect(linked.getByRole('button', { name: '标记为已完成' })).toHaveCount(0);

  await linked.getByRole('link').click();
  await expect(page.getByText('已完成 1 / 25 项')).toBeVisible();
  await expect(page.getByRole('row', { name: '9月第4项' })).toContainText('2026年10月20日城关第一小学督导完成');
});

test('themes, moving items, status from the badge, and a copy for the next year', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { periodKind: '学年', schoolYear: 2025, startMonth: '2025-09', endMonth: '2026-08' } });
  await app.api('calendarItems.paste', { calendarId: cal.id, text: '9月\n开展新学期开学工作专项督导（9月1日—12日）\n召开月度督学工作例会（9月26日）\n更新责任督学挂牌公示牌信息' });
  await page.goto(`${app.url}#/calendar?id=${cal.id}`);

  await page.getByRole('button', { name: '设置9月主题' }).click();
  await page.getByRole('textbox', { name: '9月主题' }).fill('新学期开学工作和招生入学情况');
  await page.getByRole('textbox', { name: '9月主题' }).press('Enter');
  await expect(page.getByText('主题：新学期开学工作和招生入学情况')).toBeVisible();

  // Move the third item up: it becomes the second (numbered by position, having no number of its own).
  await page.getByRole('button', { name: '上移第3项' }).click();
  await expect(page.getByRole('row', { name: '9月第2项' })).toContainText('2.更新责任督学挂牌公示牌信息');

  const first = page.getByRole('row', { name: '9月第1项' });
  await first.getByRole('button', { name: /完成情况：未开始/ }).click();
  await page.getByRole('menuitem', { name: '已完成' }).click();
  await expect(first.getByRole('button', { name: /完成情况：已完成/ })).toBeVisible();
  await expect(page.getByText('已完成 1 / 3 项')).toBeVisible();
  await shot(page, 'calendar-table');

  await page.getByRole('button', { name: '复制为新一年' }).click();
  const copy = page.getByRole('dialog');
  await expect(copy.getByLabel('新行事历标题')).toHaveValue('2026—2027学年督导工作行事历');
  await copy.getByRole('button', { name: '复制' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByText('2026年9月至2027年8月')).toBeVisible();
  await expect(page.getByText('2026—2027学年', { exact: true })).toBeVisible();
  await expect(page.getByText('已完成 0 / 3 项')).toBeVisible();
});
