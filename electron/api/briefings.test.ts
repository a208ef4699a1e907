import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { offeredBytes } from '../testing/files';
import { call } from './index';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import type { BriefingArticleData, BriefingFields } from '../../shared/schemas/briefing';
import { expectRefused } from '../testing/refused';

// Each test has its own archive holding the same month (March 2025), built with plain SQL, so the tests
// depend only on the briefing code and not on each other (issue numbers count every issued briefing).
let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  a = await tempStore({ init: 'empty' });
  seedMonth();
});
afterEach(() => a.dispose());

const AT = '2025-01-01 00:00:00';
const ins = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);
const school = (name: string, deleted = false) =>
  ins(`INSERT INTO schools (full_name, type, nature, created_at, updated_at, deleted_at) VALUES (?, '小学', '公办', ?, ?, ?)`, name, AT, AT, deleted ? AT : null);
const visit = (schoolId: number, date: string, type: string, o: { theme?: string; highlight?: string; deleted?: boolean } = {}) =>
  ins(`INSERT INTO visits (school_id, date, type, theme, highlight, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    schoolId, date, type, o.theme ?? null, o.highlight ?? null, AT, AT, o.deleted ? AT : null);
const problem = (schoolId: number, category: string, description: string, raisedAt: string,
  o: { campaign?: string; closedAt?: string; deleted?: boolean } = {}) =>
  ins(`INSERT INTO problems (source, school_id, campaign, category, description, actor, status, raised_at, closed_at, updated_at, deleted_at)
    VALUES ('督导记录', ?, ?, ?, ?, '学校', ?, ?, ?, ?, ?)`, schoolId, o.campaign ?? null, category, description,
  o.closedAt ? '已销号' : '待整改', raisedAt, o.closedAt ?? null, AT, o.deleted ? AT : null);
const complaint = (receivedAt: string, deleted = false) =>
  ins(`INSERT INTO complaints (received_at, channel, topic, content, status, created_at, updated_at, deleted_at)
    VALUES (?, '来电', '管理', '反映午休管理', '待处理', ?, ?, ?)`, receivedAt, AT, AT, deleted ? AT : null);
let calendarId = 0;
const item = (month: string, seq: number, content: string, status: string, category = '经常性') =>
  ins(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, calendarId, month, seq, content, category, status, AT, AT);

const A = '城关第一小学';
const B = '城关第二小学';
const C = '河西中学';
const I3 = '课程开设和课堂教学情况';
const I7 = '食堂、食品、饮水及宿舍卫生情况';

function seedMonth(): void {
  const [sa, sb, sc] = [school(A), school(B), school(C)];
  school('南山幼儿园');
  const gone = school('已撤并小学', true);
  visit(sa, '2025-03-04', '经常性', { highlight: '开展“红领巾讲解员”思政实践活动' });
  visit(sa, '2025-03-18', '经常性');
  visit(sb, '2025-03-12', '专项', { theme: '食品安全' });
  visit(sc, '2025-03-12', '专项', { theme: '食品安全', highlight: '食堂实行陪餐制度' });
  visit(gone, '2025-03-05', '经常性', { highlight: '不应出现' });
  visit(sb, '2025-03-06', '经常性', { deleted: true, highlight: '已删除的记录' });
  visit(sb, '2025-04-02', '经常性');
  problem(sa, I3, '音乐课被挪用', '2025-03-04');
  problem(sb, I3, '课表与实际不符', '2025-03-12');
  problem(sc, I7, '留样记录不全', '2025-03-12', { campaign: '食品安全' });
  problem(sc, I7, '已删除的问题', '2025-03-12', { deleted: true });
  problem(sa, I3, '二月的问题', '2025-02-20', { closedAt: '2025-03-25' });
  complaint('2025-03-03 09:00');
  complaint('2025-03-31 17:30');
  complaint('2025-03-10 10:00', true);
  complaint('2025-04-01 08:00');
  calendarId = ins(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
    VALUES ('2024学年行事历', '学年', '2024-09', '2025-07', ?, ?)`, AT, AT);
  item('2025-03', 1, '召开全体督学工作会议', '已完成', '会议');
  item('2025-03', 2, '开展食品安全专项督导', '已完成', '专项');
  item('2025-03', 3, '整理督导档案', '未开始');
  item('2025-04', 2, '开展校园安全专项督导', '未开始', '专项');
  item('2025-04', 1, '开展思政课开设情况经常性督导', '未开始');
  item('2025-04', 3, '已取消的事项', '取消');
}

