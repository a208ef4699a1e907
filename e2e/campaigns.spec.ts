import JSZip from 'jszip';
import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, shot, type AppServer } from './fixtures';
import type { FileRef } from '../shared/schemas/files';

const SAFETY = '校园及周边安全情况，学生交通安全情况';
const CANTEEN = '食堂、食品、饮水及宿舍卫生情况';

/** 'YYYY-MM-DD' `n` days from today (local time). */
function day(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
const words = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

async function pick(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The text of a downloaded .docx's paragraphs, one a line. */
async function docxText(download: Download): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
}

async function registers(app: AppServer) {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await app.api('settings.save', { ...(await app.api<object>('settings.get')), officeName: '清河区人民政府教育督导室' });
  const school = (fullName: string, type: string) => app.api<{ id: number }>('schools.save', { fields: { fullName, type, nature: '公办' } });
  const s1 = await school('城关第一小学', '小学');
  const s2 = await school('城关第二小学', '小学');
  const m1 = await school('城关中学', '初中');
  const zhang = await app.api<{ id: number }>('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  const li = await app.api<{ id: number }>('supervisors.save', { fields: { name: '李华', category: '兼职督学' } });
  return { s1, s2, m1, zhang, li };
}

test('a campaign from its creation to its exported 专项督导报告 and a school\'s 督导意见书', async ({ page, app }) => {
  const r = await registers(app);
  await page.goto(`${app.url}#/campaigns`);
  await expect(page.getByText('还没有专项督导')).toBeVisible();
  await page.getByRole('button', { name: '新建专项督导' }).click();
  const form = page.getByRole('dialog', { name: '新建专项督导' });
  await form.getByLabel('专项名称').fill('食品安全');
  await form.getByLabel('开始日期').fill(day(-20));
  await form.getByLabel('结束日期').fill(day(10));
  await form.getByLabel('依据文件').fill('关于开展学校食品安全专项督导的通知');
  await form.getByLabel('文号').fill('清教督〔2026〕2号');
  await form.getByText('学段类型', { exact: true }).click();
  await pick(page, form, '学段类型', '小学');
  await form.getByRole('checkbox', { name: CANTEEN }).check();
  await form.getByRole('checkbox', { name: SAFETY }).check();
  await form.getByRole('combobox', { name: '督导组成员' }).click();
  await page.getByRole('option', { name: '张明' }).click();
  await page.getByRole('option', { name: '李华' }).click();
  await page.keyboard.press('Escape');
  await pick(page, form, '组长', '张明');
  await shot(page, 'campaigns-form');
  await form.getByRole('button', { name: '保存' }).click();

  await expect(page.getByRole('heading', { name: '食品安全专项督导' })).toBeVisible();
  await expect(page.getByText('全部小学（2所学校）')).toBeVisible();
  await expect(page.getByRole('table', { name: '专项督导进度' })).toContainText('0 / 2 所');

  // A visit of the campaign, from the school's row: the form knows the campaign.
  await page.getByRole('tab', { name: '学校与日程' }).click();
  const schools = page.getByRole('table', { name: '督导学校与日程' });
  await expect(schools).toContainText('城关第一小学');
  await expect(schools).not.toContainText('城关中学');
  await page.getByRole('link', { name: '为城关第一小学新增督导记录' }).click();
  const main = page.locator('main');
  await expect(main.getByRole('combobox', { name: '专项督导' })).toHaveValue(/^食品安全专项督导/);
  await main.getByLabel('督导日期').fill(day(-5));
  await main.getByRole('combobox', { name: '督学', exact: true }).click();
  await page.getByRole('option', { name: '张明' }).click();
  await page.keyboard.press('Escape');
  await main.getByLabel('亮点').fill('食堂实行明厨亮灶，校领导陪餐记录完整。');
  await main.getByRole('button', { name: '添加问题' }).click();
  await pick(page, main, '问题1 类别', CANTEEN);
  await main.getByLabel('问题描述').fill('食品留样记录不完整');
  await main.getByRole('button', { name: '保存督导记录' }).click();
  await expect(page.getByText('食品安全专项督导').first()).toBeVisible();
  // The other school through the API, with a problem 销号.
  const v = await app.api<{ id: number }>('visits.save', { fields: { schoolId: r.s2.id, date: day(-3), supervisorIds: [r.li.id], type: '专项',
    campaignId: (await app.api<{ id: number }[]>('campaigns.list', {}))[0].id, methods: ['查阅资料'] },
  newProblems: [{ category: CANTEEN, description: '从业人员健康证过期' }] });
  const [p2] = (await app.api<{ problems: { id: number }[] }>('visits.get', { id: v.id })).problems;
  for (const to of ['整改中', '待回查', '已销号']) await app.api('problems.transition', { id: p2.id, to });

  await page.goto(`${app.url}#/campaigns`);
  await expect(page.getByRole('table', { name: '专项督导列表' })).toContainText('2/2');
  await shot(page, 'campaigns-list');
  await page.getByRole('link', { name: '食品安全专项督导' }).click();
  await expect(page.getByRole('table', { name: '专项督导进度' })).toContainText('2 / 2 所');
  await expect(page.getByRole('table', { name: '专项督导进度' })).toContainText('2 / 1 个（整改率 50%）');
  await shot(page, 'campaigns-detail');

  // The school's 督导意见书, with its own 整改意见.
  await page.getByRole('tab', { name: '学校与日程' }).click();
  await page.getByRole('button', { name: '城关第一小学督导意见', exact: true }).click();
  const opinion = page.getByRole('dialog', { name: /督导意见/ });
  await opinion.getByLabel('整改意见').fill('请于30日内补齐食品留样记录，并建立专人负责制度。');
  await opinion.getByRole('button', { name: '保存' }).click();
  await expect(opinion).toBeHidden();
  const [letter] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出城关第一小学督导意见书' }).click()]);
  expect(letter.suggestedFilename()).toBe('食品安全专项督导意见书（城关第一小学）.docx');
  const letterText = await docxText(letter);
  expect(letterText).toContain('1.食品留样记录不完整');
  expect(letterText).toContain('请于30日内补齐食品留样记录，并建立专人负责制度。');
  await shot(page, 'campaigns-schools');

  // The report: drafted from the records, edited, saved and exported.
  await page.getByRole('tab', { name: '专项督导报告' }).click();
  await page.getByLabel('主送单位').fill('区人民政府');
  await page.getByRole('button', { name: '从督导记录起草' }).click();
  await expect(page.getByRole('group', { name: '第4部分' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '第1部分标题' })).toHaveValue('基本情况');
  const effects = page.getByRole('textbox', { name: '第2部分正文' });
  await effects.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('各校普遍落实了校长陪餐制度。');
  await page.getByRole('button', { name: '保存报告' }).click();
  await expect(page.getByText('有未保存的修改')).toBeHidden();
  await shot(page, 'campaigns-report');
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()]);
  expect(report.suggestedFilename()).toBe('关于食品安全专项督导情况的报告.docx');
  const text = await docxText(report);
  expect(text).toContain('区人民政府：');
  expect(text).toContain('根据《关于开展学校食品安全专项督导的通知》（清教督〔2026〕2号）要求');
  expect(text).toContain(`截至${words(day(0))}，已督导学校2所，占计划的100%，形成督导记录2份`);
  expect(text).toContain('督导共发现问题2个');
  expect(text).toContain('已整改销号问题1个，整改率50%');
  expect(text).toContain('各校普遍落实了校长陪餐制度。');
  expect(text).toContain('附件：食品安全专项督导情况统计表');
  expect(text).toContain('合计');
  fs.mkdirSync('e2e-artifacts', { recursive: true });
  await report.saveAs('e2e-artifacts/campaign-report.docx');
  await letter.saveAs('e2e-artifacts/campaign-opinion.docx');

  // 完成: the list says so, the 四清单 lists its problems.
  await page.getByRole('button', { name: '完成专项督导' }).click();
  await expect(page.getByText('已完成', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: '四清单' }).click();
  await expect(page.getByRole('table', { name: '四清单' })).toContainText('从业人员健康证过期');
  await shot(page, 'campaigns-four-lists');
});

