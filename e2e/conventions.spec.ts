import type { Page } from '@playwright/test';
import { test, expect, shot, type AppServer } from './fixtures';

// A Chinese office's conventions (issue 16), seen as a clerk sees them: every page at the two common
// office screens, with no browser-native date, month or time input anywhere (they follow the
// browser's locale: "12/04/2026", "--------- ----"), and no console error on the way.

const NATIVE = 'input[type=date], input[type=month], input[type=time], input[type=datetime-local], input[type=week]';
const SIZES = [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;

interface Stop {
  /** A name for the screenshot. */
  name: string;
  path: string;
  /** What shows the page has loaded. */
  ready: (page: Page) => Promise<void>;
  /** Open a form or dialog on the page after it loaded (its inputs are checked too). */
  open?: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { name }).first()).toBeVisible();
};
const button = (name: string) => async (page: Page) => {
  await page.getByRole('button', { name, exact: true }).first().click();
  await expect(page.getByRole('dialog').last()).toBeVisible();
};

const firstId = async (app: AppServer, channel: string, input: object = {}) => {
  const r = await app.api<{ rows: { id: number }[] } | { id: number }[]>(channel, input);
  const rows = Array.isArray(r) ? r : r.rows;
  return rows[0].id;
};

/** Every page of the app, its detail pages and the forms that hold dates. */
async function stops(app: AppServer): Promise<Stop[]> {
  const year = new Date().getFullYear();
  const ids = {
    supervisor: await firstId(app, 'supervisors.list'),
    school: await firstId(app, 'schools.list'),
    zone: await firstId(app, 'zones.list'),
    visit: await firstId(app, 'visits.list'),
    problem: await firstId(app, 'problems.list'),
    notice: await firstId(app, 'notices.list'),
    complaint: await firstId(app, 'complaints.list'),
    piece: (await app.api<{ id: number }>('pieces.save', { fields: {
      kind: '案例', title: '家校协同化解入学矛盾', authorName: '李某某', year,
      body: [{ type: 'paragraph', runs: [{ text: '责任督学接到家长来电后，第一时间与学校沟通。' }] }],
    } })).id,
    briefing: (await app.api<{ id: number }>('briefings.save', { fields: { month: `${year}-01`, articles: [
      { kind: '工作动态', title: '全区开展开学工作专项督导', blocks: [{ type: 'paragraph', runs: [{ text: '督导室组织责任督学深入各校。' }] }] },
    ] } })).id,
  };
  const collection = (await app.api<{ id: number }>('collections.save', { fields: {
    title: `${year}年督导案例集`, kind: '案例', volume: 1, year, preface: [], pieceIds: [ids.piece],
  } })).id;
  return [
    { name: 'dashboard', path: '/dashboard', ready: heading('首页概览') },
    { name: 'supervisors', path: '/supervisors', ready: heading('督学') },
    { name: 'supervisor-new', path: '/supervisors/new', ready: async (p) => { await expect(p.getByRole('dialog')).toBeVisible(); } },
    { name: 'supervisor-detail', path: `/supervisors/${ids.supervisor}`, ready: async (p) => { await expect(p.getByRole('dialog')).toBeVisible(); } },
    { name: 'schools', path: '/schools', ready: heading('学校') },
    { name: 'school-detail', path: `/schools/${ids.school}`, ready: heading(/学校|小学|中学|幼儿园/) },
    { name: 'school-board', path: `/schools/${ids.school}/board`, ready: heading('责任督学挂牌督导公示牌') },
    { name: 'zones', path: '/zones', ready: heading('责任区') },
    { name: 'zone-detail', path: `/zones/${ids.zone}`, ready: heading(/责任区/) },
    { name: 'excel', path: '/excel', ready: heading('导入导出') },
    { name: 'calendar', path: '/calendar', ready: heading('行事历') },
    { name: 'calendar-new', path: '/calendar', ready: heading('行事历'), open: button('新建行事历') },
    { name: 'calendar-item', path: '/calendar', ready: heading('行事历'), open: async (p) => {
      await p.getByRole('button', { name: /^在\d+月添加事项$/ }).first().click();
      await expect(p.getByRole('dialog')).toBeVisible();
    } },
    { name: 'visits', path: '/visits', ready: heading('督导记录') },
    { name: 'visit-new', path: '/visits/new', ready: heading('新增督导记录') },
    { name: 'visit-detail', path: `/visits/${ids.visit}`, ready: heading(/ · \d{4}-\d{2}-\d{2}$/) },
    { name: 'visit-edit', path: `/visits/${ids.visit}/edit`, ready: heading('编辑督导记录') },
    { name: 'problems', path: '/problems', ready: heading('问题整改') },
    { name: 'problem-detail', path: `/problems/${ids.problem}`, ready: heading(/^问题 · /) },
    { name: 'notices', path: '/problems/notices', ready: heading('问题整改') },
    { name: 'notice-detail', path: `/problems/notices/${ids.notice}`, ready: heading(/整改通知书/) },
    { name: 'complaints', path: '/complaints', ready: heading('应访督导') },
    { name: 'complaint-new', path: '/complaints', ready: heading('应访督导'), open: button('登记来访来电') },
    { name: 'complaint-detail', path: `/complaints/${ids.complaint}`, ready: heading(/记录$/) },
    { name: 'briefings', path: '/briefings', ready: heading('督导工作简报') },
    { name: 'briefing-editor', path: `/briefings/${ids.briefing}`, ready: heading(/月简报$/) },
    { name: 'chronicle', path: '/chronicle', ready: heading('督导大事记') },
    { name: 'chronicle-new', path: '/chronicle', ready: heading('督导大事记'), open: button('添加条目') },
    { name: 'pieces', path: '/pieces', ready: heading('案例集') },
    { name: 'piece-editor', path: `/pieces/${ids.piece}`, ready: async (p) => { await expect(p.getByRole('textbox', { name: '正文' })).toBeVisible(); } },
    { name: 'collections', path: '/pieces/collections', ready: heading('案例集') },
    { name: 'collection-editor', path: `/pieces/collections/${collection}`, ready: heading(`${year}年督导案例集`) },
    { name: 'year-close', path: '/year-close', ready: heading('年度归档') },
    { name: 'year-close-legacy', path: '/year-close?tab=legacy', ready: heading('年度归档') },
    { name: 'settings', path: '/settings', ready: heading('设置') },
    { name: 'recycle', path: '/recycle', ready: heading('回收站') },
    { name: 'audit', path: '/audit', ready: heading('操作日志') },
    { name: 'backups', path: '/backups', ready: heading('备份与恢复') },
  ];
}

