import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { offeredBytes } from '../testing/files';
import { call } from './index';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import type { ChronicleEntryFields } from '../../shared/schemas/chronicle';
import { expectRefused } from '../testing/refused';
import { thisMonth } from '../../shared/dates';

// Each test has its own archive with the same year 2025 (built with plain SQL and one issued briefing),
// so what one test accepts, rejects or writes never shows up in another.
let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  a = await tempStore({ init: 'empty' });
  await seedYear();
});
afterEach(() => a.dispose());

const AT = '2025-01-01 00:00:00';
const ins = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);
const school = (name: string) => ins(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`, name, AT, AT);
const visit = (schoolId: number, date: string, type: string, theme: string | null) =>
  ins(`INSERT INTO visits (school_id, date, type, theme, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, schoolId, date, type, theme, AT, AT);
let noticeNo = 0;
const notice = (schoolId: number, date: string) =>
  ins(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, created_at) VALUES (?, ?, ?, ?, 15, ?, ?)`,
    Number(date.slice(0, 4)), ++noticeNo, schoolId, date, date, AT);

let ids: Record<string, number> = {};
async function seedYear(): Promise<void> {
  ids = {};
  noticeNo = 0;
  const [s1, s2, s3] = [school('城关第一小学'), school('城关第二小学'), school('河西中学')];
  const cal = ins(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
    VALUES ('2025年行事历', '自然年', '2025-01', '2025-12', ?, ?)`, AT, AT);
  const item = (month: string, content: string, category: string, status: string, end: string | null = null) =>
    ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, end_date, created_at, updated_at)
      VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)`, cal, month, content, category, status, end, AT, AT);
  ids.meeting = item('2025-02', '召开2025年度全区督学工作会议', '会议', '已完成', '2025-02-18');
  ids.done = item('2025-05', '完成责任区督学聘任工作', '其他', '已完成');
  item('2025-06', '未完成的事项', '其他', '进行中');
  item('2025-07', '已取消的培训', '培训', '取消', '2025-07-01');
  ids.special = visit(s1, '2025-04-10', '专项', '食品安全');
  visit(s2, '2025-04-10', '专项', '食品安全');
  visit(s3, '2025-04-10', '专项', '食品安全');
  ids.comprehensive = visit(s3, '2025-10-15', '综合', null);
  visit(s1, '2025-04-11', '经常性', null);
  notice(s1, '2025-03-05');
  notice(s1, '2025-03-20');
  notice(s2, '2025-03-21');
  notice(s2, '2024-12-30');
  const b = await call(a, 'briefings.save', { fields: { month: '2025-05', articles: [{ title: '工作动态', blocks: [] }] } });
  ids.briefing = (await call(a, 'briefings.issue', { id: b.id, issueDate: '2025-06-03' })).id;
}

const entry = (over: Partial<ChronicleEntryFields>) => ({ year: 2025, precision: 'day', date: '2025-01-01', text: '事件', ...over });
const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

/** Accept two candidates: the 2月18日 meeting (with an edited text) and the 6月3日 briefing. */
async function acceptMeetingAndBriefing(): Promise<void> {
  const c = await call(a, 'chronicle.candidates', { year: 2025 });
  const meeting = c.find((x) => x.sourceKind === 'calendarItem' && x.date === '2025-02-18')!;
  await call(a, 'chronicle.save', { fields: { ...meeting, text: '区教育督导室召开2025年度全区督学工作会议' } });
  await call(a, 'chronicle.save', { fields: c.find((x) => x.sourceKind === 'briefing')! });
}

/** Manual entries: one 是年, one 是月 and one day. */
async function addManualEntries(): Promise<void> {
  await call(a, 'chronicle.save', { fields: entry({ precision: 'year', date: '2025', text: '全年共开展经常性督导1200余次' }) });
  await call(a, 'chronicle.save', { fields: entry({ precision: 'month', date: '2025-02', text: '各责任区完成督学调整' }) });
  await call(a, 'chronicle.save', { fields: entry({ date: '2025-02-03', text: '区教育督导室制定2025年工作要点' }) });
}

describe('chronicle', () => {
  it('collects candidates from the archive in date order', async () => {
    const c = await call(a, 'chronicle.candidates', { year: 2025 });
    expect(c.map((x) => [x.precision, x.date, x.text, x.sourceKind])).toEqual([
      ['day', '2025-02-18', '召开2025年度全区督学工作会议', 'calendarItem'],
      ['month', '2025-03', '向2所学校下发整改通知书3份', 'noticeMonth'],
      ['day', '2025-04-10', '开展“食品安全”专项督导，督导城关第一小学、城关第二小学、河西中学', 'visit'],
      ['month', '2025-04', '全月开展经常性督导1次，覆盖学校1所', 'routineMonth'],
      ['month', '2025-05', '完成责任区督学聘任工作', 'calendarItem'],
      ['day', '2025-06-03', '印发《督导工作简报》2025年第1期（总第1期）。', 'briefing'],
      ['day', '2025-10-15', '对河西中学开展综合督导', 'visit'],
    ]);
    expect(c[2]).toMatchObject({ sourceId: ids.special, sourceLabel: '督导记录·专项', group: 'visit' });
    expect(c[1]).toMatchObject({ sourceId: 202503, group: 'notice' });
    expect(c.map((x) => x.group)).toEqual(['calendar', 'notice', 'visit', 'routine', 'calendar', 'briefing', 'visit']);
    expect(await call(a, 'chronicle.candidates', { year: 2024 })).toHaveLength(1);
  });

  it('accepts (with an edit) and rejects candidates; neither is proposed again', async () => {
    const [meeting, notices] = await call(a, 'chronicle.candidates', { year: 2025 });
    const accepted = await call(a, 'chronicle.save', { fields: { ...meeting, text: '区教育督导室召开2025年度全区督学工作会议' } });
    expect(accepted).toMatchObject({ precision: 'day', date: '2025-02-18', sourceKind: 'calendarItem', sourceId: ids.meeting });
    await refused('chronicle.save', { fields: meeting }, undefined, '已被采纳', 'conflict');
    expect(await call(a, 'chronicle.reject', { year: 2025, sourceKind: notices.sourceKind, sourceId: notices.sourceId })).toEqual({ rejected: true });
    const left = await call(a, 'chronicle.candidates', { year: 2025 });
    expect(left.map((x) => x.sourceKind)).toEqual(['visit', 'routineMonth', 'calendarItem', 'briefing', 'visit']);
    const b = left.find((x) => x.sourceKind === 'briefing')!;
    await call(a, 'chronicle.save', { fields: b });
  });

  it('keeps manual entries in print order: days, then 是月, then 是年', async () => {
    await acceptMeetingAndBriefing();
    await call(a, 'chronicle.save', { fields: entry({ precision: 'year', date: '2025', text: '全年共开展经常性督导1200余次' }) });
    await call(a, 'chronicle.save', { fields: entry({ precision: 'month', date: '2025-02', text: '各责任区完成督学调整' }) });
    const e = await call(a, 'chronicle.save', { fields: entry({ date: '2025-02-03', text: '草稿' }) });
    await call(a, 'chronicle.save', { id: e.id, fields: entry({ date: '2025-02-03', text: '区教育督导室制定2025年工作要点' }) });
    const list = await call(a, 'chronicle.list', { year: 2025 });
    expect(list.map((x) => x.date)).toEqual(['2025-02-03', '2025-02-18', '2025-02', '2025-06-03', '2025']);
    const gone = await call(a, 'chronicle.save', { fields: entry({ date: '2025-08-01', text: '要删除的条目' }) });
    expect((await call(a, 'chronicle.delete', { id: gone.id })).recycleId).toBeGreaterThan(0);
    expect((await call(a, 'chronicle.list', { year: 2025 })).some((x) => x.id === gone.id)).toBe(false);
  });

  it('exports the list form with month headings and the table form', async () => {
    await acceptMeetingAndBriefing();
    await addManualEntries();
    const list = await call(a, 'chronicle.export', { year: 2025, form: 'list' });
    expect(list.fileName).toBe('××区人民政府教育督导室2025年教育督导大事记.docx');
    const texts = paragraphs((await readDocx(await offeredBytes(a, list))).document).map(textOf);
    expect(texts).toEqual(expect.arrayContaining([
      '××区人民政府教育督导室2025年教育督导大事记', '二月', '2月18日，区教育督导室召开2025年度全区督学工作会议。',
      '是月，各责任区完成督学调整。', '6月3日，印发《督导工作简报》2025年第1期（总第1期）。', '是年，全年共开展经常性督导1200余次。',
    ]));
    const table = await call(a, 'chronicle.export', { year: 2025, form: 'table' });
    expect(table.fileName).toBe('××区人民政府教育督导室2025年教育督导大事记（表格）.docx');
    const doc = (await readDocx(await offeredBytes(a, table))).document;
    expect(doc).toContain('<w:tbl>');
    expect(paragraphs(doc).map(textOf)).toEqual(expect.arrayContaining(['日期', '事件', '2月3日', '区教育督导室制定2025年工作要点。']));
  });

  it('names the field in Chinese for bad input', async () => {
    await refused('chronicle.save', { fields: entry({ text: ' ' }) }, 'fields.text', '「事件」必须填写');
    await refused('chronicle.save', { fields: entry({ year: 1990 }) }, 'fields.year', '「年份」');
    await refused('chronicle.save', { fields: entry({ precision: 'month', date: '2025-02-03' }) }, 'date', '「日期」格式不对，应为 2025-03（是月）');
    await refused('chronicle.save', { fields: entry({ date: '2025-02-30' }) }, 'fields.date', '「日期」不是日历上的日期');
    await refused('chronicle.save', { fields: entry({ date: '2024-12-31' }) }, 'date', '不在2025年内');
    await refused('chronicle.export', { year: 2025, form: 'pdf' }, 'form', '应为 list（列表）或 table（表格）');
    await refused('chronicle.candidates', { year: '去年' }, 'year', '「年份」必须是年份');
    await refused('chronicle.save', { id: 99999, fields: entry({}) }, undefined, '不存在', 'not_found');
    await refused('chronicle.delete', { id: 99999 }, undefined, '不存在', 'not_found');
  });
});

describe('chronicle: curated at year-end volume', () => {
  const cal = () => a.db.prepare('SELECT id FROM calendars LIMIT 1').pluck().get() as number;
  const item = (month: string, content: string, category: string, status = '已完成', end: string | null = null) =>
    ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, end_date, created_at, updated_at)
      VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?)`, cal(), month, content, category, status, end, AT, AT);
  const candidates = () => call(a, 'chronicle.candidates', { year: 2025 });

  it('proposes routine work as one 是月 line a month: repeated meetings, 经常性 items and visits', async () => {
    const schoolId = a.db.prepare('SELECT id FROM schools LIMIT 1').pluck().get() as number;
    for (const m of ['2025-09', '2025-10', '2025-11']) {
      item(m, '召开月度督学工作例会，通报上月督导情况。', '会议', '已完成', `${m}-12`);
      item(m, `各责任督学开展经常性督导，重点督查${m.slice(5)}月主题`, '经常性');
    }
    item('2025-10', '召开月度督学工作例会，通报上月督导情况', '会议', '取消'); // not held
    item('2025-09', '开展秋季开学专项督导', '专项', '已完成', '2025-09-20'); // once: a candidate of its own
    visit(schoolId, '2025-09-03', '经常性', null);
    visit(schoolId, '2025-09-17', '经常性', null);
    const c = await candidates();
    const routine = c.filter((x) => x.group === 'routine');
    expect(routine.map((x) => [x.precision, x.date, x.text, x.sourceKind, x.sourceId])).toEqual([
      ['month', '2025-04', '全月开展经常性督导1次，覆盖学校1所', 'routineMonth', 202504],
      ['month', '2025-09', '召开月度督学工作例会，通报上月督导情况；各责任督学开展经常性督导，重点督查09月主题；全月开展经常性督导2次，覆盖学校1所', 'routineMonth', 202509],
      ['month', '2025-10', '召开月度督学工作例会，通报上月督导情况；各责任督学开展经常性督导，重点督查10月主题', 'routineMonth', 202510],
      ['month', '2025-11', '召开月度督学工作例会，通报上月督导情况；各责任督学开展经常性督导，重点督查11月主题', 'routineMonth', 202511],
    ]);
    expect(c.filter((x) => x.group === 'calendar').map((x) => x.text)).toEqual(['召开2025年度全区督学工作会议', '完成责任区督学聘任工作', '开展秋季开学专项督导']);
    // The month under way has no 是月 line yet: its figures are not final.
    const now = thisMonth();
    visit(schoolId, `${now}-01`, '经常性', null);
    expect((await call(a, 'chronicle.candidates', { year: Number(now.slice(0, 4)) })).filter((x) => x.date === now)).toEqual([]);
  });

  it('accepts and ignores a whole group at once, one audit line each, and undoes either', async () => {
    const c = await candidates();
    const key = (x: { sourceKind: string; sourceId: number }) => ({ sourceKind: x.sourceKind, sourceId: x.sourceId });
    const visits = c.filter((x) => x.group === 'visit').map(key);
    const done = await call(a, 'chronicle.acceptMany', { year: 2025, candidates: visits });
    expect(done).toEqual({ entryIds: [expect.any(Number), expect.any(Number)], skipped: 0 });
    expect((await call(a, 'chronicle.list', { year: 2025 })).map((x) => x.text)).toEqual([
      '开展“食品安全”专项督导，督导城关第一小学、城关第二小学、河西中学', '对河西中学开展综合督导',
    ]);
    // Sent again (a second click, another window): nothing is added twice.
    expect(await call(a, 'chronicle.acceptMany', { year: 2025, candidates: visits })).toEqual({ entryIds: [], skipped: 2 });

    const notices = c.filter((x) => x.group === 'notice').map(key);
    expect(await call(a, 'chronicle.rejectMany', { year: 2025, candidates: notices })).toEqual({ rejected: 1 });
    expect((await candidates()).map((x) => x.group)).toEqual(['calendar', 'routine', 'calendar', 'briefing']);
    const log = (await call(a, 'audit.list', { kind: 'chronicleEntry', offset: 0, limit: 5 })).rows.map((r) => r.summary);
    expect(log.slice(0, 2)).toEqual(['2025年大事记一次不采纳候选1条', '2025年大事记一次采纳候选2条']);

    // Undo: the ignored notices come back; the accepted visits go, except one edited since (kept, and said so).
    expect(await call(a, 'chronicle.undo', { year: 2025, rejected: notices })).toEqual({ removed: 0, restored: 1, kept: 0 });
    const [first] = await call(a, 'chronicle.list', { year: 2025 });
    await new Promise((r) => setTimeout(r, 1100));
    await call(a, 'chronicle.save', { id: first.id, fields: { ...first, text: '开展“食品安全”专项督导（修改）' } });
    expect(await call(a, 'chronicle.undo', { year: 2025, entryIds: done.entryIds })).toEqual({ removed: 1, restored: 0, kept: 1 });
    expect((await call(a, 'chronicle.list', { year: 2025 })).map((x) => x.text)).toEqual(['开展“食品安全”专项督导（修改）']);
    expect((await candidates()).filter((x) => x.group === 'visit' || x.group === 'notice').map((x) => x.text))
      .toEqual(['向2所学校下发整改通知书3份', '对河西中学开展综合督导']);
    await refused('chronicle.acceptMany', { year: 2025, candidates: [] }, 'candidates', '请至少选择一条候选');
  });
});