test('a 督政 problem owned by a township: registered, its 督导建议书, through its steps to 销号', async ({ page, app }) => {
  await registers(app);
  await page.goto(`${app.url}#/problems/units`);
  await page.getByRole('button', { name: '新增单位' }).click();
  const unitForm = page.getByRole('dialog', { name: '新增责任单位' });
  await unitForm.getByLabel('单位名称').fill('城关街道办事处');
  await unitForm.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('table', { name: '责任单位' })).toContainText('城关街道办事处');

  await page.getByRole('button', { name: '登记督政问题' }).click();
  const form = page.getByRole('dialog', { name: '登记督政问题' });
  await pick(page, form, '责任单位', '城关街道办事处（乡镇（街道））');
  await pick(page, form, '问题来源', '督导记录');
  await pick(page, form, '问题类别', SAFETY);
  await form.getByLabel('问题描述').fill('城关第一小学校门口流动摊贩占道经营，放学时段存在交通安全隐患。');
  await form.getByLabel('整改时限').fill(day(30));
  await form.getByRole('button', { name: '保存' }).click();
  const ledger = page.getByRole('table', { name: '督政问题' });
  await expect(ledger).toContainText('流动摊贩占道经营');
  await shot(page, 'problems-units');

  // The school ledger does not list it.
  await page.goto(`${app.url}#/problems`);
  await expect(page.getByText('台账中还没有问题')).toBeVisible();

  await page.goto(`${app.url}#/problems/units`);
  await ledger.getByRole('link', { name: /流动摊贩占道经营/ }).click();
  await expect(page.getByRole('heading', { name: '问题 · 城关街道办事处' })).toBeVisible();
  await expect(page.getByRole('button', { name: '开具整改通知书' })).toHaveCount(0);
  const [advice] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出督导建议书' }).click()]);
  expect(advice.suggestedFilename()).toBe('督导建议书（城关街道办事处）.docx');
  const text = await docxText(advice);
  expect(text).toContain('城关街道办事处：');
  expect(text).toContain(`1.城关第一小学校门口流动摊贩占道经营，放学时段存在交通安全隐患（整改时限：${words(day(30))}）。`);
  await advice.saveAs('e2e-artifacts/unit-advice.docx');

  await page.getByLabel('说明（可选）').fill('已向街道发出督导建议书');
  await page.getByRole('button', { name: '开始整改' }).click();
  await page.getByLabel('说明（可选）').fill('街道已设置临时禁停区并安排城管值守');
  await page.getByRole('button', { name: '已整改，待回查' }).click();
  await page.getByRole('button', { name: '回查通过，销号' }).click();
  await expect(page.getByText('问题已销号。回头看时如发现反弹，问题将重新进入整改。')).toBeVisible();
  const timeline = page.getByRole('list', { name: '整改过程' }).or(page.getByLabel('整改过程'));
  await expect(timeline.first()).toContainText('街道已设置临时禁停区并安排城管值守');
  await shot(page, 'problems-unit-closed');
});

