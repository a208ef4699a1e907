import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { offeredBytes } from '../testing/files';
import { call } from './index';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import type { ChronicleEntryFields } from '../../shared/schemas/chronicle';
import { expectRefused } from '../testing/refused';

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
      ['month', '2025-05', '完成责任区督学聘任工作', 'calendarItem'],
      ['day', '2025-06-03', '印发《督导工作简报》2025年第1期（总第1期）。', 'briefing'],
      ['day', '2025-10-15', '对河西中学开展综合督导', 'visit'],
    ]);
    expect(c[2]).toMatchObject({ sourceId: ids.special, sourceLabel: '督导记录·专项' });
    expect(c[1].sourceId).toBe(202503);
    expect(await call(a, 'chronicle.candidates', { year: 2024 })).toHaveLength(1);
  });

  it('accepts (with an edit) and rejects candidates; neither is proposed again', async () => {
    const [meeting, notices] = await call(a, 'chronicle.candidates', { year: 2025 });
    const accepted = await call(a, 'chronicle.save', { fields: { ...meeting, text: '区教育督导室召开2025年度全区督学工作会议' } });
    expect(accepted).toMatchObject({ precision: 'day', date: '2025-02-18', sourceKind: 'calendarItem', sourceId: ids.meeting });
    await refused('chronicle.save', { fields: meeting }, undefined, '已被采纳', 'conflict');
    expect(await call(a, 'chronicle.reject', { year: 2025, sourceKind: notices.sourceKind, sourceId: notices.sourceId })).toEqual({ rejected: true });
    const left = await call(a, 'chronicle.candidates', { year: 2025 });
    expect(left.map((x) => x.sourceKind)).toEqual(['visit', 'calendarItem', 'briefing', 'visit']);
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
