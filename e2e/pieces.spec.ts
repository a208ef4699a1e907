import fs from 'node:fs';
import JSZip from 'jszip';
import { test, expect, shot } from './fixtures';
import type { Block } from '../shared/schemas/blocks';
import { caseDocx, type CaseSpec } from '../electron/testing/case-docx';

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

  // Both are still drafts: named before the export goes on.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  await expect(page.getByRole('dialog', { name: '汇编中有草稿' })).toContainText('《家校协同化解入学矛盾》（李某某）');
  await page.getByRole('button', { name: '仍然导出' }).click();
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

test('imports 15 case files in one go, compiles them under the default name and exports the collection', async ({ demoApp: app, page }) => {
  const year = new Date().getFullYear();
  const office = (await app.api<{ officeName: string }>('settings.get')).officeName;
  const schools = (await app.api<{ rows: { fullName: string }[] }>('schools.list', { limit: 3, sort: 'fullName' })).rows.map((s) => s.fullName);
  const supervisor = (await app.api<{ rows: { name: string }[] }>('supervisors.list', { limit: 1 })).rows[0].name;
  // Fourteen cases written the ways offices write them, and one broken file.
  const bylines = [[`${schools[0]}\u3000${supervisor}`], ['作者：陈刚'], ['文/刘芳'], [`作者：吴静`, `单位：${schools[1]}`], [], [`（${schools[2]} 赵强 钱敏）`]];
  const specs: CaseSpec[] = Array.from({ length: 14 }, (_, i) => ({
    title: `督导案例第${i + 1}篇：${['护学岗', '课后服务', '食堂陪餐', '作业管理', '校园安全', '家校共育', '控辍保学'][i % 7]}的做法`,
    titleStyle: i % 2 === 0,
    byline: bylines[i % bylines.length],
    sections: [
      { heading: '一、基本情况', paragraphs: [`第${i + 1}篇的基本情况，**学生${300 + i}人**。`] },
      { heading: '二、主要做法', paragraphs: ['督学深入课堂随机听课。', '学校建立问题整改台账。'] },
    ],
    list: i % 3 === 0 ? ['建立台账', '定期回查'] : undefined,
    table: i % 4 === 0 ? [['项目', '整改前', '整改后'], ['作业时长', '120分钟', '80分钟']] : undefined,
    image: i % 5 === 0 ? { width: 480 + i, height: 300 } : undefined,
  }));
  const files = [
    ...await Promise.all(specs.map(async (c, i) => ({ name: `案例${String(i + 1).padStart(2, '0')}.docx`, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await caseDocx(c) }))),
    { name: '损坏的案例.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004 这不是 Word 文件') },
  ];

  await page.goto(`${app.url}#/pieces`);
  await page.getByRole('button', { name: '从Word导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从Word导入' });
  await dialog.locator('input[type=file]').setInputFiles(files);
  await expect(dialog.getByRole('status')).toHaveText('导入完成：14 篇已导入为草稿，1 个文件未能导入。', { timeout: 30_000 });
  const results = dialog.getByRole('table', { name: '导入结果' });
  await expect(results.getByRole('row')).toHaveCount(16);
  await expect(results.getByRole('row', { name: /损坏的案例\.docx/ })).toContainText('「损坏的案例.docx」已损坏或不是有效的 Word 文档，无法读取。');
  await expect(results.getByRole('row', { name: /案例01\.docx/ })).toContainText(`${supervisor} · ${schools[0]}`);
  await expect(results.getByRole('row', { name: /案例05\.docx/ })).toContainText('没有读到作者，请在文章中填写作者后再定稿。');
  await shot(page, 'cases-import');
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByRole('table', { name: '文章列表' })).toContainText('督导案例第14篇');

  // What was read: the first file's byline matched the registers; its table and picture came along.
  const list = await app.api<{ rows: { id: number; title: string }[] }>('pieces.list', { limit: 100 });
  expect(list.rows).toHaveLength(14);
  const first = await app.api<{ authorDisplay: string; schoolName: string; status: string; body: Block[] }>('pieces.get', { id: list.rows.find((r) => r.title.startsWith('督导案例第1篇'))!.id });
  expect(first).toMatchObject({ authorDisplay: supervisor, schoolName: schools[0], status: '草稿' });
  expect(first.body.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph', 'list', 'table', 'image']);

  // Compile: the default name, every case in, a warning naming the drafts, then the export.
  await page.getByRole('tab', { name: '汇编' }).click();
  await page.getByRole('button', { name: '新建汇编' }).click();
  await expect(page.getByRole('textbox', { name: '汇编名称' })).toHaveValue(`${office}${year}年度督导案例集`);
  await page.getByRole('button', { name: '全部收录' }).click();
  await expect(page.getByRole('table', { name: '收录文章' }).getByRole('row')).toHaveCount(14);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(`已保存汇编「${office}${year}年度督导案例集」`)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  const warning = page.getByRole('dialog', { name: '汇编中有草稿' });
  await expect(warning).toContainText('有 14 篇仍是草稿');
  await expect(warning.getByRole('listitem')).toHaveCount(14);
  await expect(warning.getByRole('listitem').first()).toContainText('《督导案例第1篇：护学岗的做法》');
  await page.waitForTimeout(300); // the dialog's opening animation, for the screenshot
  await shot(page, 'cases-draft-warning');
  await warning.getByRole('button', { name: '仍然导出' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${office}${year}年度督导案例集.docx`);
  const bytes = fs.readFileSync(await file.path());
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  for (let i = 1; i <= 14; i++) expect(xml).toContain(`督导案例第${i}篇`);
  expect(xml).toContain('作业时长');
  expect(Object.keys(zip.files).filter((f) => /^word\/media\//.test(f))).toHaveLength(3);
  fs.mkdirSync('e2e-artifacts', { recursive: true });
  fs.writeFileSync('e2e-artifacts/cases-imported-collection.docx', bytes);
});

test('drafts cases from the records: a 整改 and a school\'s 亮点, picked and written as drafts', async ({ demoApp: app, page }) => {
  const year = new Date().getFullYear();
  await page.goto(`${app.url}#/pieces`);
  await page.getByRole('button', { name: '从督导记录起草' }).click();
  const dialog = page.getByRole('dialog', { name: '从督导记录起草案例' });
  const table = dialog.getByRole('table', { name: '可起草的素材' });
  await expect(table.getByRole('row').first()).toContainText('问题整改纪实');
  const proposals = await app.api<{ sourceKind: string; title: string }[]>('pieces.proposals', { year });
  const fix = proposals.find((p) => p.sourceKind === 'notice')!;
  const bright = proposals.find((p) => p.sourceKind === 'school')!;
  await table.getByRole('checkbox', { name: fix.title }).check();
  await table.getByRole('checkbox', { name: bright.title }).check();
  await shot(page, 'cases-proposals');
  await dialog.getByRole('button', { name: '起草所选（2篇）' }).click();
  await expect(page.getByText('已起草2篇案例草稿，请修改完善后定稿。')).toBeVisible();
  await expect(table.getByRole('checkbox', { name: fix.title })).toHaveCount(0);
  await dialog.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('table', { name: '文章列表' }).getByText(fix.title).click();
  const body = page.getByRole('textbox', { name: '正文' });
  await expect(body.locator('h1')).toHaveText(['一、发现的问题', '二、整改过程', '三、整改成效']);
  await expect(body).toContainText('督导室向学校下发整改通知书');
  await expect(page.getByRole('combobox', { name: '作者（督学）' })).not.toHaveValue('');
  // The 整改 in date order.
  const steps = await body.locator('p').allTextContents();
  const dates = steps.map((t) => /^(\d{4})年(\d+)月(\d+)日/.exec(t)).filter((m) => m).map((m) => `${m![1]}-${m![2].padStart(2, '0')}-${m![3].padStart(2, '0')}`);
  expect(dates).toEqual([...dates].sort());
  await shot(page, 'cases-drafted');
});
