import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { expectRefused } from '../testing/refused';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import { offeredBytes, uploaded } from '../testing/files';
import { call } from './index';
import { nowText } from '../../shared/dates';
import type { Input } from '../../shared/contract';
import { pinyinKey } from '../store/pinyin';

type Store = Awaited<ReturnType<typeof tempStore>>;

/** A chart's categories and values as cached in its part, in the order given (bar charts are given bottom up). */
const chartData = (xml: string) => {
  const cats = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(xml)?.[1] ?? '';
  const vals = /<c:val>([\s\S]*?)<\/c:val>/.exec(xml)?.[1] ?? '';
  const pts = (x: string) => [...x.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]);
  return pts(cats).map((c, i) => [c, Number(pts(vals)[i])] as const);
};
type SetFields = Input<'indicatorSets.save'>['fields'];

/** 一级 办学条件 (二级 校舍 4, 设备 6), 一级 教育教学 (二级 课程 10 with 三级 开齐 6, 开足 4 …), in outline order. */
const OUTLINE: SetFields['indicators'] = [
  { level: 1, name: '办学条件' },
  { level: 2, name: '校舍场地', points: '生均校舍面积达标', maxScore: 40, passScore: 24 },
  { level: 2, name: '教学设备', maxScore: 20, passScore: 12 },
  { level: 1, name: '教育教学' },
  { level: 2, name: '课程实施' },
  { level: 3, name: '开齐课程', maxScore: 25, passScore: 15 },
  { level: 3, name: '开足课时', maxScore: 15 },
];

const base = (over: Partial<SetFields> = {}): SetFields => ({ name: '义务教育学校办学条件达标监测指标', kind: '达标监测', passScore: 60, indicators: OUTLINE, ...over });

function schools(a: Store, n: number, town = '清河区'): number[] {
  const now = nowText();
  return Array.from({ length: n }, (_, i) => {
    const name = `${town}第${String(i + 1).padStart(2, '0')}小学`;
    return Number(a.db.prepare(`INSERT INTO schools (full_name, type, nature, name_pinyin, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?, ?)`)
      .run(name, pinyinKey(name, 'place'), now, now).lastInsertRowid);
  });
}

describe('the indicator library', () => {
  let a: Store;
  beforeAll(async () => { a = await tempStore({ init: 'empty' }); });
  afterAll(() => a.dispose());

  it('keeps sets of indicators in outline order, with their full score', async () => {
    const set = await call(a, 'indicatorSets.save', { fields: base() });
    expect(set).toMatchObject({ name: '义务教育学校办学条件达标监测指标', fullScore: 100, passScore: 60 });
    expect(set.indicators.map((i) => [i.level, i.name, i.maxScore])).toEqual(OUTLINE.map((i) => [i.level, i.name, i.maxScore ?? null]));
    expect(await call(a, 'indicatorSets.list', {})).toEqual([expect.objectContaining({ id: set.id, indicatorCount: 7, fullScore: 100, rounds: 0 })]);
  });

  it('refuses an outline that skips a level, leaves a scored indicator without 分值, or sets lines above the score', async () => {
    const refused = (indicators: SetFields['indicators'], path: string, text: string) =>
      expectRefused(a, 'indicatorSets.save', { fields: base({ name: '另一套', indicators }) }, { field: path, text });
    await refused([{ level: 2, name: '校舍' }], 'fields.indicators', '第1行「校舍」是二级指标，应排在一项一级指标之下');
    await refused([{ level: 1, name: '条件' }, { level: 3, name: '校舍', maxScore: 10 }], 'fields.indicators', '三级指标，应排在一项二级指标之下');
    await refused([{ level: 1, name: '条件' }, { level: 2, name: '校舍' }], 'fields.indicators', '没有下级指标，需要填写分值');
    await refused([{ level: 1, name: '条件', maxScore: 30 }, { level: 2, name: '校舍', maxScore: 20 }], 'fields.indicators', '与其下级指标分值之和20不一致');
    await refused([{ level: 1, name: '条件', maxScore: 10, passScore: 12 }], 'fields.indicators', '达标线12高于分值10');
    await refused([], 'fields.indicators', '请至少填写一项指标');
    await expectRefused(a, 'indicatorSets.save', { fields: base({ name: '另一套', passScore: 120 }) }, { field: 'passScore', text: '高于指标满分100' });
    await expectRefused(a, 'indicatorSets.save', { fields: base() }, { code: 'conflict', field: 'name', text: '不能重复' });
  });
});