const draft = (articles: BriefingArticleData[], over: Partial<BriefingFields> = {}) =>
  call(a, 'briefings.save', { fields: { month: '2025-03', articles, ...over } });
const P = (text: string) => ({ type: 'paragraph' as const, runs: [{ text }] });

const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

describe('briefings: propose', () => {
  it('proposes the month from the archive with exact numbers', async () => {
    const arts = await call(a, 'briefings.propose', { month: '2025-03' });
    expect(arts.map((x) => x.kind)).toEqual(['督导数据', '工作动态', '亮点做法', '存在问题', '专项督导', '下月安排']);
    const [data, done, highlights, problems, special, next] = arts;
    expect(data.blocks).toEqual([P('2025年3月，全区共开展督导4次，覆盖学校3所，占全区4所学校的75%；督导中发现问题3个，其中已销号0个；本月销号1个（含以前月份发现的问题）；受理来访来电2件。')]);
    expect(done.blocks).toEqual([{ type: 'list', ordered: true, items: ['召开全体督学工作会议', '开展食品安全专项督导'] }]);
    expect(highlights.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: `${A}：`, bold: true }, { text: '开展“红领巾讲解员”思政实践活动' }] },
      { type: 'paragraph', runs: [{ text: `${C}：`, bold: true }, { text: '食堂实行陪餐制度' }] },
    ]);
    expect(problems.blocks).toEqual([
      { type: 'heading', level: 2, text: `（一）${I3}（2个）` },
      { type: 'list', ordered: true, items: [`${A}：音乐课被挪用`, `${B}：课表与实际不符`] },
      { type: 'heading', level: 2, text: `（二）${I7}（1个）` },
      { type: 'list', ordered: true, items: [`${C}：留样记录不全`] },
    ]);
    expect(special.blocks).toEqual([
      P(`开展“食品安全”专项督导，督导学校2所（${B}、${C}）。`),
      P('“食品安全”专项督导中发现问题1个，已督促学校限期整改。'),
    ]);
    expect(next).toMatchObject({ title: '4月工作安排' });
    expect(next.blocks).toEqual([{ type: 'list', ordered: true, items: ['开展思政课开设情况经常性督导', '开展校园安全专项督导'] }]);
  });

  it('says a sentence shared by several schools once, naming them all (甲校、乙校：…)', async () => {
    const [sa, sb, sc] = [1, 2, 3];
    visit(sb, '2025-03-20', '经常性', { highlight: '开展“红领巾讲解员”思政实践活动。' });
    visit(sc, '2025-03-21', '经常性', { highlight: ' 开展“红领巾讲解员”思政实践活动 ' });
    visit(sa, '2025-03-25', '经常性', { highlight: '开展“红领巾讲解员”思政实践活动' });
    problem(sa, I3, '课表与实际不符', '2025-03-26');
    const arts = await call(a, 'briefings.propose', { month: '2025-03' });
    expect(arts.find((x) => x.kind === '亮点做法')!.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: `${A}、${B}、${C}：`, bold: true }, { text: '开展“红领巾讲解员”思政实践活动' }] },
      { type: 'paragraph', runs: [{ text: `${C}：`, bold: true }, { text: '食堂实行陪餐制度' }] },
    ]);
    // The problems keep their count; the same problem at two schools is one line.
    expect(arts.find((x) => x.kind === '存在问题')!.blocks.slice(0, 2)).toEqual([
      { type: 'heading', level: 2, text: `（一）${I3}（3个）` },
      { type: 'list', ordered: true, items: [`${A}：音乐课被挪用`, `${B}、${A}：课表与实际不符`] },
    ]);
  });

  it('skips empty articles: a month with nothing has nothing to propose', async () => {
    expect(await call(a, 'briefings.propose', { month: '2019-06' })).toEqual([]);
    const april = await call(a, 'briefings.propose', { month: '2025-04' });
    expect(april.map((x) => x.kind)).toEqual(['督导数据']);
    expect(april[0].blocks).toEqual([P('2025年4月，全区共开展督导1次，覆盖学校1所，占全区4所学校的25%；督导中发现问题0个，其中已销号0个；本月销号0个（含以前月份发现的问题）；受理来访来电1件。')]);
  });

  it('names the field in Chinese for bad input', async () => {
    await refused('briefings.propose', { month: '2025-13' }, 'month', '「月份」应为年月');
    await refused('briefings.save', { fields: { month: '2025-03', articles: [{ title: ' ', blocks: [] }] } }, 'fields.articles.title', '「文章标题」不能为空');
    await refused('briefings.issue', { id: 1, issueDate: '3月31日' }, 'issueDate', '「印发日期」');
    await refused('briefings.get', { id: 99999 }, undefined, '该期简报不存在', 'not_found');
    await refused('briefings.export', { id: 99999 }, undefined, '该期简报不存在', 'not_found');
  });
});

