import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call, dispatch } from './index';
import { periodOf } from '../store/figures';
import { EIGHT_ITEMS } from '../../shared/vocab';
import { pinyinKey } from '../store/pinyin';

type TempStore = Awaited<ReturnType<typeof tempStore>>;

// A hand-built county, written with plain SQL so the numbers depend only on the dashboard code.
// Deadlines are in 2024 (past) or 2099 (future), so "overdue" does not depend on the day the test runs.
const AT = '2024-01-01 00:00:00';
function seeder(a: TempStore) {
  const run = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);
  return {
    zone: (name: string) => run('INSERT INTO zones (name, created_at, updated_at) VALUES (?, ?, ?)', name, AT, AT),
    school: (name: string, zoneId: number | null, extra: { address?: string } = {}) =>
      run(`INSERT INTO schools (full_name, type, nature, zone_id, address, name_pinyin, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?, ?, ?, ?)`,
        name, zoneId, extra.address ?? null, pinyinKey(name, 'place'), AT, AT),
    supervisor: (name: string, notes: string | null = null) =>
      run(`INSERT INTO supervisors (name, status, category, notes, name_pinyin, created_at, updated_at) VALUES (?, '在聘', '兼职督学', ?, ?, ?, ?)`,
        name, notes, pinyinKey(name, 'person'), AT, AT),
    visit: (schoolId: number, date: string, supervisorIds: number[], theme: string | null = null) => {
      const id = run(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at) VALUES (?, ?, '经常性', ?, ?, ?)`, schoolId, date, theme, AT, AT);
      for (const s of supervisorIds) run('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', id, s);
      return id;
    },
    notice: (schoolId: number, number: number, deadline: string) =>
      run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at) VALUES (2024, ?, ?, '2024-03-01', 30, ?, ?)`,
        number, schoolId, deadline, AT),
    problem: (schoolId: number, raisedAt: string, category: string, status: string, deadline: string | null, noticeId: number | null = null,
      description = '问题描述') =>
      run(`INSERT INTO problems (source, school_id, category, description, actor, deadline, status, notice_id, raised_at, updated_at)
        VALUES ('督导记录', ?, ?, ?, '学校', ?, ?, ?, ?, ?)`, schoolId, category, description, deadline, status, noticeId, raisedAt, AT),
    complaint: (receivedAt: string, topic: string, schoolId: number | null, content = '反映内容') =>
      run(`INSERT INTO complaints (received_at, channel, school_id, topic, content, status, created_at, updated_at)
        VALUES (?, '来电', ?, ?, ?, '待处理', ?, ?)`, receivedAt, schoolId, topic, content, AT, AT),
    calendar: (title: string, start: string, end: string) =>
      run(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at) VALUES (?, '学年', ?, ?, ?, ?)`, title, start, end, AT, AT),
    item: (calendarId: number, month: string, seq: number, content: string, status = '未开始') =>
      run(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, owner, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, '经常性', '张明', ?, ?, ?)`, calendarId, month, seq, content, status, AT, AT),
    del: (table: string, id: number) => a.db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(AT, id),
  };
}

