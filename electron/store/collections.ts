import type { Store } from './store';
import { nowText } from '../../shared/dates';
import { audit } from './log';
import { authorDisplay } from './pieces';
import { moveToBin } from './recycle';
import { volumeLabel } from '../../shared/labels';
import { AppError } from '../../shared/result';
import type { Block } from '../../shared/schemas/blocks';
import type { Collection, CollectionFields } from '../../shared/schemas/piece';

// A 汇编 (案例集 …): its pieces in print order (collection_pieces.seq). A deleted piece stays linked
// but is left out everywhere while it is in the 回收站, so restoring it puts it back in its place.

type Row = Omit<Collection, 'pieces' | 'pieceIds' | 'preface'> & { preface: string };

const SELECT = `SELECT c.id, c.title, c.kind, c.volume, c.year, c.preface, c.updated_at AS updatedAt FROM collections c`;

/** Attach each collection's live pieces, in one query for all of them. */
function withPieces(a: Store, rows: Row[]): Collection[] {
  if (rows.length === 0) return [];
  const links = a.db.prepare(`SELECT cp.collection_id AS collectionId, p.id, p.title, p.status, p.author_name AS authorName, su.name AS supervisorName
    FROM collection_pieces cp
    JOIN pieces p ON p.id = cp.piece_id AND p.deleted_at IS NULL
    LEFT JOIN supervisors su ON su.id = p.author_id AND su.deleted_at IS NULL
    WHERE cp.collection_id IN (SELECT value FROM json_each(?)) ORDER BY cp.collection_id, cp.seq`)
    .all(JSON.stringify(rows.map((r) => r.id))) as
    { collectionId: number; id: number; title: string; status: Collection['pieces'][number]['status']; authorName: string | null; supervisorName: string | null }[];
  return rows.map((r) => {
    const pieces = links.filter((l) => l.collectionId === r.id)
      .map((l) => ({ id: l.id, title: l.title, status: l.status, authorDisplay: authorDisplay(l.supervisorName, l.authorName) }));
    return { ...r, preface: JSON.parse(r.preface) as Block[], pieceIds: pieces.map((p) => p.id), pieces };
  });
}

export function listCollections(a: Store): Collection[] {
  return withPieces(a, a.db.prepare(`${SELECT} WHERE c.deleted_at IS NULL ORDER BY c.year DESC, c.volume DESC, c.id DESC`).all() as Row[]);
}

export function getCollection(a: Store, id: number): Collection {
  const row = a.db.prepare(`${SELECT} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as Row | undefined;
  if (!row) throw new AppError('not_found', `编号为 ${id} 的汇编不存在或已被删除，请刷新列表后重试。`, 'id');
  return withPieces(a, [row])[0];
}

/** Every piece must be live; then the links are rewritten in the given order. */
function writePieces(a: Store, id: number, pieceIds: number[]): void {
  const live = a.db.prepare(`SELECT count(*) FROM pieces WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
    .pluck().get(JSON.stringify(pieceIds)) as number;
  if (live !== pieceIds.length) {
    throw new AppError('invalid', '「收录文章」中有文章不存在或已被删除，请刷新后重新选择。', 'pieceIds');
  }
  // Deleted pieces keep their links (see above): they go after the chosen ones.
  const kept = a.db.prepare(`SELECT cp.piece_id FROM collection_pieces cp JOIN pieces p ON p.id = cp.piece_id
    WHERE cp.collection_id = ? AND p.deleted_at IS NOT NULL ORDER BY cp.seq`).pluck().all(id) as number[];
  a.db.prepare('DELETE FROM collection_pieces WHERE collection_id = ?').run(id);
  const ins = a.db.prepare('INSERT INTO collection_pieces (collection_id, piece_id, seq) VALUES (?, ?, ?)');
  [...pieceIds, ...kept.filter((k) => !pieceIds.includes(k))].forEach((pid, i) => ins.run(id, pid, i + 1));
}

export function insertCollection(a: Store, f: CollectionFields): number {
  return a.db.transaction(() => {
    const at = nowText();
    const id = Number(a.db.prepare(`INSERT INTO collections (title, kind, volume, year, preface, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?)`).run(f.title, f.kind, f.volume, f.year, JSON.stringify(f.preface), at, at).lastInsertRowid);
    writePieces(a, id, f.pieceIds);
    audit(a, '新增', 'collection', id, `新建汇编「${f.title}${volumeLabel(f.volume)}」，收录${f.pieceIds.length}篇`);
    return id;
  })();
}

export function updateCollection(a: Store, id: number, f: CollectionFields): void {
  a.db.transaction(() => {
    const before = getCollection(a, id);
    a.db.prepare(`UPDATE collections SET title = ?, kind = ?, volume = ?, year = ?, preface = ?, updated_at = ? WHERE id = ?`)
      .run(f.title, f.kind, f.volume, f.year, JSON.stringify(f.preface), nowText(), id);
    writePieces(a, id, f.pieceIds);
    const count = before.pieceIds.length !== f.pieceIds.length ? `，收录 ${before.pieceIds.length} → ${f.pieceIds.length} 篇` : '';
    audit(a, '修改', 'collection', id, `修改汇编「${f.title}${volumeLabel(f.volume)}」${count}`);
  })();
}

export function deleteCollection(a: Store, id: number): number {
  const c = getCollection(a, id);
  return moveToBin(a, 'collection', id, `${c.title}${volumeLabel(c.volume)}`);
}