describe('an evaluation round: scores, results, 达标率, survey, Excel and report', () => {
  let a: Store;
  let ids: number[];
  let setId: number;
  let roundId: number;
  let leaves: { id: number; code: string }[];
  beforeAll(async () => {
    a = await tempStore({ init: 'empty' });
    await call(a, 'settings.save', { ...(await call(a, 'settings.get', {})), officeName: '眉河县人民政府教育督导室' });
    ids = schools(a, 37);
    setId = (await call(a, 'indicatorSets.save', { fields: base() })).id;
  });
  afterAll(() => a.dispose());

  it('sets up a round with a copy of the library set\'s indicators', async () => {
    const round = await call(a, 'evaluations.create', { setId, fields: { name: '2026年义务教育学校达标监测', kind: '达标监测', year: 2026,
      startDate: '2026-03-01', endDate: '2026-05-31', passScore: 60, grades: [{ name: '优秀', min: 90 }, { name: '良好', min: 80 }, { name: '合格', min: 60 }],
      schoolIds: ids } });
    roundId = round.id;
    expect(round).toMatchObject({ setName: '义务教育学校办学条件达标监测指标', fullScore: 100, schools: 37, assessed: 0, passRate: 0 });
    expect(round.indicators.map((i) => [i.code, i.name, i.leaf, i.fullScore])).toEqual([
      ['1', '办学条件', false, 60], ['1.1', '校舍场地', true, 40], ['1.2', '教学设备', true, 20],
      ['2', '教育教学', false, 40], ['2.1', '课程实施', false, 40], ['2.1.1', '开齐课程', true, 25], ['2.1.2', '开足课时', true, 15]]);
    leaves = round.indicators.filter((i) => i.leaf).map((i) => ({ id: i.id, code: i.code }));
    // Editing the library later leaves the round as it was set up.
    await call(a, 'indicatorSets.save', { id: setId, fields: base({ indicators: [{ level: 1, name: '只剩一项', maxScore: 100 }] }) });
    expect((await call(a, 'evaluations.get', { id: roundId })).indicators).toHaveLength(7);
    expect((await call(a, 'indicatorSets.list', {}))[0].rounds).toBe(1);
    await expectRefused(a, 'evaluations.create', { setId, fields: { name: 'x', kind: '达标监测', year: 2026, passScore: 120, schoolIds: [ids[0]] } },
      { field: 'passScore', text: '高于满分100' });
    await expectRefused(a, 'evaluations.create', { setId, fields: { name: 'x', kind: '达标监测', year: 2026, passScore: 60, schoolIds: [] } },
      { field: 'fields.schoolIds', text: '请至少选择一所学校' });
  });

  it('scores each school per indicator with the scorer\'s name and evidence, refusing what cannot be', async () => {
    const hash = (await call(a, 'attachments.put', { uploadId: await uploaded(a, 'file', '校舍台账.pdf', '台账') })).hash;
    const saved = await call(a, 'evaluations.saveScores', { id: roundId, schoolId: ids[0], scorer: '张明', scores: [
      { indicatorId: leaves[0].id, score: 38.5, note: '生均面积略低', evidence: [{ hash, fileName: '校舍台账.pdf' }] },
    ] });
    expect(saved[0]).toMatchObject({ score: 38.5, scorer: '张明', note: '生均面积略低', evidence: [{ hash, fileName: '校舍台账.pdf' }] });
    expect(saved.slice(1).every((s) => s.score === null)).toBe(true);
    const refused = (scores: Input<'evaluations.saveScores'>['scores'], text: string, schoolId = ids[0]) =>
      expectRefused(a, 'evaluations.saveScores', { id: roundId, schoolId, scorer: '张明', scores }, { text });
    await refused([{ indicatorId: leaves[1].id, score: 21 }], '1.2 教学设备的得分21超过分值20');
    const round = await call(a, 'evaluations.get', { id: roundId });
    await refused([{ indicatorId: round.indicators[0].id, score: 10 }], '有下级指标，按下级指标评分');
    await refused([{ indicatorId: leaves[1].id, score: -1 }], '「得分」');
    await refused([{ indicatorId: leaves[1].id, score: 10, evidence: [{ hash: 'f'.repeat(64), fileName: 'x.pdf' }] }], '不在档案中');
    const outsider = schools(a, 1, '域外')[0];
    await refused([{ indicatorId: leaves[1].id, score: 10 }], '不是评估「2026年义务教育学校达标监测」的参评学校', outsider);
    await expectRefused(a, 'evaluations.saveScores', { id: roundId, schoolId: ids[0], scorer: ' ', scores: [] }, { field: 'scorer', text: '「评分人」' });
    // A null score clears it with its evidence.
    const cleared = await call(a, 'evaluations.saveScores', { id: roundId, schoolId: ids[0], scorer: '张明', scores: [{ indicatorId: leaves[0].id, score: null }] });
    expect(cleared[0]).toMatchObject({ score: null, evidence: [] });
  });

  it('gives each school its total, grade and 达标, each indicator its average and line, and the round\'s 达标率 26/37 = 70.27%', async () => {
    // 26 schools 达标 (95, 85, one exactly on the line at 60, 23 at 70), 11 not (50).
    const totals = ids.map((_, i) => (i === 0 ? 95 : i === 1 ? 85 : i === 2 ? 60 : i < 26 ? 70 : 50));
    for (const [i, schoolId] of ids.entries()) {
      const t = totals[i];
      const parts = t === 95 ? [38, 19, 24, 14] : t === 85 ? [34, 17, 21, 13] : t === 60 ? [24, 12, 15, 9] : t === 70 ? [28, 14, 17.5, 10.5] : [20, 10, 12, 8];
      await call(a, 'evaluations.saveScores', { id: roundId, schoolId, scorer: '李华', scores: leaves.map((l, k) => ({ indicatorId: l.id, score: parts[k] })) });
    }
    const res = await call(a, 'evaluations.results', { id: roundId });
    expect(res.round).toMatchObject({ schools: 37, assessed: 37, passed: 26, passRate: 70.27 });
    expect(res.schools.find((s) => s.schoolName === '清河区第01小学')).toMatchObject({ total: 95, grade: '优秀', passed: true, rank: 1, complete: true });
    expect(res.schools.find((s) => s.schoolName === '清河区第02小学')).toMatchObject({ total: 85, grade: '良好', rank: 2 });
    expect(res.schools.find((s) => s.schoolName === '清河区第03小学')).toMatchObject({ total: 60, grade: '合格', passed: true, rank: 26 });
    expect(res.schools.find((s) => s.schoolName === '清河区第04小学')).toMatchObject({ total: 70, grade: '合格', passed: true, rank: 3 });
    expect(res.schools.find((s) => s.schoolName === '清河区第37小学')).toMatchObject({ total: 50, grade: '不合格', passed: false, rank: 27 });
    expect(res.grades).toEqual([{ name: '优秀', count: 1 }, { name: '良好', count: 1 }, { name: '合格', count: 24 }, { name: '不合格', count: 11 }]);
    // 校舍场地: (38 + 34 + 24 + 23×28 + 11×20) / 37 = 25.95 of 40 (64.9%), line 24 → met; 26 schools at or above it.
    expect(res.indicators.find((i) => i.code === '1.1')).toMatchObject({ average: 25.95, rate: 64.9, metSchools: 26, scoredSchools: 37, met: true });
    // 开齐课程: (24 + 21 + 15 + 23×17.5 + 11×12) / 37 = 16.07 ≥ 15; 教学设备: (19 + 17 + 12 + 23×14 + 11×10) / 37 = 12.97 ≥ 12.
    expect(res.indicators.find((i) => i.code === '2.1.1')).toMatchObject({ average: 16.07, met: true });
    expect(res.indicators.find((i) => i.code === '1.2')).toMatchObject({ average: 12.97, met: true });
    expect(res.indicators.find((i) => i.code === '2')).toMatchObject({ fullScore: 40, passScore: null, met: null });
    expect([res.indicatorsWithLine, res.indicatorsMet]).toEqual([3, 3]);
    expect(res.schools.find((s) => s.schoolName === '清河区第37小学')!.weakest).toEqual(['2.1.1 开齐课程', '1.1 校舍场地', '1.2 教学设备']); // 48%, then 50% by code
  });

  it('records 满意度测评 counts per school and group, and sums them', async () => {
    await call(a, 'evaluations.saveSurvey', { id: roundId, schoolId: ids[0], respondent: '家长', satisfied: 80, fair: 15, unsatisfied: 5 });
    await call(a, 'evaluations.saveSurvey', { id: roundId, schoolId: ids[1], respondent: '家长', satisfied: 60, fair: 30, unsatisfied: 10 });
    await call(a, 'evaluations.saveSurvey', { id: roundId, schoolId: ids[0], respondent: '教师', satisfied: 40, fair: 8, unsatisfied: 2 });
    await expectRefused(a, 'evaluations.saveSurvey', { id: roundId, schoolId: ids[0], respondent: '校长', satisfied: 1 }, { field: 'respondent', text: '「测评对象」' });
    await expectRefused(a, 'evaluations.saveSurvey', { id: roundId, schoolId: ids[0], respondent: '家长', satisfied: -1 }, { field: 'satisfied', text: '不能为负数' });
    const { satisfaction } = await call(a, 'evaluations.results', { id: roundId });
    expect(satisfaction.groups).toEqual([
      { respondent: '教师', satisfied: 40, fair: 8, unsatisfied: 2, total: 50, rate: 96 },
      { respondent: '家长', satisfied: 140, fair: 45, unsatisfied: 15, total: 200, rate: 92.5 },
    ]);
    expect(satisfaction.overall).toEqual({ satisfied: 180, fair: 53, unsatisfied: 17, total: 250, rate: 93.2 });
    expect(satisfaction.rows.find((r) => r.schoolId === ids[1])).toMatchObject({ respondent: '家长', rate: 90 });
  });

  it('exports the score sheet and imports it back: rows with errors shown and skipped, the others written', async () => {
    const file = await call(a, 'evaluations.exportScores', { id: roundId });
    expect(file.fileName).toBe('2026年义务教育学校达标监测评分表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await offeredBytes(a, file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(['学校', '1.1 校舍场地（40分）', '1.2 教学设备（20分）', '2.1.1 开齐课程（25分）', '2.1.2 开足课时（15分）', '总分']);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['清河区第01小学', 38, 19, 24, 14, 95]);
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['清河区第03小学', 24, 12, 15, 9, 60]);
    // The 37th school brought up to 达标; a row for a school not in the round; a score over its 分值.
    ws.getRow(39).getCell(2).value = 30;
    ws.getRow(39).getCell(3).value = 15;
    ws.addRow(['域外学校', 10, 10, 10, 10]);
    ws.getRow(38).getCell(4).value = 26;
    const uploadId = await uploaded(a, 'scores', '评分表.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const check = await call(a, 'evaluations.importScores', { id: roundId, scorer: '王芳', uploadId });
    expect(check).toMatchObject({ valid: 36, invalid: 2, written: 0 });
    expect(check.rows.filter((r) => r.errors.length).map((r) => [r.schoolName, r.errors])).toEqual([
      ['清河区第36小学', ['2.1.1 开齐课程的得分26不在0至25之间']], ['域外学校', ['「域外学校」不是本次评估的参评学校']]]);
    expect((await call(a, 'evaluations.results', { id: roundId })).round.passed).toBe(26);
    const done = await call(a, 'evaluations.importScores', { id: roundId, scorer: '王芳', uploadId, commit: true });
    expect(done.written).toBe(36 * 4);
    // Written once: the received sheet is let go, and a file of another kind is not taken for a score sheet.
    await expectRefused(a, 'evaluations.importScores', { id: roundId, scorer: '王芳', uploadId, commit: true },
      { code: 'not_found', field: 'uploadId', text: '请重新选择文件' });
    await expectRefused(a, 'evaluations.importScores', { id: roundId, scorer: '王芳', uploadId: await uploaded(a, 'roster', '名册.xlsx', 'x') },
      { code: 'not_found', field: 'uploadId', text: '所选文件已失效' });
    const res = await call(a, 'evaluations.results', { id: roundId });
    expect(res.schools.find((s) => s.schoolName === '清河区第37小学')).toMatchObject({ total: 65, passed: true });
    expect(res.round).toMatchObject({ passed: 27, passRate: 72.97 });
    expect((await call(a, 'evaluations.scores', { id: roundId, schoolId: ids[36] }))[0]).toMatchObject({ score: 30, scorer: '王芳' });
    await expectRefused(a, 'evaluations.importScores', { id: roundId, scorer: '王芳', uploadId: await uploaded(a, 'scores', '评分表.xlsx', 'not a workbook') },
      { text: '不是有效的 Excel' });
  });

  it('writes the 评估报告 with its figures from the scores, then completes the round and locks its scores', async () => {
    await call(a, 'evaluations.save', { id: roundId, fields: { name: '2026年义务教育学校达标监测', kind: '达标监测', year: 2026, startDate: '2026-03-01',
      endDate: '2026-05-31', passScore: 60, grades: [{ name: '优秀', min: 90 }, { name: '良好', min: 80 }, { name: '合格', min: 60 }], schoolIds: ids,
      summary: '建议加大薄弱学校校舍改造投入。' } });
    const results = await call(a, 'evaluations.results', { id: roundId });
    const file = await call(a, 'evaluations.exportReport', { id: roundId });
    expect(file.fileName).toBe('2026年义务教育学校达标监测评估报告.docx');
    const d = await readDocx(await offeredBytes(a, file));
    const text = paragraphs(d.document).map(textOf);
    expect(text).toEqual(expect.arrayContaining(['2026年义务教育学校达标监测评估报告', '一、基本情况', '二、评估结果', '三、指标达标情况', '四、满意度测评',
      '五、总体评价与建议', '建议加大薄弱学校校舍改造投入。', '附件：2026年义务教育学校达标监测学校评估结果']));
    expect(text.join('\n')).toContain('参评学校37所，完成全部指标评估37所，其中达标27所，达标率27/37 = 72.97%');
    expect(text.join('\n')).toContain('共测评250人次，其中满意180人次、基本满意53人次、不满意17人次，满意度（满意与基本满意之和所占比例）为93.2%');
    // Tables captioned above, charts below, numbered in order; each chart drawn from its table's rows.
    expect(text.filter((t) => /^[表图]\d/.test(t))).toEqual(['表1　学校等级分布', '图1　学校等级分布', '表2　各指标得分与达标情况', '图2　各指标得分率',
      '表3　满意度测评结果']);
    const i = text.indexOf('表1　学校等级分布');
    expect(text.slice(i + 1, i + 3 + 2 * results.grades.length)).toEqual(['等级', '学校数（所）', ...results.grades.flatMap((g) => [g.name, String(g.count)])]);
    expect(paragraphs(d.document).find((p) => textOf(p) === '合计')).toContain('<w:b/>');
    expect(d.charts).toHaveLength(2);
    expect(chartData(d.charts[0]).reverse()).toEqual(results.grades.map((g) => [g.name, g.count]));
    const leaves = results.indicators.filter((x) => !results.indicators.some((y) => y.code.startsWith(`${x.code}.`)));
    expect(chartData(d.charts[1]).reverse()).toEqual(leaves.map((x) => [`${x.code} ${x.name}`, x.rate]));
    expect(d.charts[1]).toContain('<c:max val="100"/>');
    // An indicator's row stays on one page, however many lines its name takes.
    const indicatorRow = [...d.document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).find((tr) => textOf(tr).startsWith('2.1.1 '));
    expect(indicatorRow).toContain('<w:cantSplit/>');
    // The body's last line goes with the signature to its page (never a page of the signature alone).
    expect(paragraphs(d.document).find((p) => textOf(p) === '建议加大薄弱学校校舍改造投入。')).toContain('<w:keepNext/>');

    expect((await call(a, 'evaluations.close', { id: roundId, closed: true })).closedAt).not.toBeNull();
    await expectRefused(a, 'evaluations.saveScores', { id: roundId, schoolId: ids[0], scorer: '张明', scores: [] }, { code: 'conflict', text: '已完成，不能再修改评分' });
    await expectRefused(a, 'evaluations.close', { id: roundId, closed: true }, { code: 'conflict', text: '已经完成' });
    const candidates = await call(a, 'chronicle.candidates', { year: Number(nowText().slice(0, 4)) });
    expect(candidates.find((c) => c.sourceKind === 'evaluation')?.text).toBe('完成2026年义务教育学校达标监测，37所学校中达标27所，达标率72.97%');
    // A round with schools not yet fully scored cannot be completed.
    const other = await call(a, 'evaluations.create', { setId, fields: { name: '办学质量考评', kind: '办学质量考评', year: 2026, passScore: 60, schoolIds: [ids[0]] } });
    await expectRefused(a, 'evaluations.close', { id: other.id, closed: true }, { text: '还有1所学校没有评完全部指标' });
    await expectRefused(a, 'evaluations.exportReport', { id: other.id }, { text: '还没有学校评完全部指标' });
  });
});