describe('dashboard.get on a hand-built county', () => {
  let a: TempStore;
  const id: Record<string, number> = {};
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const s = seeder(a);
    id.z1 = s.zone('第一责任区');
    id.z2 = s.zone('第二责任区');
    id.A = s.school('甲小学', id.z1);
    id.B = s.school('乙小学', id.z1);
    id.C = s.school('丙中学', id.z2);
    id.D = s.school('丁幼儿园', null);
    id.E = s.school('戊小学（已撤并）', id.z1);
    s.del('schools', id.E);
    id.zhang = s.supervisor('张明');
    id.li = s.supervisor('李华');
    id.wang = s.supervisor('王刚');
    s.del('supervisors', id.wang);

    s.visit(id.A, '2024-03-04', [id.zhang, id.li]);
    s.visit(id.A, '2024-03-18', [id.zhang]);
    s.visit(id.C, '2024-03-31', [id.li]);
    s.visit(id.E, '2024-03-10', [id.zhang]); // deleted school
    s.del('visits', s.visit(id.B, '2024-03-12', [id.zhang])); // deleted visit
    s.visit(id.B, '2024-04-01', [id.wang, id.li]);
    s.visit(id.D, '2023-12-31', [id.zhang]); // another year

    const [i0, , , , , i5, i6] = EIGHT_ITEMS;
    s.problem(id.A, '2024-03-05', i0, '已销号', '2024-03-20');
    s.problem(id.A, '2024-03-10', i5, '整改中', '2024-04-01'); // overdue
    s.problem(id.C, '2024-03-12', i5, '待整改', null, s.notice(id.C, 1, '2024-03-30')); // overdue by its notice
    s.problem(id.B, '2024-03-15', '其他', '待回查', '2099-01-01');
    const gone = s.notice(id.B, 2, '2099-12-31');
    s.del('notices', gone);
    s.problem(id.B, '2024-03-20', i6, '整改中', '2024-04-01', gone); // deleted notice: its own deadline counts
    s.del('problems', s.problem(id.A, '2024-03-01', i0, '待整改', '2024-03-02'));
    s.problem(id.E, '2024-03-08', i0, '待整改', '2024-03-09'); // deleted school
    s.problem(id.C, '2024-05-02', i5, '整改中', '2024-06-01'); // overdue, raised in May

    s.complaint('2024-03-02 09:00', '入学', id.A);
    s.complaint('2024-03-15 10:30', '入学', id.C);
    s.complaint('2024-03-20 16:00', '师德', null);
    s.del('complaints', s.complaint('2024-03-25 08:00', '管理', id.A));
    s.complaint('2024-03-31 23:59', '其他', id.E); // deleted school: counts only without a zone filter
    s.complaint('2024-04-01 00:00', '管理', id.B);

    const cal = s.calendar('2023—2024学年行事历', '2023-09', '2024-08');
    s.item(cal, '2024-03', 1, '三月挂牌督导', '已完成');
    s.del('calendar_items', s.item(cal, '2024-03', 2, '已删除事项'));
    s.item(cal, '2024-03', 3, '学校思政课专项督导');
    s.item(cal, '2024-04', 1, '四月事项');
    const old = s.calendar('已删除行事历', '2024-01', '2024-12');
    s.item(old, '2024-03', 1, '不应出现');
    s.del('calendars', old);
  });
  afterAll(() => a.dispose());

  it('counts one month for the whole county', async () => {
    const d = await call(a, 'dashboard.get', { year: 2024, month: 3 });
    expect(d.period).toEqual({ year: 2024, month: 3, zoneId: null, from: '2024-03-01', to: '2024-03-31' });
    expect(d.coverage).toEqual({ visited: 2, total: 4, notVisited: [{ id: id.D, name: '丁幼儿园' }, { id: id.B, name: '乙小学' }] });
    expect(d.visits).toBe(3);
    expect(d.visitsBySupervisor).toEqual([ // equal counts in pinyin order: li before zhang
      { supervisorId: id.li, name: '李华', visits: 2 },
      { supervisorId: id.zhang, name: '张明', visits: 2 },
    ]);
    expect(d.problemsByItem).toEqual([
      { item: EIGHT_ITEMS[0], count: 1 }, { item: EIGHT_ITEMS[5], count: 2 }, { item: EIGHT_ITEMS[6], count: 1 }, { item: '其他', count: 1 },
    ]);
    expect(d.rectification).toEqual({ raised: 5, closed: 1, rate: 20, overdue: 3, overdueNow: 4, closedInPeriod: 0 });
    expect(d.complaints).toBe(4);
    expect(d.complaintsByTopic).toEqual([{ topic: '入学', count: 2 }, { topic: '师德', count: 1 }, { topic: '其他', count: 1 }]);
    expect(d.calendarDue.map((i) => [i.seq, i.content, i.status])).toEqual([[1, '三月挂牌督导', '已完成'], [2, '学校思政课专项督导', '未开始']]);
    expect(d.calendarDue[0]).toMatchObject({ calendarTitle: '2023—2024学年行事历', month: '2024-03', owner: '张明', category: '经常性' });
  });

  it('narrows every number to one 责任区', async () => {
    const d = await call(a, 'dashboard.get', { year: 2024, month: 3, zoneId: id.z1 });
    expect(d.coverage).toEqual({ visited: 1, total: 2, notVisited: [{ id: id.B, name: '乙小学' }] });
    expect(d.visits).toBe(2);
    expect(d.visitsBySupervisor).toEqual([{ supervisorId: id.zhang, name: '张明', visits: 2 }, { supervisorId: id.li, name: '李华', visits: 1 }]);
    expect(d.rectification).toEqual({ raised: 4, closed: 1, rate: 25, overdue: 2, overdueNow: 2, closedInPeriod: 0 });
    expect(d.complaintsByTopic).toEqual([{ topic: '入学', count: 1 }]);
    expect(d.calendarDue).toHaveLength(2);
  });

  it('counts a whole year', async () => {
    const d = await call(a, 'dashboard.get', { year: 2024 });
    expect(d.period).toMatchObject({ month: null, from: '2024-01-01', to: '2024-12-31' });
    expect(d.coverage).toMatchObject({ visited: 3, total: 4, notVisited: [{ id: id.D, name: '丁幼儿园' }] });
    expect(d.visits).toBe(4);
    expect(d.visitsBySupervisor).toEqual([{ supervisorId: id.li, name: '李华', visits: 3 }, { supervisorId: id.zhang, name: '张明', visits: 2 }]);
    expect(d.rectification).toEqual({ raised: 6, closed: 1, rate: 16.7, overdue: 4, overdueNow: 4, closedInPeriod: 0 });
    expect(d.complaints).toBe(5);
    expect(d.calendarDue.map((i) => i.content)).toEqual(['三月挂牌督导', '学校思政课专项督导', '四月事项']);
  });

  it('shows zeros, not errors, for an empty period', async () => {
    const d = await call(a, 'dashboard.get', { year: 2030, month: 1 });
    expect(d).toMatchObject({ visits: 0, visitsBySupervisor: [], problemsByItem: [], complaintsByTopic: [], calendarDue: [], complaints: 0 });
    expect(d.coverage).toMatchObject({ visited: 0, total: 4 });
    expect(d.rectification).toEqual({ raised: 0, closed: 0, rate: 0, overdue: 0, overdueNow: 4, closedInPeriod: 0 });
  });

  it('counts exactly what the linked lists show', async () => {
    for (const [month, zoneId] of [[3, undefined], [3, id.z1], [undefined, id.z2]] as const) {
      const d = await call(a, 'dashboard.get', { year: 2024, month, zoneId });
      const period = month ? { month: `2024-${String(month).padStart(2, '0')}` } : { year: 2024 };
      expect((await call(a, 'visits.list', { ...period, zoneId })).total).toBe(d.visits);
      for (const s of d.visitsBySupervisor) {
        expect((await call(a, 'visits.list', { ...period, zoneId, supervisorId: s.supervisorId })).total).toBe(s.visits);
      }
      for (const p of d.problemsByItem) {
        expect((await call(a, 'problems.list', { ...period, zoneId, category: p.item })).total).toBe(p.count);
      }
      expect((await call(a, 'problems.list', { ...period, zoneId })).total).toBe(d.rectification.raised);
      expect((await call(a, 'problems.list', { ...period, zoneId, status: '已销号' })).total).toBe(d.rectification.closed);
      expect((await call(a, 'problems.list', { ...period, zoneId, overdueOnly: true })).total).toBe(d.rectification.overdue);
      expect((await call(a, 'problems.list', { zoneId, overdueOnly: true })).total).toBe(d.rectification.overdueNow);
      for (const t of d.complaintsByTopic) {
        expect((await call(a, 'complaints.list', { ...period, zoneId, topic: t.topic as never })).total).toBe(t.count);
      }
    }
  });

  it('refuses a bad period, naming the field', async () => {
    for (const [input, field, label] of [
      [{ year: 1999 }, 'year', '年份'], [{ year: '2024' }, 'year', '年份'], [{}, 'year', '年份'],
      [{ year: 2024, month: 13 }, 'month', '月份'], [{ year: 2024, zoneId: 0 }, 'zoneId', '责任区'],
    ] as const) {
      const res = await dispatch(a, 'dashboard.get', input);
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field } });
      if (!res.ok) expect(res.error.message).toContain(`「${label}」`);
    }
  });

  it('knows each month’s last day', () => {
    expect(periodOf(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29', end: '2024-03-01' });
    expect(periodOf(2025, 2).to).toBe('2025-02-28');
    expect(periodOf(2024, 12)).toEqual({ from: '2024-12-01', to: '2024-12-31', end: '2025-01-01' });
  });
});

