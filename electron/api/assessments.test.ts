import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { seedSchool, seedSupervisor } from '../testing/seed';
import { expectRefused } from '../testing/refused';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import { call } from './index';
import { offeredBytes } from '../testing/files';
import { DEFAULT_SCHEME } from '../../shared/schemas/assessment';

type Store = Awaited<ReturnType<typeof tempStore>>;
let a: Store;
afterEach(() => a.dispose());

// A small county's 2025, written with SQL so every date (and when each record was entered) is known;
// the expected table below is computed by hand from it under the default 考核办法 (categories 兼职/专职).
function fixture(s: Store) {
  const school = (name: string) => seedSchool(s, { fullName: name, type: '小学' });
  const [S1, S2, S3] = ['城关第一小学', '城关第二小学', '白沙镇中心小学'].map(school);
  const A = seedSupervisor(s, { name: '张明' });
  const B = seedSupervisor(s, { name: '李芳' });
  const C = seedSupervisor(s, { name: '王强', category: '专职督学' });
  seedSupervisor(s, { name: '赵敏', status: '解聘' }); // not assessed: 解聘
  const E = seedSupervisor(s, { name: '陈静', category: '家长督学' }); // not assessed: not a category of the scheme
  const assign = (sc: number, sup: number, role: string) =>
    s.db.prepare(`INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, ?, '2025-01-01 08:00:00')`).run(sc, sup, role);
  assign(S1, A, '责任督学'); assign(S2, A, '责任督学'); assign(S3, B, '责任督学'); assign(S1, B, 'A角'); assign(S3, E, '家长');

  const visit = (sc: number, date: string, people: number[], entered = date, deleted: string | null = null) => {
    const id = Number(s.db.prepare(`INSERT INTO visits (school_id, date, type, created_at, updated_at, deleted_at)
      VALUES (?, ?, '经常性', ?, ?, ?)`).run(sc, date, `${entered} 17:00:00`, `${entered} 17:00:00`, deleted).lastInsertRowid);
    for (const p of people) s.db.prepare('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)').run(id, p);
    return id;
  };
  // 张明: 第一小学 every counted month (and January, and twice in March), 第二小学 March–June, September, October.
  const a1 = ['2025-01-15', '2025-03-05', '2025-03-20', '2025-04-08', '2025-05-12', '2025-06-10', '2025-09-09', '2025-10-14', '2025-11-11', '2025-12-09']
    .map((d) => visit(S1, d, [A], d === '2025-04-08' ? '2025-04-18' : d === '2025-05-12' ? '2025-05-19' : d));
  for (const d of ['2025-03-06', '2025-04-09', '2025-05-13', '2025-06-11', '2025-09-10', '2025-10-15']) visit(S2, d, [A], d === '2025-09-10' ? '2025-09-20' : d);
  visit(S2, '2025-11-12', [A], '2025-11-12', '2025-11-20 09:00:00'); // in the 回收站
  const old = visit(S1, '2024-12-10', [A]);
  visit(S1, '2026-01-08', [A]);
  // 李芳: 白沙 every counted month (with 王强 once), 第一小学 three times as A角.
  for (const m of ['03', '04', '05', '06', '09', '10', '11']) visit(S3, `2025-${m}-16`, m === '10' ? [B, C] : [B]);
  visit(S3, '2025-12-28', [B], '2025-12-30');
  for (const d of ['2025-03-25', '2025-05-27', '2025-10-28']) visit(S1, d, [B]);

  const problem = (visitId: number, raised: string, status: string, closed: string | null) => s.db.prepare(`INSERT INTO problems
    (source, visit_id, school_id, category, description, actor, status, raised_at, closed_at, updated_at)
    VALUES ('督导记录', ?, ?, '其他', '问题', '学校', ?, ?, ?, '2025-01-01 08:00:00')`).run(visitId, S1, status, raised, closed);
  problem(a1[1], '2025-03-05', '已销号', '2025-04-01');
  problem(a1[4], '2025-05-12', '已销号', '2025-06-20');
  problem(a1[6], '2025-09-09', '已销号', '2025-10-30');
  problem(a1[8], '2025-11-11', '已销号', '2026-01-10'); // 销号 after the year: open at its end
  problem(a1[9], '2025-12-09', '整改中', null);
  problem(old, '2024-12-10', '已销号', '2025-01-05'); // raised the year before

  const training = (kind: string, date: string, hours: number, who: [number, string | null, string?][], deleted: string | null = null) => {
    const id = Number(s.db.prepare(`INSERT INTO trainings (kind, date, topic, hours, created_at, updated_at, deleted_at)
      VALUES (?, ?, ?, ?, '2025-01-01 08:00:00', '2025-01-01 08:00:00', ?)`).run(kind, date, `${date}${kind}`, hours, deleted).lastInsertRowid);
    who.forEach(([sup, status, note], i) => s.db.prepare('INSERT INTO training_attendance (training_id, supervisor_id, seq, status, note) VALUES (?, ?, ?, ?, ?)')
      .run(id, sup, i + 1, status, note ?? null));
  };
  training('会议', '2025-03-12', 2, [[A, '出席'], [B, '出席'], [C, '缺席']]);
  training('培训', '2025-06-18', 3, [[A, '出席'], [B, '出席'], [C, null]]);
  training('会议', '2025-09-05', 2, [[A, '请假', '病假'], [B, '出席']]);
  training('培训', '2025-12-20', 4, [[A, '缺席'], [B, '出席']]);
  training('培训', '2025-10-10', 2, [[A, '出席']], '2025-10-11 09:00:00');
  training('会议', '2026-01-05', 2, [[A, '出席']]);

  const piece = (author: number, year: number, kind: string, status: string) => s.db.prepare(`INSERT INTO pieces (kind, title, author_id, year, status, created_at, updated_at)
    VALUES (?, '文章', ?, ?, ?, '2025-01-01 08:00:00', '2025-01-01 08:00:00')`).run(kind, author, year, status);
  piece(A, 2025, '案例', '已定稿'); piece(A, 2025, '学习心得', '已定稿'); piece(A, 2025, '论文', '草稿'); piece(A, 2024, '案例', '已定稿');
  for (const k of ['案例', '案例', '论文', '调研报告']) piece(B, 2025, k, '已定稿');
  return { A, B, C, E };
}

