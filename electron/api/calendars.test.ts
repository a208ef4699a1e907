import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from './index';
import { generateCalendarAndComplaints } from '../store/demo/work-calendar';
import type { Input } from '../../shared/contract';
import type { CalendarDetail } from '../../shared/schemas/calendar';
import { expectRefused } from '../testing/refused';

type ItemFields = Input<'calendarItems.save'>['fields'];

let a: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => { a = await tempStore({ init: 'empty' }); });
afterAll(() => a.dispose());

// Rows other areas own are written with plain SQL, so these tests depend only on the calendar code.
const AT = '2025-01-01 00:00:00';
function school(name: string): number {
  return Number(a.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`)
    .run(name, AT, AT).lastInsertRowid);
}
function visit(schoolId: number, date: string, calendarItemId: number | null): number {
  return Number(a.db.prepare(`INSERT INTO visits (school_id, date, type, calendar_item_id, created_at, updated_at) VALUES (?, ?, '经常性', ?, ?, ?)`)
    .run(schoolId, date, calendarItemId, AT, AT).lastInsertRowid);
}
const softDelete = (table: string, id: number) => a.db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(AT, id);

/** A 2025—2026 学年 calendar, September to August. */
const newCalendar = (title = '2025—2026学年督导工作行事历', startMonth = '2025-09', endMonth = '2026-08') =>
  call(a, 'calendars.save', { fields: { title, periodKind: '学年', schoolYear: 2025, startMonth, endMonth } });
/** A 第一学期 crossing the new year, its first week from Monday 1 September 2025. */
const newTerm = (title?: string) =>
  call(a, 'calendars.save', { fields: { periodKind: '学期', schoolYear: 2025, term: 1, title, startMonth: '2025-09', endMonth: '2026-01', weekOne: '2025-09-01' } });
const addItem = (calendarId: number, month: string, content: string, over: Partial<ItemFields> = {}) =>
  call(a, 'calendarItems.save', { fields: { calendarId, month, content, ...over } });
const detail = (id: number) => call(a, 'calendars.get', { id });
const monthOf = (d: CalendarDetail, month: string) => d.months.find((m) => m.month === month)!;
const numbered = (d: CalendarDetail, month: string) => monthOf(d, month).items.map((i) => `${i.numberText}${i.content}`);
const lastAudit = () => a.db.prepare('SELECT action, kind, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as
  { action: string; kind: string; entityId: number; summary: string };

/** Raw input through dispatch: expect a Chinese refusal naming the field. */
const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

describe('calendars: 学年 and 学期, months, themes', () => {
  it('creates a 学年 calendar with every month of its range and lists it', async () => {
    const c = await newCalendar();
    expect(c).toMatchObject({
      title: '2025—2026学年督导工作行事历', periodKind: '学年', schoolYear: 2025, term: null, startMonth: '2025-09', endMonth: '2026-08',
      weekOne: null, notes: null, itemCount: 0, doneCount: 0,
    });
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'calendar', entityId: c.id });
    const d = await detail(c.id);
    expect(d.months.map((m) => m.month)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    expect(d.months.every((m) => m.theme === null && m.items.length === 0 && m.continued.length === 0)).toBe(true);
    expect((await call(a, 'calendars.list', {})).map((x) => x.id)).toContain(c.id);
  });

  it('names a term by its 学年 and 学期 when no title is given, and reads them from the first month when a caller leaves them out', async () => {
    const term = await newTerm();
    expect(term).toMatchObject({ title: '2025—2026学年第一学期督导工作行事历', schoolYear: 2025, term: 1, weekOne: '2025-09-01' });
    const spring = await call(a, 'calendars.save', { fields: { periodKind: '学期', startMonth: '2026-02', endMonth: '2026-07' } });
    expect(spring).toMatchObject({ title: '2025—2026学年第二学期督导工作行事历', schoolYear: 2025, term: 2 });
    const year = await call(a, 'calendars.save', { fields: { periodKind: '自然年', schoolYear: 2025, term: 1, startMonth: '2026-01', endMonth: '2026-12' } });
    expect(year).toMatchObject({ title: '2026年督导工作行事历', schoolYear: null, term: null });
  });

  it('refuses bad calendar input, naming the field in Chinese', async () => {
    const ok = { periodKind: '学期', schoolYear: 2025, term: 1, startMonth: '2025-09', endMonth: '2026-01' };
    await refused('calendars.save', { fields: { ...ok, periodKind: '季度' } }, 'fields.periodKind', '「周期」应为周期之一：学年、学期、自然年');
    await refused('calendars.save', { fields: { ...ok, term: 3 } }, 'fields.term', '「学期」应为第一学期或第二学期');
    await refused('calendars.save', { fields: { ...ok, schoolYear: 25 } }, 'fields.schoolYear', '「学年」应在2000至2100之间');
    await refused('calendars.save', { fields: { ...ok, startMonth: '2025-13' } }, 'fields.startMonth', '「开始月份」应为年月');
    await refused('calendars.save', { fields: { ...ok, endMonth: '2025-08' } }, 'fields.endMonth', '「结束月份」不能早于开始月份');
    await refused('calendars.save', { fields: { ...ok, endMonth: '2026-09' } }, 'fields.endMonth', '「结束月份」应在2025—2026学年内（2025年8月至2026年8月）');
    await refused('calendars.save', { fields: { ...ok, periodKind: '自然年', endMonth: '2027-09' } }, 'fields.endMonth', '「结束月份」一份行事历最多24个月');
    await refused('calendars.save', { fields: { ...ok, weekOne: '2026-03-02' } }, 'fields.weekOne', '「第1周」应是本行事历周期内的一天');
    await refused('calendars.save', { fields: { ...ok, title: '题'.repeat(81) } }, 'fields.title', '「标题」不能超过80个字');
    await refused('calendars.save', { id: 999_999, fields: ok }, undefined, '不存在', 'not_found');
    await refused('calendars.get', { id: 0 }, 'id', '「编号」');
    await refused('calendars.get', { id: 999_999 }, undefined, '该行事历不存在', 'not_found');
  });

  it('sets, replaces and clears a month theme; months outside the range are refused', async () => {
    const c = await newCalendar('主题测试');
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2025-10', theme: ' 校园安全 ' });
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2026-04', theme: '学校思政课开设情况' });
    expect(monthOf(await detail(c.id), '2025-10').theme).toBe('校园安全');
    expect(lastAudit().summary).toContain('2026年4月主题设为「学校思政课开设情况」');
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2025-10', theme: '' });
    expect(monthOf(await detail(c.id), '2025-10').theme).toBeNull();
    await refused('calendars.setTheme', { calendarId: c.id, month: '2026-09', theme: 'x' }, 'month', '「月份」2026年9月不在行事历');
    await refused('calendars.setTheme', { calendarId: c.id, month: '2026-01', theme: '题'.repeat(101) }, 'theme', '「月主题」不能超过100个字');
  });

  it('will not drop months that still hold items, an item\'s later months included; a new first week moves the items timed in weeks', async () => {
    const c = await newTerm('缩短测试');
    await addItem(c.id, '2025-12', '寒假安全教育', { endMonth: '2026-01' });
    const week = await addItem(c.id, '2025-09', '开学专项督导', { timing: '第2周' });
    expect(week).toMatchObject({ startDate: '2025-09-08', endDate: '2025-09-12' });
    const fields = { title: '缩短测试', periodKind: '学期' as const, schoolYear: 2025, term: 1 as const, startMonth: '2025-09', weekOne: '2025-09-01' };
    await refused('calendars.save', { id: c.id, fields: { ...fields, endMonth: '2025-12' } }, 'endMonth', '2026年1月（1项）', 'conflict');
    const e = await call(a, 'calendars.save', { id: c.id, fields: { ...fields, endMonth: '2026-01', weekOne: '2025-08-25', notes: '开学提前一周' } });
    expect(e).toMatchObject({ weekOne: '2025-08-25', notes: '开学提前一周', itemCount: 2 });
    expect(monthOf(await detail(c.id), '2025-09').items[0]).toMatchObject({ timing: '第2周', startDate: '2025-09-01', endDate: '2025-09-05' });
  });
});

describe('calendar items: numbers, timings, spans, 牵头 and 配合', () => {
  it('keeps every field; numbers items by position unless they have their own; 类别 may be left out', async () => {
    const c = await newTerm('事项测试');
    const s1 = school('城关第一小学');
    const s2 = school('白沙镇中心小学');
    const i1 = await addItem(c.id, '2025-09', '开学工作专项督导', {
      number: '1.', category: '专项', timing: '9月1日—12日', lead: '督导室', partners: '各责任区、安全科', schoolIds: [s2, s1, s1], note: '与市级督导同步',
    });
    expect(i1).toMatchObject({
      calendarId: c.id, month: '2025-09', endMonth: '2025-09', seq: 1, number: '1.', numberText: '1.', content: '开学工作专项督导',
      category: '专项', timing: '9月1日—12日', startDate: '2025-09-01', endDate: '2025-09-12', lead: '督导室', partners: '各责任区、安全科',
      note: '与市级督导同步', status: '未开始', visitCount: 0,
    });
    expect(i1.schoolNames).toEqual(['城关第一小学', '白沙镇中心小学']);
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'calendarItem', entityId: i1.id });
    await addItem(c.id, '2025-09', '责任督学挂牌督导');
    await addItem(c.id, '2025-09', '督学例会', { number: '（3）' });
    const d = await detail(c.id);
    expect(numbered(d, '2025-09')).toEqual(['1.开学工作专项督导', '2.责任督学挂牌督导', '（3）督学例会']);
    expect(monthOf(d, '2025-09').items[1].category).toBeNull();
    // Found by its 配合 unit.
    expect((await call(a, 'search.global', { q: '安全科' })).groups.some((g) => g.kind === 'calendarItem')).toBe(true);
  });

  it('reads the timing into days, and runs an item on into the months its timing or end month reaches: it shows in each', async () => {
    const c = await newTerm('跨月测试');
    const xun = await addItem(c.id, '2025-09', '国庆安全教育督查', { timing: '9月下旬至10月上旬' });
    expect(xun).toMatchObject({ month: '2025-09', endMonth: '2025-10', startDate: '2025-09-21', endDate: '2025-10-10' });
    const newYear = await addItem(c.id, '2025-12', '寒假安全教育', { endMonth: '2026-01', timing: '下旬' });
    expect(newYear).toMatchObject({ month: '2025-12', endMonth: '2026-01', startDate: '2025-12-21', endDate: '2025-12-31' });
    const weeks = await addItem(c.id, '2025-09', '开学第一周检查', { timing: '第1周' });
    expect(weeks).toMatchObject({ endMonth: '2025-09', startDate: '2025-09-01', endDate: '2025-09-05' });
    const d = await detail(c.id);
    expect(monthOf(d, '2025-10').items).toEqual([]);
    expect(monthOf(d, '2025-10').continued.map((i) => i.content)).toEqual(['国庆安全教育督查']);
    expect(monthOf(d, '2026-01').continued.map((i) => i.content)).toEqual(['寒假安全教育']);
    expect(monthOf(d, '2025-11').continued).toEqual([]);
    // The home page's month lists it too.
    const home = await call(a, 'dashboard.get', { year: 2026, month: 1 });
    expect(home.calendarDue.map((i) => [i.numberText, i.content])).toContainEqual(['1.', '寒假安全教育']);
  });

  it('refuses a timing it cannot read, or one outside the item\'s months, saying what to change', async () => {
    const c = await newTerm('时间测试');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', content: '例会', timing: '下周' } }, 'timing',
      '「时间」“下周”无法识别。可写：9月15日、9月1日—12日、9月上旬、下旬、第3周');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', content: '例会', timing: '10月中旬' } }, 'timing',
      '「时间」“10月中旬”不在事项的月份（9月）内：请改正时间，或把「月份」改为2025年10月。');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', content: '例会', timing: '3月上旬' } }, 'timing',
      '「时间」“3月上旬”：3月不在行事历的周期（2025年9月至2026年1月）内。');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', content: '例会', timing: '9月31日' } }, 'timing', '9月没有31日');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', content: '例会', startDate: '2025-11-03' } }, 'startDate',
      '「时间」“11月3日”不在事项的月份（9月）内');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', endMonth: '2026-02', content: '例会' } }, 'endMonth',
      '「结束月份」2026年2月不在行事历「时间测试」的周期');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-10', endMonth: '2025-09', content: '例会' } }, 'fields.endMonth',
      '「结束月份」不能早于开始月份');
  });

  it('moves items up and down: positions renumber, own numbers stay in order', async () => {
    const c = await newCalendar('移动测试');
    const x = await addItem(c.id, '2025-11', '甲');
    await addItem(c.id, '2025-11', '乙');
    const z = await addItem(c.id, '2025-11', '丙');
    expect(await call(a, 'calendarItems.move', { id: z.id, direction: 'up' })).toEqual({ moved: true });
    expect(numbered(await detail(c.id), '2025-11')).toEqual(['1.甲', '2.丙', '3.乙']);
    expect(lastAudit()).toMatchObject({ action: '调整顺序', entityId: z.id });
    expect(await call(a, 'calendarItems.move', { id: x.id, direction: 'up' })).toEqual({ moved: false });
    const own = await newCalendar('编号测试');
    await addItem(own.id, '2025-09', '开学检查', { number: '6.' });
    const seven = await addItem(own.id, '2025-09', '召开例会', { number: '7.' });
    await call(a, 'calendarItems.move', { id: seven.id, direction: 'up' });
    expect(numbered(await detail(own.id), '2025-09')).toEqual(['6.召开例会', '7.开学检查']);
    await refused('calendarItems.move', { id: x.id, direction: 'left' }, 'direction', '「移动方向」应为上移或下移');
  });

  it('deletes to the 回收站, closes the gap, and a restored item never duplicates a number', async () => {
    const c = await newCalendar('删除测试');
    await addItem(c.id, '2025-12', '一');
    const two = await addItem(c.id, '2025-12', '二');
    await addItem(c.id, '2025-12', '三');
    const { recycleId } = await call(a, 'calendarItems.delete', { id: two.id });
    expect(numbered(await detail(c.id), '2025-12')).toEqual(['1.一', '2.三']);
    const bin = (await call(a, 'recycle.list', {})).find((b) => b.id === recycleId)!;
    expect(bin.title).toContain('2025年12月第2项：二');
    await call(a, 'recycle.restore', { id: recycleId });
    expect(numbered(await detail(c.id), '2025-12')).toEqual(['1.一', '2.二', '3.三']);
  });

  it('edits an item: moved to another month it goes to the end there; marking it done counts', async () => {
    const c = await newCalendar('编辑测试');
    const x = await addItem(c.id, '2026-03', '甲');
    await addItem(c.id, '2026-04', '丙');
    const moved = await call(a, 'calendarItems.save', { id: x.id, fields: { calendarId: c.id, month: '2026-04', content: '甲（延期）', category: '专项' } });
    expect(moved).toMatchObject({ id: x.id, month: '2026-04', seq: 2, content: '甲（延期）' });
    const done = await call(a, 'calendarItems.save', {
      id: x.id, fields: { calendarId: c.id, month: '2026-04', content: '甲（延期）', status: '已完成', statusNote: '4月20日完成' },
    });
    expect(done).toMatchObject({ status: '已完成', statusNote: '4月20日完成', seq: 2, category: null });
    expect(lastAudit().summary).toContain('完成情况：未开始 → 已完成');
    expect((await detail(c.id)).calendar).toMatchObject({ itemCount: 2, doneCount: 1 });
  });

  it('refuses bad item input, naming the field in Chinese', async () => {
    const c = await newCalendar('校验测试');
    const ok = { calendarId: c.id, month: '2025-09', content: '开学检查' };
    await refused('calendarItems.save', { fields: { ...ok, content: '' } }, 'fields.content', '「工作内容」必须填写');
    await refused('calendarItems.save', { fields: { ...ok, category: '日常' } }, 'fields.category', '「类别」应为类别之一：经常性、专项、综合、会议、培训、其他');
    await refused('calendarItems.save', { fields: { ...ok, status: '完成' } }, 'fields.status', '「完成情况」应为完成情况之一');
    await refused('calendarItems.save', { fields: { ...ok, lead: '人'.repeat(101) } }, 'fields.lead', '「牵头」不能超过100个字');
    await refused('calendarItems.save', { fields: { ...ok, number: '1234567890123' } }, 'fields.number', '「编号」不能超过12个字');
    await refused('calendarItems.save', { fields: { ...ok, month: '2026-09' } }, 'month', '「月份」2026年9月不在行事历「校验测试」的周期');
    await refused('calendarItems.save', { fields: { ...ok, calendarId: 999_999 } }, 'calendarId', '「行事历」所选的行事历不存在');
    const gone = school('已撤并小学');
    softDelete('schools', gone);
    await refused('calendarItems.save', { fields: { ...ok, schoolIds: [gone] } }, 'schoolIds', '「学校」所选的学校中有的不存在');
    await refused('calendarItems.save', { id: 999_999, fields: ok }, undefined, '不存在', 'not_found');
  });
});

describe('completion that follows the linked records', () => {
  it('counts linked live visit records, and lets the record mark its item done', async () => {
    const c = await newCalendar('关联测试');
    const i = await addItem(c.id, '2025-10', '安全专项');
    const s = school('关联测试学校');
    visit(s, '2025-10-08', i.id);
    visit(s, '2025-10-15', i.id);
    softDelete('visits', visit(s, '2025-10-20', i.id));
    const ref = await call(a, 'calendarItems.get', { id: i.id });
    expect(ref).toMatchObject({ id: i.id, calendarTitle: '关联测试', visitCount: 2, status: '未开始', numberText: '1.' });
    const done = await call(a, 'calendarItems.setStatus', { id: i.id, status: '已完成', statusNote: '2025年10月15日督导完成' });
    expect(done).toMatchObject({ status: '已完成', statusNote: '2025年10月15日督导完成', content: '安全专项' });
    expect(lastAudit()).toMatchObject({ action: '修改', kind: 'calendarItem', entityId: i.id });
    expect(lastAudit().summary).toContain('完成情况：未开始 → 已完成');
    // Without a note the note stays.
    expect(await call(a, 'calendarItems.setStatus', { id: i.id, status: '进行中' })).toMatchObject({ statusNote: '2025年10月15日督导完成' });
    await refused('calendarItems.setStatus', { id: i.id, status: '完成' }, 'status', '「完成情况」应为完成情况之一');
    await refused('calendarItems.get', { id: 999_999 }, undefined, '不存在', 'not_found');
  });
});

describe('calendarItems.paste: a term entered at office speed', () => {
  const TERM = `2025—2026学年第一学期督导工作行事历
九月（主题：新学期开学工作）
1.第1周：开展秋季开学工作专项督导（牵头：督导室；配合：各责任区）
2.召开全体督学工作会议（9月上旬）；3.更新挂牌公示牌信息
十月
主题：校园安全
4.开展校园安全专项督导（10月中旬）
5.9月下旬至10月上旬，开展国庆假期安全教育督查
2025年12月：6.开展作业管理专项督导；7.12月下旬至1月上旬，开展寒假安全教育`;

  it('saves every item with its month, own number, timing, days, 牵头 and 配合, and the themes; one line in the log', async () => {
    const c = await newTerm('粘贴测试');
    await addItem(c.id, '2025-09', '已有的事项');
    const r = await call(a, 'calendarItems.paste', { calendarId: c.id, text: TERM });
    // Item 5 is timed from September: it is listed there and runs into October.
    expect(r).toEqual({ added: 7, skipped: 0, themes: 2 });
    const d = await detail(c.id);
    expect(numbered(d, '2025-09')).toEqual(['1.已有的事项', '1.开展秋季开学工作专项督导', '2.召开全体督学工作会议', '3.更新挂牌公示牌信息', '5.开展国庆假期安全教育督查']);
    expect(numbered(d, '2025-10')).toEqual(['4.开展校园安全专项督导']);
    expect(monthOf(d, '2025-10').continued.map((i) => i.numberText)).toEqual(['5.']);
    expect(monthOf(d, '2026-01').continued.map((i) => i.content)).toEqual(['开展寒假安全教育']);
    expect(monthOf(d, '2025-09').items[1]).toMatchObject({ timing: '第1周', startDate: '2025-09-01', lead: '督导室', partners: '各责任区', category: null });
    expect(monthOf(d, '2025-09').theme).toBe('新学期开学工作');
    expect(monthOf(d, '2025-10').theme).toBe('校园安全');
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'calendar', entityId: c.id });
    expect(lastAudit().summary).toBe('行事历「粘贴测试」粘贴添加7项工作事项（9月4项、10月1项、12月2项），设置2个月的主题');
    // Pasted again: nothing doubles.
    expect(await call(a, 'calendarItems.paste', { calendarId: c.id, text: `${TERM}\n8.整理档案` })).toEqual({ added: 1, skipped: 7, themes: 2 });
    expect((await detail(c.id)).calendar.itemCount).toBe(9);
    await refused('calendarItems.paste', { calendarId: c.id, text: '10月\n4.开展校园安全专项督导（10月中旬）' }, 'text', '中的事项行事历里都已经有了');
  });

  it('refuses the whole paste while any line has a problem, naming the lines; nothing is saved', async () => {
    const c = await newTerm('粘贴校验');
    const bad = `开展开学检查\n9月\n1.召开例会\n2.10月中旬开展安全检查\n3月\n1.布置工作\n11月\n1.（牵头：督导室）`;
    await refused('calendarItems.paste', { calendarId: c.id, text: bad }, 'text',
      '「粘贴内容」有5行需要修改，还没有保存：第1行：不知道这一项属于哪个月：请在它前面加一行月份（如“9月”），或在事项中写明时间；'
      + '第4行：时间“10月中旬”不在事项的月份（9月）内：请把这一项移到10月下，或改正时间；'
      + '第5行：3月不在行事历的周期（2025年9月至2026年1月）内：请改正月份，或先在「编辑」中调整行事历的周期……');
    expect((await detail(c.id)).calendar.itemCount).toBe(0);
    await refused('calendarItems.paste', { calendarId: c.id, text: '   ' }, 'text', '「粘贴内容」请粘贴行事历的文字');
    await refused('calendarItems.paste', { calendarId: c.id, text: '督导工作行事历' }, 'text', '没有读到工作事项');
    await refused('calendarItems.paste', { calendarId: 999_999, text: TERM }, 'calendarId', '「行事历」所选的行事历不存在');
  });
});

describe('calendars: copy to a new year, delete', () => {
  it('copies months, 学年, first week and dates shifted by whole years; keeps numbers, timings, 牵头/配合; resets items to 未开始', async () => {
    const c = await newTerm('2024—2025学年行事历');
    const s = school('复制测试学校');
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2025-09', theme: '开学工作' });
    await addItem(c.id, '2025-09', '开学检查', { number: '1.', status: '已完成', statusNote: '已完成', lead: '李华', partners: '各责任区', schoolIds: [s] });
    await addItem(c.id, '2025-09', '挂牌督导', { number: '2.', timing: '第3周', status: '进行中' });
    await addItem(c.id, '2025-12', '寒假安全教育', { endMonth: '2026-01', timing: '12月28日' });
    const gone = await addItem(c.id, '2025-09', '作废事项');
    await call(a, 'calendarItems.delete', { id: gone.id });

    const copy = await call(a, 'calendars.copy', { id: c.id, title: '2026—2027学年第一学期督导工作行事历' });
    expect(copy).toMatchObject({ periodKind: '学期', schoolYear: 2026, term: 1, weekOne: '2026-09-01', startMonth: '2026-09', endMonth: '2027-01',
      itemCount: 3, doneCount: 0 });
    expect(lastAudit()).toMatchObject({ action: '复制', kind: 'calendar', entityId: copy.id });
    const d = await detail(copy.id);
    expect(monthOf(d, '2026-09').theme).toBe('开学工作');
    expect(numbered(d, '2026-09')).toEqual(['1.开学检查', '2.挂牌督导']);
    const items = d.months.flatMap((m) => m.items);
    expect(items.every((i) => i.status === '未开始' && i.statusNote === null && i.visitCount === 0)).toBe(true);
    expect(items[0]).toMatchObject({ lead: '李华', partners: '各责任区', schoolIds: [s] });
    // 第3周 counted from the new first week (Tuesday 1 September 2026: the week from Monday 31 August).
    expect(items[1]).toMatchObject({ timing: '第3周', startDate: '2026-09-14', endDate: '2026-09-18' });
    expect(items[2]).toMatchObject({ month: '2026-12', endMonth: '2027-01', startDate: '2026-12-28' });
    await refused('calendars.copy', { id: c.id, title: '', shiftYears: 1 }, 'title', '「标题」必须填写');
    await refused('calendars.copy', { id: 999_999, title: 'x' }, undefined, '不存在', 'not_found');
  });

  it('deletes a calendar to the 回收站: gone from the list, its items no longer editable', async () => {
    const c = await newCalendar('待删除行事历');
    const i = await addItem(c.id, '2025-09', '某事项');
    const { recycleId } = await call(a, 'calendars.delete', { id: c.id });
    expect((await call(a, 'calendars.list', {})).map((x) => x.id)).not.toContain(c.id);
    await refused('calendars.get', { id: c.id }, undefined, '不存在', 'not_found');
    await refused('calendarItems.save', { id: i.id, fields: { calendarId: c.id, month: '2025-09', content: 'x' } }, undefined, '不存在', 'not_found');
    await call(a, 'recycle.restore', { id: recycleId });
    expect((await detail(c.id)).calendar.itemCount).toBe(1);
  });
});

describe('demo: generateCalendarAndComplaints', () => {
  async function generated(seed: number) {
    const b = await tempStore({ init: 'empty' });
    const ins = (sql: string, ...p: unknown[]) => b.db.prepare(sql).run(...p);
    for (const n of ['城关第一小学', '白沙镇中心小学', '清河区实验中学', '柳林镇中学']) {
      ins(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`, n, AT, AT);
    }
    ins(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('周国强', '在聘', '专职督学', ?, ?)`, AT, AT);
    const result = generateCalendarAndComplaints(b, { year: 2025, seed, today: new Date(2025, 10, 15, 12) });
    return { b, result };
  }

  it('writes the last 学年\'s calendar and this 学年\'s 第一学期 as published, and a year of complaints, some raising problems', async () => {
    const { b, result } = await generated(11);
    try {
      const cals = await call(b, 'calendars.list', {});
      expect(cals.map((c) => [c.title, c.periodKind, c.schoolYear, c.term, c.startMonth, c.endMonth])).toEqual([
        ['2025—2026学年第一学期督导工作行事历', '学期', 2025, 1, '2025-09', '2026-01'],
        ['2024—2025学年督导工作行事历', '学年', 2024, null, '2024-09', '2025-08'],
      ]);
      const [term, year] = [await call(b, 'calendars.get', { id: cals[0].id }), await call(b, 'calendars.get', { id: cals[1].id })];
      const termItems = term.months.flatMap((m) => m.items);
      expect(result).toMatchObject({ calendars: 2, items: termItems.length + year.months.reduce((n, m) => n + m.items.length, 0) });

      // The term: 25 items numbered through it, with timings, 牵头 and 配合, one running into the new year, a theme a month.
      expect(term.calendar.weekOne).toBe('2025-09-01');
      expect(termItems.map((i) => i.numberText)).toEqual(Array.from({ length: 25 }, (_, k) => `${k + 1}.`));
      expect(termItems.filter((i) => i.timing).length).toBeGreaterThanOrEqual(18);
      expect(termItems.some((i) => i.timing?.includes('周'))).toBe(true);
      expect(termItems.some((i) => i.partners)).toBe(true);
      expect(termItems.every((i) => i.lead)).toBe(true);
      expect(term.months.find((m) => m.month === '2026-01')!.continued).toHaveLength(1);
      expect(term.months.every((m) => m.theme)).toBe(true);
      // Statuses follow the term up to "today" (15 November): September done, December not started.
      expect(term.months[0].items.filter((i) => i.status === '已完成').length).toBeGreaterThanOrEqual(4);
      expect(term.months[3].items.every((i) => i.status === '未开始')).toBe(true);

      // The last school year: a theme and 3–6 items a month, the first the month's regular visits.
      for (const m of year.months) {
        expect(m.theme).toBeTruthy();
        expect(m.items.length).toBeGreaterThanOrEqual(3);
        expect(m.items.length).toBeLessThanOrEqual(6);
        expect(m.items[0].category).toBe('经常性');
      }
      const past = year.months.flatMap((m) => m.items);
      expect(past.filter((i) => i.status === '已完成').length / past.length).toBeGreaterThan(0.75);

      const complaints = (await call(b, 'complaints.list', { limit: 500 })).rows;
      expect(complaints).toHaveLength(40);
      expect(complaints.every((c) => c.receivedAt >= '2025-01-01' && c.receivedAt <= '2025-11-15 23:59')).toBe(true);
      const raised = b.db.prepare(`SELECT count(*) FROM problems WHERE source = '应访督导' AND complaint_id IS NOT NULL`).pluck().get();
      expect(raised).toBe(result.problems);
      expect(result.problems).toBeGreaterThan(0);
    } finally {
      b.dispose();
    }
  });

  it('is the same for the same seed', async () => {
    const one = await generated(5);
    const two = await generated(5);
    const rows = (x: typeof one) => x.b.db.prepare('SELECT received_at, content, school_id, status FROM complaints ORDER BY id').all();
    expect(rows(one)).toEqual(rows(two));
    const items = (x: typeof one) => x.b.db.prepare('SELECT month, number, content, timing, owner, status FROM calendar_items ORDER BY id').all();
    expect(items(one)).toEqual(items(two));
    one.b.dispose();
    two.b.dispose();
  });
});
