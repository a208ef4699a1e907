import { Document, Packer, Paragraph, TextRun } from 'docx';
import { test, expect, shot } from './fixtures';

test('files a legacy .docx found by the header search; archives a year, refuses edits to it, reopens it', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  const complaint = await app.api<{ id: number }>('complaints.save', {
    fields: { receivedAt: '2024-10-09 09:30', channel: '来电', topic: '周边环境', schoolId: school.id, content: '校门口上学时段交通拥堵' },
  });

  // 历年档案: upload a Word file from before the app.
  await page.goto(`${app.url}#/year-close`);
  await page.getByRole('tab', { name: '历年档案' }).click();
  await page.getByLabel('年份', { exact: true }).fill('2019');
  await page.getByLabel('题名').fill('2019年控辍保学工作总结');
  await page.getByRole('combobox', { name: '类别', exact: true }).click();
  await page.getByRole('option', { name: '工作总结', exact: true }).click();
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [
    new Paragraph({ children: [new TextRun('二〇一九年控辍保学专项督导工作总结')] }),
    new Paragraph({ children: [new TextRun('全县义务教育巩固率达到百分之九十九点二。')] }),
  ] }] }));
  await page.locator('input[type=file]').setInputFiles({ name: '总结.docx', mimeType: 'application/octet-stream', buffer: docx });
  await page.getByRole('button', { name: '上传' }).click();
  const legacy = page.getByRole('table', { name: '历年档案列表' });
  await expect(legacy).toContainText('2019年控辍保学工作总结');
  await expect(legacy).toContainText('可搜索');
  await shot(page, 'yearly-legacy');

  // A damaged .docx is refused with a clear message.
  await page.locator('input[type=file]').setInputFiles({ name: '坏文件.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a word file') });
  await page.getByRole('button', { name: '上传' }).click();
  await expect(page.getByText('坏文件.docx 已损坏或不是有效的Word 文档（.docx）')).toBeVisible();

  // The header search finds it by the text inside the document and opens it.
  await page.getByRole('tab', { name: '年度归档' }).click();
  await page.getByRole('textbox', { name: '全局搜索' }).fill('巩固率达到');
  const results = page.getByRole('list', { name: '搜索结果' });
  await expect(results.getByRole('group', { name: '历年档案（1）' })).toContainText('2019年控辍保学工作总结');
  await shot(page, 'yearly-search');
  await results.getByRole('listitem').click();
  await expect(page).toHaveURL(/#\/year-close\?tab=legacy&file=\d+$/);
  await expect(page.getByRole('table', { name: '历年档案列表' }).locator('tr[aria-current="true"]')).toContainText('总结.docx');

  // Store 2024: its open work (the complaint 待处理) in view, a second confirmation naming the count, then its status.
  await page.getByRole('tab', { name: '年度归档' }).click();
  const row = page.getByRole('row', { name: '2024年度' });
  await expect(row).toContainText('未归档');
  await row.getByRole('button', { name: '归档' }).click();
  const dialog = page.getByRole('dialog', { name: '归档2024年度' });
  await expect(dialog).toContainText('归档后该年度变为只读');
  await expect(dialog.getByRole('table', { name: '来访来电：未办结' })).toContainText('周边环境：校门口上学时段交通拥堵');
  const archive = dialog.getByRole('button', { name: '仍然归档（1项未办结）' });
  await expect(archive).toBeDisabled();
  await dialog.getByLabel('我已查看以上 1 项未办结的工作，仍要归档2024年度').check();
  await page.waitForTimeout(400); // the modal's fade-in, for the screenshot
  await shot(page, 'yearly-confirm');
  await archive.click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已归档（只读）');
  await expect(row.getByRole('button', { name: '下载归档包' })).toBeVisible();
  await shot(page, 'yearly-archived');

  // Editing a record of 2024 is refused with the message.
  await page.goto(`${app.url}#/complaints/${complaint.id}`);
  await page.getByRole('button', { name: '编辑' }).click();
  const form = page.getByRole('dialog');
  await form.getByLabel('反映内容').fill('校门口上学时段交通拥堵（补充）');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('2024年度已归档，不能再修改该年度的记录。如确需修改，请在「年度归档」中重新开启该年度（需确认并记入日志）。')).toBeVisible();
  await page.waitForTimeout(500); // let the notification finish sliding in for the screenshot
  await shot(page, 'yearly-refused');

  // Reopen with the typed confirmation.
  await page.goto(`${app.url}#/year-close`);
  await row.getByRole('button', { name: '重新开启' }).click();
  const reopen = page.getByRole('dialog', { name: '重新开启2024年度' });
  const confirm = reopen.getByRole('button', { name: '重新开启' });
  await expect(confirm).toBeDisabled();
  await reopen.getByLabel('请输入「重新开启」以确认').fill('重新开启');
  await confirm.click();
  await expect(row).toContainText('未归档');
});