test('every page at 1366×768 and 1920×1080: no native date, month or time input, no console error', async ({ page, demoApp: app }) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  const tour = await stops(app);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const stop of tour) {
      await page.goto(`${app.url}#${stop.path}`);
      await stop.ready(page);
      if (stop.open) await stop.open(page);
      await expect(page.locator(NATIVE), `${stop.name} at ${size.width}`).toHaveCount(0);
      if (await page.getByRole('dialog').count()) await page.waitForTimeout(400); // a drawer or modal done sliding in
      await shot(page, `tour-${size.width}-${stop.name}`);
      if (stop.open) { // Esc closes the dialog (the next stop may be the same page)
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog')).toHaveCount(0);
      }
    }
  }
  expect(errors).toEqual([]);
});

test('dates are typed as the office writes them and picked from a Chinese calendar', async ({ page, demoApp: app }) => {
  await page.goto(`${app.url}#/visits/new`);
  const date = page.getByRole('textbox', { name: '督导日期' });
  for (const typed of ['2026.12.4', '20261204', '2026/12/4', '2026年12月4日', '2026-12-04']) {
    await date.fill(typed);
    await date.blur();
    await expect(date, typed).toHaveValue('2026年12月4日');
  }
  // Not a date: back to the last good one.
  await date.fill('2026-02-30');
  await date.blur();
  await expect(date).toHaveValue('2026年12月4日');

  // A click opens the calendar: 2026年12月, weeks from Monday, days named in Chinese.
  await date.click();
  await expect(page.getByRole('button', { name: '选择月份' })).toHaveText('2026年12月');
  await expect(page.getByRole('columnheader').first()).toHaveText('一');
  await expect(page.getByRole('columnheader').last()).toHaveText('日');
  await shot(page, 'dates-calendar-open');
  await page.getByRole('button', { name: '2026年12月18日' }).click();
  await expect(date).toHaveValue('2026年12月18日');
  await shot(page, 'dates-visit-form');

  // The list's period filter: the month is chosen within the year.
  await page.goto(`${app.url}#/visits?month=2025-04`);
  await expect(page.getByRole('combobox', { name: '年份' })).toHaveValue('2025');
  await expect(page.getByRole('combobox', { name: '月份' })).toHaveValue('4月');
  await page.getByRole('combobox', { name: '月份' }).click({ position: { x: 12, y: 10 } });
  await page.getByRole('option', { name: '5月' }).click();
  await expect(page).toHaveURL(/month=2025-05/);
  await page.getByRole('combobox', { name: '年份' }).click({ position: { x: 12, y: 10 } });
  await page.getByRole('option', { name: String(new Date().getFullYear()), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`month=${new Date().getFullYear()}-05`));

  // A month field: typed, or picked from the month calendar.
  await page.goto(`${app.url}#/briefings`);
  const month = page.getByRole('textbox', { name: '简报月份' });
  await month.fill('2025.9');
  await month.blur();
  await expect(month).toHaveValue('2025年9月');
  await month.click();
  await page.getByRole('button', { name: '11月' }).click();
  await expect(month).toHaveValue('2025年11月');
});

