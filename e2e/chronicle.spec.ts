import fs from 'node:fs';
import JSZip from 'jszip';
import { test, expect, shot } from './fixtures';

test('compiles a chronicle: accepts and rejects candidates, adds a 是月 entry, exports both forms', async ({ page, demoApp: app }) => {
  const year = 2025;
  // Things done in the year for the candidates: finished 行事历 items and a meeting held.
  const cal = await app.api<{ id: number }>('calendars.save', { fields: { title: `${year}年大事记测试`, periodKind: '自然年', startMonth: `${year}-01`, endMonth: `${year}-12` } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: `${year}-05`, content: '完成全区督学聘任工作', category: '其他', status: '已完成', endDate: `${year}-05-20` } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: `${year}-03`, content: '召开全体督学工作会议', category: '会议', status: '已完成', endDate: `${year}-03-03` } });
  await app.api('calendarItems.save', { fields: { calendarId: cal.id, month: `${year}-06`, content: '不应记入大事记的事项', category: '其他', status: '已完成' } });

  await page.goto(`${app.url}#/chronicle`);
  await page.getByRole('combobox', { name: '年份' }).click();
  await page.getByRole('option', { name: `${year}年` }).click();
  const candidates = page.getByRole('region', { name: '候选条目' });
  await expect(candidates.getByRole('article', { name: '完成全区督学聘任工作' })).toBeVisible();
  await shot(page, 'chronicle-candidates');

  // Accept one as it is, edit another before accepting, reject a third.
  await candidates.getByRole('article', { name: '完成全区督学聘任工作' }).getByRole('button', { name: '采纳', exact: true }).click();
  const entries = page.getByRole('region', { name: '大事记条目' });
  await expect(entries.getByRole('listitem', { name: '完成全区督学聘任工作' })).toBeVisible();
  await expect(candidates.getByRole('article', { name: '完成全区督学聘任工作' })).toHaveCount(0);

  const meeting = candidates.getByRole('article', { name: '召开全体督学工作会议' });
  await meeting.getByRole('button', { name: '修改后采纳' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('事件').fill('区教育督导室召开全体督学工作会议，部署全年督导工作');
  await dialog.getByRole('button', { name: '采纳' }).click();
  await expect(entries.getByRole('listitem', { name: '区教育督导室召开全体督学工作会议，部署全年督导工作' })).toBeVisible();

  await candidates.getByRole('article', { name: '不应记入大事记的事项' }).getByRole('button', { name: '不采纳' }).click();
  await expect(candidates.getByRole('article', { name: '不应记入大事记的事项' })).toHaveCount(0);

  // A manual entry known only by its month: 是月.
  await page.getByRole('button', { name: '添加条目' }).click();
  await dialog.getByText('只知月份（是月）').click();
  await dialog.getByRole('textbox', { name: '月份' }).fill(`${year}-05`);
  await dialog.getByLabel('事件').fill('各责任区完成督学挂牌公示牌更新');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const may = entries.getByRole('listitem', { name: '各责任区完成督学挂牌公示牌更新' });
  await expect(may).toContainText('是月');
  await expect(entries).toContainText('五月');
  await page.reload();
  await page.getByRole('combobox', { name: '年份' }).click();
  await page.getByRole('option', { name: `${year}年` }).click();
  await expect(candidates.getByRole('article', { name: '不应记入大事记的事项' })).toHaveCount(0);
  await shot(page, 'chronicle-entries');

  const office = (await app.api<{ officeName: string }>('settings.get')).officeName;
  for (const [button, suffix] of [['导出Word（列表）', ''], ['导出Word（表格）', '（表格）']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    expect(download.suggestedFilename()).toBe(`${office}${year}年教育督导大事记${suffix}.docx`);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await download.path()))).file('word/document.xml')!.async('string');
    expect(xml).toContain(`${year}年教育督导大事记`);
    expect(xml).toContain('各责任区完成督学挂牌公示牌更新');
    expect(xml).toContain(suffix ? '5月20日' : '5月20日，完成全区督学聘任工作。');
    if (!suffix) expect(xml).toContain('是月，各责任区完成督学挂牌公示牌更新。');
  }
});

