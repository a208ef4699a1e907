import { test, expect, shot } from './fixtures';

// A real 8×8 red PNG, so the browser's image decoder and resizeImage have something to work on.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4ISeHFTEMLQkAkL9BAbKfPiIAAAAASUVORK5CYII=',
  'base64',
);

function day(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

test('督学名册: add with photo, validation, search, filter, sort, edit, delete to 回收站', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const seed = [
    { name: '陈静', category: '兼职督学', unit: '县第二中学', stage: '初中', subject: '英语', mobile: '13800000002', termEnd: day(400) },
    { name: '赵刚', category: '社区督学', unit: '城关社区', stage: '其他', termEnd: day(20), mobile: '13800000003' },
    { name: '孙丽', category: '兼职督学', unit: '城关第二小学', stage: '小学', subject: '数学', termEnd: day(-3) },
  ];
  for (const fields of seed) await app.api('supervisors.save', { fields });

  await page.goto(`${app.url}#/supervisors`);
  await expect(page.getByRole('heading', { name: '督学' })).toBeVisible();
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByRole('row', { name: /赵刚/ }).getByText('即将期满')).toBeVisible();
  await expect(page.getByRole('row', { name: /孙丽/ }).getByText('已期满')).toBeVisible();

  // ---- Add through the form, with a photo and a server-side validation error first.
  await page.getByRole('button', { name: '新增督学' }).click();
  const form = page.getByRole('dialog', { name: '新增督学' });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('请填写姓名')).toBeVisible();

  const text = (name: string) => form.getByRole('textbox', { name, exact: true });
  const pick = async (name: string, option: string) => {
    await form.getByRole('combobox', { name, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  await text('姓名').fill('欧阳明华');
  await pick('性别', '女');
  await text('出生年月').fill('1978-04');
  await pick('学历', '研究生');
  await text('工作单位').fill('城关第一小学');
  await text('职务').fill('副校长');
  await text('职称').fill('高级教师');
  await pick('任教学段', '小学');
  await text('学科').fill('语文');
  await text('手机').fill('12345');
  await pick('类别', '专职督学');
  await text('督学证编号').fill('DX-2025-001');
  await text('聘书编号').fill('PS-09');
  await text('聘任起始').fill('2024-09-01');
  await text('聘任截止').fill('2027-08-31');
  await text('备注').fill('兼任法制督学');
  await page.locator('input[type="file"]').setInputFiles({ name: '照片.png', mimeType: 'image/png', buffer: PNG });
  await expect(form.getByRole('img', { name: '督学照片' })).toBeVisible();

  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('「手机」应为11位手机号码').first()).toBeVisible();
  await shot(page, 'supervisors-form-error');

  await text('手机').fill('13912345678');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();
  await expect(rows).toHaveCount(4);
  const added = page.getByRole('row', { name: /欧阳明华/ });
  await expect(added).toContainText('专职督学');
  await expect(added).toContainText('小学 · 语文');
  await expect(added).toContainText('13912345678');
  await expect(added).toContainText('2027-08-31');

  // Every field reached the archive.
  const saved = await app.api<{ rows: Array<Record<string, unknown>> }>('supervisors.list', { q: '欧阳明华' });
  expect(saved.rows[0]).toMatchObject({
    gender: '女', birthMonth: '1978-04', education: '研究生', position: '副校长', title: '高级教师', certNo: 'DX-2025-001',
    letterNo: 'PS-09', termStart: '2024-09-01', status: '在聘', notes: '兼任法制督学',
  });
  expect(saved.rows[0].photo).toMatch(/^[0-9a-f]{64}$/);

  // ---- Search: a 2-character and a 4-character substring.
  const search = page.getByLabel('搜索', { exact: true });
  await search.fill('明华');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('欧阳明华');
  await search.fill('城关第二');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('孙丽');
  await search.fill('');
  await expect(rows).toHaveCount(4);

  // ---- Filter by 类别, then the term warning.
  await page.getByRole('combobox', { name: '类别', exact: true }).click();
  await page.getByRole('option', { name: '兼职督学' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('共 2 人（已按条件筛选）')).toBeVisible();
  await page.getByRole('button', { name: '清除条件' }).click();
  await expect(rows).toHaveCount(4);
  await page.getByLabel('只看聘任即将期满').check();
  await expect(rows).toHaveCount(2);
  await expect(page.locator('tbody')).not.toContainText('欧阳明华');
  await page.getByLabel('只看聘任即将期满').uncheck();

  // ---- Sort by 聘任截止, then the other way.
  await page.getByRole('button', { name: '按聘任截止排序' }).click();
  await expect(rows.first()).toContainText('孙丽');
  await page.getByRole('button', { name: '按聘任截止排序' }).click();
  await expect(rows.first()).toContainText('陈静');
  await expect(rows.nth(1)).toContainText('欧阳明华');
  await shot(page, 'supervisors-list');

  // ---- Edit: the photo comes back from the archive; change the 工作单位.
  await page.getByRole('row', { name: /欧阳明华/ }).click();
  const edit = page.getByRole('dialog', { name: '督学：欧阳明华' });
  await expect(edit.getByRole('img', { name: '督学照片' })).toBeVisible();
  await expect(edit.getByRole('textbox', { name: '聘任起始', exact: true })).toHaveValue('2024年9月1日');
  await shot(page, 'supervisors-form-edit');
  await edit.getByRole('tab', { name: /挂牌学校/ }).click();
  await expect(edit.getByText('尚未挂牌任何学校')).toBeVisible();
  await edit.getByRole('tab', { name: '基本资料' }).click();
  await edit.getByRole('textbox', { name: '工作单位', exact: true }).fill('实验小学');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row', { name: /欧阳明华/ })).toContainText('实验小学');

  // ---- Delete: confirm, gone from the list, listed in the 回收站.
  await page.getByRole('row', { name: /陈静/ }).click();
  const chen = page.getByRole('dialog', { name: '督学：陈静' });
  await chen.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除督学' });
  await expect(confirm).toContainText('回收站');
  await confirm.getByRole('button', { name: '移入回收站' }).click();
  await expect(chen).toBeHidden();
  await expect(page.getByRole('row', { name: /陈静/ })).toHaveCount(0);
  await expect(rows).toHaveCount(3);
  const bin = await app.api<Array<{ kind: string; title: string }>>('recycle.list');
  expect(bin).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'supervisor', title: '陈静' })]));
});

