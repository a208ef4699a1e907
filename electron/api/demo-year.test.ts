import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { call } from './index';
import { finished, uploaded } from '../testing/files';
import { DEMO_FORMS_FOLDER } from '../store/demo/returned-forms';

// The demo county's supervisors' year (issue 15): one demo archive, only read until the last test imports.
let demo: Awaited<ReturnType<typeof tempStore>>;
beforeAll(async () => { demo = await tempStore({ init: 'demo' }); }, 60_000);
afterAll(() => demo.dispose());
const year = new Date().getFullYear();

describe('the demo archive\'s supervisors\' year', () => {
  it('holds the 培训 and 会议 its 行事历 planned, with attendance up to today, 学时 and 学习心得', async () => {
    const list = await call(demo, 'trainings.list', { year });
    expect(list.length).toBeGreaterThan(3);
    expect(list.every((t) => t.calendarItemText)).toBe(true);
    const held = list.filter((t) => t.date <= new Date().toISOString().slice(0, 10));
    expect(held.every((t) => t.counts.unrecorded === 0 && t.counts.present > t.counts.invited / 2 && t.minutes)).toBe(true);
    expect((await call(demo, 'trainings.hours', { year })).some((h) => h.trainingHours > 0)).toBe(true);
    expect((await call(demo, 'trainings.plans', {})).map((p) => p.kind)).toEqual(['五年规划', '年度计划']);
  });

  it('has the year\'s 考核 finished, with deductions and their reasons, in the supervisors\' history', async () => {
    const [x] = await call(demo, 'assessments.list', {});
    expect(x).toMatchObject({ year, status: '已完成' });
    const full = await call(demo, 'assessments.get', { id: x.id });
    expect(full.rows.length).toBeGreaterThan(8); // the 专职, 兼职 and 挂职督学
    expect(full.rows.some((r) => r.items.some((i) => i.adjustment !== null && i.comment))).toBe(true);
    const history = await call(demo, 'supervisors.history', { id: full.rows[0].supervisorId });
    expect(history.entries.map((e) => e.title)).toContain(`${year}年度考核：${full.rows[0].grade}`);
  });

  it('puts returned forms in the data folder that import with one row missing its 纪实 and one duplicate', async () => {
    const folder = path.join(demo.dataFolder, DEMO_FORMS_FOLDER);
    expect((await call(demo, 'visitForms.imports', {})).samples).toBe(folder);
    const names = fs.readdirSync(folder);
    expect(names).toHaveLength(4);
    const uploadIds = [];
    for (const n of names) uploadIds.push(await uploaded(demo, 'visitForm', n, fs.readFileSync(path.join(folder, n))));
    const preview = await finished(demo, call(demo, 'visitForms.preview', { uploadIds }));
    expect(preview.counts).toMatchObject({ files: 4, readyFiles: 4, errors: 1, duplicates: 1, photos: 1 });
    expect(preview.files.flatMap((f) => f.rows.flatMap((r) => r.errors))).toEqual(['「督导纪实」必须填写（督导过程和所见所闻）']);
    const result = await finished(demo, call(demo, 'visitForms.commit', { uploadIds }));
    expect(result).toMatchObject({ files: 4, visits: preview.counts.ok, photos: 1, skipped: 2 });
  });
});