test('the year end: the current year is not offered; closing shows the open work; an archived year\'s open notice is reported, re-checked and closed', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const thisYear = new Date().getFullYear();
  const last = thisYear - 1;
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城关第一小学', type: '小学', nature: '公办' } });
  await app.api('supervisors.save', { fields: { name: '张明', category: '专职督学' } });
  const complaint = await app.api<{ id: number }>('complaints.save', {
    fields: { receivedAt: `${last}-11-20 09:30`, channel: '来访', topic: '管理', schoolId: school.id, content: '反映食堂饭菜分量不足' },
  });
  const problem = await app.api<{ id: number }>('problems.save', { fields: {
    source: '应访督导', complaintId: complaint.id, schoolId: school.id, category: '食堂、食品、饮水及宿舍卫生情况', description: '食堂未落实陪餐制度', actor: '学校',
  } });
  const notice = await app.api<{ id: number }>('notices.issue', { schoolId: school.id, problemIds: [problem.id], issuedDate: `${last}-12-01`, deadlineDays: 45, requirement: null });

  // This year has not ended: its 归档 is not offered, and the server refuses it too.
  await page.goto(`${app.url}#/year-close`);
  const current = page.getByRole('row', { name: `${thisYear}年度` });
  await expect(current.getByRole('button', { name: '归档' })).toBeDisabled();
  await expect(current).toContainText(`年度未结束，${thisYear + 1}年1月1日起可归档`);
  await expect(app.api('yearClose.close', { year: thisYear })).rejects.toThrow(`${thisYear}年度尚未结束，不能归档`);
  await expect(page.getByRole('row', { name: `${thisYear + 1}年度` })).toHaveCount(0);

  // Last year: the open work listed, each a link; archived after the second confirmation.
  const row = page.getByRole('row', { name: `${last}年度` });
  await row.getByRole('button', { name: '归档' }).click();
  const dialog = page.getByRole('dialog', { name: `归档${last}年度` });
  await expect(dialog.getByText(`${last}年度还有 2 项工作未办结`)).toBeVisible();
  const notices = dialog.getByRole('table', { name: '整改通知书：整改中、待回查' });
  await expect(notices.getByRole('link', { name: `整改通知书〔${last}〕第1号（城关第一小学）` })).toHaveAttribute('href', `#/problems/notices/${notice.id}`);
  await expect(notices).toContainText('整改中');
  await expect(dialog.getByRole('table', { name: '来访来电：未办结' }).getByRole('link', { name: '管理：反映食堂饭菜分量不足' }))
    .toHaveAttribute('href', `#/complaints/${complaint.id}`);
  await expect(dialog.getByText('归档后仍可继续整改，结转下一年度')).toBeVisible();
  await expect(dialog.getByText('归档后只读，不能再办理')).toBeVisible();
  const archive = dialog.getByRole('button', { name: '仍然归档（2项未办结）' });
  await expect(archive).toBeDisabled();
  await dialog.getByLabel(`我已查看以上 2 项未办结的工作，仍要归档${last}年度`).check();
  await page.waitForTimeout(400);
  await shot(page, 'yearly-open-work');
  await archive.click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已归档（只读）');
  await shot(page, 'yearly-current-not-offered');

  // The archived year's notice still takes the school's report, the 回查, and 销号.
  await page.goto(`${app.url}#/problems/notices/${notice.id}`);
  const listed = page.getByRole('table', { name: '通知书所列问题' });
  await expect(listed.getByText('整改中')).toBeVisible();
  await page.getByLabel('整改报告').fill('已建立校领导陪餐制度并公示。');
  await page.getByRole('button', { name: '登记整改报告' }).click();
  await expect(page.getByText('整改报告已登记，问题转为「待回查」')).toBeVisible();
  await expect(listed.getByText('待回查')).toBeVisible();
  await page.getByRole('combobox', { name: '回查督学' }).click();
  await page.getByRole('option', { name: '张明' }).click();
  await page.getByRole('button', { name: '登记回查' }).click();
  await expect(page.getByText('回查通过，问题已销号')).toBeVisible();
  await expect(listed.getByText('已销号')).toBeVisible();
  await expect(page.getByRole('table', { name: '回查记录' })).toContainText('张明');
  await page.waitForTimeout(500);
  await shot(page, 'yearly-archived-notice-closed');
  const log = await app.api<{ rows: { action: string; summary: string }[] }>('audit.list', { kind: 'notice' });
  expect(log.rows.map((r) => r.action).slice(0, 2)).toEqual(['回查', '整改报告']);

  // This year's 台账 carries it over from last year.
  await page.goto(`${app.url}#/problems?year=${thisYear}`);
  const ledger = page.getByRole('table', { name: '问题台账' });
  await expect(ledger).toContainText('食堂未落实陪餐制度');
  await expect(ledger).toContainText(`结转自${last}年`);
  await shot(page, 'yearly-ledger-carried');
  await page.getByText('只看本期提出', { exact: true }).click();
  await expect(ledger).not.toContainText('食堂未落实陪餐制度');
});