const scheme = { ...DEFAULT_SCHEME, categories: ['兼职督学', '专职督学'] };
type Ids = ReturnType<typeof fixture>;
let ids: Ids;
beforeEach(async () => {
  a = await tempStore({ init: 'empty' });
  ids = fixture(a);
  await call(a, 'assessments.saveScheme', scheme);
});

/** Each row as 姓名, item scores in the scheme's order, total, grade, rank. */
const table = (x: Awaited<ReturnType<typeof compute>>) => x.rows.map((r) => [r.name, ...r.items.map((i) => i.score), r.total, r.grade, r.rank]);
const compute = () => call(a, 'assessments.compute', { year: 2025 });

describe('督学考核 computed from the archive', () => {
  it('matches the hand-computed table: each item measured over 2025, adjusted with reasons, graded and ranked', async () => {
    const x = await compute();
    expect(x).toMatchObject({ year: 2025, status: '草稿', until: '2025-12-31', supervisorCount: 3 });
    expect(x.rows.map((r) => [r.name, ...r.items.map((i) => i.measure.text)])).toEqual([
      ['李芳', '挂牌学校1所，8个月，应督导8校次，实督导8校次', '督导记录11条，7日内录入11条', '本年度督导未提出问题', '应参加4次，出席4次，请假0次，缺席0次', '定稿4篇', ''],
      ['张明', '挂牌学校2所，8个月，应督导16校次，实督导14校次', '督导记录16条，7日内录入14条', '提出问题5个，已销号3个', '应参加4次，出席2次，请假1次，缺席1次', '定稿2篇', ''],
      ['王强', '无计入的挂牌学校', '督导记录1条，7日内录入1条', '本年度督导未提出问题', '应参加1次，出席0次，请假0次，缺席1次', '本年度没有定稿的文章', ''],
    ]);
    // Before adjustments: coverage 40·14/16, on time 15·14/16, closed 15·3/5, attendance 15·2.5/4, writing 2×5.
    expect(table(x)).toEqual([
      ['李芳', 40, 15, 15, 15, 15, 0, 100, '优秀', 1],
      ['张明', 35, 13.1, 9, 9.4, 10, 0, 76.5, '合格', 2],
      ['王强', 40, 15, 15, 0, 0, 0, 70, '基本合格', 3],
    ]);

    await call(a, 'assessments.adjust', { id: x.id, supervisorId: ids.A, itemKey: 'deduction', points: -3, comment: '无故缺席12月培训' });
    const y = await call(a, 'assessments.adjust', { id: x.id, supervisorId: ids.C, itemKey: 'coverage', points: -10, comment: '未挂牌学校，按实际工作量扣分' });
    expect(table(y)).toEqual([
      ['李芳', 40, 15, 15, 15, 15, 0, 100, '优秀', 1],
      ['张明', 35, 13.1, 9, 9.4, 10, -3, 73.5, '基本合格', 2],
      ['王强', 30, 15, 15, 0, 0, 0, 60, '基本合格', 3],
    ]);
    expect(y.rows[1].items[5]).toMatchObject({ computed: 0, adjustment: -3, comment: '无故缺席12月培训', score: -3 });
    expect(y.gradeCounts).toEqual({ 优秀: 1, 合格: 0, 基本合格: 2, 不合格: 0 });

    // Recomputing keeps the adjustments; new thresholds regrade.
    await call(a, 'assessments.saveScheme', { ...scheme, thresholds: { excellent: 95, pass: 70, basic: 60 } });
    expect(table(await compute()).map((r) => r.slice(-3))).toEqual([[100, '优秀', 1], [73.5, '合格', 2], [60, '基本合格', 3]]);
  });

  it('refuses an adjustment beyond the item\'s range or without a reason, and any change once finished', async () => {
    const x = await compute();
    await expectRefused(a, 'assessments.adjust', { id: x.id, supervisorId: ids.A, itemKey: 'coverage', points: 6, comment: '多次专项督导' },
      { text: '每月督导挂牌学校计算得分35分，调整+6分后为41分，超出了该项的分值范围（0至40分）。请改为-35至5之间的分值。', field: 'points' });
    await expectRefused(a, 'assessments.adjust', { id: x.id, supervisorId: ids.A, itemKey: 'deduction', points: -21, comment: '违纪' },
      { text: '超出了该项的分值范围（-20至0分）', field: 'points' });
    await expectRefused(a, 'assessments.adjust', { id: x.id, supervisorId: ids.A, itemKey: 'deduction', points: -2 },
      { text: '「调整理由」必须填写调整理由', field: 'comment' });
    await expectRefused(a, 'assessments.adjust', { id: x.id, supervisorId: ids.E, itemKey: 'deduction', points: -2, comment: '无' },
      { text: '这名督学不在本次考核名单中', field: 'supervisorId' });
    await call(a, 'assessments.finish', { id: x.id });
    await expectRefused(a, 'assessments.adjust', { id: x.id, supervisorId: ids.A, itemKey: 'deduction', points: -2, comment: '迟到' },
      { code: 'conflict', text: '2025年度考核已完成，不能再调整分数。如确需修改，请先点击「重新打开」。' });
    await expectRefused(a, 'assessments.compute', { year: 2025 }, { code: 'conflict', text: '不能再重新计算' });
    await expectRefused(a, 'assessments.delete', { id: x.id }, { code: 'conflict', text: '不能再删除' });
    await expectRefused(a, 'assessments.compute', { year: new Date().getFullYear() + 1 }, { text: '年还没有开始，不能考核' });
  });

  it('records a finished result in the supervisor\'s history, next to the appointment changes, and takes it out when reopened', async () => {
    const x = await compute();
    await call(a, 'appointments.record', { supervisorId: ids.A, kind: '续聘', date: '2025-08-30', termStart: '2025-09-01', termEnd: '2028-08-31', letterNo: 'QH-2025-07' });
    await call(a, 'assessments.finish', { id: x.id });
    const h = await call(a, 'supervisors.history', { id: ids.A });
    expect(h.entries.map((e) => [e.kind, e.title, e.detail])).toEqual([
      ['考核', '2025年度考核：合格', '总分76.5分，第2名（共3人）'],
      ['续聘', '续聘：聘期 2025年9月1日至2028年8月31日：聘书编号 QH-2025-07', null],
    ]);
    expect(h.years).toEqual([{ year: 2026, present: 1, recorded: 1, hours: 2 }, { year: 2025, present: 2, recorded: 4, hours: 5 }]);
    await call(a, 'assessments.reopen', { id: x.id });
    expect((await call(a, 'supervisors.history', { id: ids.A })).entries.map((e) => e.kind)).toEqual(['续聘']);
  });

  it('exports each 考核表 and the 汇总表 in Word and Excel from the figures computed', async () => {
    const x = await compute();
    await call(a, 'assessments.adjust', { id: x.id, supervisorId: ids.A, itemKey: 'deduction', points: -3, comment: '无故缺席12月培训' });
    const one = await call(a, 'assessments.exportSheets', { id: x.id, supervisorId: ids.A });
    expect(one.fileName).toBe('2025年度责任督学考核表（张明）.docx');
    const d = await readDocx(await offeredBytes(a, one));
    const text = paragraphs(d.document).map(textOf);
    expect(text[0]).toBe('2025年度责任督学考核表');
    expect(text).toContain('（草稿：考核尚未完成，结果以最终公布为准）');
    expect(text).toContain('挂牌学校2所，8个月，应督导16校次，实督导14校次');
    expect(text).toContain('调整−3分：无故缺席12月培训');
    expect(text).toContain('总分73.5分，基本合格，第2名（共3人）');
    expect(text).toContain('××区人民政府教育督导室\u3000\u3000'); // signed in the 考核意见 cell
    const all = await readDocx(await offeredBytes(a, call(a, 'assessments.exportSheets', { id: x.id })));
    expect(all.sections).toHaveLength(3);

    const summary = await readDocx(await offeredBytes(a, call(a, 'assessments.exportSummary', { id: x.id, format: 'docx' })));
    expect(summary.sections[0]).toContain('w:orient="landscape"');
    const rows = (summary.document.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));
    expect(rows).toEqual([
      ['排名', '姓名', '类别', '每月督导挂牌学校（40分）', '督导记录按时填报（15分）', '问题跟踪至销号（15分）', '培训和会议出勤（15分）', '撰写案例和文章（15分）', '扣分项（0分）', '总分', '等次'],
      ['1', '李芳', '兼职督学', '40', '15', '15', '15', '15', '0', '100', '优秀'],
      ['2', '张明', '兼职督学', '35', '13.1', '9', '9.4', '10', '−3', '73.5', '基本合格'],
      ['3', '王强', '专职督学', '40', '15', '15', '0', '0', '0', '70', '基本合格'],
    ]);
    // Scores right-aligned as numbers are; rank, name, category and grade centred.
    const aligns = (summary.document.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [])[2].match(/<w:tc>[\s\S]*?<\/w:tc>/g)!
      .map((c) => /<w:jc w:val="(\w+)"/.exec(c)?.[1]);
    expect(aligns).toEqual(['center', 'center', 'center', ...Array(7).fill('right'), 'center']);

    const xlsx = await call(a, 'assessments.exportSummary', { id: x.id, format: 'xlsx' });
    expect(xlsx.fileName).toBe('××区人民政府教育督导室2025年度督学考核结果汇总表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await offeredBytes(a, xlsx) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(4).values).toEqual([undefined, 2, '张明', '兼职督学', 35, 13.1, 9, 9.4, 10, -3, 73.5, '基本合格', '扣分项−3分：无故缺席12月培训']);
  });
});

