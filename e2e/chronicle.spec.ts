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