describe('briefings: drafts, issue, numbering, export', () => {
  it('saves and edits a draft (reordered and dropped articles are kept as given)', async () => {
    const arts = await call(a, 'briefings.propose', { month: '2025-03' });
    const b = await draft(arts);
    expect(b).toMatchObject({ status: '草稿', month: '2025-03', issueNo: null, totalNo: null, showToc: true });
    const edited = [{ ...arts[2], title: '亮点做法（修改）' }, arts[0]];
    const again = await call(a, 'briefings.save', { id: b.id, fields: { month: '2025-03', articles: edited, copies: 25 } });
    expect(again.articles.map((x) => x.title)).toEqual(['亮点做法（修改）', '3月督导工作数据']);
    expect(again.copies).toBe(25);
    expect((await call(a, 'briefings.list', {})).find((x) => x.id === b.id)?.articleTitles).toEqual(['亮点做法（修改）', '3月督导工作数据']);
    const { recycleId } = await call(a, 'briefings.delete', { id: b.id });
    expect(recycleId).toBeGreaterThan(0);
    await refused('briefings.get', { id: b.id }, undefined, '不存在', 'not_found');
  });

  it('refuses to issue an empty draft', async () => {
    const b = await draft([]);
    await refused('briefings.issue', { id: b.id, issueDate: '2025-03-31' }, 'articles', '还没有文章');
  });

  it('numbers 第N期 within the year of issue and 总第N期 overall, and keeps issued ones unchanged', async () => {
    const body = [{ kind: '其他' as const, title: '全区开展经常性督导', blocks: [P('本月督学深入学校开展督导。')] }];
    const first = await call(a, 'briefings.issue', { id: (await draft(body)).id, issueDate: '2025-03-31' });
    const second = await call(a, 'briefings.issue', { id: (await draft(body, { month: '2025-11' })).id, issueDate: '2025-12-05' });
    const third = await call(a, 'briefings.issue', { id: (await draft(body, { month: '2025-12' })).id, issueDate: '2026-01-08' });
    expect([first, second, third].map((b) => [b.year, b.issueNo, b.totalNo, b.status])).toEqual([
      [2025, 1, 1, '已印发'], [2025, 2, 2, '已印发'], [2026, 1, 3, '已印发'],
    ]);
    expect(first).toMatchObject({ issueDate: '2025-03-31', issuingUnit: '××区人民政府教育督导室', copies: 30 });

    const doc = await readDocx(await offeredBytes(a, call(a, 'briefings.export', { id: third.id })));
    const texts = paragraphs(doc.document).map(textOf);
    expect(texts).toContain('督导工作简报');
    expect(texts).toContain('第1期（总第3期）');
    expect(texts).toContain('全区开展经常性督导');
    expect(texts).toContain('（共印30份）');

    await refused('briefings.save', { id: first.id, fields: { month: '2025-03', articles: [] } }, undefined, '2025年第1期简报已印发，不能再修改', 'conflict');
    await refused('briefings.delete', { id: first.id }, undefined, '已印发，不能再删除', 'conflict');
    await refused('briefings.issue', { id: first.id, issueDate: '2025-04-01' }, undefined, '已印发', 'conflict');
    expect(await call(a, 'briefings.get', { id: first.id })).toEqual(first);
  });

  it('re-exports an issued briefing byte for byte, even after the settings change', async () => {
    const b = await call(a, 'briefings.issue', { id: (await draft([{ kind: '其他', title: '专项督导', blocks: [P('正文')] }])).id, issueDate: '2026-02-10' });
    const one = await call(a, 'briefings.export', { id: b.id });
    const settings = await call(a, 'settings.get', {});
    await call(a, 'settings.save', { ...settings, officeName: '另一个督导室', printCopies: 99 });
    await new Promise((r) => setTimeout(r, 1100)); // a fresh build would carry a new timestamp
    const two = await call(a, 'briefings.export', { id: b.id });
    expect((await offeredBytes(a, two)).equals(await offeredBytes(a, one))).toBe(true);
    expect(one.fileName).toBe('督导工作简报2026年第1期（总第1期）.docx');
  });

  it('exports a draft as a fresh build marked 第×期, without numbers', async () => {
    const b = await draft([{ kind: '其他', title: '草稿文章', blocks: [P('草稿正文')] }], { month: '2026-03', issueDate: '2026-03-30' });
    const out = await call(a, 'briefings.export', { id: b.id });
    expect(out.fileName).toBe('督导工作简报（2026年3月草稿）.docx');
    const texts = paragraphs((await readDocx(await offeredBytes(a, out))).document).map(textOf);
    expect(texts).toContain('第×期');
    expect(texts).toContain('草稿文章');
    expect((await call(a, 'briefings.get', { id: b.id })).status).toBe('草稿');
  });
});