describe('the 考核办法', () => {
  it('is the default until saved, and refuses thresholds out of order or unknown categories', async () => {
    expect((await call(a, 'assessments.scheme', {})).categories).toEqual(['兼职督学', '专职督学']);
    await expectRefused(a, 'assessments.saveScheme', { ...scheme, thresholds: { excellent: 80, pass: 85, basic: 60 } },
      { text: '应为 优秀 > 合格 > 基本合格' });
    await expectRefused(a, 'assessments.saveScheme', { ...scheme, categories: ['外星督学'] }, { text: '「考核对象」“外星督学”不在本室的督学类别中' });
    await expectRefused(a, 'assessments.saveScheme', { ...scheme, items: [...scheme.items, scheme.items[0]] }, { text: '考核项目编号重复' });
  });
});

describe('appointment changes', () => {
  it('apply to the register and keep their own history: 续聘 sets the new term, 调整 the category, 解聘 the status', async () => {
    const renew = await call(a, 'appointments.record', { supervisorId: ids.A, kind: '续聘', date: '2025-08-30', termStart: '2025-09-01', termEnd: '2028-08-31' });
    expect(renew).toMatchObject({ kind: '续聘', title: '续聘：聘期 2025年9月1日至2028年8月31日' });
    expect((await call(a, 'supervisors.get', { id: ids.A })).supervisor).toMatchObject({ termStart: '2025-09-01', termEnd: '2028-08-31', status: '在聘' });
    await call(a, 'appointments.record', { supervisorId: ids.A, kind: '调整', date: '2026-02-20', category: '专职督学', note: '调入督导室工作' });
    await call(a, 'appointments.record', { supervisorId: ids.B, kind: '解聘', date: '2026-03-01', note: '本人申请' });
    expect((await call(a, 'supervisors.get', { id: ids.A })).supervisor.category).toBe('专职督学');
    expect((await call(a, 'supervisors.get', { id: ids.B })).supervisor.status).toBe('解聘');
    const h = await call(a, 'supervisors.history', { id: ids.A });
    expect(h.entries.map((e) => [e.date, e.title, e.detail])).toEqual([
      ['2026-02-20', '调整：类别 兼职督学 → 专职督学', '调入督导室工作'],
      ['2025-08-30', '续聘：聘期 2025年9月1日至2028年8月31日', null],
    ]);
    expect(a.db.prepare(`SELECT summary FROM audit_log WHERE kind = 'appointment' ORDER BY id`).pluck().all()).toEqual([
      '督学「张明」续聘：聘期 2025年9月1日至2028年8月31日（2025-08-30）',
      '督学「张明」调整：类别 兼职督学 → 专职督学（2026-02-20）',
      '督学「李芳」解聘：聘任状态 在聘 → 解聘（2026-03-01）',
    ]);
    await call(a, 'appointments.delete', { id: h.entries[0].appointmentId! });
    expect((await call(a, 'supervisors.history', { id: ids.A })).entries).toHaveLength(1);
    expect((await call(a, 'recycle.list', {}))[0]).toMatchObject({ kind: 'appointment', title: '张明 2026-02-20 调整' });
  });

  it('refuses a 续聘 without its term, a category not in the list, and a second 解聘', async () => {
    await expectRefused(a, 'appointments.record', { supervisorId: ids.A, kind: '续聘', date: '2025-08-30' }, { text: '续聘须填写新的聘任起止日期', field: 'termEnd' });
    await expectRefused(a, 'appointments.record', { supervisorId: ids.A, kind: '调整', date: '2025-08-30', category: '宇航督学' }, { text: '「类别」“宇航督学”不在本室的督学类别中', field: 'category' });
    await expectRefused(a, 'appointments.record', { supervisorId: ids.A, kind: '调整', date: '2025-08-30' }, { text: '调整须选择新的类别或写明调整内容' });
    await call(a, 'appointments.record', { supervisorId: ids.A, kind: '解聘', date: '2026-03-01' });
    await expectRefused(a, 'appointments.record', { supervisorId: ids.A, kind: '解聘', date: '2026-03-02' }, { code: 'conflict', text: '已经是解聘状态' });
  });
});

describe('before the year is archived', () => {
  it('lists a 培训 held with attendance not recorded and a 考核 not finished as open work, which read-only would trap', async () => {
    const open = async () => (await call(a, 'yearClose.check', { year: 2025 })).groups
      .filter((g) => g.kind === 'training' || g.kind === 'assessment').map((g) => [g.kind, g.items.map((i) => [i.title, i.status])]);
    expect(await open()).toEqual([['training', [['培训：2025-06-18培训', '出勤未登记']]]]);
    const x = await compute();
    expect(await open()).toEqual([['training', [['培训：2025-06-18培训', '出勤未登记']]], ['assessment', [['2025年度督学考核', '草稿']]]]);
    await call(a, 'assessments.finish', { id: x.id });
    a.db.prepare('UPDATE training_attendance SET status = ? WHERE status IS NULL').run('缺席');
    expect(await open()).toEqual([]);
  });
});
