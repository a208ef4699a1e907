import type { z } from 'zod';
import type { Store } from './store';
import { row as queryRow, rows as queryRows, value, values as queryValues } from './statements';
import { sql, sqlFragment, sqlJoin, type Query, type SqlFragment } from './sql';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { putAttachment } from './attachments';
import { matchText } from './search';
import { AppError } from '../../shared/result';
import { blocksText, type Block } from '../../shared/schemas/blocks';
import type { Page } from '../../shared/schemas/common';
import { pieceFields, type Piece, type PieceFields, type pieceList } from '../../shared/schemas/piece';

export type PieceQuery = z.output<typeof pieceList>;

// 案例, 学习心得, 论文, 调研报告. The author is a supervisor of the register, free text, or both (co-authors);
// a deleted supervisor or school reads as none. body_text (plain text of the blocks) feeds pieces_fts.
const COLUMNS = sqlFragment`p.id, p.kind, p.title, p.author_id AS authorId, p.author_name AS authorName, p.school_id AS schoolId,
  sc.full_name AS schoolName, p.year, p.status, p.updated_at AS updatedAt, length(p.body_text) AS length,
  su.name AS supervisorName`;
const AUTHOR_AND_SCHOOL = sqlFragment`LEFT JOIN supervisors su ON su.id = p.author_id AND su.deleted_at IS NULL
  LEFT JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL`;
const FROM = sqlFragment`FROM pieces p ${AUTHOR_AND_SCHOOL}`;

type Row = Omit<Piece, 'body' | 'authorDisplay'> & { supervisorName: string | null; body?: string };

export function authorDisplay(supervisorName: string | null, authorName: string | null): string {
  return [supervisorName, authorName].filter(Boolean).join('、');
}

function toPiece({ supervisorName, body, ...r }: Row): Piece {
  return {
    ...r,
    authorId: supervisorName ? r.authorId : null,
    schoolId: r.schoolName ? r.schoolId : null,
    authorDisplay: authorDisplay(supervisorName, r.authorName),
    body: body ? (JSON.parse(body) as Block[]) : [],
  };
}

function pieceWhere(q: Partial<PieceQuery>): SqlFragment {
  const where: SqlFragment[] = [sqlFragment`p.deleted_at IS NULL`];
  if (q.q?.trim()) where.push(matchText('pieces_fts', 'p.id', q.q));
  if (q.kind) where.push(sqlFragment`p.kind = ${q.kind}`);
  if (q.year) where.push(sqlFragment`p.year = ${q.year}`);
  if (q.authorId) where.push(sqlFragment`p.author_id = ${q.authorId}`);
  if (q.status) where.push(sqlFragment`p.status = ${q.status}`);
  return sqlJoin(where, ' AND ');
}

/**
 * The statement that picks one page's ids (its last two parameters LIMIT and OFFSET, bound by the
 * caller), read forwards or, for a page nearer the end, backwards. Newest year first reads
 * pieces_live_order (migration 017) alone; oldest year first (still the latest edited first in a
 * year) sorts the index's entries, never the rows. Exported for the test of its plan.
 */
export function pieceIdsSql(q: Partial<PieceQuery>, backwards: boolean): Query {
  const year = (q.dir === 'asc') !== backwards ? sqlFragment`ASC` : sqlFragment`DESC`;
  const edited = backwards ? sqlFragment`ASC` : sqlFragment`DESC`;
  return sql`SELECT p.id FROM pieces p WHERE ${pieceWhere(q)} ORDER BY p.year ${year}, p.updated_at ${edited}, p.id ${edited} LIMIT ? OFFSET ?`;
}

/**
 * A page of live pieces (without bodies), newest year first, then the latest edited. The count and the
 * page's ids first (a page nearer the end read backwards), then only the page's pieces read whole.
 */
