import type { z } from 'zod';
import type { Store } from './store';
import { row as queryRow, rows as queryRows, value } from './statements';
import { sql, sqlFragment, sqlJoin, type SqlFragment } from './sql';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { moveToBin } from './recycle';
import { matchText } from './search';
import { AppError } from '../../shared/result';
import { blocksText, type Block } from '../../shared/schemas/blocks';
import type { Page } from '../../shared/schemas/common';
import type { Piece, PieceFields, pieceList } from '../../shared/schemas/piece';

export type PieceQuery = z.output<typeof pieceList>;

// 案例, 学习心得, 论文, 调研报告. The author is a supervisor of the register, free text, or both (co-authors);
// a deleted supervisor or school reads as none. body_text (plain text of the blocks) feeds pieces_fts.
const COLUMNS = sqlFragment`p.id, p.kind, p.title, p.author_id AS authorId, p.author_name AS authorName, p.school_id AS schoolId,
  sc.full_name AS schoolName, p.year, p.status, p.updated_at AS updatedAt, length(p.body_text) AS length,
  su.name AS supervisorName`;
const FROM = sqlFragment`FROM pieces p
  LEFT JOIN supervisors su ON su.id = p.author_id AND su.deleted_at IS NULL
  LEFT JOIN schools sc ON sc.id = p.school_id AND sc.deleted_at IS NULL`;

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

/** A page of live pieces (without bodies), newest year first, then the latest edited. */
export function listPieces(a: Store, q: PieceQuery): Page<Piece> {
  const where: SqlFragment[] = [sqlFragment`p.deleted_at IS NULL`];
  if (q.q?.trim()) where.push(matchText('pieces_fts', 'p.id', q.q));
  if (q.kind) where.push(sqlFragment`p.kind = ${q.kind}`);
  if (q.year) where.push(sqlFragment`p.year = ${q.year}`);
  if (q.authorId) where.push(sqlFragment`p.author_id = ${q.authorId}`);
  if (q.status) where.push(sqlFragment`p.status = ${q.status}`);
  const w = sqlJoin(where, ' AND ');
  const dir = q.dir === 'asc' ? sqlFragment`ASC` : sqlFragment`DESC`;
  const rows = queryRows<Row>(a, sql`SELECT ${COLUMNS} ${FROM} WHERE ${w} ORDER BY p.year ${dir}, p.updated_at DESC, p.id DESC
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  const total = value<number>(a, sql`SELECT count(*) FROM pieces p WHERE ${w}`);
  return { rows: rows.map(toPiece), total };
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
  if (f.authorId === null && !f.authorName) {
    throw new AppError('invalid', '「作者」请选择一位督学，或填写作者姓名。', 'authorId');
  }
  if (f.schoolId !== null && !a.db.prepare('SELECT 1 FROM schools WHERE id = ? AND deleted_at IS NULL').get(f.schoolId)) {
    throw new AppError('invalid', '「学校」所选的学校不存在或已被删除，请刷新后重新选择。', 'schoolId');
  }
}

const values = (f: PieceFields) => [f.kind, f.title, f.authorId, f.authorName, f.schoolId, f.year, f.status,
  JSON.stringify(f.body), blocksText(f.body)];
const SET = 'kind = ?, title = ?, author_id = ?, author_name = ?, school_id = ?, year = ?, status = ?, body = ?, body_text = ?';

export function insertPiece(a: Store, f: PieceFields): number {
  return a.db.transaction(() => {
    check(a, f);
    const at = nowText();
    const id = Number(a.db.prepare(`INSERT INTO pieces (kind, title, author_id, author_name, school_id, year, status, body, body_text,
      created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values(f), at, at).lastInsertRowid);
    audit(a, '新增', 'piece', id, `新增${f.kind}「${f.title}」`);
    return id;
  })();
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
