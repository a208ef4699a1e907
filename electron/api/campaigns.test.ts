import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { expectRefused } from '../testing/refused';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import { finished, offeredBytes } from '../testing/files';
import { call } from './index';
import { nowText } from '../../shared/dates';
import type { Input } from '../../shared/contract';
import { pinyinKey } from '../store/pinyin';
import { EIGHT_ITEMS } from '../../shared/vocab';

type Store = Awaited<ReturnType<typeof tempStore>>;
type CampaignFields = Input<'campaigns.save'>['fields'];

/** A local date `n` days from today, computed independently of the code under test. */
function day(n: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + n);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const SAFETY = EIGHT_ITEMS[5];
const CANTEEN = EIGHT_ITEMS[6];
const count = (a: Store, sql: string, ...params: unknown[]) => a.db.prepare(sql).pluck().get(...params) as number;

// Registers written with SQL: this area must not depend on the register repositories.
function registers(a: Store) {
  const now = nowText();
  const zone = (name: string) => Number(a.db.prepare('INSERT INTO zones (name, created_at, updated_at) VALUES (?, ?, ?)').run(name, now, now).lastInsertRowid);
  const school = (name: string, type: string, zoneId: number | null = null) => Number(a.db.prepare(
    `INSERT INTO schools (full_name, type, nature, zone_id, name_pinyin, created_at, updated_at) VALUES (?, ?, '公办', ?, ?, ?, ?)`)
    .run(name, type, zoneId, pinyinKey(name, 'place'), now, now).lastInsertRowid);
  const supervisor = (name: string) => Number(a.db.prepare(
    `INSERT INTO supervisors (name, status, category, name_pinyin, created_at, updated_at) VALUES (?, '在聘', '专职督学', ?, ?, ?)`)
    .run(name, pinyinKey(name, 'person'), now, now).lastInsertRowid);
  const z1 = zone('第一责任区');
  return {
    z1,
    s1: school('城关第一小学', '小学', z1), s2: school('城关第二小学', '小学', z1), m1: school('城关中学', '初中'), m2: school('白沙镇中学', '初中'),
    zhang: supervisor('张明'), li: supervisor('李华'), wang: supervisor('王芳'),
  };
}

