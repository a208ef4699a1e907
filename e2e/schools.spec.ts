import { test, expect, shot } from './fixtures';

// A 1×1 PNG, enough to show that the 公示牌 loads the supervisor's photo from the archive.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

test('学校: create with validation, zone it, assign a supervisor, open the 公示牌, delete', async ({ page, app }) => {
  test.slow(); // one long user flow
  await app.api('dataFolder.initialize', { mode: 'empty' });
  const settings = await app.api<Record<string, unknown>>('settings.get');
  await app.api('settings.save', { ...settings, officeName: '青山县人民政府教育督导室', officePhone: '0571-12345678' });
  const { uploadId } = await app.upload('photo', 'zhang.png', PNG);
  const { hash } = await app.api<{ hash: string }>('attachments.put', { uploadId });
  await app.api('supervisors.save', { fields: { name: '张敏', category: '专职督学', mobile: '13800000001', photo: hash } });
  await app.api('supervisors.save', { fields: { name: '李强', category: '兼职督学', mobile: '13900000002' } });

  await page.goto(`${app.url}#/schools`);
  await expect(page.getByRole('heading', { name: '学校' })).toBeVisible();
  await expect(page.getByText('还没有学校')).toBeVisible();

  // The form: empty 全称 and a bad phone are refused in Chinese, next to the field.
  await page.getByRole('button', { name: '新增学校' }).click();
  const form = page.getByRole('dialog', { name: '新增学校' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('必须填写').first()).toBeVisible();
  await form.getByLabel('学校全称').fill('青山县城关第一小学');
  await form.getByLabel('简称').fill('城关一小');
  await form.getByRole('combobox', { name: '学段/类型' }).click();
  await page.getByRole('option', { name: '小学', exact: true }).click();
  await form.getByRole('combobox', { name: '城乡' }).click();
  await page.getByRole('option', { name: '城区', exact: true }).click();
  await form.getByLabel('校长').fill('王校长');
  await form.getByLabel('联系电话').fill('电话未知');
  await form.getByLabel('学生数').fill('1200');
  await form.getByLabel('教师数').fill('86');
  await form.getByLabel('地址').fill('城关镇人民路1号');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByText('应为电话号码')).toBeVisible();
  await shot(page, 'schools-form-validation');
  await form.getByLabel('联系电话').fill('0571-88880001');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeHidden();

  const table = page.getByRole('table', { name: '学校列表' });
  const row = table.getByRole('row', { name: /青山县城关第一小学/ });
  await expect(row).toContainText('城区');
  await expect(row).toContainText('1200');
  await expect(row).toContainText('未分区');
  await expect(page.getByText('共 1 所学校')).toBeVisible();

  // A zone, then move the school in from the 未分区 list.
  await app.api('zones.save', { fields: { name: '城关责任区' } });
  await page.getByRole('link', { name: '责任区', exact: true }).click();
  await page.getByRole('link', { name: '未分区学校' }).click();
  await page.getByRole('checkbox', { name: '选择 青山县城关第一小学' }).check();
  await page.getByRole('combobox', { name: '将所选学校移至' }).click();
  await page.getByRole('option', { name: '城关责任区' }).click();
  await page.getByRole('button', { name: /移动所选学校/ }).click();
  await expect(page.getByText('所有学校都已分区')).toBeVisible();

  // Back in the list the school shows its zone, and the 责任区 filter finds it.
  await page.getByRole('link', { name: '学校', exact: true }).click();
  await expect(row).toContainText('城关责任区');
  await page.getByRole('combobox', { name: '责任区' }).click();
  await page.getByRole('option', { name: '未分区' }).click();
  await expect(page.getByText('没有符合条件的学校')).toBeVisible();
  await page.getByRole('combobox', { name: '责任区' }).click();
  await page.getByRole('option', { name: '城关责任区' }).click();
  await expect(row).toBeVisible();
  await page.getByRole('textbox', { name: '搜索学校' }).fill('城关一');
  await expect(row).toBeVisible();
  await page.getByRole('textbox', { name: '搜索学校' }).fill('不存在');
  await expect(page.getByText('没有符合条件的学校')).toBeVisible();
  await page.getByRole('textbox', { name: '搜索学校' }).fill('');
  await expect(row).toBeVisible();
  await shot(page, 'schools-list');

  // The detail: assign 张敏 as 责任督学 and 李强 as A角; the same assignment twice is refused.
  await row.getByRole('link', { name: '青山县城关第一小学' }).click();
  await expect(page.getByRole('heading', { name: '青山县城关第一小学' })).toBeVisible();
  await expect(page.getByText('这所学校还没有挂牌督学')).toBeVisible();
  const assigned = page.getByRole('table', { name: '挂牌督学' });
  await page.getByRole('combobox', { name: '督学' }).fill('张');
  await page.getByRole('option', { name: /张敏/ }).click();
  await page.getByRole('button', { name: '添加挂牌' }).click();
  await expect(assigned.getByRole('row', { name: /责任督学.*张敏/ })).toBeVisible();
  await page.getByRole('combobox', { name: '督学' }).fill('李强');
  await page.getByRole('option', { name: /李强/ }).click();
  await page.getByRole('combobox', { name: '挂牌角色' }).click();
  await page.getByRole('option', { name: 'A角' }).click();
  await page.getByRole('button', { name: '添加挂牌' }).click();
  await expect(assigned.getByRole('row', { name: /A角.*李强/ })).toBeVisible();
  await page.getByRole('combobox', { name: '督学' }).fill('李强');
  await page.getByRole('option', { name: /李强/ }).click();
  await page.getByRole('button', { name: '添加挂牌' }).click();
  await expect(page.getByText('督学「李强」已是「青山县城关第一小学」的A角，不能重复挂牌')).toBeVisible();
  await page.waitForTimeout(400); // let the notification finish sliding in for the screenshot
  await shot(page, 'school-detail');

  // Remove 李强's listing (it goes to the 回收站).
  await assigned.getByRole('button', { name: '移除 李强 A角' }).click();
  await expect(page.getByRole('dialog', { name: '删除挂牌' })).toContainText('回收站');
  await page.getByRole('dialog', { name: '删除挂牌' }).getByRole('button', { name: '删除' }).click();
  await expect(assigned.getByRole('row', { name: /李强/ })).toHaveCount(0);

  // The 公示牌.
  await page.getByRole('link', { name: '公示牌' }).click();
  const board = page.getByLabel('公示牌');
  await expect(board.getByRole('heading', { name: '青山县城关第一小学' })).toBeVisible();
  await expect(board.getByTestId('board-supervisor')).toHaveCount(1);
  await expect(board.getByTestId('board-supervisor')).toContainText('张敏');
  await expect(board.getByTestId('board-supervisor')).toContainText('责任督学');
  await expect(board.getByTestId('board-supervisor')).toContainText('13800000001');
  await expect(board.getByRole('img', { name: '张敏的照片' })).toBeVisible();
  await expect(board.getByText('校务管理和制度执行情况')).toBeVisible();
  await expect(board.getByText('校风、教风、学风建设情况')).toBeVisible();
  await expect(board).toContainText('督导室电话：0571-12345678');
  await expect(board).toContainText('青山县人民政府教育督导室');
  await shot(page, 'school-board');

  // Delete: the confirm says it goes to the 回收站; then the list is empty and the bin has it.
  await page.getByRole('link', { name: '← 返回学校' }).click();
  await page.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除学校' });
  await expect(confirm).toContainText('回收站');
  await page.waitForTimeout(400); // let the modal finish fading in for the screenshot
  await shot(page, 'school-delete-confirm');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('heading', { name: '学校' })).toBeVisible();
  await expect(page.getByText('还没有学校')).toBeVisible();
  const bin = await app.api<{ kind: string; title: string }[]>('recycle.list');
  expect(bin.map((b) => [b.kind, b.title])).toContainEqual(['school', '青山县城关第一小学']);
});
