import type { HandlerMap } from './types';
import {
  acceptCandidates, chronicleCandidates, deleteChronicle, listChronicle, rejectCandidate, rejectCandidates, saveChronicle, undoCandidates,
} from '../store/chronicle';
import { fileOut } from './file-out';
import { chronicleFile } from './files';

type ChronicleChannel = 'chronicle.list' | 'chronicle.candidates' | 'chronicle.save' | 'chronicle.delete' | 'chronicle.reject'
  | 'chronicle.acceptMany' | 'chronicle.rejectMany' | 'chronicle.undo' | 'chronicle.export';

export const chronicleHandlers: HandlerMap<ChronicleChannel> = {
  'chronicle.list': (a, { year }) => listChronicle(a, year),
  'chronicle.candidates': (a, { year }) => chronicleCandidates(a, year),
  'chronicle.save': (a, { id, fields }) => saveChronicle(a, id, fields),
  'chronicle.delete': (a, { id }) => ({ recycleId: deleteChronicle(a, id) }),
  'chronicle.reject': (a, { year, sourceKind, sourceId }) => {
    rejectCandidate(a, year, sourceKind, sourceId);
    return { rejected: true };
  },
  'chronicle.acceptMany': (a, { year, candidates }) => acceptCandidates(a, year, candidates),
  'chronicle.rejectMany': (a, { year, candidates }) => rejectCandidates(a, year, candidates),
  'chronicle.undo': (a, { year, entryIds, rejected }) => undoCandidates(a, year, entryIds, rejected),
  'chronicle.export': (a, { year, form }) => fileOut(a, chronicleFile(a, year, form)),
};
