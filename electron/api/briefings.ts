import type { HandlerMap } from './types';
import { deleteBriefing, getBriefing, listBriefings, saveBriefing } from '../store/briefings/repository';
import { proposeBriefing } from '../store/briefings/drafting';
import { fileOut } from './file-out';
import { briefingFile, issueBriefing } from './files';

export const briefingHandlers: HandlerMap<'briefings.list' | 'briefings.get' | 'briefings.propose' | 'briefings.save' | 'briefings.issue' | 'briefings.export' | 'briefings.delete'> = {
  'briefings.list': (a) => listBriefings(a),
  'briefings.get': (a, { id }) => getBriefing(a, id),
  'briefings.propose': (a, { month }) => proposeBriefing(a, month),
  'briefings.save': (a, { id, fields }) => saveBriefing(a, id, fields),
  'briefings.issue': (a, { id, issueDate }) => issueBriefing(a, id, issueDate),
  'briefings.export': (a, { id }) => fileOut(a, briefingFile(a, id)),
  'briefings.delete': (a, { id }) => ({ recycleId: deleteBriefing(a, id) }),
};
