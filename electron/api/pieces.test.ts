import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../testing/temp-store';
import { finished, offeredBytes, uploaded } from '../testing/files';
import { call } from './index';
import { putAttachment } from '../store/attachments';
import { pieceIdsSql } from '../store/pieces';
import { readDocx, paragraphs, styleOf, textOf } from '../testing/read-docx';
import { samplePng } from '../testing/samples';
import { caseDocx } from '../testing/case-docx';
import type { Input } from '../../shared/contract';
import type { Block } from '../../shared/schemas/blocks';
import { expectRefused } from '../testing/refused';

type PieceFields = Input<'pieces.save'>['fields'];
type CollectionFields = Input<'collections.save'>['fields'];

// Each test has its own archive and writes the pieces it lists, counts or compiles.
let a: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => { a = await tempStore({ init: 'empty' }); });
afterEach(() => a.dispose());

// Supervisors and schools are written with plain SQL, so these tests depend only on the pieces code.
const AT = '2025-01-01 00:00:00';
const run = (sql: string, ...p: unknown[]) => Number(a.db.prepare(sql).run(...p).lastInsertRowid);
const supervisor = (name: string) =>
  run(`INSERT INTO supervisors (name, status, category, created_at, updated_at) VALUES (?, '在聘', '兼职督学', ?, ?)`, name, AT, AT);
const school = (name: string) =>
  run(`INSERT INTO schools (full_name, type, nature, created_at, updated_at) VALUES (?, '小学', '公办', ?, ?)`, name, AT, AT);
const softDelete = (table: string, id: number) => a.db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(AT, id);
const lastAudit = () => a.db.prepare('SELECT action, kind, entity_id AS entityId, summary FROM audit_log ORDER BY id DESC LIMIT 1').get() as
  { action: string; kind: string; entityId: number; summary: string };

const BODY: Block[] = [
  { type: 'heading', level: 1, text: '一、案例背景' },
  { type: 'paragraph', runs: [{ text: '督学在挂牌督导中发现，' }, { text: '课后服务', bold: true }, { text: '安排不够合理。' }] },
  { type: 'list', ordered: true, items: ['调整课后服务时段', '增加社团活动'] },
];
const piece = (over: Partial<PieceFields> = {}): PieceFields => ({
  kind: '案例', title: '以督促改　让课后服务更有温度', authorName: '王某某', year: 2025, body: BODY, ...over,
});
const savePiece = (fields: PieceFields, id?: number) => call(a, 'pieces.save', { id, fields });
const collection = (over: Partial<CollectionFields> = {}): CollectionFields => ({
  title: '教育督导案例集', kind: '案例', volume: 2, year: 2025, preface: [], pieceIds: [], ...over,
});

const refused = (channel: string, input: unknown, field: string | undefined, text: string, code = 'invalid') =>
  expectRefused(a, channel, input, { code, field, text });

