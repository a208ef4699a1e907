import type { HandlerMap } from './types';
import { deleteBriefing, getBriefing, listBriefings, saveBriefing } from '../store/briefings/repository';
import { proposeBriefing } from '../store/briefings/drafting';
import { numberPlan } from '../store/briefings/numbering';
import { cancelCorrection, reopenBriefing } from '../store/briefings/corrections';
import { fileOut } from './file-out';
import { briefingFile, fileBeforeCorrectionOut, issueBriefing, reissueBriefing } from './files';

type BriefingChannel = 'briefings.list' | 'briefings.get' | 'briefings.propose' | 'briefings.save' | 'briefings.numbers' | 'briefings.issue'
  | 'briefings.reopen' | 'briefings.reissue' | 'briefings.cancelCorrection' | 'briefings.exportPrevious' | 'briefings.export' | 'briefings.delete';

export const briefingHandlers: HandlerMap<BriefingChannel> = {
  'briefings.list': (a) => listBriefings(a),
  'briefings.get': (a, { id }) => getBriefing(a, id),
  'briefings.propose': (a, { month }) => proposeBriefing(a, month),
  'briefings.save': (a, { id, fields }) => saveBriefing(a, id, fields),
  'briefings.numbers': (a, { id, issueDate, issueNo, totalNo }) => numberPlan(a, id, issueDate, { issueNo, totalNo }),
  'briefings.issue': (a, { id, issueDate, issueNo, totalNo }) => issueBriefing(a, id, issueDate, { issueNo, totalNo }),
  'briefings.reopen': (a, { id, reason }) => reopenBriefing(a, id, reason),
  'briefings.reissue': (a, { id }) => reissueBriefing(a, id),
  'briefings.cancelCorrection': (a, { id }) => cancelCorrection(a, id),
  'briefings.exportPrevious': (a, { correctionId }) => fileOut(a, fileBeforeCorrectionOut(a, correctionId)),
  'briefings.export': (a, { id }) => fileOut(a, briefingFile(a, id)),
  'briefings.delete': (a, { id }) => ({ recycleId: deleteBriefing(a, id) }),
};
