import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes } from '../testing/files';
import { call, dispatch } from './index';
import { openStore } from '../store/store';
import { nowText } from '../../shared/dates';
import { migrations } from '../store/migrations';
import { putAttachment } from '../store/attachments';
import { listProblems, onNotices, pageIdsSql, problemsWhereSql } from '../store/problems/queries';
import { noticeCountSql, noticeIdsSql } from '../store/notices';
import { openLedger } from '../store/problems/ledger';
import { ledgerWhere } from '../store/problems/read';
import { sql, sqlFragment } from '../store/sql';
import { raiseProblem } from '../store/problems/workflow';
import { pinyinKey } from '../store/pinyin';
import type { Input } from '../../shared/contract';
import { EIGHT_ITEMS } from '../../shared/vocab';
import { expectRefused, refusal } from '../testing/refused';

type Store = Awaited<ReturnType<typeof tempStore>>;
type Fields = Input<'problems.save'>['fields'];

// Registers are written with SQL here: this area must not depend on the register repositories. Names
// carry their pinyin sort keys (store/pinyin.ts) as the repositories write them.
function fixtures(a: Store) {
  const now = nowText();
  const zone = (name: string) => Number(a.db.prepare('INSERT INTO zones (name, created_at, updated_at) VALUES (?, ?, ?)')
    .run(name, now, now).lastInsertRowid);
  const school = (name: string, zoneId: number | null = null) => Number(a.db.prepare(
    `INSERT INTO schools (full_name, type, nature, zone_id, name_pinyin, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?, ?, ?)`)
    .run(name, zoneId, pinyinKey(name, 'place'), now, now).lastInsertRowid);
  const supervisor = (name: string) => Number(a.db.prepare(
    `INSERT INTO supervisors (name, status, category, name_pinyin, created_at, updated_at) VALUES (?, '在聘', '兼职督学', ?, ?, ?)`)
    .run(name, pinyinKey(name, 'person'), now, now).lastInsertRowid);
  const campaign = (name: string) => Number(a.db.prepare(`INSERT INTO campaigns (name, start_date, end_date, scope_kind, checklist_kind,
    created_at, updated_at) VALUES (?, '2020-01-01', '2030-12-31', '全部学校', '八项事项', ?, ?)`).run(name, now, now).lastInsertRowid);
  return { zone, school, supervisor, campaign };
}

/** A local date `n` days from today, computed independently of the code under test. */
/** The 台账 export's rows (ids), as the export walks them, checked against its count. */
function ledgerIds(a: Store, query: Parameters<typeof openLedger>[1]): number[] {
  const ledger = openLedger(a, query);
  try {
    const ids = [...ledger.rows].map((p) => p.id);
    expect(ids.length).toBe(ledger.total);
    return ids;
  } finally {
    ledger.close();
  }
}