describe('campaigns: scope, team, schedule, visits and problems, progress', () => {
  let a: Store;
  let r: ReturnType<typeof registers>;
  const base = (over: Partial<CampaignFields> = {}): CampaignFields => ({
    name: '校园安全', basisTitle: '关于开展校园安全专项督导的通知', basisNumber: '清教督〔2026〕3号',
    startDate: day(-20), endDate: day(20), scopeKind: '选定学校', schools: [{ schoolId: r.s1, plannedDate: day(-10) }, { schoolId: r.m1 }],
    checklistKind: '八项事项', checklist: [SAFETY, CANTEEN], members: [{ supervisorId: r.zhang, role: '组长' }, { supervisorId: r.li, role: '组员' }],
    followupMonths: 3, ...over,
  });
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    r = registers(a);
  });
  afterAll(() => a.dispose());

  it('resolves each kind of scope to a list of live schools, keeping planned dates', async () => {
    const chosen = await call(a, 'campaigns.save', { fields: base() });
    expect(chosen).toMatchObject({ name: '校园安全', status: '进行中', scopeLabel: '选定学校', progress: { schoolsPlanned: 2, schoolsChecked: 0, visits: 0 } });
    const detail = await call(a, 'campaigns.get', { id: chosen.id });
    expect(detail.schools.map((s) => [s.schoolName, s.plannedDate])).toEqual([['城关第一小学', day(-10)], ['城关中学', null]]);
    expect(detail.members).toEqual([{ supervisorId: r.zhang, name: '张明', role: '组长' }, { supervisorId: r.li, name: '李华', role: '组员' }]);

    const juniors = await call(a, 'campaigns.save', { fields: base({ name: '双减', scopeKind: '学段类型', scopeValue: '初中', schools: [{ schoolId: r.m2, plannedDate: day(-5) }] }) });
    expect(juniors).toMatchObject({ scopeLabel: '全部初中', progress: { schoolsPlanned: 2 } });
    expect((await call(a, 'campaigns.get', { id: juniors.id })).schools.map((s) => [s.schoolName, s.plannedDate]))
      .toEqual([['白沙镇中学', day(-5)], ['城关中学', null]]);
    const zone = await call(a, 'campaigns.save', { fields: base({ name: '课后服务', scopeKind: '责任区', scopeValue: String(r.z1), schools: [] }) });
    expect(zone).toMatchObject({ scopeLabel: '第一责任区', progress: { schoolsPlanned: 2 } });
    const all = await call(a, 'campaigns.save', { fields: base({ name: '食品安全', scopeKind: '全部学校', schools: [], startDate: day(5), endDate: day(30) }) });
    expect(all).toMatchObject({ status: '未开始', progress: { schoolsPlanned: 4 } });

    // Narrowing a scope drops the schools it no longer names.
    const narrowed = await call(a, 'campaigns.save', { id: all.id, fields: base({ name: '食品安全', scopeKind: '学段类型', scopeValue: '小学', schools: [], startDate: day(5), endDate: day(30) }) });
    expect(narrowed.progress.schoolsPlanned).toBe(2);
    expect((await call(a, 'campaigns.list', {})).map((c) => c.name)).toEqual(['食品安全', '课后服务', '双减', '校园安全']);
    expect((await call(a, 'campaigns.list', { status: '未开始' })).map((c) => c.name)).toEqual(['食品安全']);
  });

  it('refuses bad campaigns naming the field in Chinese, and writes nothing', async () => {
    const before = count(a, 'SELECT count(*) FROM campaigns');
    const deleted = r.wang;
    a.db.prepare('UPDATE supervisors SET deleted_at = ? WHERE id = ?').run(nowText(), deleted);
    const refused = (fields: CampaignFields, field: string, text: string) => expectRefused(a, 'campaigns.save', { fields }, { field, text });
    await refused(base({ name: ' ' }), 'fields.name', '「专项名称」');
    await refused(base({ endDate: day(-30) }), 'endDate', '「结束日期」不能早于开始日期');
    await refused(base({ schools: [] }), 'schools', '请至少选择一所学校');
    await refused(base({ scopeKind: '学段类型', scopeValue: '大学' }), 'scopeValue', '请选择学段类型');
    await refused(base({ scopeKind: '学段类型', scopeValue: '高中' }), 'scopeValue', '学段类型范围内没有学校');
    await refused(base({ scopeKind: '责任区', scopeValue: '999' }), 'scopeValue', '请选择一个责任区');
    await refused(base({ checklist: ['操场'] }), 'checklist', '不在本室的督导事项中');
    await refused(base({ checklistKind: '自定指标', checklist: [] }), 'checklist', '至少填写一项检查指标');
    await refused(base({ members: [{ supervisorId: r.zhang, role: '组长' }, { supervisorId: r.zhang, role: '组员' }] }), 'members', '只能列入一次');
    await refused(base({ members: [{ supervisorId: deleted, role: '组员' }] }), 'members', '不存在或已被删除');
    await refused(base({ schools: [{ schoolId: r.s1, plannedDate: day(40) }] }), 'schools', '不在专项督导的时间');
    await expectRefused(a, 'campaigns.save', { fields: { ...base(), scopeKind: '某范围' } }, { field: 'fields.scopeKind', text: '「督导范围」' });
    await expectRefused(a, 'campaigns.save', { fields: { ...base(), followupMonths: 0 } }, { field: 'fields.followupMonths', text: '至少1个月' });
    expect(count(a, 'SELECT count(*) FROM campaigns')).toBe(before);
  });

  it('takes visits of its schools within its period, their problems belong to it, and counts its progress', async () => {
    const c = await call(a, 'campaigns.save', { fields: base({ name: '控辍保学' }) });
    const visit = (fields: Partial<Input<'visits.save'>['fields']>, problems: { category: string; description: string }[] = []) => call(a, 'visits.save', {
      fields: { schoolId: r.s1, date: day(-8), supervisorIds: [r.zhang], type: '专项', campaignId: c.id, items: [SAFETY], methods: ['巡视校园', '查阅资料'],
        highlight: '建立了控辍保学台账', ...fields },
      newProblems: problems,
    });
    const v = await visit({}, [{ category: SAFETY, description: '劝返学生档案不全' }, { category: CANTEEN, description: '营养餐台账缺失' }]);
    expect(v).toMatchObject({ campaignId: c.id, campaignName: '控辍保学' });
    const problems = (await call(a, 'visits.get', { id: v.id })).problems;
    expect(problems.map((p) => [p.source, p.campaignId, p.campaign])).toEqual([['专项督导', c.id, '控辍保学'], ['专项督导', c.id, '控辍保学']]);
    await expectRefused(a, 'visits.save', { fields: { schoolId: r.s2, date: day(-8), supervisorIds: [r.zhang], type: '专项', campaignId: c.id } },
      { field: 'schoolId', text: '不在专项督导「控辍保学」的督导学校中' });
    await expectRefused(a, 'visits.save', { fields: { schoolId: r.s1, date: day(-30), supervisorIds: [r.zhang], type: '专项', campaignId: c.id } },
      { field: 'date', text: '「督导日期」应在专项督导「控辍保学」的时间' });
    await expectRefused(a, 'visits.save', { fields: { schoolId: r.s1, date: day(-8), supervisorIds: [r.zhang], type: '经常性', campaignId: c.id } },
      { field: 'type', text: '类型应为「专项」' });
    // Its visits hold its period and schools.
    await expectRefused(a, 'campaigns.save', { id: c.id, fields: base({ name: '控辍保学', startDate: day(-5) }) }, { code: 'conflict', text: '城关第一小学' });

    const p = problems[0];
    for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id: p.id, to });
    const got = await call(a, 'campaigns.get', { id: c.id });
    expect(got.campaign.progress).toEqual({
      schoolsPlanned: 2, schoolsChecked: 1, visits: 1, problemsRaised: 2, problemsClosed: 1, rate: 50, followupsPending: 1, followupsOverdue: 0,
    });
    expect(got.schools[0]).toMatchObject({ schoolName: '城关第一小学', problems: 2, closed: 1, visits: [{ id: v.id, date: day(-8), supervisorNames: ['张明'] }] });
    expect(got.problems.map((x) => x.description)).toEqual(['劝返学生档案不全', '营养餐台账缺失']);
    // 销号 scheduled the campaign's 回头看 three months on.
    const [f] = await call(a, 'followups.list', { campaignId: c.id });
    expect(f).toMatchObject({ problemId: p.id, dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), doneDate: null });
    expect(Number(f.dueDate.slice(0, 4)) * 12 + Number(f.dueDate.slice(5, 7)) - (Number(day(0).slice(0, 4)) * 12 + Number(day(0).slice(5, 7)))).toBe(3);

    // A deleted visit and problem no longer count.
    await call(a, 'problems.delete', { id: problems[1].id });
    await call(a, 'visits.delete', { id: v.id });
    expect((await call(a, 'campaigns.get', { id: c.id })).campaign.progress).toMatchObject({ schoolsChecked: 0, visits: 0, problemsRaised: 1, problemsClosed: 1 });
  });

  it('keeps each school\'s planned date and 督导意见, completes and reopens, and goes to the 回收站', async () => {
    const c = await call(a, 'campaigns.save', { fields: base({ name: '五项管理' }) });
    const d = await call(a, 'campaigns.saveSchool', { id: c.id, schoolId: r.m1, plannedDate: day(2), opinion: '请完善作业公示制度。', opinionDate: day(0) });
    expect(d.schools.find((s) => s.schoolId === r.m1)).toMatchObject({ plannedDate: day(2), opinion: '请完善作业公示制度。', opinionDate: day(0) });
    await expectRefused(a, 'campaigns.saveSchool', { id: c.id, schoolId: r.s2, plannedDate: null }, { field: 'schoolId', text: '不在专项督导「五项管理」的督导学校中' });
    await expectRefused(a, 'campaigns.saveSchool', { id: c.id, schoolId: r.m1, plannedDate: day(60) }, { field: 'plannedDate', text: '应在专项督导的时间' });
    // Saving the campaign again keeps what was written for a kept school.
    await call(a, 'campaigns.save', { id: c.id, fields: base({ name: '五项管理', schools: [{ schoolId: r.m1 }, { schoolId: r.s2 }] }) });
    expect((await call(a, 'campaigns.get', { id: c.id })).schools.map((s) => [s.schoolName, s.opinion])).toEqual([['城关第二小学', null], ['城关中学', '请完善作业公示制度。']]);

    expect(await call(a, 'campaigns.close', { id: c.id, closed: true })).toMatchObject({ status: '已完成', closedAt: day(0) });
    await expectRefused(a, 'campaigns.close', { id: c.id, closed: true }, { code: 'conflict', text: '已经完成' });
    expect(await call(a, 'campaigns.close', { id: c.id, closed: false })).toMatchObject({ status: '进行中', closedAt: null });
    await expectRefused(a, 'campaigns.close', { id: c.id, closed: false }, { code: 'conflict', text: '尚未完成' });
    const future = await call(a, 'campaigns.save', { fields: base({ name: '招生入学', startDate: day(10), endDate: day(20), schools: [{ schoolId: r.s1 }] }) });
    await expectRefused(a, 'campaigns.close', { id: future.id, closed: true }, { text: '还没有开始' });

    const { recycleId } = await call(a, 'campaigns.delete', { id: c.id });
    await expectRefused(a, 'campaigns.get', { id: c.id }, { code: 'not_found', text: '不存在或已被删除' });
    await call(a, 'recycle.restore', { id: recycleId });
    expect((await call(a, 'campaigns.get', { id: c.id })).campaign.name).toBe('五项管理');
  });
});