test('names as people type them: a school picked and searched by its short name or initials, the match highlighted', async ({ page, demoApp: app }) => {
  // The visit form's school picker finds 清河区第一小学 by 清河一小 and by qhyx, the short name beside it.
  await page.goto(`${app.url}#/visits/new`);
  const school = page.getByRole('textbox', { name: '学校' }).or(page.getByRole('combobox', { name: '学校' })).first();
  await school.click();
  await school.fill('清河一小');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option', { name: /清河区第一小学/ })).toContainText('清河一小');
  await shot(page, 'names-picker-short-name');
  await school.fill('qhyx');
  await page.getByRole('option', { name: /清河区第一小学/ }).click();
  await expect(school).toHaveValue('清河区第一小学');

  // The header search finds the school and its records by the short name, the match highlighted.
  const box = page.getByRole('textbox', { name: '全局搜索' });
  await box.fill('清河一小');
  const results = page.getByRole('list', { name: '搜索结果' });
  await expect(results.getByRole('group', { name: /^学校（1）$/ })).toContainText('清河区第一小学');
  const visits = results.getByRole('group', { name: /^督导记录（\d+\+?）$/ });
  await expect(visits.getByRole('listitem').first()).toContainText('清河区第一小学');
  await expect(visits.locator('mark').first()).toHaveText('清河一小');
  await shot(page, 'names-search-short-name');

  // Another page: the box is empty again.
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: '问题整改', exact: true }).click();
  await expect(page.getByRole('heading', { name: '问题整改' })).toBeVisible();
  await expect(box).toHaveValue('');
});

test('a log people can read: the operator a person named on first start, kinds in Chinese, a link instead of ids', async ({ page, app }) => {
  await page.goto(app.url);
  const name = page.getByRole('textbox', { name: '您的姓名' });
  await expect(name).not.toHaveValue(''); // the computer's account, until a person writes their name
  await name.fill('王晓丽');
  await page.getByRole('button', { name: '创建空档案' }).click();
  await expect(page.getByRole('link', { name: '操作人：王晓丽' })).toBeVisible();

  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '清河区第一小学', shortName: '清河一小', type: '小学', nature: '公办' } });
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { title: '2025年行事历', periodKind: '自然年', startMonth: '2025-01', endMonth: '2025-12' } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: '2025-03', content: '召开督学工作会议', category: '会议' } });

  await page.getByRole('link', { name: '操作日志', exact: true }).click();
  const log = page.getByRole('table');
  const schoolRow = log.getByRole('row').filter({ hasText: '新增学校「清河区第一小学」' });
  await expect(schoolRow).toContainText('王晓丽');
  await expect(schoolRow.getByRole('cell').nth(3)).toHaveText('学校');
  await expect(log.getByRole('row').filter({ hasText: '召开督学工作会议' }).getByRole('cell').nth(3)).toHaveText('行事历事项');
  await expect(log).not.toContainText(/calendarItem|school|#\d/);
  await shot(page, 'log-readable');
  await schoolRow.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`#/schools/${school.id}$`));

  // 设置: another person takes over; the header and the next log lines follow.
  await page.getByRole('link', { name: '操作人：王晓丽' }).click();
  const field = page.getByRole('textbox', { name: '操作人姓名' });
  await expect(field).toHaveValue('王晓丽');
  await field.fill('李华');
  await page.getByRole('button', { name: '保存姓名' }).click();
  await expect(page.getByRole('link', { name: '操作人：李华' })).toBeVisible();
  await page.getByRole('link', { name: '操作日志', exact: true }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('操作人由「王晓丽」改为「李华」');
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('李华');
});

