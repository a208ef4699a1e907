import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { seedSchool, seedSupervisor } from '../testing/seed';
import { samplePng } from '../testing/samples';
import { pngHeaderOnly } from '../testing/hostile-files';
import { call, dispatch } from './index';
import { BACKUP_ZIP, ZipFileReader } from '../documents/safe-zip';
import { ended, finished, offeredBytes, uploaded } from '../testing/files';
import { cancelJob } from './jobs';
import { transfers } from '../transfer/transfers';
import { expectRefused } from '../testing/refused';
import { fillVisitForm, type FilledVisit } from '../documents/excel/fill-visit-form';
import { readAttachment } from '../store/attachments';
import { nowText } from '../../shared/dates';
import { EIGHT_ITEMS } from '../../shared/vocab';
import type { VisitFormPreview } from '../../shared/schemas/visit-form';

type Store = Awaited<ReturnType<typeof tempStore>>;
let a: Store;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

const NAMES = ['张明', '李芳', '王强', '赵敏', '刘洋', '陈静', '杨帆', '黄磊', '周涛', '吴霞',
  '徐峰', '孙丽', '马骏', '朱琳', '胡斌', '郭燕', '何平', '高翔', '林娜', '罗勇'];
const TERM = { from: '2025-09-01', to: '2026-01-31' };

/** 20 supervisors, 10 schools; supervisor i is listed at schools i mod 10 and (i + 1) mod 10. */
function registers(s: Store) {
  const schools = Array.from({ length: 10 }, (_, i) => ({ name: `清河区第${i + 1}小学`, id: seedSchool(s, { fullName: `清河区第${i + 1}小学`, type: '小学' }) }));
  const at = nowText();
  const people = NAMES.map((name, i) => {
    const id = seedSupervisor(s, { name });
    const mine = [schools[i % 10], schools[(i + 1) % 10]];
    for (const sc of mine) s.db.prepare(`INSERT INTO assignments (school_id, supervisor_id, role, created_at) VALUES (?, ?, '责任督学', ?)`).run(sc.id, id, at);
    return { id, name, schools: mine };
  });
  return { schools, people };
}

/** Receive a file as the page does (an upload of kind visitForm): its uploadId. */
const upload = (fileName: string, bytes: Buffer) => uploaded(a, 'visitForm', fileName, bytes);
/** Preview or commit a batch, as the page does: the job followed to its end. */
const preview = (uploadIds: string[]) => finished(a, call(a, 'visitForms.preview', { uploadIds }));
const commit = (uploadIds: string[]) => finished(a, call(a, 'visitForms.commit', { uploadIds }));

/** The .zip of forms, as a map of file name → bytes. */
async function templates(ids: number[]): Promise<Map<string, Buffer>> {
  const ref = await finished(a, call(a, 'visitForms.templates', { supervisorIds: ids, ...TERM }));
  const zip = await ZipFileReader.open(await offeredBytes(a, ref), BACKUP_ZIP);
  try {
    return new Map(await Promise.all(zip.fileNames().map(async (n) => [n, (await zip.bytes(n))!] as const)));
  } finally {
    zip.close();
  }
}

const rowsOf = (p: VisitFormPreview, status: string) =>
  p.files.flatMap((f) => f.rows.filter((r) => r.status === status).map((r) => ({ file: f.fileName, row: r.rowNumber, errors: r.errors, dup: r.duplicateOf })));
const count = (sql: string) => a.db.prepare(sql).pluck().get() as number;

