import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { seedSchool, seedSupervisor, softDelete } from '../testing/seed';
import { expectRefused } from '../testing/refused';
import { paragraphs, readDocx, textOf } from '../testing/read-docx';
import { putAttachment } from '../store/attachments';
import { call } from './index';
import { offeredBytes } from '../testing/files';
import { nowText } from '../../shared/dates';
import type { Input } from '../../shared/contract';

type Store = Awaited<ReturnType<typeof tempStore>>;
type Fields = Input<'trainings.save'>['fields'];
let a: Store;
let p: { zhang: number; li: number; wang: number; zhao: number };
beforeEach(async () => {
  a = await tempStore({ init: 'empty' });
  p = {
    zhang: seedSupervisor(a, { name: '张明' }), li: seedSupervisor(a, { name: '李芳' }),
    wang: seedSupervisor(a, { name: '王强', category: '专职督学' }), zhao: seedSupervisor(a, { name: '赵敏' }),
  };
});
afterEach(() => a.dispose());

const AT = '2025-01-01 08:00:00';
/** A 行事历 of 2025 with an item (written with SQL: the calendar's own tables belong to its area). */
function plannedItem(month: string, content: string, category: string): number {
  const cal = Number(a.db.prepare(`INSERT INTO calendars (title, period_kind, start_month, end_month, created_at, updated_at)
    VALUES ('2025年行事历', '自然年', '2025-01', '2025-12', ?, ?)`).run(AT, AT).lastInsertRowid);
  return Number(a.db.prepare(`INSERT INTO calendar_items (calendar_id, month, seq, content, category, status, created_at, updated_at)
    VALUES (?, ?, 1, ?, ?, '未开始', ?, ?)`).run(cal, month, content, category, AT, AT).lastInsertRowid);
}

const meeting = (over: Partial<Fields> = {}): Fields => ({
  kind: '会议', date: '2025-03-12', topic: '2025年第一次督学工作会议', organiser: '区教育督导室', place: '区教育局三楼会议室', hours: 2,
  attendance: [{ supervisorId: p.zhang, status: '出席' }, { supervisorId: p.li, status: '请假', note: '外出学习' }, { supervisorId: p.wang, status: '缺席' }],
  ...over,
});