test('挂牌 detail, 责任区 column and filter; a deep link; an unknown id says so in Chinese', async ({ page, app }) => {
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const li = await app.api<{ id: number }>('supervisors.save', { fields: { name: '李四', category: '专职督学' } });
  await app.api('supervisors.save', { fields: { name: '王五', category: '家长督学' } });
  const zone = await app.api<{ id: number }>('zones.save', { fields: { name: '城东责任区' } });
  const school = await app.api<{ id: number }>('schools.save', { fields: { fullName: '城东实验小学', type: '小学', zoneId: zone.id } });
  await app.api('assignments.save', { schoolId: school.id, supervisorId: li.id, role: '责任督学' });

  await page.goto(`${app.url}#/supervisors`);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('row', { name: /李四/ })).toContainText('城东责任区');
  await page.getByRole('combobox', { name: '责任区', exact: true }).click();
  await page.getByRole('option', { name: '城东责任区' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李四');

  await page.goto(`${app.url}#/supervisors/${li.id}`);
  const dlg = page.getByRole('dialog', { name: '督学：李四' });
  await dlg.getByRole('tab', { name: '挂牌学校（1）' }).click();
  const table = dlg.getByRole('table', { name: '挂牌学校' });
  await expect(table.getByRole('row', { name: /城东实验小学/ })).toContainText('责任督学');
  await expect(dlg).toContainText('责任区：城东责任区');
  await shot(page, 'supervisors-detail-assignments');

  await page.goto(`${app.url}#/supervisors/99999`);
  await expect(page.getByText('编号为 99999 的督学不存在或已被删除')).toBeVisible();
});
