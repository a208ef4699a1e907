import type { HandlerMap } from './types';
import {
  chronicleCandidates, deleteChronicle, listChronicle, rejectCandidate, saveChronicle,
} from '../store/chronicle';
import { fileOut } from './file-out';
import { chronicleFile } from './files';

export const chronicleHandlers: HandlerMap<'chronicle.list' | 'chronicle.candidates' | 'chronicle.save' | 'chronicle.delete' | 'chronicle.reject' | 'chronicle.export'> = {
  'chronicle.list': (a, { year }) => listChronicle(a, year),
  'chronicle.candidates': (a, { year }) => chronicleCandidates(a, year),
  'chronicle.save': (a, { id, fields }) => saveChronicle(a, id, fields),
  'chronicle.delete': (a, { id }) => ({ recycleId: deleteChronicle(a, id) }),
  'chronicle.reject': (a, { year, sourceKind, sourceId }) => {
    rejectCandidate(a, year, sourceKind, sourceId);
    return { rejected: true };
  },
  'chronicle.export': (a, { year, form }) => fileOut(a, chronicleFile(a, year, form)),
};