test('a 回头看 finds a 销号 problem back (反弹): it reopens with a new deadline, in its timeline, and a 约谈 follows', async ({ page, app }) => {
  const r = await registers(app);
  const p = await app.api<{ id: number }>('problems.save', { fields: { source: '督导记录', schoolId: r.s1.id, category: SAFETY, description: '消防通道堆放杂物' } });
  for (const to of ['整改中', '待回查', '已销号']) await app.api('problems.transition', { id: p.id, to });

  await page.goto(`${app.url}#/problems/${p.id}`);
  await expect(page.getByRole('button', { name: /改为整改中/ })).toHaveCount(0);
  await page.getByLabel('回头看日期').fill(day(0));
  await page.getByRole('button', { name: '安排回头看' }).click();
  await expect(page.getByText(`已安排 ${day(0)} 回头看`)).toBeVisible();

  await page.goto(`${app.url}#/problems/followups`);
  const list = page.getByRole('table', { name: '回头看' });
  await expect(list).toContainText('消防通道堆放杂物');
  await list.getByRole('button', { name: '登记回头看：消防通道堆放杂物' }).click();
  const form = page.getByRole('dialog', { name: '登记回头看' });
  await pick(page, form, '回头看督学', '张明');
  await form.getByText('反弹', { exact: true }).click();
  await form.getByLabel('重新整改期限').fill(day(15));
  await form.getByLabel('回头看情况').fill('消防通道又堆放了桌椅');
  await shot(page, 'followups-record');
  await form.getByRole('button', { name: '登记' }).click();
  await expect(form).toBeHidden();

  await page.goto(`${app.url}#/problems/${p.id}`);
  await expect(page.getByText('整改中').first()).toBeVisible();
  await expect(page.getByText('反弹1次')).toBeVisible();
  await expect(page.getByText(day(15)).first()).toBeVisible();
  await expect(page.getByText(`回头看发现反弹（张明，${day(0)}）：消防通道又堆放了桌椅，限${day(15)}前重新整改`)).toBeVisible();

  // 约谈 the head, from the problem's page: it shows in the timeline and the flag.
  await page.getByRole('button', { name: '登记约谈' }).click();
  const talk = page.getByRole('dialog', { name: '登记约谈' });
  await talk.getByLabel('约谈对象').fill('城关第一小学校长');
  await talk.getByLabel('约谈人').fill('区教育督导室主任');
  await talk.getByLabel('约谈结果').fill('学校作出书面整改承诺');
  await talk.getByRole('button', { name: '保存' }).click();
  await expect(talk).toBeHidden();
  await expect(page.getByText('已约谈')).toBeVisible();
  await expect(page.getByText(`${day(0)}，约谈城关第一小学校长，区教育督导室主任：学校作出书面整改承诺`)).toBeVisible();
  await shot(page, 'problems-rebound-timeline');

  // The 大事记 proposes the 约谈.
  await page.goto(`${app.url}#/chronicle`);
  await expect(page.getByText('约谈城关第一小学校长，就城关第一小学1个问题整改不力提出要求')).toBeVisible();
});