describe('the 专项督导报告 and 督导意见书', () => {
  let a: Store;
  let r: ReturnType<typeof registers>;
  let id: number;
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    r = registers(a);
    await call(a, 'settings.save', { ...(await call(a, 'settings.get', {})), officeName: '清河区人民政府教育督导室' });
    id = (await call(a, 'campaigns.save', { fields: {
      name: '食品安全', basisTitle: '关于开展学校食品安全专项督导的通知', basisNumber: '清教督〔2026〕5号', startDate: day(-30), endDate: day(-1),
      scopeKind: '学段类型', scopeValue: '小学', checklistKind: '自定指标', checklist: ['食品留样', '从业人员健康证'],
      members: [{ supervisorId: r.zhang, role: '组长' }, { supervisorId: r.li, role: '组员' }],
    } })).id;
    const visit = (schoolId: number, date: string, highlight: string | null, problems: string[]) => call(a, 'visits.save', {
      fields: { schoolId, date, supervisorIds: [r.zhang, r.li], type: '专项', campaignId: id, methods: ['巡视校园', '查阅资料'], highlight },
      newProblems: problems.map((description) => ({ category: CANTEEN, description })),
    });
    await visit(r.s1, day(-20), '食堂实行明厨亮灶', ['食品留样记录不完整', '部分从业人员健康证过期']);
    await visit(r.s2, day(-15), null, ['库房食材离地不足']);
    const first = (await call(a, 'problems.list', { campaignId: id, q: '留样' })).rows[0];
    for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id: first.id, to });
  });
  afterAll(() => a.dispose());

  it('drafts the report from the campaign\'s records', async () => {
    const sections = await call(a, 'campaigns.draftReport', { id });
    expect(sections.map((s) => s.title)).toEqual(['基本情况', '主要成效', '存在问题', '整改要求及建议']);
    const text = JSON.stringify(sections);
    expect(text).toContain('根据《关于开展学校食品安全专项督导的通知》（清教督〔2026〕5号）要求');
    expect(text).toContain('督导组由张明任组长，共2名督学组成');
    expect(text).toContain('对全部小学2所学校开展督导');
    expect(text).toContain('已督导学校2所，占计划的100%，形成督导记录2份');
    expect(text).toContain('城关第一小学：');
    expect(text).toContain('督导共发现问题3个，涉及2所学校（单位）');
    expect(text).toContain('（一）食堂、食品、饮水及宿舍卫生情况（3个）');
    expect(text).toContain('已整改销号问题1个，整改率33.3%');
  });

  it('saves the edited report and exports it with the statistics 附件 of its date', async () => {
    await expectRefused(a, 'campaigns.exportReport', { id }, { text: '还没有保存报告' });
    const sections = await call(a, 'campaigns.draftReport', { id });
    sections[1].blocks.push({ type: 'paragraph', runs: [{ text: '各校普遍落实了校长陪餐制度。' }] });
    await expectRefused(a, 'campaigns.saveReport', { id, title: '报告', date: day(-60), sections }, { field: 'date', text: '不能早于专项督导的开始日期' });
    const saved = await call(a, 'campaigns.saveReport', { id, title: '关于全区小学食品安全专项督导情况的报告', to: '区人民政府', date: day(0), sections });
    expect(saved).toMatchObject({ reportTitle: '关于全区小学食品安全专项督导情况的报告', reportTo: '区人民政府', reportDate: day(0) });
    const file = await call(a, 'campaigns.exportReport', { id });
    expect(file.fileName).toBe('关于全区小学食品安全专项督导情况的报告.docx');
    const doc = await readDocx(await offeredBytes(a, file));
    const lines = paragraphs(doc.document).map(textOf);
    expect(lines).toEqual(expect.arrayContaining(['关于全区小学食品安全专项督导情况的报告', '区人民政府：', '一、基本情况', '二、主要成效',
      '三、存在问题', '四、整改要求及建议', '各校普遍落实了校长陪餐制度。', '附件：食品安全专项督导情况统计表', '清河区人民政府教育督导室', '附件',
      '食品安全专项督导情况统计表']));
    // The 附件 table: each school's visits, problems, 销号 and rate, and 合计 — from the records.
    const cells = [...doc.document.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0]));
    const md = (n: number) => `${Number(day(n).slice(5, 7))}月${Number(day(n).slice(8, 10))}日`;
    expect(cells).toEqual(['序号', '学校（单位）', '督导日期', '发现问题', '已销号', '整改率',
      '1', '城关第一小学', md(-20), '2', '1', '50%', '2', '城关第二小学', md(-15), '1', '0', '0%', '', '合计', '2所学校', '3', '1', '33.3%']);
    // Dated yesterday, before today's 销号: the 附件 counts what its date knew.
    await call(a, 'campaigns.saveReport', { id, title: '关于全区小学食品安全专项督导情况的报告', to: '区人民政府', date: day(-1), sections });
    const earlier = await readDocx(await offeredBytes(a, call(a, 'campaigns.exportReport', { id })));
    const totals = [...earlier.document.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0])).slice(-6);
    expect(totals).toEqual(['', '合计', '2所学校', '3', '0', '0%']);
    expect(paragraphs(earlier.document).map(textOf)).toContain(`（截至${Number(day(-1).slice(0, 4))}年${Number(day(-1).slice(5, 7))}月${Number(day(-1).slice(8, 10))}日）`);
  });

  it('writes each visited school\'s 督导意见书 with its findings, and refuses one not visited', async () => {
    await call(a, 'campaigns.saveSchool', { id, schoolId: r.s1, opinion: '请于30日内补齐食品留样记录。\n建立健康证到期提醒。', opinionDate: day(0) });
    const file = await call(a, 'campaigns.exportOpinion', { id, schoolId: r.s1 });
    expect(file.fileName).toBe('食品安全专项督导意见书（城关第一小学）.docx');
    const lines = paragraphs((await readDocx(await offeredBytes(a, file))).document).map(textOf);
    expect(lines).toEqual(expect.arrayContaining(['食品安全专项督导意见书', '城关第一小学：', '一、主要成绩', '1.食堂实行明厨亮灶', '二、存在问题',
      '1.食品留样记录不完整', '2.部分从业人员健康证过期', '三、整改意见', '请于30日内补齐食品留样记录。', '建立健康证到期提醒。']));
    expect(lines.find((l) => l.startsWith('根据'))).toContain('采取巡视校园、查阅资料等方式，对照食品留样、从业人员健康证等内容');
    // A school without highlights has no 主要成绩 part.
    const second = paragraphs((await readDocx(await offeredBytes(a, call(a, 'campaigns.exportOpinion', { id, schoolId: r.s2 })))).document).map(textOf);
    expect(second).toEqual(expect.arrayContaining(['一、存在问题', '二、整改意见']));
    await expectRefused(a, 'campaigns.exportOpinion', { id, schoolId: r.m1 }, { field: 'schoolId', text: '不在本专项督导的督导学校中' });
    const other = await call(a, 'campaigns.save', { fields: { name: '校园安全', startDate: day(-3), endDate: day(3), scopeKind: '选定学校',
      schools: [{ schoolId: r.m1 }], checklistKind: '八项事项', checklist: [SAFETY] } });
    await expectRefused(a, 'campaigns.exportOpinion', { id: other.id, schoolId: r.m1 }, { field: 'schoolId', text: '还没有本专项督导的督导记录' });
  });
});

