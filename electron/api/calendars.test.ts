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

const newCalendar = (title = '2025—2026学年督导工作行事历', startMonth = '2025-09', endMonth = '2026-08') =>
  call(a, 'calendars.save', { fields: { title, periodKind: '学年', startMonth, endMonth } });
const addItem = (calendarId: number, month: string, content: string, over: Partial<ItemFields> = {}) =>
  call(a, 'calendarItems.save', { fields: { calendarId, month, content, category: '经常性', ...over } });
const detail = (id: number) => call(a, 'calendars.get', { id });
const monthOf = (d: CalendarDetail, month: string) => d.months.find((m) => m.month === month)!;
const numbered = (d: CalendarDetail, month: string) => monthOf(d, month).items.map((i) => `${i.seq}.${i.content}`);
const lastAudit = () => a.db.prepare('SELECT action, kind, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as
  { action: string; kind: string; entityId: number; summary: string };

/** Raw input through dispatch: expect a Chinese refusal naming the field. */
const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

describe('calendars: create, edit, list, themes', () => {
  it('creates a 学年 calendar with every month of its range and lists it', async () => {
    const c = await newCalendar();
    expect(c).toMatchObject({ title: '2025—2026学年督导工作行事历', periodKind: '学年', startMonth: '2025-09', endMonth: '2026-08', notes: null, itemCount: 0, doneCount: 0 });
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'calendar', entityId: c.id });
    const d = await detail(c.id);
    expect(d.months.map((m) => m.month)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    expect(d.months.every((m) => m.theme === null && m.items.length === 0)).toBe(true);
    expect((await call(a, 'calendars.list', {})).map((x) => x.id)).toContain(c.id);
  });

  it('refuses bad calendar input, naming the field in Chinese', async () => {
    const ok = { title: '行事历', periodKind: '学期', startMonth: '2025-09', endMonth: '2026-01' };
    await refused('calendars.save', { fields: { ...ok, title: ' ' } }, 'fields.title', '「标题」必须填写');
    await refused('calendars.save', { fields: { ...ok, periodKind: '季度' } }, 'fields.periodKind', '「周期」应为周期之一：学年、学期、自然年');
    await refused('calendars.save', { fields: { ...ok, startMonth: '2025-13' } }, 'fields.startMonth', '「开始月份」应为年月');
    await refused('calendars.save', { fields: { ...ok, endMonth: '2025-08' } }, 'fields.endMonth', '「结束月份」不能早于开始月份');
    await refused('calendars.save', { fields: { ...ok, endMonth: '2027-09' } }, 'fields.endMonth', '「结束月份」一份行事历最多24个月');
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
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2025-10', theme: '食品安全' });
    expect(monthOf(await detail(c.id), '2025-10').theme).toBe('食品安全');
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2025-10', theme: '' });
    expect(monthOf(await detail(c.id), '2025-10').theme).toBeNull();
    await refused('calendars.setTheme', { calendarId: c.id, month: '2026-09', theme: 'x' }, 'month', '「月份」2026年9月不在行事历');
    await refused('calendars.setTheme', { calendarId: c.id, month: '2026/01', theme: 'x' }, 'month', '「月份」应为年月');
    await refused('calendars.setTheme', { calendarId: c.id, month: '2026-01', theme: '题'.repeat(101) }, 'theme', '「月主题」不能超过100个字');
    await refused('calendars.setTheme', { calendarId: 999_999, month: '2026-01', theme: 'x' }, undefined, '不存在', 'not_found');
  });

  it('edits a calendar but will not drop months that still hold items', async () => {
    const c = await newCalendar('缩短测试');
    await addItem(c.id, '2026-07', '暑期安全专项督导');
    await refused('calendars.save', { id: c.id, fields: { title: '缩短测试', periodKind: '学年', startMonth: '2025-09', endMonth: '2026-06' } },
      'endMonth', '2026年7月（1项）', 'conflict');
    const e = await call(a, 'calendars.save', { id: c.id, fields: { title: '改名', periodKind: '学年', startMonth: '2025-08', endMonth: '2026-07', notes: '含8月' } });
    expect(e).toMatchObject({ id: c.id, title: '改名', startMonth: '2025-08', endMonth: '2026-07', notes: '含8月', itemCount: 1 });
    expect(lastAudit().summary).toContain('原名「缩短测试」');
  });
});

