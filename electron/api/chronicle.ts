import type { HandlerMap } from './types';
import {
  chronicleCandidates, deleteChronicle, exportChronicle, listChronicle, rejectCandidate, saveChronicle,
} from '../store/chronicle';

export const chronicleHandlers: HandlerMap<'chronicle.list' | 'chronicle.candidates' | 'chronicle.save' | 'chronicle.delete' | 'chronicle.reject' | 'chronicle.export'> = {
  'chronicle.list': (a, { year }) => listChronicle(a, year),
  'chronicle.candidates': (a, { year }) => chronicleCandidates(a, year),
  'chronicle.save': (a, { id, fields }) => saveChronicle(a, id, fields),
  'chronicle.delete': (a, { id }) => ({ recycleId: deleteChronicle(a, id) }),
  'chronicle.reject': (a, { year, sourceKind, sourceId }) => {
    rejectCandidate(a, year, sourceKind, sourceId);
    return { rejected: true };
  },
  'chronicle.export': async (a, { year, form }) => {
    const { fileName, bytes } = await exportChronicle(a, year, form);
    return { fileName, data: bytes.toString('base64') };
  },
};
