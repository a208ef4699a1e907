import type { HandlerMap } from './types';
import { deletePiece, getPiece, insertPiece, listPieces, updatePiece } from '../store/pieces';
import {
  deleteCollection, getCollection, insertCollection, listCollections, updateCollection,
} from '../store/collections';
import { fileOut } from './file-out';
import { startJob } from './jobs';
import { collectionFile, exportableCollection } from './files';

export const pieceHandlers: HandlerMap<'pieces.list' | 'pieces.get' | 'pieces.save' | 'pieces.delete' | 'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete' | 'collections.export'> = {
  'pieces.list': (a, q) => listPieces(a, q),
  'pieces.get': (a, { id }) => getPiece(a, id),
  'pieces.save': (a, { id, fields }) => {
    if (id) {
      updatePiece(a, id, fields);
      return getPiece(a, id);
    }
    return getPiece(a, insertPiece(a, fields));
  },
  'pieces.delete': (a, { id }) => ({ recycleId: deletePiece(a, id) }),
  'collections.list': (a) => listCollections(a),
  'collections.get': (a, { id }) => getCollection(a, id),
  'collections.save': (a, { id, fields }) => {
    if (id) {
      updateCollection(a, id, fields);
      return getCollection(a, id);
    }
    return getCollection(a, insertCollection(a, fields));
  },
  'collections.delete': (a, { id }) => ({ recycleId: deleteCollection(a, id) }),
  'collections.export': (a, { id }) => startJob(a, `导出汇编「${exportableCollection(a, id).title}」`, async (job) => {
    job.stage('生成 Word 文档', 0, 95);
    const file = await collectionFile(a, id, job);
    job.check();
    job.stage('写入文件', 95, 100);
    return fileOut(a, file);
  }),
};
