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

  // Store 2024: confirm, then its status.
  await page.getByRole('tab', { name: '年度归档' }).click();
  const row = page.getByRole('row', { name: '2024年度' });
  await expect(row).toContainText('未归档');
  await row.getByRole('button', { name: '归档' }).click();
  const dialog = page.getByRole('dialog', { name: '归档2024年度' });
  await expect(dialog).toContainText('归档后该年度变为只读');
  await page.waitForTimeout(400); // the modal's fade-in, for the screenshot
  await shot(page, 'yearly-confirm');
  await dialog.getByRole('button', { name: '确认归档' }).click();
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