test('an evaluation round from the indicator library to its 达标率 and 评估报告', async ({ page, app }) => {
  await registers(app);
  await page.goto(`${app.url}#/evaluations?tab=library`);
  await page.getByRole('button', { name: '新建指标体系' }).click();
  await page.getByLabel('指标体系名称').fill('办学条件达标监测指标');
  // 一级 办学条件 with two 二级 scored 50 each (达标线 30); the starting rows are 一级 + 二级.
  await page.getByLabel('第1行指标名称').fill('办学条件');
  await page.getByLabel('第2行指标名称').fill('校舍场地');
  await page.getByLabel('第2行分值').fill('50');
  await page.getByLabel('第2行达标线').fill('30');
  await page.getByRole('button', { name: '在第2行下添加' }).click();
  await page.getByLabel('第3行指标名称').fill('教学设备');
  await page.getByLabel('第3行分值').fill('50');
  await page.getByLabel('第3行达标线').fill('30');
  await page.getByLabel('总分达标线').fill('60');
  await expect(page.getByText('满分 100')).toBeVisible();
  await shot(page, 'evaluations-library');
  await page.getByRole('button', { name: '保存指标体系' }).click();
  await expect(page.getByText('已保存（3项指标，满分100）')).toBeVisible();

  await page.goto(`${app.url}#/evaluations`);
  await page.getByRole('button', { name: '新建评估' }).click();
  const form = page.getByRole('dialog', { name: '新建评估' });
  await pick(page, form, '指标体系', '办学条件达标监测指标（3项，满分100）');
  await form.getByLabel('评估名称').fill('义务教育学校达标监测');
  await form.getByRole('button', { name: '全部义务教育学校' }).click();
  await expect(form.getByText('已选 3 所')).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '义务教育学校达标监测' })).toBeVisible();

  // Two schools scored by hand (one 达标, one not), the third from the Excel score sheet.
  const score = async (school: string, a: string, b: string) => {
    await page.locator('main').getByRole('combobox', { name: '学校', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(`^${school}`) }).click();
    await expect(page.getByText('已评 0/2 项')).toBeVisible();
    await page.getByLabel('1.1 校舍场地得分').fill(a);
    await page.getByLabel('1.2 教学设备得分').fill(b);
    await page.getByLabel('1.1扣分说明').fill(Number(a) < 30 ? '生均校舍面积不足' : '');
    if (school === '城关第二小学') await shot(page, 'evaluations-scores');
    await page.getByRole('button', { name: '保存评分' }).click();
    await expect(page.getByText(`已保存${school}的评分`)).toBeVisible();
  };
  await page.getByLabel('评分人').fill('张明');
  await score('城关第一小学', '45', '40');
  await score('城关第二小学', '25', '30');
  const round = (await app.api<{ id: number }[]>('evaluations.list', {}))[0];
  const sheet = await app.download(app.api<FileRef>('evaluations.exportScores', { id: round.id }));
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(sheet as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.eachRow((row) => { if (row.getCell(1).text === '城关中学') { row.getCell(2).value = 36; row.getCell(3).value = 30; } });
  await page.locator('input[type="file"][aria-label="选择评分表文件"]').setInputFiles({ name: '评分表.xlsx', mimeType: 'application/octet-stream',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
  const imported = page.getByRole('dialog', { name: '导入评分表' });
  await expect(imported.getByText('3所可以导入')).toBeVisible();
  await imported.getByLabel('评分人').fill('李华');
  await imported.getByRole('button', { name: '导入3所学校' }).click();
  await expect(imported).toBeHidden();

  await page.getByRole('tab', { name: '结果' }).click();
  await expect(page.getByLabel('达标率')).toHaveText('2/3 = 66.67%');
  await expect(page.getByRole('table', { name: '学校评估结果' })).toContainText('城关第一小学85');
  await shot(page, 'evaluations-results');
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出评估报告' }).click()]);
  expect(report.suggestedFilename()).toBe('义务教育学校达标监测评估报告.docx');
  const text = await docxText(report);
  expect(text).toContain('参评学校3所，完成全部指标评估3所，其中达标2所，达标率2/3 = 66.67%');
  expect(text).toContain('未达标学校：城关第二小学（55分）');
  // Its charts are Word's own, drawn from the report's tables (the page sends no pictures).
  const parts = Object.keys((await JSZip.loadAsync(fs.readFileSync((await report.path())!))).files);
  expect(parts.filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
  expect(parts.filter((f) => f.startsWith('word/media/'))).toEqual([]);
  await report.saveAs('e2e-artifacts/evaluation-report.docx');
  await page.getByRole('button', { name: '完成评估' }).click();
  await expect(page.getByText('已完成', { exact: true })).toBeVisible();
});
