import type { HandlerMap } from './types';
import { deletePiece, getPiece, importPiece, insertPiece, listPieces, updatePiece } from '../store/pieces';
import { caseProposals, draftCases } from '../store/case-proposals';
import { readPieceDocx } from '../documents/piece-import';
import {
  deleteCollection, getCollection, insertCollection, listCollections, updateCollection,
} from '../store/collections';
import { fileOut } from './file-out';
import { startJob } from './jobs';
import { collectionFile, exportableCollection } from './files';
import { transfers } from '../transfer/transfers';

type PieceChannel = 'pieces.list' | 'pieces.get' | 'pieces.save' | 'pieces.delete' | 'pieces.import' | 'pieces.proposals' | 'pieces.draftFromRecords'
  | 'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete' | 'collections.export';

export const pieceHandlers: HandlerMap<PieceChannel> = {
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
  // One Word file a call: the page sends a batch file by file, showing progress and each file's result.
  'pieces.import': async (a, { uploadId, kind, year }) => {
    const t = transfers(a);
    const upload = t.upload(uploadId, ['piece']);
    const imported = importPiece(a, await readPieceDocx(upload.fileName, t.bytes(uploadId, ['piece'])), { kind, year });
    t.discard(uploadId);
    return imported;
  },
  'pieces.proposals': (a, { year }) => caseProposals(a, year),
  'pieces.draftFromRecords': (a, { year, kind, sources }) => draftCases(a, year, kind, sources),
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