describe('督政: units, their problems through 销号, letters and the 四清单', () => {
  let a: Store;
  let r: ReturnType<typeof registers>;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    r = registers(a);
    ids.town = (await call(a, 'units.save', { fields: { name: '白沙镇人民政府', kind: '乡镇（街道）', contact: '刘镇长', phone: '0571-88880000' } })).id;
    ids.section = (await call(a, 'units.save', { fields: { name: '区教育局计财科', kind: '教育局科室' } })).id;
    ids.campaign = (await call(a, 'campaigns.save', { fields: { name: '校园安全', startDate: day(-20), endDate: day(20), scopeKind: '全部学校',
      checklistKind: '八项事项', checklist: [SAFETY], members: [{ supervisorId: r.zhang, role: '组长' }] } })).id;
  });
  afterAll(() => a.dispose());

  const unitProblem = (over: Partial<Input<'problems.save'>['fields']> = {}) => call(a, 'problems.save', { fields: {
    source: '专项督导', campaignId: ids.campaign, unitId: ids.town, category: SAFETY, description: '白沙镇中学门前道路缺少减速带和警示标志',
    actor: '区县政府', deadline: day(30), ...over,
  } });

  it('keeps a register of units, refusing duplicates and bad phones', async () => {
    expect((await call(a, 'units.list', {})).map((u) => [u.name, u.kind])).toEqual([['区教育局计财科', '教育局科室'], ['白沙镇人民政府', '乡镇（街道）']]);
    await expectRefused(a, 'units.save', { fields: { name: '白沙镇人民政府', kind: '乡镇（街道）' } }, { code: 'conflict', field: 'name', text: '不能重复' });
    await expectRefused(a, 'units.save', { fields: { name: '某局', kind: '部委' } }, { field: 'fields.kind', text: '「单位类别」' });
    await expectRefused(a, 'units.save', { fields: { name: '某局', kind: '县直部门', phone: 'abc' } }, { field: 'fields.phone', text: '电话号码' });
  });

  it('owns a problem by a unit: the 督政 ledger lists it, the school ledger does not, and it goes to 销号 by its steps', async () => {
    const p = await unitProblem();
    expect(p).toMatchObject({ schoolId: null, schoolName: null, unitId: ids.town, unitName: '白沙镇人民政府', ownerName: '白沙镇人民政府',
      campaign: '校园安全', status: '待整改', zoneName: null });
    const school = await call(a, 'problems.save', { fields: { source: '督导记录', schoolId: r.s1, category: SAFETY, description: '消防通道堆放杂物' } });
    expect((await call(a, 'problems.list', { owner: 'unit' })).rows.map((x) => x.id)).toEqual([p.id]);
    expect((await call(a, 'problems.list', {})).rows.map((x) => x.id)).toEqual([school.id]);
    expect((await call(a, 'problems.list', { owner: 'unit', q: '白沙镇人民' })).total).toBe(1);
    expect((await call(a, 'units.list', {})).find((u) => u.id === ids.town)).toMatchObject({ openProblems: 1, problems: 1 });
    // The school 整改通知书 is not for it.
    await expectRefused(a, 'notices.issue', { schoolId: r.s1, problemIds: [p.id], issuedDate: day(0), deadlineDays: 10 }, { field: 'problemIds', text: '是督政问题' });
    await expectRefused(a, 'documents.referral', { problemIds: [p.id], section: '计财科' }, { field: 'problemIds', text: '督政问题' });
    for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id: p.id, to, note: `镇政府${to}` });
    const { problem, history } = await call(a, 'problems.get', { id: p.id });
    expect(problem).toMatchObject({ status: '已销号', closedAt: day(0) });
    expect(history.map((h) => h.toStatus)).toEqual(['待整改', '整改中', '待回查', '已销号']);
    // A deleted unit takes its problems out of every list, and back when restored.
    const { recycleId } = await call(a, 'units.delete', { id: ids.town });
    expect((await call(a, 'problems.list', { owner: 'unit' })).total).toBe(0);
    await expectRefused(a, 'problems.get', { id: p.id }, { code: 'not_found', text: '不存在或已被删除' });
    await call(a, 'recycle.restore', { id: recycleId });
    expect((await call(a, 'problems.list', { owner: 'unit' })).total).toBe(1);
  });

  it('refuses a problem with no owner, two owners, a deleted unit or the school as its 责任方', async () => {
    const before = count(a, 'SELECT count(*) FROM problems');
    await expectRefused(a, 'problems.save', { fields: { source: '督导记录', schoolId: r.s1, unitId: ids.town, category: SAFETY, description: 'x', actor: '区县政府' } },
      { field: 'schoolId', text: '只能由一所学校或一个责任单位整改' });
    await expectRefused(a, 'problems.save', { fields: { source: '督导记录', category: SAFETY, description: 'x' } }, { field: 'schoolId', text: '请选择问题所在的学校' });
    await expectRefused(a, 'problems.save', { fields: { source: '督导记录', unitId: 99_999, category: SAFETY, description: 'x', actor: '区县政府' } },
      { field: 'unitId', text: '「责任单位」' });
    await expectRefused(a, 'problems.save', { fields: { source: '督导记录', unitId: ids.town, category: SAFETY, description: 'x', actor: '学校' } },
      { field: 'actor', text: '不能是学校' });
    expect(count(a, 'SELECT count(*) FROM problems')).toBe(before);
  });

  it('writes a 督导建议书 or 协商函 to one unit with its problems and deadline, refusing mixed or school problems', async () => {
    const p1 = await unitProblem({ description: '镇中心小学周边流动摊贩占道经营', deadline: day(40) });
    const p2 = await unitProblem({ description: '校车停靠点未设置候车亭', deadline: day(20) });
    const file = await call(a, 'documents.unitLetter', { problemIds: [p1.id, p2.id], kind: '督导建议书', issuedDate: day(0) });
    expect(file.fileName).toBe('督导建议书（白沙镇人民政府）.docx');
    const lines = paragraphs((await readDocx(await offeredBytes(a, file))).document).map(textOf);
    const words = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
    expect(lines).toEqual(expect.arrayContaining(['督导建议书', '白沙镇人民政府：', '我室在“校园安全”专项督导中发现，你单位在以下方面存在问题：',
      `1.镇中心小学周边流动摊贩占道经营（整改时限：${words(day(40))}）。`, `2.校车停靠点未设置候车亭（整改时限：${words(day(20))}）。`]));
    expect(lines.join('')).toContain(`于${words(day(40))}前将整改落实情况书面反馈我室`);
    const section = await call(a, 'problems.save', { fields: { source: '督导记录', unitId: ids.section, category: SAFETY, description: '校舍维修经费未及时拨付', actor: '教育局科室' } });
    const letter = paragraphs((await readDocx(await offeredBytes(a, call(a, 'documents.unitLetter', { problemIds: [section.id], kind: '协商函', issuedDate: day(0), replyBy: day(15) })))).document).map(textOf);
    expect(letter).toEqual(expect.arrayContaining(['协商函', '区教育局计财科：', '我室在督导工作中发现以下问题，涉及贵科室职责：']));
    await expectRefused(a, 'documents.unitLetter', { problemIds: [p1.id, section.id], kind: '协商函', issuedDate: day(0) }, { field: 'problemIds', text: '只写给一个单位' });
    const school = (await call(a, 'problems.list', {})).rows[0];
    await expectRefused(a, 'documents.unitLetter', { problemIds: [school.id], kind: '督导建议书', issuedDate: day(0) }, { field: 'problemIds', text: '用于督政问题' });
    await expectRefused(a, 'documents.unitLetter', { problemIds: [p1.id], kind: '通知', issuedDate: day(0) }, { field: 'kind', text: '「文书类别」' });
  });

  it('lists the 四清单 per campaign and for the year, and exports it to Excel under the four lists\' headers', async () => {
    const lists = await call(a, 'fourLists.get', { campaignId: ids.campaign });
    expect(lists.title).toBe('校园安全专项督导“四清单”');
    expect(lists.rows.map((x) => [x.task, x.owner, x.status])).toEqual([
      ['校园安全专项督导', '白沙镇人民政府', '已销号'], ['校园安全专项督导', '白沙镇人民政府', '待整改'], ['校园安全专项督导', '白沙镇人民政府', '待整改']]);
    expect(lists.rows[0]).toMatchObject({ supervisors: '张明', measure: '镇政府已销号', actor: '区县政府' });
    const year = await call(a, 'fourLists.get', { year: Number(day(0).slice(0, 4)) });
    // Every campaign's problem and every 督政 one; the school's own problem outside a campaign is not.
    expect(year.rows.map((x) => x.task)).toEqual(['校园安全专项督导', '校园安全专项督导', '校园安全专项督导', '督政事项']);
    expect(year.counts).toEqual({ raised: 4, closed: 1, overdue: 0, rebounds: 0 });
    await expectRefused(a, 'fourLists.get', {}, { field: 'year', text: '请选择一项专项督导，或选择年份' });

    // The 督政 ledger exports as its own sheet, owners under 责任单位.
    const exported = await finished(a, call(a, 'problems.exportLedger', { owner: 'unit' }));
    expect(exported.file.fileName).toMatch(/^督政问题台账-\d{8}\.xlsx$/);
    const ledger = new ExcelJS.Workbook();
    await ledger.xlsx.load(await offeredBytes(a, exported.file) as unknown as ArrayBuffer);
    const sheet = ledger.getWorksheet('督政问题台账')!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(/督政问题台账（导出于\d{4}年\d{1,2}月\d{1,2}日，共4条）$/);
    expect((sheet.getRow(2).values as unknown[])[2]).toBe('责任单位');
    expect(sheet.rowCount).toBe(2 + 4);

    const file = await call(a, 'fourLists.export', { campaignId: ids.campaign });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await offeredBytes(a, file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('四清单')!;
    expect(String(ws.getCell(1, 1).value)).toContain('校园安全专项督导“四清单”');
    const groups = [...new Set((ws.getRow(2).values as unknown[]).filter(Boolean))];
    expect(groups).toEqual(['任务清单', '问题清单', '整改清单', '责任清单']);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '督导任务', '督导事项', '问题描述', '提出日期', '整改要求及措施', '整改时限',
      '整改状态', '销号日期', '回头看及督办', '责任主体', '整改责任方', '责任督学']);
    expect(ws.rowCount).toBe(6);
    // Dates are real dates in the Chinese format; what a problem lacks stays an empty cell.
    const first = ws.getRow(4);
    expect(first.getCell(5).value).toEqual(new Date(`${lists.rows[0].raisedAt}T00:00:00Z`));
    expect(first.getCell(5).numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(first.getCell(9).value).toEqual(new Date(`${lists.rows[0].closedAt}T00:00:00Z`));
    expect(ws.getRow(5).getCell(9).value).toBeNull();
    // Printed A4 landscape, one page wide, the title and headers repeated on every page.
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
  });
});