test('1366×768: the sidebar fits and folds; an empty archive says what to do first; Ctrl+S saves, Esc closes', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  // Not "全部学校均已督导" over 0 schools: the first steps, with links.
  const first = page.getByRole('alert').filter({ hasText: '档案还是空的' });
  await expect(first).toBeVisible();
  await expect(first.getByRole('link', { name: '导入导出' })).toBeVisible();
  await expect(page.getByText('档案中还没有学校。')).toBeVisible();
  await expect(page.getByText('全部学校均已督导')).toHaveCount(0);
  await shot(page, 'empty-home-1366');

  // Every page of the sidebar is reachable without scrolling; a group folds away and back.
  const nav = page.getByRole('navigation');
  for (const name of ['督学', '年度归档', '回收站', '操作日志', '备份与恢复']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeInViewport();
  }
  await nav.getByRole('button', { name: '收起名册' }).click();
  await expect(nav.getByRole('link', { name: '责任区', exact: true })).toBeHidden();
  await nav.getByRole('button', { name: '展开名册' }).click();
  await expect(nav.getByRole('link', { name: '责任区', exact: true })).toBeVisible();

  // Esc closes a dialog; Ctrl+S saves the form in it.
  await nav.getByRole('link', { name: '行事历', exact: true }).click();
  await page.getByRole('button', { name: '新建行事历' }).click();
  const form = page.getByRole('dialog');
  await expect(form).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await page.getByRole('button', { name: '新建行事历' }).click();
  await form.getByRole('combobox', { name: '周期' }).click();
  await page.getByRole('option', { name: '自然年', exact: true }).click();
  await form.getByLabel('标题').fill('2026年督导工作行事历');
  await form.getByRole('textbox', { name: '开始月份' }).fill('2026.1');
  await form.getByRole('textbox', { name: '结束月份' }).fill('2026年12月');
  await page.keyboard.press('Control+s');
  await expect(form).toBeHidden();
  expect((await app.api<{ title: string; startMonth: string; endMonth: string }[]>('calendars.list'))
    .map((c) => [c.title, c.startMonth, c.endMonth])).toEqual([['2026年督导工作行事历', '2026-01', '2026-12']]);
});

test('pickers that help: serving supervisors first, 回查督学 the school\'s own, topics from 设置, a 专项 visit without the month\'s theme', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '清河区第一小学', shortName: '清河一小', type: '小学', nature: '公办' } });
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  await app.api('supervisors.save', { fields: { name: '李芳', category: '兼职督学' } });
  await app.api('supervisors.save', { fields: { name: '江晶', category: '兼职督学', status: '解聘' } });
  await app.api('supervisors.save', { fields: { name: '程玲晓', category: '兼职督学', status: '期满' } });
  await app.api('assignments.save', { schoolId: school.id, supervisorId: zhang.id, role: '责任督学' });

  // The visit form's 督学: the serving ones; the others behind the switch, marked.
  await page.goto(`${app.url}#/visits/new`);
  const main = page.getByRole('main');
  await main.getByRole('combobox', { name: '督学', exact: true }).click();
  await expect(page.getByRole('option')).toHaveText(['李芳', '张明']); // pinyin order, serving only
  await page.keyboard.press('Escape');
  await main.getByRole('checkbox', { name: /也显示期满、解聘、未聘任的督学/ }).check();
  await main.getByRole('combobox', { name: '督学', exact: true }).click();
  await expect(page.getByRole('option', { name: /江晶/ })).toContainText('解聘');
  await expect(page.getByRole('option', { name: /程玲晓/ })).toContainText('期满');
  await page.keyboard.press('Escape');
  // A 专项 visit does not take the month's theme.
  await main.getByText('专项', { exact: true }).click();
  await expect(main.getByRole('textbox', { name: '主题' })).toHaveAttribute('placeholder', /专项督导的主题/);

  // 回查督学 starts as the school's 责任督学.
  const problem = await app.api<{ id: number }>('problems.save', { fields: { source: '督导记录', schoolId: school.id, category: '其他', description: '消防通道堆放杂物' } });
  const notice = await app.api<{ id: number }>('notices.issue', { schoolId: school.id, problemIds: [problem.id], issuedDate: day(-5), deadlineDays: 10 });
  await app.api('notices.report', { id: notice.id, reportDate: day(-1), reportText: '杂物已清理。' });
  await page.goto(`${app.url}#/problems/notices/${notice.id}`);
  await expect(page.getByRole('combobox', { name: '回查督学' })).toHaveValue('张明');

  // 来访来电 topics: 课业负担 by default (设置 can change the list).
  await page.goto(`${app.url}#/complaints`);
  await page.getByRole('button', { name: '登记来访来电' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: '主题' }).click();
  await expect(page.getByRole('option', { name: '课业负担' })).toBeVisible();
  await shot(page, 'pickers-complaint-topics');
});