describe('briefings: numbers the office controls', () => {
  const body = [{ kind: '其他' as const, title: '全区开展经常性督导', blocks: [P('本月督学深入学校开展督导。')] }];
  const numbers = (id: number, issueDate: string, chosen: { issueNo?: number; totalNo?: number } = {}) =>
    call(a, 'briefings.numbers', { id, issueDate, ...chosen });
  const issue = (id: number, issueDate: string, issueNo?: number, totalNo?: number) =>
    call(a, 'briefings.issue', { id, issueDate, issueNo, totalNo });

  it('proposes by month, not by order of issuing: December issued first leaves 第1期 to November, still a draft', async () => {
    const nov = await draft(body, { month: '2025-11' });
    const dec = await draft(body, { month: '2025-12' });
    const plan = await numbers(dec.id, '2025-12-28');
    expect(plan).toMatchObject({ year: 2025, proposed: { issueNo: 2, totalNo: 2 }, refused: { issueNo: null, totalNo: null } });
    expect(plan.notes[0]).toBe('2025年11月的简报尚未印发，已为它留出第1期。如这些月份不再印发，请删除草稿或直接修改期号。');
    expect(await issue(dec.id, '2025-12-28')).toMatchObject({ issueNo: 2, totalNo: 2 });
    // November then takes the number left for it.
    expect((await numbers(nov.id, '2025-12-29')).proposed).toEqual({ issueNo: 1, totalNo: 1 });
    expect(await issue(nov.id, '2025-12-29')).toMatchObject({ issueNo: 1, totalNo: 1 });
  });

  it('issues under the numbers the user chose; a number already given is refused, naming who has it', async () => {
    const mar = await issue((await draft(body)).id, '2025-03-31', 7, 31); // an office starting mid-year: 第7期（总第31期）
    expect(mar).toMatchObject({ year: 2025, issueNo: 7, totalNo: 31 });
    const apr = await draft(body, { month: '2025-04' });
    expect((await numbers(apr.id, '2025-04-30')).proposed).toEqual({ issueNo: 8, totalNo: 32 });
    const taken = await numbers(apr.id, '2025-04-30', { issueNo: 7, totalNo: 31 });
    expect(taken.refused).toEqual({
      issueNo: '2025年第7期已由2025年3月简报使用（2025年3月31日印发），请换一个期号。',
      totalNo: '总第31期已由2025年3月简报使用（2025年3月31日印发），请换一个期号。',
    });
    await refused('briefings.issue', { id: apr.id, issueDate: '2025-04-30', issueNo: 7, totalNo: 40 }, 'issueNo', '2025年第7期已由2025年3月简报使用', 'conflict');
    await refused('briefings.issue', { id: apr.id, issueDate: '2025-04-30', issueNo: 9, totalNo: 31 }, 'totalNo', '总第31期已由2025年3月简报使用', 'conflict');
    await refused('briefings.issue', { id: apr.id, issueDate: '2025-04-30', issueNo: 9, totalNo: 5 }, 'totalNo', '总期号（总第5期）不能小于本年的期号（第9期）', 'conflict');
    await refused('briefings.issue', { id: apr.id, issueDate: '2025-04-30', issueNo: 0, totalNo: 5 }, 'issueNo', '「期号」至少为1');
    expect((await call(a, 'briefings.get', { id: apr.id })).status).toBe('草稿');
    // Another year counts 第N期 afresh; 总第N期 goes on. The numbers may also leave a gap when the user says so.
    const jan = await draft(body, { month: '2026-01' });
    // April is still a draft: 总第32期 is left for it.
    const janPlan = await numbers(jan.id, '2026-02-03');
    expect(janPlan.proposed).toEqual({ issueNo: 1, totalNo: 33 });
    expect(janPlan.notes[0]).toBe('2025年4月的简报尚未印发，已为它留出总第32期。如这些月份不再印发，请删除草稿或直接修改期号。');
    expect(await issue(jan.id, '2026-02-03', 2, 35)).toMatchObject({ year: 2026, issueNo: 2, totalNo: 35 });
    const log = await call(a, 'audit.list', { kind: 'briefing', offset: 0, limit: 5 });
    expect(log.rows[0].summary).toBe('印发《督导工作简报2026年第2期（总第35期）》（2026年1月）');
  });

  it('says when the numbers go against the months, and when it is the first issue of the year or at all', async () => {
    const first = await draft(body, { month: '2025-05' });
    const plan = await numbers(first.id, '2025-06-02');
    expect(plan.notes).toEqual([
      '这是2025年在本程序中印发的第一期。如本年已另行印发过简报，请把期号改为接续的期号（如第7期），以后各期按此接续。',
      '这是在本程序中印发的第一期。如以往已印发过简报，请把总期号改为接续的总期号，以后各期按此接续。',
    ]);
    await issue(first.id, '2025-06-02');
    const april = await draft(body, { month: '2025-04' });
    const late = await numbers(april.id, '2025-06-05');
    expect(late.proposed).toEqual({ issueNo: 2, totalNo: 2 });
    expect(late.notes).toEqual(['2025年5月简报已编为第1期，本期（2025年4月）编为第2期，期号与月份先后不一致。']);
  });
});