function day(n: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const count = (a: Store, table: string) => (a.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const refused = (a: Store, channel: string, input: unknown, code: string, field: string | undefined, text: string) =>
  expectRefused(a, channel, input, { code, field, text });

describe('problems: create, edit, status changes', () => {
  let a: Store;
  const ids: Record<string, number> = {};
  const base = (over: Partial<Fields> = {}): Fields => ({
    source: '督导记录', schoolId: ids.s1, category: EIGHT_ITEMS[5], description: '消防通道堆放杂物', ...over,
  });
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    ids.z = f.zone('第一责任区');
    ids.s1 = f.school('城关第一小学', ids.z);
    ids.s2 = f.school('白沙镇中心小学');
    ids.safety = f.campaign('校园安全');
  });
  afterAll(() => a.dispose());

  it('creates a problem with its first history line and an audit line', async () => {
    const p = await call(a, 'problems.save', { fields: base({ source: '专项督导', campaignId: ids.safety, deadline: day(10), actor: '教育局科室' }) });
    expect(p).toMatchObject({
      source: '专项督导', campaignId: ids.safety, campaign: '校园安全', ownerName: '城关第一小学', unitId: null, unitName: null, schoolName: '城关第一小学', zoneName: '第一责任区', status: '待整改',
      actor: '教育局科室', deadline: day(10), dueDate: day(10), overdue: false, raisedAt: day(0), closedAt: null,
      noticeId: null, noticeNumber: null, visitId: null, complaintId: null,
    });
    const got = await call(a, 'problems.get', { id: p.id });
    expect(got.problem).toEqual(p);
    expect(got.history).toEqual([{ at: expect.any(String), actor: '测试', fromStatus: null, toStatus: '待整改', note: '提出问题（来源：专项督导）' }]);
    expect(a.db.prepare('SELECT action, kind, entity_id AS e FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({ action: '新增', kind: 'problem', e: p.id });
  });

  it('raiseProblem (for complaints) takes the complaint date and a note', () => {
    const now = nowText();
    const c = Number(a.db.prepare(`INSERT INTO complaints (received_at, channel, school_id, topic, content, status, created_at, updated_at)
      VALUES ('2025-03-02 10:30', '来电', ?, '管理', '反映食堂饭菜不卫生', '处理中', ?, ?)`).run(ids.s1, now, now).lastInsertRowid);
    const id = raiseProblem(a, {
      source: '应访督导', visitId: null, complaintId: c, campaignId: null, schoolId: ids.s1, unitId: null, category: EIGHT_ITEMS[6],
      description: '食堂卫生不达标', actor: '学校', deadline: null,
    }, '由来电反映提出');
    const row = a.db.prepare('SELECT raised_at AS r, complaint_id AS c FROM problems WHERE id = ?').get(id);
    expect(row).toEqual({ r: '2025-03-02', c });
    expect(a.db.prepare('SELECT note FROM problem_history WHERE problem_id = ?').pluck().get(id)).toBe('由来电反映提出');
  });

  it('edits the fields and logs what changed', async () => {
    const p = await call(a, 'problems.save', { fields: base() });
    const e = await call(a, 'problems.save', { id: p.id, fields: base({ description: '消防器材过期', schoolId: ids.s2, category: '其他' }) });
    expect(e).toMatchObject({ id: p.id, description: '消防器材过期', schoolName: '白沙镇中心小学', category: '其他', status: '待整改' });
    const detail = JSON.parse(a.db.prepare(`SELECT detail FROM audit_log WHERE kind = 'problem' ORDER BY id DESC LIMIT 1`).pluck().get() as string);
    expect(detail).toMatchObject({ description: ['消防通道堆放杂物', '消防器材过期'], schoolId: [ids.s1, ids.s2] });
  });

  it('keeps the link to a visit deleted since, but refuses a new link to a deleted visit', async () => {
    const sup = Number(a.db.prepare(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES ('张明', '在聘', '兼职督学', ?, ?)`)
      .run(nowText(), nowText()).lastInsertRowid);
    const v = await call(a, 'visits.save', {
      fields: { schoolId: ids.s1, date: '2025-05-06', supervisorIds: [sup], type: '经常性' },
      newProblems: [{ category: EIGHT_ITEMS[2], description: '课表与实际不符' }],
    });
    const p = (await call(a, 'visits.get', { id: v.id })).problems[0];
    await call(a, 'visits.delete', { id: v.id });
    const e = await call(a, 'problems.save', { id: p.id, fields: base({ visitId: v.id, category: EIGHT_ITEMS[2], description: '课表与实际上课不符' }) });
    expect(e).toMatchObject({ visitId: v.id, description: '课表与实际上课不符', raisedAt: '2025-05-06' });
    await refused(a, 'problems.save', { fields: base({ visitId: v.id }) }, 'invalid', 'visitId', '「督导记录」');
  });

  it('moves along the allowed transitions only, keeping every change', async () => {
    const p = await call(a, 'problems.save', { fields: base() });
    await refused(a, 'problems.transition', { id: p.id, to: '已销号' }, 'invalid', 'to', '不能从「待整改」改为「已销号」');
    await refused(a, 'problems.transition', { id: p.id, to: '待回查' }, 'invalid', 'to', '当前只能改为：整改中');
    await call(a, 'problems.transition', { id: p.id, to: '整改中', note: '学校已着手整改' });
    await refused(a, 'problems.transition', { id: p.id, to: '待整改' }, 'invalid', 'to', '不能从「整改中」改为「待整改」');
    await call(a, 'problems.transition', { id: p.id, to: '待回查' });
    const back = await call(a, 'problems.transition', { id: p.id, to: '整改中' });
    expect(back.status).toBe('整改中');
    await call(a, 'problems.transition', { id: p.id, to: '待回查' });
    const closed = await call(a, 'problems.transition', { id: p.id, to: '已销号', note: '核实已整改' });
    expect(closed).toMatchObject({ status: '已销号', closedAt: day(0) });
    await refused(a, 'problems.transition', { id: p.id, to: '整改中' }, 'invalid', 'to', '已销号的问题只能在「回头看」中发现反弹时重新整改');
    const { history } = await call(a, 'problems.get', { id: p.id });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.note])).toEqual([
      [null, '待整改', '提出问题（来源：督导记录）'],
      ['待整改', '整改中', '学校已着手整改'],
      ['整改中', '待回查', null],
      ['待回查', '整改中', '退回'],
      ['整改中', '待回查', null],
      ['待回查', '已销号', '核实已整改'],
    ]);
    expect(history.every((h) => h.actor === '测试' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(h.at))).toBe(true);
  });

  it('refuses invalid input naming the field in Chinese, and writes nothing', async () => {
    const before = [count(a, 'problems'), count(a, 'problem_history'), count(a, 'audit_log')];
    const deletedSchool = fixtures(a).school('已删学校');
    a.db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(nowText(), deletedSchool);
    await refused(a, 'problems.save', { fields: base({ description: '  ' }) }, 'invalid', 'fields.description', '「问题描述」');
    await refused(a, 'problems.save', { fields: base({ source: '网上' as Fields['source'] }) }, 'invalid', 'fields.source', '「问题来源」');
    await refused(a, 'problems.save', { fields: base({ actor: '校长' as Fields['actor'] }) }, 'invalid', 'fields.actor', '「整改责任方」');
    await refused(a, 'problems.save', { fields: base({ deadline: '明天' }) }, 'invalid', 'fields.deadline', '「整改期限」');
    await refused(a, 'problems.save', { fields: base({ category: '卫生' }) }, 'invalid', 'category', '「问题类别」');
    await refused(a, 'problems.save', { fields: base({ source: '专项督导' }) }, 'invalid', 'campaignId', '「专项督导」');
    await refused(a, 'problems.save', { fields: base({ source: '专项督导', campaignId: 99_999 }) }, 'invalid', 'campaignId', '「专项督导」');
    await refused(a, 'problems.save', { fields: base({ schoolId: null }) }, 'invalid', 'schoolId', '督政问题');
    await refused(a, 'problems.save', { fields: base({ schoolId: deletedSchool }) }, 'invalid', 'schoolId', '「学校」');
    await refused(a, 'problems.save', { fields: base({ visitId: 99_999 }) }, 'invalid', 'visitId', '「督导记录」');
    await refused(a, 'problems.transition', { id: 1, to: '完成' }, 'invalid', 'to', '「目标状态」');
    await refused(a, 'problems.list', { status: '好' }, 'invalid', 'status', '「整改状态」');
    expect([count(a, 'problems'), count(a, 'problem_history'), count(a, 'audit_log')]).toEqual(before);
  });

  it('answers unknown ids with not_found', async () => {
    for (const [channel, input] of [
      ['problems.get', { id: 99_999 }], ['problems.delete', { id: 99_999 }], ['problems.transition', { id: 99_999, to: '整改中' }],
      ['problems.save', { id: 99_999, fields: base() }], ['notices.get', { id: 99_999 }],
      ['notices.report', { id: 99_999, reportDate: '2025-01-01', reportText: '报告' }],
      ['notices.recheck', { noticeId: 99_999, date: '2025-01-01', supervisorId: 1, result: '通过' }],
    ] as const) {
      const res = await dispatch(a, channel, input);
      expect(res, channel).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });

  it('deletes to the 回收站 and restores with its history', async () => {
    const p = await call(a, 'problems.save', { fields: base({ description: '将被删除的问题' }) });
    const { recycleId } = await call(a, 'problems.delete', { id: p.id });
    expect((await call(a, 'problems.list', { q: '将被删除' })).total).toBe(0);
    await expect(call(a, 'problems.get', { id: p.id })).rejects.toMatchObject({ code: 'not_found' });
    const bin = await call(a, 'recycle.list', {});
    expect(bin.find((x) => x.id === recycleId)).toMatchObject({ kind: 'problem', entityId: p.id, title: '城关第一小学：将被删除的问题' });
    await call(a, 'recycle.restore', { id: recycleId });
    const back = await call(a, 'problems.get', { id: p.id });
    expect(back.problem).toEqual(p);
    expect(back.history).toHaveLength(1);
  });
});

describe('notices: issue, report, re-check', () => {
  let a: Store;
  const ids: Record<string, number> = {};
  const raise = async (schoolId: number, description: string, deadline: string | null = null) =>
    (await call(a, 'problems.save', { fields: { source: '督导记录', schoolId, category: EIGHT_ITEMS[6], description, deadline } })).id;
  // A fresh archive per test: notice numbers count every notice of the year.
  beforeEach(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    ids.s1 = f.school('城关第一小学');
    ids.s2 = f.school('白沙镇中心小学');
    ids.zhang = f.supervisor('张明');
  });
  afterEach(() => a.dispose());

  it('numbers notices per year of issue, computes the deadline and starts rectification', async () => {
    const p1 = await raise(ids.s1, '食品留样不足');
    const p2 = await raise(ids.s1, '健康证过期');
    const n1 = await call(a, 'notices.issue', { schoolId: ids.s1, problemIds: [p1, p2], issuedDate: '2025-03-10', deadlineDays: 30, requirement: '限期整改' });
    expect(n1).toMatchObject({
      year: 2025, number: 1, numberText: '〔2025〕第1号', schoolName: '城关第一小学', issuedDate: '2025-03-10',
      deadlineDays: 30, deadlineDate: '2025-04-09', requirement: '限期整改', reportText: null, rechecks: [], reportFiles: [],
    });
    expect(n1.problems.map((p) => [p.id, p.status, p.noticeNumber, p.dueDate])).toEqual([
      [p1, '整改中', '〔2025〕第1号', '2025-04-09'], [p2, '整改中', '〔2025〕第1号', '2025-04-09'],
    ]);
    expect((await call(a, 'problems.get', { id: p1 })).history.at(-1)).toMatchObject({ fromStatus: '待整改', toStatus: '整改中', note: '下发整改通知书〔2025〕第1号' });

    const n2 = await call(a, 'notices.issue', { schoolId: ids.s2, problemIds: [await raise(ids.s2, '门卫登记不规范')], issuedDate: '2025-12-31', deadlineDays: 1 });
    expect([n2.numberText, n2.deadlineDate]).toEqual(['〔2025〕第2号', '2026-01-01']);
    const n3 = await call(a, 'notices.issue', { schoolId: ids.s2, problemIds: [await raise(ids.s2, '监控损坏')], issuedDate: '2026-01-05', deadlineDays: 15 });
    expect(n3.numberText).toBe('〔2026〕第1号');
    const n4 = await call(a, 'notices.issue', { schoolId: ids.s1, problemIds: [await raise(ids.s1, '课表不一致')], issuedDate: '2025-06-01', deadlineDays: 15 });
    expect(n4.numberText).toBe('〔2025〕第3号');
    // A leap year's February.
    const n5 = await call(a, 'notices.issue', { schoolId: ids.s1, problemIds: [await raise(ids.s1, '作业偏多')], issuedDate: '2028-02-20', deadlineDays: 10 });
    expect([n5.numberText, n5.deadlineDate]).toEqual(['〔2028〕第1号', '2028-03-01']);

    const list = await call(a, 'notices.list', {});
    expect(list.rows.map((n) => n.numberText)).toEqual(['〔2028〕第1号', '〔2026〕第1号', '〔2025〕第3号', '〔2025〕第2号', '〔2025〕第1号']);
    expect((await call(a, 'notices.list', { year: 2025, schoolId: ids.s1 })).rows.map((n) => n.number)).toEqual([3, 1]);
    expect((await call(a, 'notices.list', { q: '白沙' })).total).toBe(2);
    expect((await call(a, 'notices.list', { q: '2025〕第3号' })).rows.map((n) => n.id)).toEqual([n4.id]);
  });

  it('pages the notices from the front and from the back in the order of the whole list, for every filter and both directions', async () => {
    const gone = fixtures(a).school('已撤并小学');
    const made: { id: number; year: number; number: number; schoolId: number; overdue: boolean }[] = [];
    const issue = async (schoolId: number, issuedDate: string, deadlineDays: number, closed = false) => {
      const p = await raise(schoolId, `问题${made.length + 1}`);
      const n = await call(a, 'notices.issue', { schoolId, problemIds: [p], issuedDate, deadlineDays });
      if (closed) for (const to of ['待回查', '已销号'] as const) await call(a, 'problems.transition', { id: p, to });
      made.push({ id: n.id, year: n.year, number: n.number, schoolId, overdue: !closed && n.deadlineDate < day(0) });
    };
    for (const [school, date, days, closed] of [[ids.s1, '2024-03-01', 10, false], [ids.s2, '2024-05-01', 10, true], [gone, '2024-06-01', 10, false],
      [ids.s1, '2025-01-02', 30, false], [ids.s2, '2025-02-03', 30, false], [ids.s1, '2025-03-04', 30, true], [ids.s2, '2025-04-05', 30, false],
      [ids.s1, day(-1), 30, false], [ids.s2, day(-2), 30, false]] as const) await issue(school, date, days, closed);
    a.db.prepare(`UPDATE schools SET deleted_at = '2025-06-01 10:00:00' WHERE id = ?`).run(gone);
    const live = made.filter((n) => n.schoolId !== gone);
    const filters: [Input<'notices.list'>, (n: typeof made[number]) => boolean][] = [
      [{}, () => true], [{ year: 2025 }, (n) => n.year === 2025], [{ schoolId: ids.s1 }, (n) => n.schoolId === ids.s1],
      [{ q: '白沙' }, (n) => n.schoolId === ids.s2], [{ q: '〕第2号' }, (n) => n.number === 2], [{ overdueOnly: true }, (n) => n.overdue],
    ];
    expect(live.filter((n) => n.overdue).length).toBe(4);
    for (const [filter, keep] of filters) {
      const newest = live.filter(keep).sort((x, y) => y.year - x.year || y.number - x.number).map((n) => n.id);
      expect(newest.length, JSON.stringify(filter)).toBeGreaterThan(1);
      for (const dir of ['desc', 'asc'] as const) {
        const order = dir === 'desc' ? newest : [...newest].reverse();
        const windows: number[] = [];
        for (let offset = 0; offset < order.length; offset += 2) {
          const page = await call(a, 'notices.list', { ...filter, dir, offset, limit: 2 });
          expect(page.total, JSON.stringify({ filter, dir })).toBe(order.length);
          windows.push(...page.rows.map((n) => n.id));
        }
        expect(windows, JSON.stringify({ filter, dir })).toEqual(order);
      }
    }
  });

  it('reads a page of notices and its count along notices_live_order, with no sort and no notice row read', () => {
    const plan = ([text, params]: [string, unknown[]]) => (a.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[])
      .map((r) => r.detail).join('\n');
    for (const filter of [{}, { year: 2025 }, { q: '白沙' }]) {
      // Either notice index holds what the count needs.
      expect(plan(noticeCountSql(filter)), JSON.stringify(filter)).toMatch(/SEARCH n USING COVERING INDEX notices_live_(order|issued) \(deleted_at=\?/);
      for (const dir of ['asc', 'desc'] as const) {
        for (const backwards of [false, true]) {
          const [text, params] = noticeIdsSql({ ...filter, dir }, backwards);
          const p = plan([text, [...params, 30, 0]]);
          expect(p, JSON.stringify({ filter, dir, backwards })).toMatch(/SEARCH n USING COVERING INDEX notices_live_order/);
          expect(p).not.toMatch(/TEMP B-TREE/);
        }
      }
    }
  });

  it('reads the problems of notices, of a visit, a complaint or by id through those, never walking every problem', () => {
    const conditions = [onNotices([1, 2]), sqlFragment`p.id IN (SELECT value FROM json_each(${'[1, 2]'}))`, sqlFragment`p.visit_id = ${1}`,
      sqlFragment`p.complaint_id = ${1}`];
    for (const condition of conditions) {
      const [text, params] = problemsWhereSql(condition);
      const p = (a.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(p, condition.text).toMatch(/SEARCH p USING (INTEGER PRIMARY KEY|INDEX problems_(visit|complaint))/);
      expect(p, condition.text).not.toMatch(/SCAN p\b|SEARCH p USING (COVERING )?INDEX \w+ \((deleted_at|school_id)=\?\)/);
    }
  });

  it('refuses problems of two schools, problems already on a notice, closed or unknown ones — and uses no number', async () => {
    const mine = await raise(ids.s1, '宿舍私拉电线');
    const theirs = await raise(ids.s2, '饮水机滤芯未换');
    const closed = await raise(ids.s1, '已整改的问题');
    for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id: closed, to });
    const onNotice = await raise(ids.s1, '已列入通知书的问题');
    await call(a, 'notices.issue', { schoolId: ids.s1, problemIds: [onNotice], issuedDate: '2025-03-10', deadlineDays: 30 });
    const before = [count(a, 'notices'), count(a, 'problem_history'), count(a, 'audit_log')];
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [mine, theirs], issuedDate: '2025-07-01', deadlineDays: 10 },
      'invalid', 'problemIds', '一份整改通知书只针对一所学校');
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [mine, onNotice], issuedDate: '2025-07-01', deadlineDays: 10 },
      'conflict', 'problemIds', '已列入整改通知书〔2025〕第');
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [mine, 99_999], issuedDate: '2025-07-01', deadlineDays: 10 },
      'not_found', 'problemIds', '不存在或已被删除');
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [closed], issuedDate: '2025-07-01', deadlineDays: 10 },
      'invalid', 'problemIds', '已销号');
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [], issuedDate: '2025-07-01', deadlineDays: 10 },
      'invalid', 'problemIds', '「问题」请至少选择一个问题');
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [mine], issuedDate: '2025-07-01', deadlineDays: 0 },
      'invalid', 'deadlineDays', '「整改期限（天）」至少1天');
    await refused(a, 'notices.issue', { schoolId: ids.s1, problemIds: [mine], issuedDate: '7/1', deadlineDays: 10 },
      'invalid', 'issuedDate', '「下发日期」');
    expect([count(a, 'notices'), count(a, 'problem_history'), count(a, 'audit_log')]).toEqual(before);
    const next = await call(a, 'notices.issue', { schoolId: ids.s1, problemIds: [mine], issuedDate: '2025-07-01', deadlineDays: 10 });
    expect(next.numberText).toBe('〔2025〕第2号');
  });

  it('runs report → failing 回查 (退回) → report → passing 回查 (销号)', async () => {
    const p1 = await raise(ids.s2, '校门口缺减速带');
    const p2 = await raise(ids.s2, '消防器材过期');
    const n = await call(a, 'notices.issue', { schoolId: ids.s2, problemIds: [p1, p2], issuedDate: '2025-09-01', deadlineDays: 20 });
    await refused(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-10', supervisorId: ids.zhang, result: '通过' },
      'conflict', undefined, '请先登记学校的整改报告');
    await refused(a, 'notices.report', { id: n.id, reportDate: '2025-08-01', reportText: '已整改' }, 'invalid', 'reportDate', '「报告日期」不能早于');
    await refused(a, 'notices.report', { id: n.id, reportDate: '2025-09-08', reportText: '' }, 'invalid', 'reportText', '「整改报告」');
    const file = putAttachment(a, Buffer.from('report'), '整改报告.pdf', 'application/pdf');
    await refused(a, 'notices.report', { id: n.id, reportDate: '2025-09-08', reportText: '已整改', files: [{ hash: 'b'.repeat(64), fileName: 'x.pdf' }] },
      'invalid', 'files', '「附件」');

    const r1 = await call(a, 'notices.report', { id: n.id, reportDate: '2025-09-08', reportText: '已安装减速带，已更换消防器材。', files: [{ hash: file, fileName: '整改报告.pdf' }] });
    expect(r1).toMatchObject({ reportDate: '2025-09-08', reportText: '已安装减速带，已更换消防器材。', reportFiles: [{ hash: file, fileName: '整改报告.pdf' }] });
    expect(r1.problems.map((p) => p.status)).toEqual(['待回查', '待回查']);

    await refused(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-01', supervisorId: ids.zhang, result: '通过' }, 'invalid', 'date', '「回查日期」');
    await refused(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-12', supervisorId: 99_999, result: '通过' }, 'invalid', 'supervisorId', '「回查督学」');
    await refused(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-12', supervisorId: ids.zhang, result: '基本通过' }, 'invalid', 'result', '「回查结果」');
    const failed = await call(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-12', supervisorId: ids.zhang, result: '未通过', note: '减速带未安装' });
    expect(failed.problems.map((p) => p.status)).toEqual(['整改中', '整改中']);
    expect(failed.rechecks).toEqual([{ id: expect.any(Number), date: '2025-09-12', supervisorId: ids.zhang, supervisorName: '张明', result: '未通过', note: '减速带未安装' }]);
    expect((await call(a, 'problems.get', { id: p1 })).history.at(-1)).toMatchObject({ fromStatus: '待回查', toStatus: '整改中', note: expect.stringMatching(/^退回：回查未通过（张明，2025-09-12）/) });

    await call(a, 'notices.report', { id: n.id, reportDate: '2025-09-20', reportText: '减速带已安装。' });
    const passed = await call(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-25', supervisorId: ids.zhang, result: '通过' });
    expect(passed.problems.map((p) => [p.status, p.closedAt, p.overdue])).toEqual([['已销号', '2025-09-25', false], ['已销号', '2025-09-25', false]]);
    expect(passed.rechecks.map((r) => r.result)).toEqual(['未通过', '通过']);
    expect(passed).toMatchObject({ reportText: '减速带已安装。', reportFiles: [], overdue: false });
    const { history } = await call(a, 'problems.get', { id: p2 });
    expect(history.map((h) => h.toStatus)).toEqual(['待整改', '整改中', '待回查', '整改中', '待回查', '已销号']);
    await refused(a, 'notices.report', { id: n.id, reportDate: '2025-09-30', reportText: '再次报告' }, 'conflict', undefined, '已全部销号');
    await refused(a, 'notices.recheck', { noticeId: n.id, date: '2025-09-30', supervisorId: ids.zhang, result: '通过' }, 'conflict', undefined, '没有待回查的问题');
    expect(a.db.prepare(`SELECT action FROM audit_log WHERE kind = 'notice' AND entity_id = ? ORDER BY id`).pluck().all(n.id))
      .toEqual(['新增', '整改报告', '回查', '整改报告', '回查']);
  });
});

describe('overdue, 台账 filters and the .xlsx export', () => {
  let a: Store;
  const ids: Record<string, number> = {};
  const list = (q: Input<'problems.list'> = {}) => call(a, 'problems.list', { limit: 500, ...q });
  const descs = (p: { rows: { description: string }[] }) => p.rows.map((r) => r.description).sort();
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    ids.z1 = f.zone('第一责任区');
    ids.s1 = f.school('城关第一小学', ids.z1);
    ids.s2 = f.school('白沙镇中心小学');
    ids.zhang = f.supervisor('张明');
    const save = async (fields: Partial<Fields>) => (await call(a, 'problems.save', {
      fields: { source: '督导记录', schoolId: ids.s1, category: EIGHT_ITEMS[0], description: '', ...fields },
    })).id;
    ids.past = await save({ description: '期限已过', deadline: day(-3) });
    ids.future = await save({ description: '期限未到', deadline: day(5), category: EIGHT_ITEMS[6] });
    ids.none = await save({ description: '没有期限', schoolId: ids.s2, source: '专项督导', campaignId: f.campaign('双减'), actor: '区县政府' });
    ids.closedPast = await save({ description: '过期但已销号', deadline: day(-30) });
    for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id: ids.closedPast, to });
    // On a notice whose deadline passed: the notice's date counts, even though the problem's own is later.
    ids.onNotice = await save({ description: '通知书已逾期', schoolId: ids.s2, deadline: day(100) });
    ids.notice = (await call(a, 'notices.issue', { schoolId: ids.s2, problemIds: [ids.onNotice], issuedDate: day(-20), deadlineDays: 10 })).id;
    ids.today = await save({ description: '今天到期', deadline: day(0) });
    a.db.prepare('UPDATE problems SET raised_at = ? WHERE id = ?').run('2024-05-06', ids.future);
  });
  afterAll(() => a.dispose());

  it('flags overdue problems in lists, details and notices', async () => {
    const all = await list();
    const flag = Object.fromEntries(all.rows.map((p) => [p.description, p.overdue]));
    expect(flag).toEqual({ 期限已过: true, 期限未到: false, 没有期限: false, 过期但已销号: false, 通知书已逾期: true, 今天到期: false });
    expect(all.rows.find((p) => p.id === ids.onNotice)).toMatchObject({ deadline: day(100), dueDate: day(-10) });
    expect((await call(a, 'problems.get', { id: ids.past })).problem.overdue).toBe(true);
    expect(descs(await list({ overdueOnly: true }))).toEqual(['期限已过', '通知书已逾期'].sort());
    const n = await call(a, 'notices.get', { id: ids.notice });
    expect(n.overdue).toBe(true);
    expect(n.problems[0].overdue).toBe(true);
    expect((await call(a, 'notices.list', { overdueOnly: true })).rows.map((x) => x.id)).toEqual([ids.notice]);
    expect((await call(a, 'visits.list', {})).total).toBe(0);
  });

  it('filters the 台账 by school, zone, status, category, source, actor, year, month and text', async () => {
    expect(descs(await list({ schoolId: ids.s2 }))).toEqual(['没有期限', '通知书已逾期'].sort());
    expect(descs(await list({ zoneId: ids.z1 }))).toEqual(['期限已过', '期限未到', '过期但已销号', '今天到期'].sort());
    expect(descs(await list({ status: '已销号' }))).toEqual(['过期但已销号']);
    expect(descs(await list({ status: '整改中' }))).toEqual(['通知书已逾期']);
    expect(descs(await list({ category: EIGHT_ITEMS[6] }))).toEqual(['期限未到']);
    expect(descs(await list({ source: '专项督导' }))).toEqual(['没有期限']);
    expect(descs(await list({ actor: '区县政府' }))).toEqual(['没有期限']);
    expect(descs(await list({ year: 2024 }))).toEqual(['期限未到']);
    expect(descs(await list({ month: '2024-05' }))).toEqual(['期限未到']);
    expect(descs(await list({ q: '双减' }))).toEqual(['没有期限']);
    expect(descs(await list({ q: '白沙镇' }))).toEqual(['没有期限', '通知书已逾期'].sort());
    expect(descs(await list({ q: '期限' }))).toEqual(['期限已过', '期限未到', '没有期限'].sort());
  });

  it('sorts by the deadline that counts (blank last) and pages', async () => {
    const byDue = await list({ sort: 'deadline', dir: 'asc' });
    expect(byDue.rows.map((p) => p.dueDate)).toEqual([day(-30), day(-10), day(-3), day(0), day(5), null]);
    const byStatus = await list({ sort: 'status', dir: 'asc' });
    expect(byStatus.rows.map((p) => p.status)).toEqual(['待整改', '待整改', '待整改', '待整改', '整改中', '已销号']);
    const page = await list({ limit: 2, offset: 4, sort: 'deadline', dir: 'asc' });
    expect([page.total, page.rows.length]).toEqual([6, 2]);
  });

  it('exports the filtered 台账 as .xlsx with a Chinese header and overdue rows in red', async () => {
    const { file, rows: written } = await finished(a, call(a, 'problems.exportLedger', { zoneId: ids.z1, sort: 'deadline', dir: 'asc' }));
    expect(file.fileName).toMatch(/^问题整改台账-\d{8}\.xlsx$/);
    expect(written).toBe(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await offeredBytes(a, file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题整改台账')!;
    expect(String(ws.getCell(1, 1).value)).toContain('问题整改台账');
    const header = (ws.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '学校', '责任区', '问题来源', '专项名称', '问题类别', '问题描述', '整改责任方', '提出日期',
      '整改通知书', '整改期限', '整改状态', '是否逾期', '销号日期']);
    // Every cell as stored: numbers as numbers, dates as real dates (midnight UTC) in the Chinese date format,
    // empty cells empty (null), never ''.
    const cells = (sheet: ExcelJS.Worksheet, r: number) => Array.from({ length: 14 }, (_, i) => sheet.getCell(r, i + 1).value);
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const rows = [3, 4, 5, 6].map((r) => cells(ws, r));
    expect(ws.rowCount).toBe(6);
    expect(rows.map((r) => r[6])).toEqual(['过期但已销号', '期限已过', '今天到期', '期限未到']);
    expect(rows[1]).toEqual([2, '城关第一小学', '第一责任区', '督导记录', null, EIGHT_ITEMS[0], '期限已过', '学校', date(day(0)), null, date(day(-3)), '待整改', '逾期', null]);
    expect(rows[0].slice(11)).toEqual(['已销号', null, date(day(0))]);
    expect(ws.getCell(4, 9).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(ws.getCell(4, 11).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect([3, 4, 5, 6].flatMap((r) => cells(ws, r)).filter((v) => v === '')).toEqual([]);
    expect(ws.getRow(4).getCell(7).font?.color?.argb).toBe('FFC00000');
    expect(ws.getRow(3).getCell(7).font?.color?.argb).toBeUndefined();
    expect(ws.getRow(4).getCell(7).alignment).toMatchObject({ vertical: 'top', wrapText: true });
    expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:N2');

    // A page size is refused, never silently dropped: the export is every problem the filters select.
    for (const paging of [{ limit: 500 }, { offset: 100 }]) {
      const e = await refusal(call(a, 'problems.exportLedger', { zoneId: ids.z1, ...paging }));
      expect(e).toMatchObject({ code: 'invalid' });
      expect(e.message).toContain('导出台账按筛选条件导出全部符合的问题，不分页');
    }

    const notice = await finished(a, call(a, 'problems.exportLedger', { schoolId: ids.s2, overdueOnly: true }));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await offeredBytes(a, notice.file) as unknown as ArrayBuffer);
    const row = cells(wb2.worksheets[0], 3);
    expect(row.slice(1, 2).concat(row.slice(9, 13))).toEqual(['白沙镇中心小学', '〔' + day(-20).slice(0, 4) + '〕第1号', date(day(-10)), '整改中', '逾期']);
    expect(wb2.worksheets[0].rowCount).toBe(3);
  });
});

describe('the 台账 read by windows (as the virtual list does)', () => {
  let a: Store;
  const ids: Record<string, number> = {};
  type Q = Input<'problems.list'>;
  const SORTS = ['raisedAt', 'deadline', 'school', 'status'] as const;
  /** Every stored due date equals the deadline that counts (the live notice's, else the problem's own): the triggers of migration 009. */
  const dueMismatches = () => a.db.prepare(`SELECT count(*) FROM problems p WHERE p.due IS NOT
    COALESCE((SELECT n.deadline_date FROM notices n WHERE n.id = p.notice_id AND n.deleted_at IS NULL), p.deadline)`).pluck().get();

  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    const f = fixtures(a);
    ids.zone = f.zone('第一责任区');
    const schools = [f.school('城关第一小学', ids.zone), f.school('白沙镇中心小学'), f.school('城关第二小学', ids.zone), f.school('将被删除的学校')];
    // 80 problems on few dates and deadlines, so every sort key has ties (broken by id), some without deadline.
    const made: number[] = [];
    for (let i = 0; i < 80; i++) {
      made.push((await call(a, 'problems.save', { fields: {
        source: '督导记录', schoolId: schools[i % 4], category: EIGHT_ITEMS[i % 3], description: `问题${i}`,
        deadline: i % 5 === 0 ? null : day((i % 4) * 7 - 10),
      } })).id);
      a.db.prepare('UPDATE problems SET raised_at = ? WHERE id = ?').run(`2025-0${1 + (i % 3)}-0${1 + (i % 2)}`, made[i]);
    }
    // Notices: their deadline counts over the problems' own; a notice taken out (deleted_at) no longer does.
    for (let s = 0; s < 3; s++) {
      const open = made.filter((_, i) => i % 4 === s && i % 3 === 0);
      const n = await call(a, 'notices.issue', { schoolId: schools[s], problemIds: open, issuedDate: day(-20 + s), deadlineDays: 10 + s * 9 });
      ids[`notice${s}`] = n.id;
    }
    // Problems not on a notice move on by hand; two are closed.
    for (const i of [1, 2, 5, 7, 10]) await call(a, 'problems.transition', { id: made[i], to: '整改中' });
    for (const i of [7, 10]) for (const to of ['待回查', '已销号'] as const) await call(a, 'problems.transition', { id: made[i], to });
    await call(a, 'problems.save', { id: made[9], fields: { source: '督导记录', schoolId: schools[1], category: EIGHT_ITEMS[0], description: '问题9', deadline: day(40) } });
    a.db.prepare('UPDATE notices SET deleted_at = ? WHERE id = ?').run(nowText(), ids.notice2);
    a.db.prepare('UPDATE schools SET deleted_at = ? WHERE id = ?').run(nowText(), schools[3]);
    ids.deadSchool = schools[3];
  });
  afterAll(() => a.dispose());

  it('keeps each problem\'s stored due date equal to the deadline that counts', async () => {
    expect(dueMismatches()).toBe(0);
    expect(a.db.prepare('SELECT count(*) FROM problems WHERE due IS NULL').pluck().get()).toBeGreaterThan(0);
    const onNotice = a.db.prepare('SELECT id FROM problems WHERE notice_id = ? LIMIT 1').pluck().get(ids.notice0) as number;
    // The notice's deadline moves, the notice goes and comes back, the problem's own deadline changes.
    a.db.prepare(`UPDATE notices SET deadline_date = '2030-01-01' WHERE id = ?`).run(ids.notice0);
    expect(a.db.prepare('SELECT due FROM problems WHERE id = ?').pluck().get(onNotice)).toBe('2030-01-01');
    a.db.prepare('UPDATE notices SET deleted_at = ? WHERE id = ?').run(nowText(), ids.notice0);
    expect(dueMismatches()).toBe(0);
    a.db.prepare('UPDATE notices SET deleted_at = NULL WHERE id = ?').run(ids.notice0);
    a.db.prepare(`UPDATE problems SET deadline = '2031-02-03', due = '1999-01-01' WHERE id = ?`).run(onNotice);
    expect(a.db.prepare('SELECT due FROM problems WHERE id = ?').pluck().get(onNotice)).toBe('2030-01-01');
    a.db.prepare('UPDATE problems SET notice_id = NULL WHERE id = ?').run(onNotice);
    expect(a.db.prepare('SELECT due FROM problems WHERE id = ?').pluck().get(onNotice)).toBe('2031-02-03');
    a.db.prepare('UPDATE problems SET notice_id = ? WHERE id = ?').run(ids.notice0, onNotice);
    expect(dueMismatches()).toBe(0);
  });

  it('gives the order of the full list in windows from the front and the back, in every sort, direction and filter, sorted or walked', async () => {
    const filters: Q[] = [{}, { zoneId: ids.zone }, { status: '待整改' }, { overdueOnly: true }, { year: 2025, month: '2025-02' }, { category: EIGHT_ITEMS[1] }, { q: '问题1' }];
    for (const filter of filters) {
      for (const sort of SORTS) {
        for (const dir of ['asc', 'desc'] as const) {
          // The export's list keeps the plain ORDER BY (no index named, no window): the reference order.
          const order = ledgerIds(a, { ...filter, sort, dir });
          expect(order.length).toBeGreaterThan(0);
          const where = JSON.stringify({ filter, sort, dir });
          for (const sortUpTo of [0, 10_000]) {
            const windows: number[] = [];
            for (let offset = 0; offset < order.length; offset += 7) {
              const page = listProblems(a, { offset, limit: 7, sort, dir, owner: 'school', ...filter }, sortUpTo);
              expect(page.total, where).toBe(order.length);
              windows.push(...page.rows.map((r) => r.id));
            }
            expect(windows, `${where} sortUpTo ${sortUpTo}`).toEqual(order);
          }
        }
      }
    }
    expect(ledgerIds(a, {}).some((id) => a.db.prepare('SELECT school_id FROM problems WHERE id = ?').pluck().get(id) === ids.deadSchool)).toBe(false);
    expect((await call(a, 'problems.list', { offset: 500 })).rows).toEqual([]);
  });

  it('reads every order along its index, with no sort, when walking', () => {
    for (const sort of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        for (const backwards of [false, true]) {
          for (const filter of [{}, { year: 2025, status: '整改中' as const }]) {
            const [sql, params] = pageIdsSql({ ...filter, sort, dir }, backwards, false);
            const plan = (a.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 10, 0) as { detail: string }[]).map((r) => r.detail).join('\n');
            expect(plan, `${sort} ${dir} ${backwards}`).not.toMatch(/TEMP B-TREE/);
            expect(plan).toMatch(/USING COVERING INDEX/);
          }
        }
      }
    }
  });

  it('finds the problems carried over into a year (结转) on their two indexes, not by reading every problem', () => {
    for (const carryOver of ['only', 'include'] as const) {
      const [text, params] = sql`SELECT count(*) FROM problems p WHERE ${ledgerWhere({ year: 2025, carryOver }, '2025-06-01')}`;
      const plan = (a.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan, carryOver).toMatch(/USING COVERING INDEX problems_open_live_due/);
      expect(plan, carryOver).toMatch(/USING COVERING INDEX problems_closed_live/);
      expect(plan, carryOver).not.toMatch(/SCAN p\b|SEARCH p USING (COVERING )?INDEX \w+ \(deleted_at=\?\)$/m);
    }
  });
});

describe('migration 009 (problems.due)', () => {
  it('fills in the due dates of an archive with a filed year, whose read-only guard stays on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dudao-m009-'));
    try {
      let a = await openStore(dir, { migrations: migrations.slice(0, 8) });
      const now = nowText();
      a.db.prepare(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES ('城关第一小学', '小学', '公办', ?, ?)`).run(now, now);
      a.db.prepare(`INSERT INTO problems (source, school_id, category, description, actor, deadline, status, raised_at, updated_at)
        VALUES ('督导记录', 1, ?, '食品留样不足', '学校', '2023-05-01', '待整改', '2023-03-01', ?)`).run(EIGHT_ITEMS[6], now);
      a.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2023, ?, '张明', '年度归档/2023', '[]')`).run(now);
      a.close();
      a = await openStore(dir);
      expect(a.db.prepare('SELECT due FROM problems').pluck().all()).toEqual(['2023-05-01']);
      expect(a.db.prepare('SELECT year FROM archived_years').pluck().all()).toEqual([2023]);
      expect(() => a.db.prepare(`UPDATE problems SET deadline = '2023-06-01'`).run()).toThrow('YEAR_ARCHIVED:2023');
      a.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