export function listPieces(a: Store, q: PieceQuery): Page<Piece> {
  const { offset, limit } = q;
  return a.db.transaction(() => {
    const total = value<number>(a, sql`SELECT count(*) FROM pieces p WHERE ${pieceWhere(q)}`);
    if (offset >= total) return { rows: [], total };
    const after = total - offset - limit;
    const backwards = after < offset;
    const [text, params] = pieceIdsSql(q, backwards);
    const ids = queryValues<number>(a, [text, [...params, backwards ? Math.min(limit, total - offset) : limit, backwards ? Math.max(0, after) : offset]]);
    if (backwards) ids.reverse();
    // CROSS JOIN keeps json_each outermost: the pieces come back in the page's order.
    const rows = queryRows<Row>(a, sql`SELECT ${COLUMNS} FROM json_each(${JSON.stringify(ids)}) j
      CROSS JOIN pieces p ON p.id = j.value ${AUTHOR_AND_SCHOOL} ORDER BY j.key`);
    return { rows: rows.map(toPiece), total };
  })();
}

export function getPiece(a: Store, id: number): Piece {
  const row = queryRow<Row>(a, sql`SELECT ${COLUMNS}, p.body ${FROM} WHERE p.id = ${id} AND p.deleted_at IS NULL`);
  if (!row) throw new AppError('not_found', `编号为 ${id} 的文章不存在或已被删除，请刷新列表后重试。`, 'id');
  return toPiece(row);
}

/** Live pieces with their bodies, in the order of `ids` (missing ones left out): for a collection's export. */
export function piecesByIds(a: Store, ids: number[]): Piece[] {
  if (ids.length === 0) return [];
  const rows = queryRows<Row>(a, sql`SELECT ${COLUMNS}, p.body ${FROM}
    WHERE p.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND p.deleted_at IS NULL`);
  const by = new Map(rows.map((r) => [r.id, toPiece(r)]));
  return ids.map((id) => by.get(id)).filter((p): p is Piece => !!p);
}

