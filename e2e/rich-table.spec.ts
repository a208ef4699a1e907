import { test, expect, shot } from './fixtures';
import type { Block } from '../shared/schemas/blocks';

test('inserts a table in a case body, edits it by double-click and saves it as a table block', async ({ app, page }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await page.goto(`${app.url}#/pieces/new`);
  await page.getByRole('textbox', { name: '标题', exact: true }).fill('课后服务开展情况');
  await page.getByRole('textbox', { name: '作者姓名' }).fill('王某某');
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.click();
  await page.keyboard.type('各校课后服务开展情况如下：');

  // 插入表格 opens the dialog with an empty 3×3 grid, the first row a header.
  await page.getByRole('button', { name: '插入表格' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑表格' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveCount(9);
  await expect(dialog.getByRole('checkbox', { name: '首行为表头' })).toBeChecked();
  // An empty table is refused.
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/表格还是空的/);

  // Two rows of three: the last row goes, then the cells are typed.
  await dialog.getByRole('button', { name: '删除行' }).click();
  await expect(dialog.getByRole('textbox')).toHaveCount(6);
  await expect(dialog.getByText('2行 × 3列')).toBeVisible();
  const cells = [['学校', '参与学生', '满意度'], ['第一小学', '820', '']];
  for (const [r, row] of cells.entries()) {
    for (const [c, text] of row.entries()) if (text) await dialog.getByRole('textbox', { name: `第${r + 1}行第${c + 1}列` }).fill(text);
  }
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await shot(page, 'rich-table-dialog');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();

  const table = editor.locator('table');
  await expect(table.locator('th')).toHaveText(['学校', '参与学生', '满意度']);
  await expect(table.locator('td')).toHaveText(['第一小学', '820', '']);
  // Typing goes on after the table.
  await page.keyboard.type('总体运行平稳。');
  await expect(editor.locator('p').last()).toHaveText('总体运行平稳。');

  // A selected table: the button edits it; Delete removes it and 撤销 brings it back.
  await table.click();
  await expect(page.getByRole('button', { name: '编辑表格' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(editor.locator('table')).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(table.locator('th')).toHaveText(['学校', '参与学生', '满意度']);
  await shot(page, 'rich-table-editor');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存「课后服务开展情况」')).toBeVisible();
  await expect(page).toHaveURL(/#\/pieces\/\d+$/);
  const id = Number(page.url().split('/').pop());
  const saved = await app.api<{ body: Block[] }>('pieces.get', { id });
  expect(saved.body).toEqual([
    { type: 'paragraph', runs: [{ text: '各校课后服务开展情况如下：' }] },
    { type: 'table', header: true, rows: cells },
    { type: 'paragraph', runs: [{ text: '总体运行平稳。' }] },
  ]);

  // Reopened, the table is there; a double-click opens it in the dialog with its cells.
  await page.goto(`${app.url}#/pieces`);
  await page.getByRole('table', { name: '文章列表' }).getByText('课后服务开展情况').click();
  await expect(page).toHaveURL(new RegExp(`#/pieces/${id}$`));
  const reopened = page.getByRole('textbox', { name: '正文' }).locator('table');
  await expect(reopened.locator('td')).toHaveText(['第一小学', '820', '']);
  await reopened.getByText('820').dblclick();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '第1行第2列' })).toHaveValue('参与学生');
  await dialog.getByRole('textbox', { name: '第2行第3列' }).fill('98%');
  await dialog.getByRole('checkbox', { name: '首行为表头' }).uncheck();
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(reopened.locator('th')).toHaveCount(0);
  await expect(reopened.locator('td').last()).toHaveText('98%');
  // Cancelling the dialog changes nothing.
  await page.getByRole('button', { name: '编辑表格' }).click();
  await dialog.getByRole('textbox', { name: '第1行第1列' }).fill('改了又取消');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(reopened.locator('td').first()).toHaveText('学校');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  // Read back once saved (the first save's notice may still be showing).
  await expect.poll(async () => (await app.api<{ body: Block[] }>('pieces.get', { id })).body).toEqual([
    saved.body[0],
    { type: 'table', header: false, rows: [['学校', '参与学生', '满意度'], ['第一小学', '820', '98%']] },
    saved.body[2],
  ]);
});

test('a table pasted from Word becomes a simple table; Enter on a selected table edits it', async ({ app, page }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await page.goto(`${app.url}#/pieces/new`);
  const editor = page.getByRole('textbox', { name: '正文' });
  await editor.click();
  // What Word puts on the clipboard, in short: a header row, a spanned cell, paragraphs in cells.
  await editor.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/html', '<table><thead><tr><th><p>序号</p></th><th><p>整改事项</p></th><th>时限</th></tr></thead>'
      + '<tbody><tr><td>1</td><td colspan="2"><p>补全食品留样</p><p>记录</p></td></tr></tbody></table>');
    data.setData('text/plain', '序号\t整改事项\t时限\n1\t补全食品留样记录');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const table = editor.locator('table');
  await expect(table.locator('th')).toHaveText(['序号', '整改事项', '时限']);
  await expect(table.locator('td')).toHaveText(['1', '补全食品留样 记录', '']);

  await table.click();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '编辑表格' });
  await expect(dialog.getByRole('textbox', { name: '第2行第2列' })).toHaveValue('补全食品留样 记录');
  // Columns go in right of the cell last clicked, up to the limit of 20.
  await dialog.getByRole('textbox', { name: '第1行第1列' }).click();
  await dialog.getByRole('button', { name: '添加列' }).click();
  await expect(dialog.getByRole('textbox', { name: '第1行第2列' })).toHaveValue('');
  await expect(dialog.getByRole('textbox', { name: '第1行第3列' })).toHaveValue('整改事项');
  for (let i = 4; i < 20; i++) await dialog.getByRole('button', { name: '添加列' }).click();
  await expect(dialog.getByText('2行 × 20列')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '添加列' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(table.locator('th')).toHaveCount(3);
});