describe('briefings: correcting an issued one', () => {
  const P2 = (t: string) => [{ kind: '其他' as const, title: '全区开展经常性督导', blocks: [P(t)] }];

  it('re-opens it with its numbers and date kept, issues the correction under them and keeps the file issued before', async () => {
    const issued = await call(a, 'briefings.issue', { id: (await draft(P2('本月督导学校12所。'))).id, issueDate: '2025-03-31' });
    const before = await offeredBytes(a, await call(a, 'briefings.export', { id: issued.id }));
    await refused('briefings.reopen', { id: issued.id, reason: ' ' }, 'reason', '「更正原因」请写明更正原因');

    const open = await call(a, 'briefings.reopen', { id: issued.id, reason: '督导学校数有误' });
    expect(open).toMatchObject({ status: '更正中', year: 2025, issueNo: 1, totalNo: 1, issueDate: '2025-03-31' });
    expect(open.corrections).toMatchObject([{ reason: '督导学校数有误', openedBy: '测试', closedAt: null, outcome: null }]);
    await refused('briefings.reopen', { id: issued.id, reason: '再次更正' }, undefined, '已在更正中', 'conflict');
    await refused('briefings.delete', { id: issued.id }, undefined, '正在更正，不能删除', 'conflict');
    await refused('briefings.issue', { id: issued.id, issueDate: '2025-04-01' }, undefined, '正在更正，期号不变', 'conflict');

    // Edited: the month and date of issue stay as issued, whatever is sent.
    const edited = await call(a, 'briefings.save', { id: issued.id, fields: { month: '2025-05', issueDate: '2025-05-01', articles: P2('本月督导学校13所。') } });
    expect(edited).toMatchObject({ status: '更正中', month: '2025-03', issueDate: '2025-03-31' });
    const preview = await call(a, 'briefings.export', { id: issued.id });
    expect(preview.fileName).toBe('督导工作简报2025年第1期（总第1期）（更正稿）.docx');

    const again = await call(a, 'briefings.reissue', { id: issued.id });
    expect(again).toMatchObject({ status: '已印发', issueNo: 1, totalNo: 1, issueDate: '2025-03-31' });
    expect(again.corrections).toMatchObject([{ outcome: '重新印发' }]);
    const after = await call(a, 'briefings.export', { id: issued.id });
    expect(after.fileName).toBe('督导工作简报2025年第1期（总第1期）.docx');
    const texts = paragraphs((await readDocx(await offeredBytes(a, after))).document).map(textOf);
    expect(texts).toContain('本月督导学校13所。');
    expect(texts).toContain('第1期（总第1期）');

    // The file issued before is kept, byte for byte.
    const old = await call(a, 'briefings.exportPrevious', { correctionId: again.corrections[0].id });
    expect((await offeredBytes(a, old)).equals(before)).toBe(true);
    expect(old.fileName).toMatch(/^督导工作简报2025年第1期（总第1期）（\d{4}-\d{2}-\d{2}更正前）\.docx$/);
    const log = (await call(a, 'audit.list', { kind: 'briefing', offset: 0, limit: 10 })).rows.map((r) => r.summary);
    expect(log.slice(0, 3)).toEqual([
      '重新印发更正后的《督导工作简报2025年第1期（总第1期）》（2025年3月）：督导学校数有误',
      '修改更正中的2025年第1期简报（1篇文章）',
      '开始更正《督导工作简报2025年第1期（总第1期）》：督导学校数有误',
    ]);
  });

  it('gives a correction up: the briefing is again exactly as issued', async () => {
    const issued = await call(a, 'briefings.issue', { id: (await draft(P2('原文。'), { copies: 20 })).id, issueDate: '2025-03-31' });
    const file = await offeredBytes(a, await call(a, 'briefings.export', { id: issued.id }));
    await call(a, 'briefings.reopen', { id: issued.id, reason: '错字' });
    await call(a, 'briefings.save', { id: issued.id, fields: { month: '2025-03', articles: P2('改过的文字。'), copies: 50, showToc: false } });
    const back = await call(a, 'briefings.cancelCorrection', { id: issued.id });
    expect(back).toMatchObject({ status: '已印发', copies: 20, showToc: true, articles: P2('原文。') });
    expect(back.corrections).toMatchObject([{ reason: '错字', outcome: '放弃更正' }]);
    expect((await offeredBytes(a, await call(a, 'briefings.export', { id: issued.id }))).equals(file)).toBe(true);
    await refused('briefings.cancelCorrection', { id: issued.id }, undefined, '没有正在进行的更正', 'conflict');
    await refused('briefings.reissue', { id: issued.id }, undefined, '没有正在进行的更正', 'conflict');
    const d = await draft(P2('草稿'));
    await refused('briefings.reopen', { id: d.id, reason: '错字' }, undefined, '还是草稿', 'conflict');
  });

  it('refuses to correct a briefing of an archived year, with the read-only message', async () => {
    const issued = await call(a, 'briefings.issue', { id: (await draft(P2('原文。'))).id, issueDate: '2025-03-31' });
    a.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2025, ?, '测试', '年度归档/2025', '[]')`).run(AT);
    await refused('briefings.reopen', { id: issued.id, reason: '错字' }, undefined, '2025年', 'readonly');
    expect((await call(a, 'briefings.get', { id: issued.id })).status).toBe('已印发');
  });
});