/** What the schema cannot check: live references, and someone to print as the author. */
function check(a: Store, f: PieceFields): void {
  if (f.authorId !== null && !a.db.prepare('SELECT 1 FROM supervisors WHERE id = ? AND deleted_at IS NULL').get(f.authorId)) {
    throw new AppError('invalid', '「作者」所选的督学不存在或已被删除，请刷新后重新选择。', 'authorId');
  }
  // A draft may wait for its author (a case imported without a byline); a finished piece names one.
  if (f.authorId === null && !f.authorName && f.status !== '草稿') {
    throw new AppError('invalid', '「作者」定稿前请选择一位督学，或填写作者姓名。', 'authorId');
  }
  if (f.schoolId !== null && !a.db.prepare('SELECT 1 FROM schools WHERE id = ? AND deleted_at IS NULL').get(f.schoolId)) {
    throw new AppError('invalid', '「学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
  }
}

const values = (f: PieceFields) => [f.kind, f.title, f.authorId, f.authorName, f.schoolId, f.year, f.status,
  JSON.stringify(f.body), blocksText(f.body)];
const SET = 'kind = ?, title = ?, author_id = ?, author_name = ?, school_id = ?, year = ?, status = ?, body = ?, body_text = ?';

/** Where a piece came from when it was not written in the app: a Word file, or records it was drafted from. */
export interface PieceOrigin {
  /** The audit line's action and summary, e.g. 导入 / 从Word导入案例「…」（x.docx）. */
  action: string;
  summary: string;
  /** The record drafted from (case-proposals.ts), so it is not proposed again. */
  source?: { kind: string; id: number };
}

export function insertPiece(a: Store, f: PieceFields, origin?: PieceOrigin): number {
  return a.db.transaction(() => {
    check(a, f);
    const at = nowText();
    const id = Number(a.db.prepare(`INSERT INTO pieces (kind, title, author_id, author_name, school_id, year, status, body, body_text,
      source_kind, source_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(...values(f), origin?.source?.kind ?? null, origin?.source?.id ?? null, at, at).lastInsertRowid);
    audit(a, origin?.action ?? '新增', 'piece', id, origin?.summary ?? `新增${f.kind}「${f.title}」`);
    return id;
  })();
}

/** The live supervisor of this name when there is exactly one, else null. */
export function supervisorNamed(a: Store, name: string): number | null {
  const ids = a.db.prepare('SELECT id FROM supervisors WHERE name = ? AND deleted_at IS NULL LIMIT 2').pluck().all(name) as number[];
  return ids.length === 1 ? ids[0] : null;
}

/** The live school called this (full or short name) when there is exactly one, else null. */
export function schoolNamed(a: Store, name: string): number | null {
  const ids = a.db.prepare(`SELECT id FROM schools WHERE deleted_at IS NULL AND (full_name = ? OR short_name = ?) LIMIT 2`)
    .pluck().all(name, name) as number[];
  return ids.length === 1 ? ids[0] : null;
}

export function updatePiece(a: Store, id: number, f: PieceFields): void {
  a.db.transaction(() => {
    const before = getPiece(a, id);
    check(a, f);
    a.db.prepare(`UPDATE pieces SET ${SET}, updated_at = ? WHERE id = ?`).run(...values(f), nowText(), id);
    const status = before.status !== f.status ? `，状态：${before.status} → ${f.status}` : '';
    const title = before.title !== f.title ? `（原题「${before.title}」）` : '';
    audit(a, '修改', 'piece', id, `修改${f.kind}「${f.title}」${title}${status}`);
  })();
}

/** To the 回收站; collections that include it leave it out while it is deleted. */
export function deletePiece(a: Store, id: number): number {
  const p = getPiece(a, id);
  return moveToBin(a, 'piece', id, `${p.kind}：${p.title}`);
}

/** A picture read from a file, not yet stored. */
export interface PictureBytes { type: 'imageBytes'; bytes: Buffer; mime: string; width: number; height: number }

/** A case read from a Word file (the shape electron/documents/piece-import.ts returns). */
export interface ReadPiece {
  fileName: string;
  title: string;
  author: string | null;
  school: string | null;
  blocks: (Exclude<Block, { type: 'image' }> | PictureBytes)[];
  /** What the reading could not take over (in Chinese). */
  notes: string[];
}

/**
 * A draft from a Word file: its pictures stored by hash; the byline's author a supervisor of the
 * register when the name is one (else kept as written) and its school one of the register's (else left
 * for the user to choose). Returns the piece and what the user still has to know or do.
 */
export function importPiece(a: Store, p: ReadPiece, opts: { kind: PieceFields['kind']; year: number }): { piece: Piece; notes: string[] } {
  const notes = [...p.notes];
  let pictures = 0;
  const body = p.blocks.map((b): Block => (b.type === 'imageBytes'
    ? { type: 'image', hash: putAttachment(a, b.bytes, `${p.title}-图${++pictures}.${b.mime.slice(6).replace('jpeg', 'jpg')}`, b.mime), width: b.width, height: b.height, caption: null }
    : b));
  const names = p.author?.split('、') ?? [];
  const authorId = names.length === 1 ? supervisorNamed(a, names[0]) : null;
  const schoolId = p.school ? schoolNamed(a, p.school) : null;
  if (!p.author) notes.push('没有读到作者，请在文章中填写作者后再定稿。');
  if (p.school && !schoolId) notes.push(`学校「${p.school}」不在学校名册中，未关联学校。`);
  const parsed = pieceFields.safeParse({
    kind: opts.kind, title: p.title, authorId, authorName: authorId ? null : (p.author ? [...p.author].slice(0, 60).join('') : null),
    schoolId, year: opts.year, status: '草稿', body,
  });
  if (!parsed.success) {
    throw new AppError('invalid', `「${p.fileName}」的内容无法导入：${parsed.error.issues[0].message}。请在 Word 中检查后再导入。`, 'data');
  }
  const id = insertPiece(a, parsed.data, { action: '导入', summary: `从Word导入${opts.kind}「${p.title}」（${p.fileName}）` });
  return { piece: getPiece(a, id), notes };
}
