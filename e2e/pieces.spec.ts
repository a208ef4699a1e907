import fs from 'node:fs';
import JSZip from 'jszip';
import { test, expect, shot } from './fixtures';
import type { Block } from '../shared/schemas/blocks';

test('write a case with the editor, compile a collection of two and export it as Word', async ({ app, page }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  // The second case comes in over the API; the first is written in the editor.
  await app.api('pieces.save', { fields: {
    kind: '案例', title: '家校协同化解入学矛盾', authorName: '李某某', year: 2025,
    body: [{ type: 'paragraph', runs: [{ text: '责任督学接到家长来电后，第一时间与学校沟通。' }] }],
  } });

  await page.goto(`${app.url}#/pieces`);
  await expect(page.getByRole('table', { name: '文章列表' })).toContainText('家校协同化解入学矛盾');
  await page.getByRole('button', { name: '写文章' }).click();

  await page.getByRole('textbox', { name: '标题', exact: true }).fill('以督促改　让课后服务更有温度');
  await page.getByRole('textbox', { name: '作者姓名' }).fill('王某某');
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.click();
  await page.getByRole('button', { name: '一级标题（一、）' }).click();
  await page.keyboard.type('一、案例背景');
  await page.keyboard.press('Enter');
  await page.keyboard.type('督学在挂牌督导中发现，');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('课后服务');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('安排不够合理。');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '编号列表' }).click();
  await page.keyboard.type('调整课后服务时段');
  await page.keyboard.press('Enter');
  await page.keyboard.type('增加社团活动');
  await expect(editor.locator('h1')).toHaveText('一、案例背景');
  await expect(editor.locator('strong')).toHaveText('课后服务');
  await shot(page, 'cases-editor');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存「以督促改　让课后服务更有温度」')).toBeVisible();
  await expect(page).toHaveURL(/#\/pieces\/\d+$/);

  // What was stored is the block model, one to one.
  const id = Number(page.url().split('/').pop());
  const saved = await app.api<{ body: Block[]; authorDisplay: string }>('pieces.get', { id });
  expect(saved.authorDisplay).toBe('王某某');
  expect(saved.body).toEqual([
    { type: 'heading', level: 1, text: '一、案例背景' },
    { type: 'paragraph', runs: [{ text: '督学在挂牌督导中发现，' }, { text: '课后服务', bold: true }, { text: '安排不够合理。' }] },
    { type: 'list', ordered: true, items: ['调整课后服务时段', '增加社团活动'] },
  ]);

  // Compile the collection: both cases, the written one second.
  await page.goto(`${app.url}#/pieces/collections`);
  await page.getByRole('button', { name: '新建汇编' }).click();
  await page.getByRole('textbox', { name: '汇编名称' }).fill('责任督学挂牌督导案例集');
  await page.getByRole('textbox', { name: '册次（第N册）' }).fill('2');
  await page.getByRole('button', { name: '收录「家校协同化解入学矛盾」' }).click();
  await page.getByRole('button', { name: '收录「以督促改　让课后服务更有温度」' }).click();
  const chosen = page.getByRole('table', { name: '收录文章' });
  await expect(chosen.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: '上移「以督促改　让课后服务更有温度」' }).click();
  await expect(chosen.getByRole('row').first()).toContainText('以督促改');
  await page.getByRole('textbox', { name: '前言' }).click();
  await page.keyboard.type('本册收录责任督学挂牌督导的优秀案例。');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存汇编「责任督学挂牌督导案例集」')).toBeVisible();
  await shot(page, 'cases-collection');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('责任督学挂牌督导案例集（第二册）.docx');
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const first = xml.indexOf('以督促改　让课后服务更有温度');
  const second = xml.indexOf('家校协同化解入学矛盾');
  expect(first).toBeGreaterThan(0);
  expect(second).toBeGreaterThan(0);
  expect(xml).toContain('第二册');
  expect(xml).toContain('本册收录责任督学挂牌督导的优秀案例。');
  // Print order: the TOC lists both first; in the body the written case comes first.
  expect(xml.lastIndexOf('以督促改　让课后服务更有温度')).toBeLessThan(xml.lastIndexOf('家校协同化解入学矛盾'));
  fs.mkdirSync('e2e-artifacts', { recursive: true });
  fs.writeFileSync('e2e-artifacts/cases-collection.docx', bytes);
});