describe('calendar items: numbering, move, status, schools, visits', () => {
  it('numbers items per month in order of entry and keeps every field', async () => {
    const c = await newCalendar('事项测试');
    const s1 = school('城关第一小学');
    const s2 = school('白沙镇中心小学');
    const i1 = await addItem(c.id, '2025-09', '开学工作专项督导', {
      category: '专项', owner: '张明', startDate: '2025-09-01', endDate: '2025-09-10', schoolIds: [s2, s1, s1], statusNote: '全覆盖',
    });
    expect(i1).toMatchObject({
      calendarId: c.id, month: '2025-09', seq: 1, content: '开学工作专项督导', category: '专项', owner: '张明',
      startDate: '2025-09-01', endDate: '2025-09-10', status: '未开始', statusNote: '全覆盖', visitCount: 0,
    });
    expect(i1.schoolNames).toEqual(['城关第一小学', '白沙镇中心小学']);
    expect(new Set(i1.schoolIds)).toEqual(new Set([s1, s2]));
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'calendarItem', entityId: i1.id });
    await addItem(c.id, '2025-09', '责任督学挂牌督导');
    await addItem(c.id, '2025-09', '督学例会', { category: '会议' });
    await addItem(c.id, '2025-10', '校园安全检查');
    const d = await detail(c.id);
    expect(numbered(d, '2025-09')).toEqual(['1.开学工作专项督导', '2.责任督学挂牌督导', '3.督学例会']);
    expect(numbered(d, '2025-10')).toEqual(['1.校园安全检查']);
    expect(d.calendar).toMatchObject({ itemCount: 4, doneCount: 0 });

    // A deleted school drops out of the item's schools.
    softDelete('schools', s2);
    const got = (await detail(c.id)).months[0].items[0];
    expect(got.schoolNames).toEqual(['城关第一小学']);
  });

  it('moves items up and down, renumbering the month', async () => {
    const c = await newCalendar('移动测试');
    const x = await addItem(c.id, '2025-11', '甲');
    await addItem(c.id, '2025-11', '乙');
    const z = await addItem(c.id, '2025-11', '丙');
    expect(await call(a, 'calendarItems.move', { id: z.id, direction: 'up' })).toEqual({ moved: true });
    expect(numbered(await detail(c.id), '2025-11')).toEqual(['1.甲', '2.丙', '3.乙']);
    expect(lastAudit()).toMatchObject({ action: '调整顺序', entityId: z.id });
    expect(lastAudit().summary).toContain('由第3项上移为第2项');
    expect(await call(a, 'calendarItems.move', { id: x.id, direction: 'up' })).toEqual({ moved: false });
    expect(await call(a, 'calendarItems.move', { id: x.id, direction: 'down' })).toEqual({ moved: true });
    expect(numbered(await detail(c.id), '2025-11')).toEqual(['1.丙', '2.甲', '3.乙']);
    await refused('calendarItems.move', { id: x.id, direction: 'left' }, 'direction', '「移动方向」应为上移或下移');
    await refused('calendarItems.move', { id: 999_999, direction: 'up' }, undefined, '不存在', 'not_found');
  });

  it('deletes to the 回收站, closes the gap, and a restored item never duplicates a number', async () => {
    const c = await newCalendar('删除测试');
    await addItem(c.id, '2025-12', '一');
    const two = await addItem(c.id, '2025-12', '二');
    await addItem(c.id, '2025-12', '三');
    const { recycleId } = await call(a, 'calendarItems.delete', { id: two.id });
    expect(numbered(await detail(c.id), '2025-12')).toEqual(['1.一', '2.三']);
    const bin = (await call(a, 'recycle.list', {})).find((b) => b.id === recycleId)!;
    expect(bin).toMatchObject({ kind: 'calendarItem', entityId: two.id });
    expect(bin.title).toContain('2025年12月第2项：二');
    await refused('calendarItems.delete', { id: two.id }, undefined, '不存在', 'not_found');
    await call(a, 'recycle.restore', { id: recycleId });
    expect(numbered(await detail(c.id), '2025-12')).toEqual(['1.一', '2.二', '3.三']);
    // The next change in that month stores the numbers again.
    await addItem(c.id, '2025-12', '四');
    const stored = a.db.prepare(`SELECT seq FROM calendar_items WHERE calendar_id = ? AND month = '2025-12' AND deleted_at IS NULL ORDER BY seq`)
      .pluck().all(c.id);
    expect(stored).toEqual([1, 2, 3, 4]);
  });

  it('edits an item: moving it to another month appends it there; marking it done counts', async () => {
    const c = await newCalendar('编辑测试');
    const x = await addItem(c.id, '2026-03', '甲');
    await addItem(c.id, '2026-03', '乙');
    await addItem(c.id, '2026-04', '丙');
    const moved = await call(a, 'calendarItems.save', { id: x.id, fields: { calendarId: c.id, month: '2026-04', content: '甲（延期）', category: '专项' } });
    expect(moved).toMatchObject({ id: x.id, month: '2026-04', seq: 2, content: '甲（延期）' });
    let d = await detail(c.id);
    expect(numbered(d, '2026-03')).toEqual(['1.乙']);
    expect(numbered(d, '2026-04')).toEqual(['1.丙', '2.甲（延期）']);
    const done = await call(a, 'calendarItems.save', {
      id: x.id, fields: { calendarId: c.id, month: '2026-04', content: '甲（延期）', category: '专项', status: '已完成', statusNote: '4月20日完成' },
    });
    expect(done).toMatchObject({ status: '已完成', statusNote: '4月20日完成', seq: 2 });
    expect(lastAudit().summary).toContain('完成情况：未开始 → 已完成');
    d = await detail(c.id);
    expect(d.calendar).toMatchObject({ itemCount: 3, doneCount: 1 });
  });

  it('refuses bad item input, naming the field in Chinese', async () => {
    const c = await newCalendar('校验测试');
    const ok = { calendarId: c.id, month: '2025-09', content: '开学检查', category: '经常性' };
    await refused('calendarItems.save', { fields: { ...ok, content: '' } }, 'fields.content', '「工作内容」必须填写');
    await refused('calendarItems.save', { fields: { ...ok, category: '日常' } }, 'fields.category', '「类别」应为类别之一：经常性、专项、综合、会议、培训、其他');
    await refused('calendarItems.save', { fields: { ...ok, status: '完成' } }, 'fields.status', '「完成情况」应为完成情况之一');
    await refused('calendarItems.save', { fields: { ...ok, startDate: '2025-09-10', endDate: '2025-09-01' } }, 'fields.endDate', '「结束日期」不能早于开始日期');
    await refused('calendarItems.save', { fields: { ...ok, startDate: '2025/09/01' } }, 'fields.startDate', '「开始日期」应为日期');
    await refused('calendarItems.save', { fields: { ...ok, schoolIds: ['x'] } }, 'fields.schoolIds', '「学校」');
    await refused('calendarItems.save', { fields: { ...ok, owner: '人'.repeat(51) } }, 'fields.owner', '「责任人」不能超过50个字');
    await refused('calendarItems.save', { fields: { ...ok, month: '2026-09' } }, 'month', '「月份」2026年9月不在行事历「校验测试」的周期');
    await refused('calendarItems.save', { fields: { ...ok, calendarId: 999_999 } }, 'calendarId', '「行事历」所选的行事历不存在');
    const gone = school('已撤并小学');
    softDelete('schools', gone);
    await refused('calendarItems.save', { fields: { ...ok, schoolIds: [gone] } }, 'schoolIds', '「学校」所选的学校中有的不存在');
    await refused('calendarItems.save', { id: 999_999, fields: ok }, undefined, '不存在', 'not_found');
  });

  it('counts linked live visit records', async () => {
    const c = await newCalendar('关联测试');
    const i = await addItem(c.id, '2025-10', '安全专项');
    const s = school('关联测试学校');
    visit(s, '2025-10-08', i.id);
    visit(s, '2025-10-15', i.id);
    const gone = visit(s, '2025-10-20', i.id);
    softDelete('visits', gone);
    visit(s, '2025-10-21', null);
    expect(monthOf(await detail(c.id), '2025-10').items[0].visitCount).toBe(2);
  });
});