describe('培训 and 会议', () => {
  it('keeps an event with its attendance, files and the 行事历 item that planned it', async () => {
    const item = plannedItem('2025-03', '召开全体督学工作会议，部署本学期工作', '会议');
    const file = putAttachment(a, Buffer.from('ppt'), '督导规程解读.pptx', 'application/octet-stream');
    const t = await call(a, 'trainings.save', { fields: meeting({ calendarItemId: item, materials: '《责任督学挂牌督导办法》解读', minutes: '一、通报上学期督导工作。\n二、部署本学期重点。',
      files: [{ hash: file, fileName: '督导规程解读.pptx' }] }) });
    expect(t).toMatchObject({
      kind: '会议', topic: '2025年第一次督学工作会议', hours: 2, calendarItemId: item, calendarItemText: '召开全体督学工作会议，部署本学期工作',
      files: [{ hash: file, fileName: '督导规程解读.pptx' }], counts: { invited: 3, present: 1, leave: 1, absent: 1, unrecorded: 0 },
    });
    expect(t.attendance.map((x) => [x.name, x.status, x.note])).toEqual([['张明', '出席', null], ['李芳', '请假', '外出学习'], ['王强', '缺席', null]]);
    expect(await call(a, 'trainings.planned', { year: 2025 })).toEqual([{ id: item, month: '2025-03', content: '召开全体督学工作会议，部署本学期工作', category: '会议', linked: 1 }]);
    expect(a.db.prepare(`SELECT summary FROM audit_log WHERE kind = 'training'`).pluck().get()).toBe('新增会议「2025-03-12 2025年第一次督学工作会议」（参加人员3人，出席1人）');
  });

  it('counts each supervisor\'s attendance and 学时 in a year: hours when present, 培训 and 会议 apart', async () => {
    await call(a, 'trainings.save', { fields: meeting() });
    await call(a, 'trainings.save', { fields: { kind: '培训', date: '2025-06-18', topic: '师德专题培训', hours: 3.5,
      attendance: [{ supervisorId: p.zhang, status: '出席' }, { supervisorId: p.li, status: '出席' }, { supervisorId: p.wang }] } });
    const gone = await call(a, 'trainings.save', { fields: { kind: '培训', date: '2025-09-10', topic: '已删除的培训', hours: 8, attendance: [{ supervisorId: p.zhang, status: '出席' }] } });
    await call(a, 'trainings.delete', { id: gone.id });
    await call(a, 'trainings.save', { fields: { kind: '培训', date: '2024-12-10', topic: '上年度培训', hours: 6, attendance: [{ supervisorId: p.zhang, status: '出席' }] } });
    expect(await call(a, 'trainings.hours', { year: 2025 })).toEqual([
      { supervisorId: p.li, name: '李芳', category: '兼职督学', invited: 2, present: 1, leave: 1, absent: 0, unrecorded: 0, trainingHours: 3.5, meetingHours: 0 },
      { supervisorId: p.wang, name: '王强', category: '专职督学', invited: 2, present: 0, leave: 0, absent: 1, unrecorded: 1, trainingHours: 0, meetingHours: 0 },
      { supervisorId: p.zhang, name: '张明', category: '兼职督学', invited: 2, present: 2, leave: 0, absent: 0, unrecorded: 0, trainingHours: 3.5, meetingHours: 2 },
    ]);
    expect((await call(a, 'trainings.list', { year: 2025 })).map((t) => t.topic)).toEqual(['师德专题培训', '2025年第一次督学工作会议']);
    expect((await call(a, 'trainings.list', { year: 2025, kind: '会议' })).map((t) => t.topic)).toEqual(['2025年第一次督学工作会议']);
    expect((await call(a, 'trainings.list', { year: 2024, supervisorId: p.zhang })).map((t) => t.topic)).toEqual(['上年度培训']);
  });

  it('keeps the attendance of a supervisor in the 回收站 through an edit, and shows it again once restored', async () => {
    const t = await call(a, 'trainings.save', { fields: meeting() });
    softDelete(a, 'supervisors', p.wang);
    const shown = await call(a, 'trainings.get', { id: t.id });
    expect(shown.attendance.map((x) => x.name)).toEqual(['张明', '李芳']);
    await call(a, 'trainings.save', { id: t.id, fields: { ...meeting(), attendance: shown.attendance.map((x) => ({ supervisorId: x.supervisorId, status: '出席' as const })) } });
    a.db.prepare('UPDATE supervisors SET deleted_at = NULL WHERE id = ?').run(p.wang);
    expect((await call(a, 'trainings.get', { id: t.id })).attendance.map((x) => [x.name, x.status])).toEqual([['张明', '出席'], ['李芳', '出席'], ['王强', '缺席']]);
  });

  it('refuses attendance before the event, a supervisor twice, half-hours only, links that are gone, and an archived year', async () => {
    const next = `${new Date().getFullYear() + 1}-03-01`;
    await expectRefused(a, 'trainings.save', { fields: meeting({ date: next }) },
      { field: 'attendance', text: '「出勤情况」这次会议在' });
    await call(a, 'trainings.save', { fields: meeting({ date: next, attendance: [{ supervisorId: p.zhang }] }) }); // invited: fine
    await expectRefused(a, 'trainings.save', { fields: meeting({ attendance: [{ supervisorId: p.zhang }, { supervisorId: p.zhang, status: '出席' }] }) },
      { text: '同一督学在参加人员中出现了两次' });
    await expectRefused(a, 'trainings.save', { fields: meeting({ hours: 1.2 }) }, { field: 'fields.hours', text: '「学时」按0.5学时计' });
    await expectRefused(a, 'trainings.save', { fields: meeting({ calendarItemId: 999 }) }, { field: 'calendarItemId', text: '「行事历事项」所选的事项不存在' });
    await expectRefused(a, 'trainings.save', { fields: meeting({ attendance: [{ supervisorId: 999, status: '出席' }] }) }, { field: 'attendance', text: '有的督学不存在' });
    await expectRefused(a, 'trainings.save', { fields: meeting({ attendance: [{ supervisorId: p.zhang, status: '迟到' as never }] }) }, { text: '应为出勤情况之一：出席、请假、缺席' });
    const t = await call(a, 'trainings.save', { fields: meeting() });
    a.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2025, ?, '测试', '年度归档/2025', '[]')`).run(nowText());
    await expectRefused(a, 'trainings.save', { id: t.id, fields: meeting({ topic: '改' }) }, { code: 'readonly', text: '2025' });
    await expectRefused(a, 'trainings.delete', { id: t.id }, { code: 'readonly', text: '2025' });
  });

  it('prints the 签到表 with each participant and the 会议纪要 with who came, who was excused, and the minutes', async () => {
    const t = await call(a, 'trainings.save', { fields: meeting({ minutes: '一、通报上学期督导工作。\n\n二、部署本学期重点工作。', materials: '督导手册\n工作安排' }) });
    const sign = await call(a, 'trainings.signInSheet', { id: t.id });
    expect(sign.fileName).toBe('2025年3月12日2025年第一次督学工作会议签到表.docx');
    const s = await readDocx(await offeredBytes(a, sign));
    const rows = (s.document.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf));
    expect(rows).toEqual([['序号', '姓名', '类别', '工作单位', '签　名', '备注'], ['1', '张明', '兼职督学', '', '', ''], ['2', '李芳', '兼职督学', '', '', ''], ['3', '王强', '专职督学', '', '', '']]);
    expect(paragraphs(s.document).map(textOf).slice(1, 3)).toEqual(['时间：2025年3月12日　　地点：区教育局三楼会议室', '主办：区教育督导室']);

    const m = await call(a, 'trainings.minutes', { id: t.id });
    expect(m.fileName).toBe('2025年3月12日2025年第一次督学工作会议纪要.docx');
    const text = paragraphs((await readDocx(await offeredBytes(a, m))).document).map(textOf).filter(Boolean);
    expect(text).toEqual(['2025年第一次督学工作会议纪要', '时间：2025年3月12日', '地点：区教育局三楼会议室', '主办：区教育督导室',
      '出席：张明（共1人）', '请假：李芳（外出学习）', '缺席：王强', '材料：督导手册；工作安排',
      '一、通报上学期督导工作。', '二、部署本学期重点工作。', '××区人民政府教育督导室', '2025年3月12日']);
  });
});

describe('training plans', () => {
  it('keeps a 五年规划 as rich text with files, exports it, and refuses files not in the archive', async () => {
    const file = putAttachment(a, Buffer.from('pdf'), '规划.pdf', 'application/pdf');
    const plan = await call(a, 'trainings.savePlan', { fields: { kind: '五年规划', title: '清河区督学队伍建设五年规划', year: 2025, period: '2026—2030年',
      body: [{ type: 'heading', level: 1, text: '一、总体目标' }, { type: 'paragraph', runs: [{ text: '每名督学每年参加培训不少于24学时。' }] }],
      files: [{ hash: file, fileName: '规划.pdf' }] } });
    expect((await call(a, 'trainings.plans', {})).map((x) => [x.kind, x.title, x.files.length])).toEqual([['五年规划', '清河区督学队伍建设五年规划', 1]]);
    const doc = await call(a, 'trainings.exportPlan', { id: plan.id });
    expect(doc.fileName).toBe('清河区督学队伍建设五年规划.docx');
    expect(paragraphs((await readDocx(await offeredBytes(a, doc))).document).map(textOf).filter(Boolean))
      .toEqual(['清河区督学队伍建设五年规划', '（2026—2030年）', '一、总体目标', '每名督学每年参加培训不少于24学时。']);
    await expectRefused(a, 'trainings.savePlan', { fields: { kind: '年度计划', title: '计划', year: 2025, body: [], files: [{ hash: 'd'.repeat(64), fileName: 'x.pdf' }] } },
      { field: 'files', text: '「附件」文件“x.pdf”不在档案中' });
    await call(a, 'trainings.deletePlan', { id: plan.id });
    expect(await call(a, 'trainings.plans', {})).toEqual([]);
  });
});

describe('each supervisor\'s workload on the 首页', () => {
  it('counts schools listed and visited, visits, attendance and 学时 in the period, and follow-ups still open', async () => {
    const s1 = seedSchool(a, { fullName: '城关第一小学', type: '小学' });
    const s2 = seedSchool(a, { fullName: '城关第二小学', type: '小学' });
    for (const [sc, sup] of [[s1, p.zhang], [s2, p.zhang], [s2, p.li]]) {
      a.db.prepare(`INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, '责任督学', ?)`).run(sc, sup, AT);
    }
    const v = await call(a, 'visits.save', { fields: { schoolId: s1, date: '2025-03-05', supervisorIds: [p.zhang], type: '经常性' },
      newProblems: [{ category: '其他', description: '消防通道堆放杂物', deadline: '2025-03-20' }, { category: '其他', description: '台账不全' }] });
    await call(a, 'visits.save', { fields: { schoolId: s1, date: '2025-04-05', supervisorIds: [p.zhang, p.li], type: '经常性' } });
    await call(a, 'trainings.save', { fields: meeting() });
    const rows = await call(a, 'assessments.workload', { year: 2025, month: 3 });
    expect(rows.map((r) => [r.name, r.schools, r.schoolsVisited, r.visits, r.present, r.recorded, r.hours, r.openProblems, r.overdueProblems])).toEqual([
      ['李芳', 1, 0, 0, 0, 1, 0, 0, 0],
      ['王强', 0, 0, 0, 0, 1, 0, 0, 0],
      ['张明', 2, 1, 1, 1, 1, 2, 2, 1],
      ['赵敏', 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect((await call(a, 'assessments.workload', { year: 2025 })).find((r) => r.name === '李芳')).toMatchObject({ visits: 1, schoolsVisited: 0 });
    expect(v.problemCount).toBe(2);
  });
});