describe('returned 督导记录表: the round trip', () => {
  it('templates for 20 supervisors, filled as in Excel (a photo, two bad rows, one duplicate), imported in one batch', async () => {
    const { people } = registers(a);
    // Already in the archive: 黄磊's visit to his first school on 2025-10-20 (typed by the clerk from paper).
    const huang = people[7];
    await call(a, 'visits.save', { fields: { schoolId: huang.schools[0].id, date: '2025-10-20', supervisorIds: [huang.id], type: '经常性', narrative: '纸质记录录入。' } });

    const files = await templates(people.map((p) => p.id));
    expect([...files.keys()]).toHaveLength(40);
    expect([...files.keys()].slice(0, 2)).toEqual(['督导记录表-张明.xlsx', '督导记录表（打印版）-张明.docx']);

    const photo = samplePng(64, 48);
    const filledBy = new Map<string, FilledVisit[]>();
    for (const [i, p] of people.entries()) {
      const visits: FilledVisit[] = [
        { values: { 督导日期: `2025-10-${String(10 + (i % 9)).padStart(2, '0')}`, 学校: p.schools[0].name, 督导方式一: '巡视校园', 督导方式二: '查阅资料',
          督导事项一: EIGHT_ITEMS[i % 8], 督导纪实: `${p.name}十月督导${p.schools[0].name}，巡视校园并查阅资料。`, 亮点: '校园整洁', 现场反馈: '已当场反馈' } },
        { values: { 督导日期: new Date(Date.UTC(2025, 10, 5 + (i % 20))), 学校: p.schools[1].name, 督导类型: '专项',
          主题: '食品安全专项', 督导事项一: EIGHT_ITEMS[6], 督导纪实: `${p.name}十一月到${p.schools[1].name}检查食堂。`,
          ...(i % 2 === 0 ? { 问题: `${p.schools[1].name}食品留样记录不全`, 问题类别: EIGHT_ITEMS[6], 整改期限: '2025-12-15' } : {}) } },
      ];
      if (i === 0) visits[0].photos = [{ bytes: photo, extension: 'png' }];
      if (i === 2) visits[1].values.学校 = '不存在的学校'; // bad row 1
      if (i === 4) visits[0].values.督导日期 = '2026-03-01'; // bad row 2: after the term
      if (i === 7) visits[0].values = { ...visits[0].values, 督导日期: '2025-10-20', 学校: huang.schools[0].name }; // the duplicate
      filledBy.set(p.name, visits);
    }
    const batch = [];
    const filledFiles = new Map<string, Buffer>();
    for (const p of people) {
      const filled = await fillVisitForm(files.get(`督导记录表-${p.name}.xlsx`)!, filledBy.get(p.name)!);
      filledFiles.set(p.name, filled);
      batch.push(await upload(`督导记录表-${p.name}（已填）.xlsx`, filled));
    }

    const shown = await preview(batch);
    expect(shown.counts).toEqual({ files: 20, readyFiles: 20, rows: 40, ok: 37, errors: 2, duplicates: 1, photos: 1, problems: 9 });
    expect(rowsOf(shown, 'error')).toEqual([
      { file: '督导记录表-王强（已填）.xlsx', row: 5, dup: null, errors: ['「学校」“不存在的学校”不在档案的学校名册中，请从下拉列表选择挂牌学校'] },
      { file: '督导记录表-刘洋（已填）.xlsx', row: 4, dup: null, errors: ['「督导日期」2026年3月1日不在本表的填报期间（2025年9月1日至2026年1月31日）内'] },
    ]);
    expect(rowsOf(shown, 'duplicate')).toEqual([
      { file: '督导记录表-黄磊（已填）.xlsx', row: 4, errors: [], dup: expect.stringMatching(/^档案中已有这条记录（督导记录编号 \d+）$/) },
    ]);
    expect(shown.files[0]).toMatchObject({ status: 'ready', supervisorName: '张明', from: '2025-09-01', to: '2026-01-31', message: null });
    expect(count('SELECT count(*) FROM visits')).toBe(1); // the preview wrote nothing

    const result = await commit(batch);
    expect(result).toEqual({ files: 20, visits: 37, problems: 9, photos: 1, skipped: 3 });
    // Each file records came from is kept in the archive, as it was returned.
    const kept = (await call(a, 'visitForms.imports', { limit: 200 })).rows;
    expect(kept).toHaveLength(20);
    const zhangFile = kept.find((k) => k.supervisorName === '张明')!;
    expect(readAttachment(a, zhangFile.hash).bytes.equals(filledFiles.get('张明')!)).toBe(true);

    // Each good row is a visit of its supervisor, as filled.
    for (const [i, p] of people.entries()) {
      const mine = await call(a, 'visits.list', { supervisorId: p.id, sort: 'date', dir: 'asc' });
      const expected = filledBy.get(p.name)!.filter((_, k) => !(i === 2 && k === 1) && !(i === 4 && k === 0));
      expect(mine.rows.map((v) => v.schoolName), p.name).toEqual(expected.map((v) => v.values.学校));
      if (i === 4 || i === 7) continue; // their first row was left out
      expect(mine.rows[0]).toMatchObject({ type: '经常性', methods: ['巡视校园', '查阅资料'], items: [EIGHT_ITEMS[i % 8]], highlight: '校园整洁', feedback: '已当场反馈', supervisorNames: [p.name] });
    }
    const zhang = (await call(a, 'visits.list', { supervisorId: people[0].id, sort: 'date', dir: 'asc' })).rows;
    expect(zhang[1]).toMatchObject({ date: '2025-11-05', type: '专项', theme: '食品安全专项', problemCount: 1 });
    // The photo: an attachment of the record, byte for byte.
    expect(zhang[0].attachments).toEqual([{ hash: crypto.createHash('sha256').update(photo).digest('hex'), fileName: '2025-10-10 清河区第1小学 照片1.png', kind: 'photo' }]);
    expect(readAttachment(a, zhang[0].attachments[0].hash).bytes.equals(photo)).toBe(true);
    // Problems went into the 台账 through the workflow: 待整改, from the record, with their history line.
    const problems = await call(a, 'problems.list', { limit: 50 });
    expect(problems.total).toBe(9);
    const first = problems.rows.find((x) => x.visitId === zhang[1].id)!;
    expect(first).toMatchObject({ source: '督导记录', status: '待整改', category: EIGHT_ITEMS[6], description: '清河区第2小学食品留样记录不全',
      deadline: '2025-12-15', raisedAt: '2025-11-05', actor: '学校', schoolName: '清河区第2小学' });
    expect((await call(a, 'problems.get', { id: first.id })).history).toHaveLength(1);
    // Search and the audit log see them as any record.
    expect((await call(a, 'visits.list', { q: '张明十一月到清河区第2小学' })).total).toBe(1);
    expect(count(`SELECT count(*) FROM audit_log WHERE kind = 'visitForm'`)).toBe(20);
    expect((await call(a, 'audit.list', { kind: 'visitForm', limit: 1 })).rows[0].kindLabel).toBe('回收督导记录表');
    expect((await call(a, 'visitForms.imports', {})).rows[0]).toMatchObject({ fileName: '督导记录表-罗勇（已填）.xlsx', supervisorName: '罗勇', visits: 2, skipped: 0 });

    // The same files again (chosen again: the commit let the uploads go): nothing changes.
    const again2 = [];
    for (const p of people) again2.push(await upload(`督导记录表-${p.name}（已填）.xlsx`, filledFiles.get(p.name)!));
    const again = await preview(again2);
    expect(again.files.every((f) => f.status === 'imported' && /已于.*导入（\d条督导记录），再次导入不会改变档案/.test(f.message!))).toBe(true);
    expect(again.counts.ok).toBe(0);
    const before = count('SELECT count(*) FROM visits');
    expect(await commit(again2)).toEqual({ files: 0, visits: 0, problems: 0, photos: 0, skipped: 0 });
    expect(count('SELECT count(*) FROM visits')).toBe(before);
    expect(count('SELECT count(*) FROM problems')).toBe(9);
  });

  it('finds duplicates within the batch, and reads the same file given twice once', async () => {
    const { people } = registers(a);
    const [p] = people;
    const files = await templates([p.id]);
    const row = { 督导日期: '2025-09-18', 学校: p.schools[0].name, 督导纪实: '开学检查。' };
    const jia = await fillVisitForm(files.get('督导记录表-张明.xlsx')!, [{ values: row }, { values: row }]);
    const one = await upload('甲.xlsx', jia);
    const other = await upload('乙.xlsx', await fillVisitForm(files.get('督导记录表-张明.xlsx')!, [{ values: { ...row, 督导纪实: '另一份表里的同一次督导。' } }]));
    const copy = await upload('甲（副本）.xlsx', jia);
    const shown = await preview([one, other, copy]);
    expect(rowsOf(shown, 'duplicate')).toEqual([
      { file: '甲.xlsx', row: 5, errors: [], dup: '与本批「甲.xlsx」第4行重复（同一学校、日期和督学）' },
      { file: '乙.xlsx', row: 4, errors: [], dup: '与本批「甲.xlsx」第4行重复（同一学校、日期和督学）' },
    ]);
    expect(shown.files[2]).toMatchObject({ status: 'repeated', message: '与本批中的「甲.xlsx」内容完全相同，只导入一次', rows: [] });
    expect(await commit([one, other])).toMatchObject({ files: 1, visits: 1, skipped: 2 });
  });

  it('a canceled commit writes nothing and keeps the files for another try; a canceled set of forms leaves no file', async () => {
    const { people } = registers(a);
    const files = await templates([people[0].id]);
    const up = await upload('张明.xlsx', await fillVisitForm(files.get('督导记录表-张明.xlsx')!, [{ values: { 督导日期: '2025-09-18', 学校: people[0].schools[0].name, 督导纪实: '开学检查。' } }]));
    const started = await call(a, 'visitForms.commit', { uploadIds: [up] });
    cancelJob(a, started.jobId);
    expect((await ended(a, started)).state).toBe('canceled');
    expect(count('SELECT count(*) FROM visits')).toBe(0);
    expect(await commit([up])).toMatchObject({ files: 1, visits: 1 });

    const temp = () => fs.readdirSync(transfers(a).dir).length;
    const before = temp();
    const forms = await call(a, 'visitForms.templates', { supervisorIds: people.map((p) => p.id), ...TERM });
    await new Promise((r) => setTimeout(r, 30)); // under way
    cancelJob(a, forms.jobId);
    expect((await ended(a, forms)).state).toBe('canceled');
    expect(temp()).toBe(before);
  });

  it('names each bad cell: missing 纪实, unknown method or item, a problem without its category, WPS cell pictures, pictures too large or not pictures, an archived year', async () => {
    const { people } = registers(a);
    const [p] = people;
    const files = await templates([p.id]);
    a.db.prepare(`INSERT INTO archived_years (year, archived_at, archived_by, package_folder, catalogue) VALUES (2025, ?, '测试', '年度归档/2025', '[]')`).run(nowText());
    const school = p.schools[0].name;
    const filled = await fillVisitForm(files.get('督导记录表-张明.xlsx')!, [
      { values: { 督导日期: '2025-09-18', 学校: school, 督导纪实: '' } },
      { values: { 督导日期: '2026-01-08', 学校: school, 督导纪实: '寒假前安全检查。', 督导方式一: '看看', 督导事项二: '卫生', 问题: '消防通道堵塞' } },
      { values: { 督导日期: '2026-01-09', 学校: school, 督导纪实: '检查。', 问题类别: EIGHT_ITEMS[5], 督导类型: '暗访' } },
      { values: { 督导日期: '9月20日', 学校: school, 督导纪实: '检查。' } },
      { values: { 督导日期: '2026-01-12', 学校: school, 督导纪实: '检查。', 照片: { formula: 'DISPIMG("ID_8F2C",1)', result: '' } } },
      // Pictures judged by their header: one declaring 60000×60000 pixels, and bytes that are no picture.
      { values: { 督导日期: '2026-01-13', 学校: school, 督导纪实: '检查。' },
        photos: [{ bytes: pngHeaderOnly(60_000, 60_000), extension: 'png' }, { bytes: Buffer.from('not a picture'), extension: 'jpeg' }] },
    ]);
    const up = await upload('张明.xlsx', filled);
    expect((await preview([up])).files[0].rows.map((r) => r.errors)).toEqual([
      ['「督导日期」2025年度已归档，不能再添加该年的督导记录', '「督导纪实」必须填写（督导过程和所见所闻）'],
      ['「督导方式一」“看看”不是督导方式，应为巡视校园、查阅资料、座谈走访、问卷调查、随机听课、参加活动、合理建议、列席会议之一',
        '「督导事项二」“卫生”不在本室的督导事项中，请从下拉列表选择', '「问题类别」填写了问题，请选择问题类别'],
      ['「督导类型」“暗访”应为经常性、专项、综合、定向、应访、回查之一', '「问题」选择了问题类别或整改期限，但没有填写问题'],
      ['「督导日期」“9月20日”不是有效的日期，应写成 2026-09-15 或 2026年9月15日'],
      ['「照片」有1张照片是“嵌入单元格”插入的，无法读取。请在 WPS 中右键照片选择“切换为浮动图片”，保存后重新导入'],
      ['「照片」「第1张照片」的尺寸为 60000×60000 像素，超过可接收的最大尺寸（最长边 16384 像素、共 6400 万像素）。请用画图、手机相册等把图片缩小后再上传',
        '「照片」第2张照片不是可识别的图片（或已损坏），请删除后重新插入 JPG 或 PNG 照片'],
    ]);
    expect(await commit([up])).toEqual({ files: 0, visits: 0, problems: 0, photos: 0, skipped: 6 });
    expect(count('SELECT count(*) FROM visit_form_imports')).toBe(0);
    expect(count(`SELECT count(*) FROM attachments WHERE file_name = '张明.xlsx'`)).toBe(0); // nothing written, nothing kept
  });

  it('reports a file that is not a form, or of a supervisor no longer in the archive, with the rest of the batch; refuses a lost upload at once', async () => {
    const { people } = registers(a);
    const files = await templates([people[0].id, people[1].id]);
    const good = await upload('李芳.xlsx', await fillVisitForm(files.get('督导记录表-李芳.xlsx')!, [{ values: { 督导日期: '2025-09-18', 学校: people[1].schools[0].name, 督导纪实: '检查。' } }]));
    const docx = await upload('打印版.docx', files.get('督导记录表（打印版）-张明.docx')!);
    const zhang = await upload('张明.xlsx', files.get('督导记录表-张明.xlsx')!);
    a.db.prepare('UPDATE supervisors SET deleted_at = ? WHERE id = ?').run(nowText(), people[0].id);
    const shown = await preview([docx, good, zhang]);
    expect(shown.files.map((f) => [f.status, f.message])).toEqual([
      ['invalid', '文件不是有效的 Excel（.xlsx）文件，可能已损坏或是其他格式。请在 Excel 或 WPS 中打开后另存为「Excel 工作簿（*.xlsx）」再导入。'],
      ['ready', null],
      ['invalid', '表中的督学“张明”在档案中不存在或已被删除。请核对督学名册，或为该督学重新生成督导记录表'],
    ]);
    expect(shown.counts).toMatchObject({ files: 3, readyFiles: 1, ok: 1 });
    // An upload that expired (or a program restarted since) is refused before any work, naming what to do.
    for (const channel of ['visitForms.preview', 'visitForms.commit']) {
      await expectRefused(a, channel, { uploadIds: [good, 'c'.repeat(32)] }, { code: 'not_found', text: '所选文件已失效', field: 'uploadId' });
    }
    // A photo's upload is not a returned form.
    const photo = await uploaded(a, 'photo', '照片.png', samplePng(8, 8));
    await expectRefused(a, 'visitForms.preview', { uploadIds: [photo] }, { code: 'not_found', text: '所选文件已失效' });
  });

  it('refuses a period backwards or longer than a year, and supervisors not in the archive', async () => {
    const { people } = registers(a);
    const refused = async (input: unknown, text: string) => {
      const res = await dispatch(a, 'visitForms.templates', input);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.message).toContain(text);
    };
    await refused({ supervisorIds: [people[0].id], from: '2026-02-01', to: '2025-09-01' }, '「填报期间结束」不能早于开始日期');
    await refused({ supervisorIds: [people[0].id], from: '2025-01-01', to: '2026-06-30' }, '填报期间最长一年');
    await refused({ supervisorIds: [], from: '2025-09-01', to: '2026-01-31' }, '请至少选择一名督学');
    await refused({ supervisorIds: [9999], from: '2025-09-01', to: '2026-01-31' }, '编号为 9999 的督学不存在或已被删除');
  });
});