describe('search.global across kinds', () => {
  let a: TempStore;
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const s = seeder(a);
    const z = s.zone('城关责任区');
    const school = s.school('校园安全示范学校', z);
    const other = s.school('青山小学', null, { address: '青山镇校园路' });
    s.supervisor('周安平', '校园安全专家');
    s.del('supervisors', s.supervisor('已删督学', '校园安全'));
    s.visit(school, '2024-10-09', [], '校园安全');
    s.del('visits', s.visit(school, '2024-10-10', [], '校园安全复查'));
    s.problem(other, '2024-10-09', EIGHT_ITEMS[5], '待整改', null, null, '校园安全隐患排查不到位');
    s.complaint('2024-10-11 09:00', '周边环境', other, '校园安全设施损坏');
    s.complaint('2024-10-12 09:00', '周边环境', null, '校园安全通道堵塞');
    s.complaint('2024-10-13 09:00', '周边环境', null, '学校门口校园安全标志缺失');
    s.del('complaints', s.complaint('2024-10-14 09:00', '其他', null, '校园安全（已删）'));
    const cal = s.calendar('2024—2025学年行事历', '2024-09', '2025-08');
    s.item(cal, '2024-10', 1, '校园安全专项督导');
    const gone = s.calendar('已删行事历', '2024-09', '2025-08');
    s.item(gone, '2024-10', 1, '校园安全（已删行事历）');
    s.del('calendars', gone);
    // Rows hanging on a deleted school stay hidden.
    const closed = s.school('已撤并学校', z);
    s.visit(closed, '2024-10-01', [], '校园安全');
    s.problem(closed, '2024-10-01', EIGHT_ITEMS[5], '待整改', null, null, '校园安全');
    s.del('schools', closed);
  });
  afterAll(() => a.dispose());

  const search = (q: string, limit?: number) => call(a, 'search.global', { q, limit });
  const summary = async (q: string, limit?: number) =>
    Object.fromEntries((await search(q, limit)).groups.map((g) => [g.kind, [g.total, g.hits.map((h) => h.title)]]));

  it('finds every kind by a 4-character substring (trigram), hiding deleted rows', async () => {
    expect(await summary('校园安全')).toEqual({
      supervisor: [1, ['周安平']],
      school: [1, ['校园安全示范学校']],
      visit: [1, ['2024-10-09 校园安全示范学校']],
      problem: [1, ['校园安全隐患排查不到位']],
      complaint: [3, ['学校门口校园安全标志缺失', '校园安全通道堵塞', '校园安全设施损坏']],
      calendarItem: [1, ['校园安全专项督导']],
    });
  });

  it('finds the same by a 2-character substring (LIKE)', async () => {
    const r = await search('安全');
    expect(r.groups.map((g) => [g.kind, g.label, g.total])).toEqual([
      ['supervisor', '督学', 1], ['school', '学校', 1], ['visit', '督导记录', 1], ['problem', '问题', 1],
      ['complaint', '来访来电', 3], ['calendarItem', '行事历事项', 1],
    ]);
    // The very end of a record's text (no field after it), and a field's end before the next field.
    expect(await summary('堵塞')).toEqual({ complaint: [1, ['校园安全通道堵塞']] });
    expect(await summary('到位')).toEqual({ problem: [1, ['校园安全隐患排查不到位']] });
    expect(await summary('专家')).toEqual({ supervisor: [1, ['周安平']] });
    expect(await summary('安平')).toEqual({ supervisor: [1, ['周安平']] });
    // 1-character and mid-word queries too; only kinds with hits are listed.
    expect(Object.keys(await summary('园路'))).toEqual(['school']);
    expect(Object.keys(await summary('堵'))).toEqual(['complaint']);
    expect((await search('没有这样的内容')).groups).toEqual([]);
  });

  it('caps the hits per kind but counts them all, and says where each hit lives', async () => {
    const r = await search('校园安全', 2);
    const complaints = r.groups.find((g) => g.kind === 'complaint')!;
    expect(complaints.total).toBe(3);
    expect(complaints.hits).toHaveLength(2);
    expect(complaints.hits[0].detail).toContain('2024-10-13 09:00');
    const item = r.groups.find((g) => g.kind === 'calendarItem')!.hits[0];
    expect(item.parentId).toBe(a.db.prepare(`SELECT id FROM calendars WHERE title = '2024—2025学年行事历'`).pluck().get());
    expect(item.detail).toContain('2024年10月');
    expect(r.groups.find((g) => g.kind === 'school')!.hits[0]).toMatchObject({ detail: '小学 · 公办 · 城关责任区', parentId: null });
  });

  it('counts up to 1000 per kind and says there are more; the hits are still the newest', async () => {
    const s = seeder(a);
    const school = a.db.prepare(`SELECT id FROM schools WHERE full_name = '青山小学'`).pluck().get() as number;
    a.db.transaction(() => {
      for (let i = 0; i < 1001; i++) s.complaint(`2023-01-01 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`, '其他', school, `食堂饭菜第${i}号`);
    })();
    for (const q of ['食堂', '食堂饭菜', '堂']) {
      const g = (await search(q, 3)).groups.find((x) => x.kind === 'complaint')!;
      expect(g, q).toMatchObject({ total: 1000, more: true });
      expect(g.hits.map((h) => h.detail.slice(0, 16))).toEqual(['2023-01-01 16:40', '2023-01-01 16:39', '2023-01-01 16:38']);
    }
    const exact = (await search('第1000号')).groups;
    expect(exact).toMatchObject([{ kind: 'complaint', total: 1, more: false }]);
    a.db.prepare(`UPDATE complaints SET deleted_at = ? WHERE content = '食堂饭菜第1000号'`).run(AT);
    expect((await search('食堂')).groups.find((x) => x.kind === 'complaint')).toMatchObject({ total: 1000, more: false });
    a.db.prepare(`UPDATE complaints SET deleted_at = ? WHERE content LIKE '食堂饭菜%'`).run(AT);
    expect((await search('食堂')).groups).toEqual([]);
  });

  it('takes quotes and operators literally, and refuses an empty query', async () => {
    expect((await search('"校园 OR 安全"')).groups).toEqual([]);
    expect((await search('100%')).groups).toEqual([]);
    const res = await dispatch(a, 'search.global', { q: '  ' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid', field: 'q' } });
    if (!res.ok) expect(res.error.message).toBe('「搜索词」请输入要搜索的内容');
  });
});