test('curates the demo year\'s chronicle in under 15 clicks: whole groups, one undo, one notice at a time', async ({ page, demoApp: app }) => {
  const year = new Date().getFullYear();
  let clicks = 0;
  const click = async (l: ReturnType<typeof page.getByRole>) => { clicks++; await l.click(); };
  const notices = page.locator('.mantine-Notification-root');

  await page.goto(`${app.url}#/`);
  await click(page.getByRole('link', { name: '大事记' }));
  const candidates = page.getByRole('region', { name: '候选条目' });
  const entries = page.getByRole('region', { name: '大事记条目' });
  const total = (await app.api<unknown[]>('chronicle.candidates', { year })).length;
  await expect(candidates.getByText(`候选条目（${total}）`)).toBeVisible();
  const group = (name: string) => candidates.getByRole('region', { name });
  await shot(page, 'chronicle-groups');

  // Routine work: one 是月 line a month, accepted at once.
  const routine = group('例行工作（每月一条）');
  await expect(routine.getByRole('article').first()).toContainText('召开月度督学工作例会');
  await click(routine.getByRole('button', { name: '全部采纳' }));
  await expect(routine).toHaveCount(0);
  await expect(entries.getByRole('listitem').filter({ hasText: '是月' }).first()).toContainText('全月开展经常性督导');
  await expect(notices).toHaveCount(1);

  await click(group('行事历事项').getByRole('button', { name: '全部采纳' }));
  await expect(group('行事历事项')).toHaveCount(0);
  await expect(notices).toHaveCount(1);

  // The special and comprehensive visits: ignored at once, then the ignore undone, then filtered and accepted.
  const visits = group('专项与综合督导');
  const visitCount = (await app.api<{ group: string }[]>('chronicle.candidates', { year })).filter((c) => c.group === 'visit').length;
  await click(visits.getByRole('button', { name: '全部忽略' }));
  await expect(visits).toHaveCount(0);
  await expect(candidates.getByLabel('上一步')).toContainText(`已忽略「专项与综合督导」${visitCount}条`);
  await click(candidates.getByRole('button', { name: '撤销' }));
  await expect(visits).toBeVisible();
  await expect(notices).toHaveCount(1);
  await expect(notices).toContainText(`恢复候选${visitCount}条`);
  await click(candidates.getByRole('combobox', { name: '候选来源' }));
  await click(page.getByRole('option', { name: `专项与综合督导（${visitCount}）` }));
  await expect(group('整改通知书')).toHaveCount(0);
  await shot(page, 'chronicle-filtered');
  // One visit is not wanted; the rest are.
  const unwanted = visits.getByRole('article').first();
  const unwantedText = (await unwanted.getAttribute('aria-label'))!;
  await click(unwanted.getByRole('button', { name: '不采纳' }));
  await expect(candidates.getByRole('article', { name: unwantedText, exact: true })).toHaveCount(0);
  await click(visits.getByRole('button', { name: '全部采纳' }));
  await expect(visits).toHaveCount(0);
  // The filter falls back to every source once its group is done.
  await expect(group('整改通知书')).toBeVisible();

  // The monthly notice counts are not wanted.
  await click(group('整改通知书').getByRole('button', { name: '全部忽略' }));
  await expect(candidates.getByText('没有新的候选条目。')).toBeVisible();
  await expect(entries.getByRole('listitem', { name: unwantedText, exact: true })).toHaveCount(0);
  await shot(page, 'chronicle-curated');

  const [download] = await Promise.all([page.waitForEvent('download'), click(page.getByRole('button', { name: '导出Word（列表）' }))]);
  const xml = await (await JSZip.loadAsync(fs.readFileSync(await download.path()))).file('word/document.xml')!.async('string');
  expect(xml).toMatch(/是月，各责任督学开展经常性督导，重点督查[^<]*召开月度督学工作例会，通报上月督导情况；全月开展经常性督导\d+次，覆盖学校\d+所。/);
  const kept = await app.api<unknown[]>('chronicle.list', { year });
  expect(kept.length).toBeGreaterThan(50);
  expect(clicks).toBeLessThan(15);
  console.log(`大事记：${total}条候选，${clicks}次点击整理完毕，收入${kept.length}条`);
});