describe('回头看, 反弹 and escalation', () => {
  let a: Store;
  let r: ReturnType<typeof registers>;
  const ids: Record<string, number> = {};
  const close = async (id: number) => { for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id, to }); };
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    r = registers(a);
    const raise = async (description: string) => (await call(a, 'problems.save', { fields: { source: '督导记录', schoolId: r.s1, category: SAFETY, description } })).id;
    ids.held = await raise('消防通道堆放杂物');
    ids.back = await raise('监控存在盲区');
    ids.open = await raise('围墙破损');
    await close(ids.held);
    await close(ids.back);
  });
  afterAll(() => a.dispose());

  it('schedules a 回头看 after 销号 only, on or after the 销号 date', async () => {
    await expectRefused(a, 'followups.schedule', { problemIds: [ids.open], dueDate: day(0) }, { field: 'problemIds', text: '尚未销号' });
    await expectRefused(a, 'followups.schedule', { problemIds: [ids.held], dueDate: day(-1) }, { field: 'dueDate', text: '不能早于问题「消防通道堆放杂物」的销号日期' });
    await expectRefused(a, 'followups.schedule', { problemIds: [99_999], dueDate: day(0) }, { code: 'not_found', field: 'problemIds', text: '不存在或已被删除' });
    expect(await call(a, 'followups.schedule', { problemIds: [ids.held, ids.back], dueDate: day(0) })).toEqual({ scheduled: 2 });
    expect(await call(a, 'followups.schedule', { problemIds: [ids.held], dueDate: day(5) })).toEqual({ scheduled: 0 }); // one pending is kept
    expect((await call(a, 'followups.list', { state: '待回头看' })).map((f) => [f.problem, f.dueDate, f.overdue])).toEqual([
      ['消防通道堆放杂物', day(0), false], ['监控存在盲区', day(0), false]]);
  });

  it('confirms a fix (巩固): the problem stays 销号', async () => {
    const [f] = await call(a, 'followups.list', { problemId: ids.held });
    const done = await call(a, 'followups.record', { id: f.id, doneDate: day(0), supervisorId: r.zhang, result: '巩固', note: '通道保持畅通' });
    expect(done).toMatchObject({ doneDate: day(0), result: '巩固', supervisorName: '张明', problemStatus: '已销号' });
    await expectRefused(a, 'followups.record', { id: f.id, doneDate: day(0), supervisorId: r.zhang, result: '反弹' }, { code: 'conflict', text: '已于' });
    await expectRefused(a, 'followups.delete', { id: f.id }, { code: 'conflict', text: '不能删除' });
  });

  it('reopens a problem found back (反弹) with a new deadline, in its history, and refuses the move any other way', async () => {
    const [f] = await call(a, 'followups.list', { problemId: ids.back });
    await expectRefused(a, 'problems.transition', { id: ids.back, to: '整改中' }, { field: 'to', text: '只能在「回头看」中发现反弹时重新整改' });
    const rec = (over: Partial<Input<'followups.record'>>) => ({ id: f.id, doneDate: day(0), supervisorId: r.li, result: '反弹', note: '新增盲区两处', reworkDue: day(15), ...over });
    await expectRefused(a, 'followups.record', rec({ reworkDue: null }), { field: 'reworkDue', text: '请给出重新整改的期限' });
    await expectRefused(a, 'followups.record', rec({ reworkDue: day(0) }), { field: 'reworkDue', text: '应晚于回头看日期' });
    await expectRefused(a, 'followups.record', rec({ doneDate: day(3) }), { field: 'doneDate', text: '不能晚于今天' });
    await expectRefused(a, 'followups.record', rec({ result: '好转' as '巩固' }), { field: 'result', text: '「回头看结果」' });
    await expectRefused(a, 'followups.record', rec({ supervisorId: 99_999 }), { field: 'supervisorId', text: '「回头看督学」' });
    await call(a, 'followups.record', rec({}));
    const { problem, history, followups } = await call(a, 'problems.get', { id: ids.back });
    expect(problem).toMatchObject({ status: '整改中', closedAt: null, dueDate: day(15), rebounds: 1, overdue: false });
    expect(history.at(-1)).toMatchObject({ fromStatus: '已销号', toStatus: '整改中', note: `回头看发现反弹（李华，${day(0)}）：新增盲区两处，限${day(15)}前重新整改` });
    expect(followups).toEqual([expect.objectContaining({ result: '反弹', note: '新增盲区两处' })]);
    // Its rectification runs again to 销号; a new 回头看 may follow.
    await call(a, 'problems.transition', { id: ids.back, to: '待回查' });
    await call(a, 'problems.transition', { id: ids.back, to: '已销号' });
    expect(await call(a, 'followups.schedule', { problemIds: [ids.back], dueDate: day(0) })).toEqual({ scheduled: 1 });
  });

  it('reopens a problem of an archived year as 反弹, its content staying locked', async () => {
    const last = Number(day(0).slice(0, 4)) - 1;
    const id = (await call(a, 'problems.save', { fields: { source: '督导记录', schoolId: r.s2, category: SAFETY, description: '楼道应急灯损坏' } })).id;
    await close(id);
    a.db.prepare('UPDATE problems SET raised_at = ?, closed_at = ? WHERE id = ?').run(`${last}-11-06`, `${last}-12-01`, id);
    a.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (?, ?, '测试', ?, '[]')`)
      .run(last, nowText(), `年度归档/${last}`);
    await call(a, 'followups.schedule', { problemIds: [id], dueDate: day(0) });
    const [f] = await call(a, 'followups.list', { problemId: id });
    await call(a, 'followups.record', { id: f.id, doneDate: day(0), supervisorId: r.zhang, result: '反弹', reworkDue: day(10) });
    expect((await call(a, 'problems.get', { id })).problem).toMatchObject({ status: '整改中', dueDate: day(10), raisedAt: `${last}-11-06` });
    await expectRefused(a, 'problems.save', { id, fields: { source: '督导记录', schoolId: r.s2, category: SAFETY, description: '改写' } },
      { code: 'readonly', text: `${last}年度已归档` });
  });

  it('records 约谈 and 通报 about problems: flags, timeline and the 大事记 candidates', async () => {
    const talk = await call(a, 'escalations.save', { fields: { kind: '约谈', date: day(0), target: '城关第一小学校长', hosts: '区教育督导室主任',
      outcome: '学校作出书面承诺，限期整改', problemIds: [ids.back, ids.open] } });
    expect(talk.problems.map((p) => p.description)).toEqual(['监控存在盲区', '围墙破损']);
    await call(a, 'escalations.save', { fields: { kind: '通报', date: day(0), target: '全区中小学', hosts: '清教督〔2026〕8号', problemIds: [ids.back] } });
    await expectRefused(a, 'escalations.save', { fields: { kind: '约谈', date: day(0), target: ' ', problemIds: [ids.back] } }, { field: 'fields.target', text: '「对象」' });
    await expectRefused(a, 'escalations.save', { fields: { kind: '约谈', date: day(0), target: '校长', problemIds: [] } }, { field: 'fields.problemIds', text: '请至少选择一个问题' });
    await expectRefused(a, 'escalations.save', { fields: { kind: '约谈', date: '2020-01-01', target: '校长', problemIds: [ids.back] } }, { field: 'date', text: '不能早于所涉问题的提出日期' });
    const { problem, escalations } = await call(a, 'problems.get', { id: ids.back });
    expect(problem).toMatchObject({ talked: true, publicized: true });
    expect(escalations.map((e) => e.kind).sort()).toEqual(['约谈', '通报']);
    expect((await call(a, 'problems.get', { id: ids.open })).problem).toMatchObject({ talked: true, publicized: false });
    const candidates = await call(a, 'chronicle.candidates', { year: Number(day(0).slice(0, 4)) });
    expect(candidates.filter((c) => c.sourceKind === 'escalation').map((c) => c.text).sort()).toEqual([
      '约谈城关第一小学校长，就城关第一小学2个问题整改不力提出要求', '通报城关第一小学1个问题的整改情况（清教督〔2026〕8号）'].sort());
    const { recycleId } = await call(a, 'escalations.delete', { id: talk.id });
    expect((await call(a, 'problems.get', { id: ids.open })).problem.talked).toBe(false);
    await call(a, 'recycle.restore', { id: recycleId });
    expect((await call(a, 'problems.get', { id: ids.open })).problem.talked).toBe(true);
  });
});

describe('the year package (年度归档) files the year\'s 专项督导报告, 四清单 and 评估报告', () => {
  let a: Store;
  afterAll(() => a.dispose());

  it('closes a past year with the reports of the campaigns and rounds completed in it', async () => {
    a = await tempStore({ init: 'empty' });
    const r = registers(a);
    const c = await call(a, 'campaigns.save', { fields: { name: '校园安全', startDate: '2025-11-01', endDate: '2025-11-30', scopeKind: '选定学校',
      schools: [{ schoolId: r.s1 }], checklistKind: '八项事项', checklist: [SAFETY], members: [{ supervisorId: r.zhang, role: '组长' }] } });
    const v = await call(a, 'visits.save', { fields: { schoolId: r.s1, date: '2025-11-12', supervisorIds: [r.zhang], type: '专项', campaignId: c.id },
      newProblems: [{ category: SAFETY, description: '消防通道堆放杂物' }] });
    const [p] = (await call(a, 'visits.get', { id: v.id })).problems;
    for (const to of ['整改中', '待回查', '已销号'] as const) await call(a, 'problems.transition', { id: p.id, to });
    await call(a, 'campaigns.saveReport', { id: c.id, title: '关于校园安全专项督导情况的报告', to: '区人民政府', date: '2025-12-10',
      sections: await call(a, 'campaigns.draftReport', { id: c.id }) });
    const set = await call(a, 'indicatorSets.save', { fields: { name: '综合督导评估指标', kind: '综合督导评估', indicators: [{ level: 1, name: '学校管理', maxScore: 100 }] } });
    const round = await call(a, 'evaluations.create', { setId: set.id, fields: { name: '2025年综合督导评估', kind: '综合督导评估', year: 2025, passScore: 60, schoolIds: [r.s1] } });
    await call(a, 'evaluations.saveScores', { id: round.id, schoolId: r.s1, scorer: '张明', scores: [{ indicatorId: round.indicators[0].id, score: 88 }] });
    // Completed in 2025 (the handlers stamp today).
    a.db.prepare(`UPDATE problems SET raised_at = '2025-11-12', closed_at = '2025-11-28'`).run();
    a.db.prepare(`UPDATE campaigns SET closed_at = '2025-12-20'`).run();
    a.db.prepare(`UPDATE eval_rounds SET closed_at = '2025-12-22'`).run();

    const check = await call(a, 'yearClose.check', { year: 2025 });
    const result = await finished(a, call(a, 'yearClose.close', { year: 2025, openWork: check.openWork }));
    const kinds = result.catalogue.map((e) => [e.kind, e.title]);
    expect(kinds).toEqual(expect.arrayContaining([
      ['专项督导', '关于校园安全专项督导情况的报告'], ['四清单', '××区人民政府教育督导室2025年专项督导和督政“四清单”'], ['评估报告', '2025年综合督导评估报告'],
    ]));
    // Filed: the campaign and the round are read-only now.
    await expectRefused(a, 'campaigns.saveReport', { id: c.id, title: '改写', date: '2025-12-10', sections: [] }, { code: 'readonly', text: '2025年度已归档' });
    await expectRefused(a, 'evaluations.saveScores', { id: round.id, schoolId: r.s1, scorer: '张明', scores: [] }, { code: 'conflict', text: '已完成' });
  });
});