describe('pieces: write, list, search, delete', () => {
  it('saves a piece with a supervisor author and a school, and reads it back', async () => {
    const sup = supervisor('张明');
    const sch = school('城关第一小学');
    const p = await savePiece(piece({ authorId: sup, authorName: null, schoolId: sch, status: '已定稿' }));
    expect(p).toMatchObject({
      kind: '案例', title: '以督促改　让课后服务更有温度', authorId: sup, authorName: null, authorDisplay: '张明',
      schoolId: sch, schoolName: '城关第一小学', year: 2025, status: '已定稿', body: BODY,
    });
    expect(p.length).toBe('一、案例背景\n督学在挂牌督导中发现，课后服务安排不够合理。\n调整课后服务时段\n增加社团活动'.length);
    expect(await call(a, 'pieces.get', { id: p.id })).toEqual(p);
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'piece', entityId: p.id });
  });

  it('edits a piece, defaults to 草稿, and shows co-authors', async () => {
    const sup = supervisor('李华');
    const p = await savePiece(piece({ title: '草稿一篇', body: [] }));
    expect(p.status).toBe('草稿');
    const e = await savePiece(piece({ title: '改过的标题', authorId: sup, authorName: '赵某', status: '已定稿' }), p.id);
    expect(e).toMatchObject({ id: p.id, title: '改过的标题', authorDisplay: '李华、赵某', status: '已定稿' });
    expect(lastAudit().summary).toContain('原题「草稿一篇」');
    expect(lastAudit().summary).toContain('草稿 → 已定稿');
  });

  it('lists with search over the body text, filters and paging, without bodies', async () => {
    await savePiece(piece({ status: '已定稿' }));
    await savePiece(piece({ title: '改过的标题', authorName: '赵某', status: '已定稿' }));
    await savePiece(piece({ kind: '学习心得', title: '学习《督学管理暂行办法》心得', year: 2024, body: [{ type: 'paragraph', runs: [{ text: '责任督学挂牌督导制度' }] }] }));
    await savePiece(piece({ kind: '论文', title: '县域督导评估研究', year: 2023 }));
    const all = await call(a, 'pieces.list', {});
    expect(all.total).toBe(4);
    expect(all.rows.every((r) => r.body.length === 0)).toBe(true);
    expect(all.rows.map((r) => r.year)).toEqual([...all.rows.map((r) => r.year)].sort((x, y) => y - x));
    // Trigram FTS (3+ characters) over the body text, and LIKE for 1–2 characters.
    expect((await call(a, 'pieces.list', { q: '挂牌督导制度' })).rows.map((r) => r.title)).toEqual(['学习《督学管理暂行办法》心得']);
    expect((await call(a, 'pieces.list', { q: '心得' })).rows.map((r) => r.title)).toEqual(['学习《督学管理暂行办法》心得']);
    expect((await call(a, 'pieces.list', { q: '课后服务' })).total).toBe(3);
    expect((await call(a, 'pieces.list', { kind: '论文' })).rows.map((r) => r.title)).toEqual(['县域督导评估研究']);
    expect((await call(a, 'pieces.list', { year: 2024 })).total).toBe(1);
    expect((await call(a, 'pieces.list', { status: '已定稿' })).total).toBe(2);
    const page = await call(a, 'pieces.list', { limit: 2, offset: 2 });
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
  });

  it('pages from the front and from the back in the order of the whole list (newest year, latest edited, then id), for filters and both directions', async () => {
    for (const [year, kind, updated] of [[2023, '案例', '2025-01-01 10:00:00'], [2024, '案例', '2025-02-01 10:00:00'], [2024, '论文', '2025-03-01 10:00:00'],
      [2024, '案例', '2025-02-01 10:00:00'], [2025, '案例', '2025-01-05 10:00:00'], [2025, '学习心得', '2025-01-05 10:00:00'], [2023, '案例', '2025-04-01 10:00:00']] as const) {
      const { id } = await savePiece(piece({ kind, year }));
      a.db.prepare('UPDATE pieces SET updated_at = ? WHERE id = ?').run(updated, id);
    }
    const all = a.db.prepare('SELECT id, year, kind, updated_at AS at FROM pieces WHERE deleted_at IS NULL').all() as { id: number; year: number; kind: string; at: string }[];
    const newest = (x: typeof all[number], y: typeof all[number]) => y.year - x.year || y.at.localeCompare(x.at) || y.id - x.id;
    for (const [filter, keep] of [[{}, () => true], [{ year: 2024 }, (p: typeof all[number]) => p.year === 2024], [{ kind: '案例' as const }, (p: typeof all[number]) => p.kind === '案例']] as const) {
      for (const dir of ['desc', 'asc'] as const) {
        const kept = all.filter(keep);
        const order = (dir === 'desc' ? kept.sort(newest) : kept.sort((x, y) => x.year - y.year || y.at.localeCompare(x.at) || y.id - x.id)).map((p) => p.id);
        for (const limit of [1, 2, 3]) {
          const windows: number[] = [];
          for (let offset = 0; offset < order.length; offset += limit) {
            const page = await call(a, 'pieces.list', { ...filter, dir, offset, limit });
            expect(page.total).toBe(order.length);
            windows.push(...page.rows.map((r) => r.id));
          }
          expect(windows, JSON.stringify({ filter, dir, limit })).toEqual(order);
        }
      }
    }
  });

  it('reads a page\'s ids along pieces_live_order, never a piece\'s row, with no sort newest year first', () => {
    for (const dir of ['desc', 'asc'] as const) {
      for (const backwards of [false, true]) {
        const [text, params] = pieceIdsSql({ dir }, backwards);
        const plan = (a.db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params, 30, 2490) as { detail: string }[]).map((r) => r.detail).join('\n');
        expect(plan, JSON.stringify({ dir, backwards })).toMatch(/SEARCH p USING COVERING INDEX pieces_live_order \(deleted_at=\?\)/);
        if (dir === 'desc') expect(plan, JSON.stringify({ dir, backwards })).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('refuses bad input, naming the field in Chinese', async () => {
    await refused('pieces.save', { fields: piece({ title: ' ' }) }, 'fields.title', '「标题」必须填写');
    await refused('pieces.save', { fields: piece({ kind: '通讯' as never }) }, 'fields.kind', '「类型」应为类型之一');
    await refused('pieces.save', { fields: piece({ year: 1990 }) }, 'fields.year', '「年份」应在2000至2100之间');
    await refused('pieces.save', { fields: piece({ status: '已发表' as never }) }, 'fields.status', '「状态」应为状态之一');
    await refused('pieces.save', { fields: piece({ body: [{ type: 'heading', level: 5, text: 'x' }] as never }) }, 'fields.body.level', '「正文」标题级别应为1到4');
    await refused('pieces.save', { fields: piece({ body: [{ type: 'image', hash: 'xyz', width: 10, height: 10 }] as never }) }, 'fields.body.hash', '「正文」图片附件无效');
    await refused('pieces.save', { fields: piece({ authorName: null, authorId: null, status: '已定稿' }) }, 'authorId', '「作者」定稿前请选择一位督学，或填写作者姓名');
    expect((await savePiece(piece({ authorName: null, authorId: null }))).authorDisplay).toBe(''); // a draft may wait for its author
    const gone = supervisor('已离任督学');
    softDelete('supervisors', gone);
    await refused('pieces.save', { fields: piece({ authorId: gone }) }, 'authorId', '「作者」所选的督学不存在');
    const closed = school('已撤并学校');
    softDelete('schools', closed);
    await refused('pieces.save', { fields: piece({ schoolId: closed }) }, 'schoolId', '「学校」所选的学校不存在');
    await refused('pieces.get', { id: 99999 }, 'id', '编号为 99999 的文章不存在', 'not_found');
    await refused('pieces.save', { id: 99999, fields: piece() }, 'id', '文章不存在', 'not_found');
  });

  it('moves a piece to the 回收站 and hides it', async () => {
    const p = await savePiece(piece({ title: '要删除的案例' }));
    const { recycleId } = await call(a, 'pieces.delete', { id: p.id });
    expect(recycleId).toBeGreaterThan(0);
    expect((await call(a, 'pieces.list', { q: '要删除的案例' })).total).toBe(0);
    await refused('pieces.get', { id: p.id }, 'id', '不存在或已被删除', 'not_found');
    await refused('pieces.delete', { id: p.id }, 'id', '不存在或已被删除', 'not_found');
    expect(lastAudit()).toMatchObject({ action: '删除', kind: 'piece', entityId: p.id });
  });
});

describe('collections: compile, reorder, export', () => {
  it('compiles pieces in order, reorders them, and leaves deleted pieces out', async () => {
    const p1 = await savePiece(piece({ title: '甲篇' }));
    const p2 = await savePiece(piece({ title: '乙篇', authorName: '钱某' }));
    const p3 = await savePiece(piece({ title: '丙篇' }));
    const c = await call(a, 'collections.save', { fields: collection({ pieceIds: [p1.id, p2.id, p3.id] }) });
    expect(c).toMatchObject({ title: '教育督导案例集', volume: 2, year: 2025, pieceIds: [p1.id, p2.id, p3.id] });
    expect(c.pieces.map((p) => [p.title, p.authorDisplay])).toEqual([['甲篇', '王某某'], ['乙篇', '钱某'], ['丙篇', '王某某']]);
    expect(lastAudit()).toMatchObject({ action: '新增', kind: 'collection', entityId: c.id });

    const r = await call(a, 'collections.save', { id: c.id, fields: collection({ pieceIds: [p3.id, p1.id] }) });
    expect(r.pieceIds).toEqual([p3.id, p1.id]);
    await call(a, 'pieces.delete', { id: p3.id });
    expect((await call(a, 'collections.get', { id: c.id })).pieceIds).toEqual([p1.id]);
    expect((await call(a, 'collections.list', {})).find((x) => x.id === c.id)?.pieces.map((p) => p.title)).toEqual(['甲篇']);
    // Saving again keeps the deleted piece linked, so restoring it brings it back (after the chosen ones).
    await call(a, 'collections.save', { id: c.id, fields: collection({ pieceIds: [p2.id, p1.id] }) });
    const bin = a.db.prepare(`SELECT id FROM recycle_bin WHERE kind = 'piece' AND entity_id = ?`).pluck().get(p3.id) as number;
    await call(a, 'recycle.restore', { id: bin });
    expect((await call(a, 'collections.get', { id: c.id })).pieceIds).toEqual([p2.id, p1.id, p3.id]);
  });

  it('refuses bad input, naming the field in Chinese', async () => {
    const p = await savePiece(piece({ title: '某篇' }));
    await refused('collections.save', { fields: collection({ title: '' }) }, 'fields.title', '「汇编名称」必须填写');
    await refused('collections.save', { fields: collection({ volume: 0 }) }, 'fields.volume', '「册次」应在1至99之间');
    await refused('collections.save', { fields: collection({ year: 20250 }) }, 'fields.year', '「年份」');
    await refused('collections.save', { fields: collection({ pieceIds: [p.id, p.id] }) }, 'fields.pieceIds', '「收录文章」同一篇文章不能重复收录');
    await refused('collections.save', { fields: collection({ pieceIds: [p.id, 99999] }) }, 'pieceIds', '「收录文章」中有文章不存在');
    await refused('collections.get', { id: 99999 }, 'id', '汇编不存在', 'not_found');
    await refused('collections.export', { id: 99999 }, 'id', '汇编不存在', 'not_found');
    const empty = await call(a, 'collections.save', { fields: collection({ title: '空汇编' }) });
    await refused('collections.export', { id: empty.id }, 'pieceIds', '还没有收录文章');
    await call(a, 'collections.delete', { id: empty.id });
    expect((await call(a, 'collections.list', {})).some((c) => c.id === empty.id)).toBe(false);
    expect(lastAudit()).toMatchObject({ action: '删除', kind: 'collection', entityId: empty.id });
  });

  it('exports a .docx with the cover, 第二册, each piece on a new page with its byline, and pictures', async () => {
    const hash = putAttachment(a, samplePng(320, 200), '照片.png', 'image/png');
    const sch = school('实验中学');
    const withImage = await savePiece(piece({
      title: '食堂管理督导中的“三查三看”', authorName: '李某某', schoolId: sch,
      body: [{ type: 'paragraph', runs: [{ text: '督学随堂检查食堂。' }] }, { type: 'image', hash, width: 320, height: 200, caption: '督学检查食堂' }],
    }));
    const plain = await savePiece(piece({ title: '家校协同化解入学矛盾' }));
    const c = await call(a, 'collections.save', {
      fields: collection({ title: '责任督学挂牌督导案例集', preface: [{ type: 'paragraph', runs: [{ text: '本册收录优秀案例。' }] }], pieceIds: [withImage.id, plain.id] }),
    });
    const out = await finished(a, call(a, 'collections.export', { id: c.id }));
    expect(out.fileName).toBe('责任督学挂牌督导案例集（第二册）.docx');
    const d = await readDocx(await offeredBytes(a, out));
    const texts = paragraphs(d.document).map(textOf);
    expect(texts).toContain('责任督学挂牌督导案例集');
    expect(texts).toContain('第二册');
    expect(texts).toContain('前言');
    expect(texts).toContain('本册收录优秀案例。');
    const titles = paragraphs(d.document).filter((x) => styleOf(x) === 'Title');
    expect(titles.map(textOf)).toEqual(['食堂管理督导中的“三查三看”', '家校协同化解入学矛盾']);
    // The first piece opens the body's own section (from a right-hand page); the next starts a new page.
    expect(titles[1]).toContain('<w:pageBreakBefore/>');
    expect(paragraphs(d.document).filter((x) => styleOf(x) === 'Byline').map(textOf)).toContain('实验中学　李某某');
    expect(d.document).toContain('<w:drawing>');
    expect(d.files.some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    const rels = await (await JSZip.loadAsync(d.buffer)).file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(/relationships\/image"[^>]*Target="media\/[^"]+\.png"|Target="media\/[^"]+\.png"[^>]*relationships\/image"/);
    expect(texts).toContain('督学检查食堂');
  });

  it('writes a note instead of a picture whose file is missing', async () => {
    const hash = 'd'.repeat(64);
    const p = await savePiece(piece({ title: '缺图的案例', body: [{ type: 'image', hash, width: 10, height: 10, caption: '丢失的照片' }] }));
    const c = await call(a, 'collections.save', { fields: collection({ title: '缺图汇编', volume: null, pieceIds: [p.id] }) });
    const out = await finished(a, call(a, 'collections.export', { id: c.id }));
    expect(out.fileName).toBe('缺图汇编.docx');
    const d = await readDocx(await offeredBytes(a, out));
    expect(paragraphs(d.document).map(textOf)).toContain('〔图片文件缺失：丢失的照片〕');
  });
});

describe('cases from where they are: Word files and the records', () => {
  const upload = (fileName: string, bytes: Buffer) => uploaded(a, 'piece', fileName, bytes);
  const importFile = async (fileName: string, bytes: Buffer, over: { kind?: '案例' | '学习心得'; year?: number } = {}) =>
    call(a, 'pieces.import', { uploadId: await upload(fileName, bytes), kind: over.kind ?? '案例', year: over.year ?? 2025 });

  it('imports a .docx as a draft: title, byline matched to the registers, pictures stored, notes for what is left to do', async () => {
    const wang = supervisor('王丽');
    const sch = school('清河区实验中学');
    const bytes = await caseDocx({
      title: '让每一所乡村小学都亮起来', titleStyle: true, byline: ['清河区实验中学　王丽'],
      table: [['项目', '数量'], ['教室', '12']], image: { width: 320, height: 200 },
    });
    const { piece: p, notes } = await importFile('乡村小学.docx', bytes);
    expect(notes).toEqual([]);
    expect(p).toMatchObject({ kind: '案例', title: '让每一所乡村小学都亮起来', authorId: wang, authorName: null, schoolId: sch, year: 2025, status: '草稿' });
    const image = p.body.find((x) => x.type === 'image');
    expect(image).toMatchObject({ type: 'image', width: 320, height: 200, caption: null });
    expect(a.db.prepare('SELECT file_name, mime FROM attachments WHERE hash = ?').get((image as { hash: string }).hash))
      .toEqual({ file_name: '让每一所乡村小学都亮起来-图1.png', mime: 'image/png' });
    expect(p.body.find((x) => x.type === 'table')).toEqual({ type: 'table', header: true, rows: [['项目', '数量'], ['教室', '12']] });
    expect(lastAudit()).toMatchObject({ action: '导入', kind: 'piece', entityId: p.id, summary: '从Word导入案例「让每一所乡村小学都亮起来」（乡村小学.docx）' });

    // A byline not in the registers: the name kept as written, the school left to choose; none at all: the author to fill in.
    const other = await importFile('b.docx', await caseDocx({ title: '一次回访', byline: ['作者：赵强、钱敏', '单位：外县某小学'] }), { kind: '学习心得' });
    expect(other.piece).toMatchObject({ kind: '学习心得', authorId: null, authorName: '赵强、钱敏', schoolId: null });
    expect(other.notes).toEqual(['学校「外县某小学」不在学校名册中，未关联学校。']);
    const none = await importFile('c.docx', await caseDocx({ title: '无署名的案例' }));
    expect(none.piece).toMatchObject({ authorId: null, authorName: null, authorDisplay: '' });
    expect(none.notes).toEqual(['没有读到作者，请在文章中填写作者后再定稿。']);
    await refused('pieces.save', { id: none.piece.id, fields: { ...piece({ authorName: null }), status: '已定稿' } }, 'authorId', '定稿前请选择一位督学');
  });

  it('refuses a broken file with a Chinese reason, and writes nothing', async () => {
    const before = (await call(a, 'pieces.list', {})).total;
    await refused('pieces.import', { uploadId: await upload('坏文件.docx', Buffer.from('PK\u0003\u0004broken')), kind: '案例', year: 2025 },
      'uploadId', '「坏文件.docx」已损坏或不是有效的 Word 文档');
    await refused('pieces.import', { uploadId: await upload('旧.doc', Buffer.from('x')), kind: '案例', year: 2025 }, 'uploadId', '另存为 .docx');
    await refused('pieces.import', { uploadId: await upload('a.docx', Buffer.from('x')), kind: '案例', year: 1999 }, 'year', '「年份」应在2000至2100之间');
    expect((await call(a, 'pieces.list', {})).total).toBe(before);
  });

  it('proposes cases from the records, drafts the chosen ones and proposes them no more', async () => {
    const zhang = supervisor('张明');
    const li = supervisor('李华');
    const sch = school('城关第一小学');
    const other = school('河西中学');
    const visit = (schoolId: number, date: string, highlight: string | null, who: number) => {
      const v = run(`INSERT INTO visits (school_id, date, type, highlight, created_at, updated_at) VALUES (?, ?, '经常性', ?, ?, ?)`, schoolId, date, highlight, AT, AT);
      run('INSERT INTO visit_supervisors (visit_id, supervisor_id) VALUES (?, ?)', v, who);
      return v;
    };
    visit(sch, '2025-03-04', '落实“护学岗”制度。', zhang);
    visit(sch, '2025-04-08', '落实“护学岗”制度', zhang);
    visit(sch, '2025-05-12', '食堂实行陪餐制度', li);
    visit(other, '2025-05-13', null, li);
    visit(other, '2024-12-13', '上一年的亮点', li);
    const notice = run(`INSERT INTO notices (year, number, school_id, issued_date, deadline_days, deadline_date, report_text, report_date, created_at)
      VALUES (2025, 12, ?, '2025-04-10', 15, '2025-04-25', '学校已清理消防通道，建立日查制度', '2025-04-28', ?)`, other, AT); // the report kept is the latest, after a failed 回查
    const problem = (status: string, closedAt: string | null) => run(`INSERT INTO problems (source, school_id, category, description, actor, status,
      notice_id, raised_at, closed_at, updated_at) VALUES ('督导记录', ?, '校园及周边安全情况，学生交通安全情况', '消防通道堆放杂物', '学校', ?, ?, '2025-04-08', ?, ?)`,
    other, status, notice, closedAt, AT);
    const open = problem('待回查', null);
    run(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, note, created_at) VALUES (?, '2025-04-23', ?, '未通过', '楼道仍有杂物', ?)`, notice, li, AT);
    run(`INSERT INTO rechecks (notice_id, date, supervisor_id, result, note, created_at) VALUES (?, '2025-05-06', ?, '通过', NULL, ?)`, notice, zhang, AT);

    // A notice with a problem still open is not a finished 整改.
    expect((await call(a, 'pieces.proposals', { year: 2025 })).map((p) => p.sourceKind)).toEqual(['school']);
    a.db.prepare(`UPDATE problems SET status = '已销号', closed_at = '2025-05-06' WHERE id = ?`).run(open);
    const proposals = await call(a, 'pieces.proposals', { year: 2025 });
    expect(proposals).toEqual([
      { sourceKind: 'notice', sourceId: notice, title: '河西中学问题整改纪实（〔2025〕第12号）', schoolName: '河西中学', summary: '1个问题，经1次回查退回后整改销号', date: '2025-05-06' },
      { sourceKind: 'school', sourceId: sch, title: '城关第一小学督导亮点纪实', schoolName: '城关第一小学', summary: '3次督导记录了亮点（3条不同做法）', date: '2025-05-12' },
    ]);

    const drafts = await call(a, 'pieces.draftFromRecords', { year: 2025, kind: '案例', sources: proposals.map((p) => ({ sourceKind: p.sourceKind, sourceId: p.sourceId })) });
    expect(drafts.map((d) => [d.title, d.status, d.authorDisplay, d.schoolName])).toEqual([
      ['河西中学问题整改纪实（〔2025〕第12号）', '草稿', '张明', '河西中学'],
      ['城关第一小学督导亮点纪实', '草稿', '张明', '城关第一小学'],
    ]);
    expect(drafts[0].body).toEqual([
      { type: 'heading', level: 1, text: '一、发现的问题' },
      { type: 'list', ordered: true, items: ['校园及周边安全情况，学生交通安全情况：消防通道堆放杂物'] },
      { type: 'heading', level: 1, text: '二、整改过程' },
      { type: 'paragraph', runs: [{ text: '2025年4月10日，督导室向学校下发整改通知书〔2025〕第12号，要求15日内整改到位。' }] },
      { type: 'paragraph', runs: [{ text: '2025年4月23日，李华到校回查，回查未通过，退回继续整改：楼道仍有杂物。' }] },
      { type: 'paragraph', runs: [{ text: '2025年4月28日，学校报送整改报告。学校已清理消防通道，建立日查制度。' }] },
      { type: 'paragraph', runs: [{ text: '2025年5月6日，张明到校回查，回查通过。' }] },
      { type: 'heading', level: 1, text: '三、整改成效' },
      { type: 'paragraph', runs: [{ text: '2025年5月6日，1个问题全部整改到位，予以销号。' }] },
    ]);
    // The same highlight from two visits once, with both days; each sentence ends as a sentence.
    expect(drafts[1].body[3]).toEqual({ type: 'list', ordered: true, items: [
      '落实“护学岗”制度。（3月4日经常性督导、4月8日经常性督导）', '食堂实行陪餐制度。（5月12日经常性督导）',
    ] });
    expect(lastAudit().summary).toBe('根据城关第一小学的督导亮点起草案例「城关第一小学督导亮点纪实」');
    expect(await call(a, 'pieces.proposals', { year: 2025 })).toEqual([]);
    await refused('pieces.draftFromRecords', { year: 2025, kind: '案例', sources: [{ sourceKind: 'school', sourceId: sch }] }, 'sources', '已起草过', 'conflict');
    // Deleting a draft proposes its record again.
    await call(a, 'pieces.delete', { id: drafts[1].id });
    expect((await call(a, 'pieces.proposals', { year: 2025 })).map((p) => p.sourceId)).toEqual([sch]);
  });

  it('tells a collection\'s drafts from its finished pieces', async () => {
    const d = await savePiece(piece({ title: '草稿篇' }));
    const f = await savePiece(piece({ title: '定稿篇', status: '已定稿' }));
    const c = await call(a, 'collections.save', { fields: collection({ pieceIds: [d.id, f.id] }) });
    expect(c.pieces.map((p) => [p.title, p.status])).toEqual([['草稿篇', '草稿'], ['定稿篇', '已定稿']]);
  });
});
