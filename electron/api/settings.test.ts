import { afterEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { refusal } from '../testing/refused';
import { call } from '.';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/schemas/settings';

const open: { dispose(): void }[] = [];
async function archive(init: 'empty' | 'demo' = 'empty') {
  const a = await tempStore({ init });
  open.push(a);
  return a;
}
afterEach(() => { for (const a of open.splice(0)) a.dispose(); });

const edited = (patch: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULT_SETTINGS), ...patch });

describe('settings.get / settings.save', () => {
  it('starts from the defaults, then keeps every edited setting and logs what changed', async () => {
    const a = await archive();
    expect(await call(a, 'settings.get', {})).toEqual(DEFAULT_SETTINGS);
    const next = edited({
      officeName: '  东城区人民政府教育督导室 ',
      officePhone: '0571-88886666',
      briefingName: '东城督导简报',
      distribution: { bao: ['市人民政府教育督导室'], song: ['区人大常委会', '区政协'], fa: ['各中小学'] },
      printCopies: 55,
      fonts: { title: '华文中宋', body: '仿宋', heading1: '黑体', heading2: '楷体', pageNumber: '宋体' },
      supervisorCategories: ['专职督学', '兼职督学', '法制督学'],
      eightItems: [...DEFAULT_SETTINGS.eightItems.slice(1), '其他情况'],
    });
    const saved = await call(a, 'settings.save', next);
    expect(saved.officeName).toBe('东城区人民政府教育督导室');
    expect(await call(a, 'settings.get', {})).toEqual({ ...next, officeName: '东城区人民政府教育督导室' });
    const line = a.db.prepare(`SELECT action, kind, summary FROM audit_log ORDER BY id DESC LIMIT 1`).get();
    expect(line).toEqual({
      action: '修改', kind: 'settings',
      summary: '修改系统设置：督导室名称、联系电话、简报名称、报送单位、印数、公文字体、督学类别、八项督导事项',
    });
  });

  it('survives reopening the archive (it is stored, not cached)', async () => {
    const a = await archive();
    await call(a, 'settings.save', edited({ printCopies: 12, officePhone: '' }));
    const row = a.db.prepare(`SELECT value FROM settings WHERE key = 'office'`).get() as { value: string };
    expect(JSON.parse(row.value)).toMatchObject({ printCopies: 12, officePhone: null });
  });

  it.each([
    ['empty 督导室名称', { officeName: '  ' }, '「督导室名称」必须填写', 'officeName'],
    ['empty 简报名称', { briefingName: '' }, '「简报名称」必须填写', 'briefingName'],
    ['duplicate 督学类别', { supervisorCategories: ['专职督学', '家长督学', ' 家长督学'] }, '「督学类别」有重复项「家长督学」', 'supervisorCategories'],
    ['empty 督学类别 list', { supervisorCategories: [] }, '「督学类别」至少要有一项', 'supervisorCategories'],
    ['blank 督学类别 entry', { supervisorCategories: ['专职督学', ''] }, '「督学类别」不能有空白项', 'supervisorCategories'],
    ['empty 八项督导事项 list', { eightItems: [] }, '「八项督导事项」至少要有一项', 'eightItems'],
    ['duplicate 报 entries', { distribution: { bao: ['区政府', '区政府'], song: [], fa: [] } }, '「报（上报单位）」有重复的单位', 'distribution.bao'],
    ['blank 发 entry', { distribution: { bao: [], song: [], fa: [''] } }, '「发（印发单位）」不能有空白项', 'distribution.fa'],
    ['印数 0', { printCopies: 0 }, '「印数」至少1份', 'printCopies'],
    ['印数 not whole', { printCopies: 2.5 }, '「印数」必须是整数', 'printCopies'],
    ['empty title font', { fonts: { ...DEFAULT_SETTINGS.fonts, title: '' } }, '「标题字体」必须填写', 'fonts.title'],
    ['too long 督导室名称', { officeName: '督'.repeat(41) }, '「督导室名称」不能超过40个字', 'officeName'],
  ] as const)('refuses %s with a Chinese message naming the field', async (_name, patch, message, field) => {
    const a = await archive();
    const err = await refusal(call(a, 'settings.save', edited(patch as Partial<Settings>)));
    expect(err.code).toBe('invalid');
    expect(err.message).toContain(message);
    expect(err.field).toBe(field);
    expect(await call(a, 'settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a missing part of the settings', async () => {
    const a = await archive();
    const { fonts: _fonts, ...noFonts } = edited({});
    const err = await refusal(call(a, 'settings.save', noFonts));
    expect(err.code).toBe('invalid');
    expect(err.field).toBe('fonts');
  });

  it('will not drop a 督学类别 that supervisors still have, but allows reordering and dropping unused ones', async () => {
    const a = await archive('demo');
    const current = await call(a, 'settings.get', {});
    const err = await refusal(call(a, 'settings.save', { ...current, supervisorCategories: current.supervisorCategories.filter((c) => c !== '家长督学') }));
    expect(err.code).toBe('conflict');
    expect(err.message).toMatch(/督学类别「家长督学」（\d+名）仍有督学在用/);
    expect((await call(a, 'settings.get', {})).supervisorCategories).toEqual(current.supervisorCategories);

    const reordered = [...current.supervisorCategories].reverse();
    expect((await call(a, 'settings.save', { ...current, supervisorCategories: [...reordered, '法制督学'] })).supervisorCategories)
      .toEqual([...reordered, '法制督学']);
    expect((await call(a, 'settings.save', { ...current, supervisorCategories: reordered })).supervisorCategories).toEqual(reordered);
  });
});
