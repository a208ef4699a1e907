import { test, expect, shot } from './fixtures';
import type { AppServer } from './fixtures';

async function schoolId(app: AppServer, name: string): Promise<number> {
  const page = await app.api<{ rows: { id: number; fullName: string }[] }>('schools.list', { q: name });
  const row = page.rows.find((r) => r.fullName === name);
  if (!row) throw new Error(`no school ${name}`);
  return row.id;
}

test('回收站: restore, purge with a warning, restore conflict; 操作日志 shows it all', async ({ page, demoApp }) => {
  const sup = (await demoApp.api<{ rows: { id: number; name: string }[] }>('supervisors.list', { category: '家长督学' })).rows[0];
  const shiyan = await schoolId(demoApp, '清河区实验小学');
  const diyi = await schoolId(demoApp, '清河区第一小学');
  await demoApp.api('supervisors.delete', { id: sup.id });
  await demoApp.api('schools.delete', { id: shiyan });
  await demoApp.api('schools.delete', { id: diyi });

  await page.goto(demoApp.url);
  await page.getByRole('link', { name: '回收站' }).click();
  await expect(page.getByRole('heading', { name: '回收站' })).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('学校清河区第一小学');
  await expect(rows.nth(3)).toContainText(`督学${sup.name}`);
  await shot(page, 'recycle-list');

  // 恢复: back in the register.
  await page.getByRole('button', { name: '恢复学校「清河区实验小学」' }).click();
  await expect(page.getByText('已恢复学校「清河区实验小学」')).toBeVisible();
  await expect(rows).toHaveCount(3);
  expect(await schoolId(demoApp, '清河区实验小学')).toBe(shiyan);

  // 彻底删除: asks first, warns it cannot be undone.
  await page.getByRole('button', { name: `彻底删除督学「${sup.name}」` }).click();
  const dialog = page.getByRole('dialog', { name: '彻底删除' });
  await expect(dialog).toContainText('此操作无法撤销');
  await expect(dialog).toContainText(`确定要彻底删除督学「${sup.name}」吗？`);
  await shot(page, 'recycle-purge-confirm');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(rows).toHaveCount(3);
  await page.getByRole('button', { name: `彻底删除督学「${sup.name}」` }).click();
  await dialog.getByRole('button', { name: '确认彻底删除' }).click();
  await expect(page.getByText(`已彻底删除督学「${sup.name}」`)).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(demoApp.api('supervisors.get', { id: sup.id })).rejects.toThrow();

  // A new school took the name meanwhile: the archive's Chinese message is shown, the item stays.
  await demoApp.api('schools.save', { fields: { fullName: '清河区第一小学', type: '小学', nature: '公办' } });
  await page.getByRole('button', { name: '恢复学校「清河区第一小学」' }).click();
  await expect(page.getByText('无法恢复学校「清河区第一小学」：档案中已有同名（或同编号）的记录。请先修改或删除那条记录后再恢复。')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await page.waitForTimeout(500); // let the notification finish sliding in
  await shot(page, 'recycle-conflict');

  // 操作日志: newest first, filter by kind.
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible();
  const log = page.getByRole('row');
  await expect(log.nth(1)).toContainText('新增');
  await expect(log.nth(1)).toContainText('清河区第一小学');
  await expect(page.getByRole('cell', { name: `彻底删除督学「${sup.name}」` })).toBeVisible();
  await expect(page.getByRole('cell', { name: '从回收站恢复学校「清河区实验小学」' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '载入示例档案' })).toBeVisible();
  await shot(page, 'audit-log');
  await page.getByRole('combobox', { name: '类别' }).click();
  await page.getByRole('option', { name: '学校' }).click();
  await expect(page.getByText('共 4 条（学校）')).toBeVisible();
  await expect(page.getByRole('cell', { name: '载入示例档案' })).toHaveCount(0);
  await expect(log).toHaveCount(5);
});

test('操作日志 pages through a long log', async ({ page, demoApp }) => {
  const s = await demoApp.api<Record<string, unknown>>('settings.get');
  for (let i = 1; i <= 60; i++) await demoApp.api('settings.save', { ...s, printCopies: i });
  await page.goto(demoApp.url);
  await page.getByRole('link', { name: '操作日志' }).click();
  await expect(page.getByText('共 61 条')).toBeVisible();
  await expect(page.getByRole('row')).toHaveCount(51);
  await page.getByRole('button', { name: '下一页' }).click();
  await expect(page.getByRole('row')).toHaveCount(12);
  await expect(page.getByRole('cell', { name: '载入示例档案' })).toBeVisible();
  await shot(page, 'audit-log-page2');
});
