import type { HandlerMap } from './types';
import {
  deleteBriefing, exportBriefing, getBriefing, issueBriefing, listBriefings, proposeBriefing, saveBriefing,
} from '../store/briefings';

export const briefingHandlers: HandlerMap<'briefings.list' | 'briefings.get' | 'briefings.propose' | 'briefings.save' | 'briefings.issue' | 'briefings.export' | 'briefings.delete'> = {
  'briefings.list': (a) => listBriefings(a),
  'briefings.get': (a, { id }) => getBriefing(a, id),
  'briefings.propose': (a, { month }) => proposeBriefing(a, month),
  'briefings.save': (a, { id, fields }) => saveBriefing(a, id, fields),
  'briefings.issue': (a, { id, issueDate }) => issueBriefing(a, id, issueDate),
  'briefings.export': async (a, { id }) => {
    const { fileName, bytes } = await exportBriefing(a, id);
    return { fileName, data: bytes.toString('base64') };
  },
  'briefings.delete': (a, { id }) => ({ recycleId: deleteBriefing(a, id) }),
};
