import { test, expect, shot } from './fixtures';

test('责任区: create with a leader, add and move schools between zones, edit, delete', async ({ page, app }) => {
  test.slow(); // one long user flow
  await app.api('dataFolder.initialize', { mode: 'empty' });
  await app.api('supervisors.save', { fields: { name: '周建国', category: '专职督学' } });
  await app.api('supervisors.save', { fields: { name: '吴丽华', category: '专职督学' } });
  for (const [fullName, type] of [['城东小学', '小学'], ['城东中学', '初中'], ['桃源乡中心小学', '小学']]) {
    await app.api('schools.save', { fields: { fullName, type } });
  }

  await page.goto(`${app.url}#/zones`);
  await expect(page.getByRole('heading', { name: '责任区' })).toBeVisible();
  const zones = page.getByRole('table', { name: '责任区列表' });
  await expect(zones.getByRole('row', { name: /未分区学校/ })).toContainText('3');

  // Create: the name is required; the leader is found by typing.
  await page.getByRole('button', { name: '新增责任区' }).click();
  const form = page.getByRole('dialog', { name: '新增责任区' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('必须填写')).toBeVisible();
  await form.getByLabel('责任区名称').fill('城东责任区');
  await form.getByRole('combobox', { name: '组长' }).fill('周建');
  await page.getByRole('option', { name: /周建国/ }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(zones.getByRole('row', { name: /城东责任区/ })).toContainText('周建国');

  // A duplicate name is refused next to the field.
  await page.getByRole('button', { name: '新增责任区' }).click();
  await form.getByLabel('责任区名称').fill('城东责任区');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('已有名为「城东责任区」的责任区')).toBeVisible();
  await form.getByLabel('责任区名称').fill('乡村责任区');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await shot(page, 'zones-list');

  // Add two schools to 城东责任区 from the whole register.
  await zones.getByRole('link', { name: '城东责任区' }).click();
  await expect(page.getByRole('heading', { name: '城东责任区' })).toBeVisible();
  await page.getByRole('button', { name: '添加学校' }).click();
  const add = page.getByRole('dialog', { name: '添加学校到「城东责任区」' });
  const picker = add.getByRole('combobox', { name: '学校' });
  await picker.fill('城东');
  await page.getByRole('option', { name: /城东小学/ }).click();
  await picker.fill('城东');
  await page.getByRole('option', { name: /城东中学/ }).click();
  await add.getByRole('heading').click(); // close the dropdown
  await add.getByRole('button', { name: '移入本责任区' }).click();
  await expect(add).toBeHidden();
  const schools = page.getByRole('table', { name: '责任区学校' });
  await expect(schools.getByRole('row')).toHaveCount(3); // header + 2
  await expect(page.getByText('2 所学校', { exact: true })).toBeVisible();

  // Move one of them to 乡村责任区 with the checkbox and the target zone.
  await schools.getByRole('checkbox', { name: '选择 城东中学' }).check();
  await page.getByRole('combobox', { name: '将所选学校移至' }).click();
  await page.getByRole('option', { name: '乡村责任区' }).click();
  await shot(page, 'zone-detail');
  await page.getByRole('button', { name: '移动所选学校（1）' }).click();
  await expect(schools.getByRole('row', { name: /城东中学/ })).toHaveCount(0);
  await expect(schools.getByRole('row', { name: /城东小学/ })).toBeVisible();

  // The list counts them; edit the zone's name.
  await page.getByRole('link', { name: '← 返回责任区' }).click();
  await expect(zones.getByRole('row', { name: /城东责任区/ })).toContainText('1');
  await expect(zones.getByRole('row', { name: /乡村责任区/ })).toContainText('1');
  await expect(zones.getByRole('row', { name: /未分区学校/ })).toContainText('1');
  await zones.getByRole('button', { name: '编辑 城东责任区' }).click();
  const edit = page.getByRole('dialog', { name: '编辑责任区：城东责任区' });
  await expect(edit.getByRole('combobox', { name: '组长' })).toHaveValue(/周建国/);
  await edit.getByLabel('责任区名称').fill('城东第一责任区');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(zones.getByRole('link', { name: '城东第一责任区' })).toBeVisible();

  // Delete: the confirm names the 回收站; its school then shows as 未分区.
  await zones.getByRole('button', { name: '删除 城东第一责任区' }).click();
  const confirm = page.getByRole('dialog', { name: '删除责任区' });
  await expect(confirm).toContainText('回收站');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(zones.getByRole('link', { name: '城东第一责任区' })).toHaveCount(0);
  await expect(zones.getByRole('row', { name: /未分区学校/ })).toContainText('2');
  await zones.getByRole('link', { name: '未分区学校' }).click();
  await expect(page.getByRole('table', { name: '责任区学校' }).getByRole('row', { name: /城东小学/ })).toBeVisible();
  await shot(page, 'zones-unzoned');
  const bin = await app.api<{ kind: string; title: string }[]>('recycle.list');
  expect(bin.map((b) => [b.kind, b.title])).toContainEqual(['zone', '城东第一责任区']);
});