describe('calendars: copy to a new year, delete', () => {
  it('copies months shifted by whole years, keeps themes, resets items to 未开始 and keeps the source', async () => {
    const c = await call(a, 'calendars.save', { fields: { title: '2023—2024学年行事历', periodKind: '学年', startMonth: '2023-09', endMonth: '2024-08' } });
    const s = school('复制测试学校');
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2023-09', theme: '开学工作' });
    await call(a, 'calendars.setTheme', { calendarId: c.id, month: '2024-02', theme: '寒假安全' });
    await addItem(c.id, '2023-09', '开学检查', { status: '已完成', statusNote: '已完成', owner: '李华', schoolIds: [s] });
    await addItem(c.id, '2023-09', '挂牌督导', { status: '进行中' });
    const leap = await addItem(c.id, '2024-02', '闰日检查', { startDate: '2024-02-29', endDate: '2024-02-29', status: '取消' });
    // A deleted item is not copied.
    const gone = await addItem(c.id, '2023-09', '作废事项');
    await call(a, 'calendarItems.delete', { id: gone.id });

    const copy = await call(a, 'calendars.copy', { id: c.id, title: '2024—2025学年行事历' });
    expect(copy).toMatchObject({ title: '2024—2025学年行事历', periodKind: '学年', startMonth: '2024-09', endMonth: '2025-08', itemCount: 3, doneCount: 0 });
    expect(lastAudit()).toMatchObject({ action: '复制', kind: 'calendar', entityId: copy.id });
    const d = await detail(copy.id);
    expect(monthOf(d, '2024-09').theme).toBe('开学工作');
    expect(monthOf(d, '2025-02').theme).toBe('寒假安全');
    expect(numbered(d, '2024-09')).toEqual(['1.开学检查', '2.挂牌督导']);
    const items = d.months.flatMap((m) => m.items);
    expect(items.every((i) => i.status === '未开始' && i.statusNote === null && i.visitCount === 0)).toBe(true);
    expect(items[0]).toMatchObject({ owner: '李华', schoolIds: [s] });
    expect(monthOf(d, '2025-02').items[0]).toMatchObject({ startDate: '2025-02-28', endDate: '2025-02-28' });
    // The source is untouched.
    const src = await detail(c.id);
    expect(src.calendar).toMatchObject({ itemCount: 3, doneCount: 1 });
    expect(monthOf(src, '2024-02').items[0]).toMatchObject({ id: leap.id, status: '取消', startDate: '2024-02-29' });

    const two = await call(a, 'calendars.copy', { id: c.id, title: '两年后', shiftYears: 2 });
    expect(two).toMatchObject({ startMonth: '2025-09', endMonth: '2026-08' });
    await refused('calendars.copy', { id: c.id, title: '', shiftYears: 1 }, 'title', '「标题」必须填写');
    await refused('calendars.copy', { id: c.id, title: 'x', shiftYears: 0 }, 'shiftYears', '「顺延年数」至少顺延1年');
    await refused('calendars.copy', { id: 999_999, title: 'x' }, undefined, '不存在', 'not_found');
  });

  it('deletes a calendar to the 回收站: gone from the list, its items no longer editable', async () => {
    const c = await newCalendar('待删除行事历');
    const i = await addItem(c.id, '2025-09', '某事项');
    const { recycleId } = await call(a, 'calendars.delete', { id: c.id });
    expect((await call(a, 'calendars.list', {})).map((x) => x.id)).not.toContain(c.id);
    await refused('calendars.get', { id: c.id }, undefined, '不存在', 'not_found');
    await refused('calendarItems.save', { id: i.id, fields: { calendarId: c.id, month: '2025-09', content: 'x', category: '其他' } }, undefined, '不存在', 'not_found');
    await refused('calendarItems.save', { fields: { calendarId: c.id, month: '2025-09', content: 'x', category: '其他' } }, 'calendarId', '「行事历」');
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

  it('writes two 学年 calendars around the year and a year of complaints, some raising problems', async () => {
    const { b, result } = await generated(11);
    try {
      const cals = await call(b, 'calendars.list', {});
      expect(cals.map((c) => [c.title, c.startMonth, c.endMonth])).toEqual([
        ['2025—2026学年教育督导工作行事历', '2025-09', '2026-08'],
        ['2024—2025学年教育督导工作行事历', '2024-09', '2025-08'],
      ]);
      const months = [...(await call(b, 'calendars.get', { id: cals[1].id })).months, ...(await call(b, 'calendars.get', { id: cals[0].id })).months];
      expect(result).toMatchObject({ calendars: 2, items: months.reduce((n, m) => n + m.items.length, 0) });
      for (const m of months) {
        expect(m.theme).toBeTruthy();
        expect(m.items.length).toBeGreaterThanOrEqual(3);
        expect(m.items.length).toBeLessThanOrEqual(6);
        expect(m.items.map((i) => i.seq)).toEqual(m.items.map((_, k) => k + 1));
        expect(m.items[0].category).toBe('经常性');
      }
      const past = months.filter((m) => m.month < '2025-11').flatMap((m) => m.items);
      expect(past.filter((i) => i.status === '已完成').length / past.length).toBeGreaterThan(0.75);
      expect(months.filter((m) => m.month > '2025-11').flatMap((m) => m.items).every((i) => i.status === '未开始')).toBe(true);

      const complaints = (await call(b, 'complaints.list', { limit: 500 })).rows;
      expect(complaints).toHaveLength(40);
      expect(complaints.every((c) => c.receivedAt >= '2025-01-01' && c.receivedAt <= '2025-11-15 23:59')).toBe(true);
      expect(complaints.filter((c) => c.status === '待处理').every((c) => c.receivedAt >= '2025-11-08')).toBe(true);
      expect(complaints.filter((c) => c.status === '已办结').every((c) => c.result)).toBe(true);
      expect(new Set(complaints.map((c) => c.topic)).size).toBeGreaterThanOrEqual(4);
      const raised = b.db.prepare(`SELECT count(*) FROM problems WHERE source = '应访督导' AND complaint_id IS NOT NULL`).pluck().get();
      expect(raised).toBe(result.problems);
      expect(complaints.reduce((n, c) => n + c.problemCount, 0)).toBe(result.problems);
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
    one.b.dispose();
    two.b.dispose();
  });
});
