import type { HandlerMap } from './types';
import { fileOut } from './file-out';
import { campaignOpinionFile, campaignReportFile, fourListsFile, unitLetterFile } from './files';
import { draftReport } from '../store/campaigns/drafting';
import { fourLists } from '../store/campaigns/four-lists';
import {
  campaignBoard, campaignDetail, closeCampaign, deleteCampaign, getCampaign, listCampaigns, saveCampaign, saveCampaignSchool, saveReport,
} from '../store/campaigns/repository';
import { deleteEscalation, getEscalation, listEscalations, saveEscalation } from '../store/escalations';
import { deleteFollowup, getFollowup, listFollowups, recordFollowup, scheduleCampaignFollowups, scheduleFollowups } from '../store/followups';
import { deleteUnit, getUnit, listUnits, saveUnit } from '../store/units';

// 专项督导, 督政 (units and their letters), the 四清单, 回头看, 约谈 and 通报.
export const campaignHandlers: HandlerMap<'units.list' | 'units.save' | 'units.delete'
  | 'campaigns.list' | 'campaigns.get' | 'campaigns.save' | 'campaigns.delete' | 'campaigns.saveSchool' | 'campaigns.close'
  | 'campaigns.draftReport' | 'campaigns.saveReport' | 'campaigns.exportReport' | 'campaigns.exportOpinion' | 'campaigns.scheduleFollowups'
  | 'campaigns.board' | 'fourLists.get' | 'fourLists.export' | 'documents.unitLetter'
  | 'followups.list' | 'followups.schedule' | 'followups.record' | 'followups.delete'
  | 'escalations.list' | 'escalations.save' | 'escalations.delete'> = {
  'units.list': (a) => listUnits(a),
  'units.save': (a, { id, fields }) => getUnit(a, saveUnit(a, id, fields)),
  'units.delete': (a, { id }) => ({ recycleId: deleteUnit(a, id) }),

  'campaigns.list': (a, q) => listCampaigns(a, q),
  'campaigns.get': (a, { id }) => campaignDetail(a, id),
  'campaigns.save': (a, { id, fields }) => getCampaign(a, saveCampaign(a, id, fields)),
  'campaigns.delete': (a, { id }) => ({ recycleId: deleteCampaign(a, id) }),
  'campaigns.saveSchool': (a, input) => {
    saveCampaignSchool(a, input);
    return campaignDetail(a, input.id);
  },
  'campaigns.close': (a, { id, closed }) => {
    closeCampaign(a, id, closed);
    return getCampaign(a, id);
  },
  'campaigns.draftReport': (a, { id }) => draftReport(a, id),
  'campaigns.saveReport': (a, input) => {
    saveReport(a, input);
    return getCampaign(a, input.id);
  },
  'campaigns.exportReport': (a, { id }) => fileOut(a, campaignReportFile(a, id)),
  'campaigns.exportOpinion': (a, { id, schoolId }) => fileOut(a, campaignOpinionFile(a, id, schoolId)),
  'campaigns.scheduleFollowups': (a, { id, dueDate }) => ({ scheduled: scheduleCampaignFollowups(a, id, dueDate) }),
  'campaigns.board': (a) => campaignBoard(a),
  'fourLists.get': (a, q) => fourLists(a, q),
  'fourLists.export': (a, q) => fileOut(a, fourListsFile(a, q)),
  'documents.unitLetter': (a, input) => fileOut(a, unitLetterFile(a, input)),

  'followups.list': (a, q) => listFollowups(a, q),
  'followups.schedule': (a, { problemIds, dueDate }) => ({ scheduled: scheduleFollowups(a, problemIds, dueDate) }),
  'followups.record': (a, input) => {
    recordFollowup(a, input);
    return getFollowup(a, input.id);
  },
  'followups.delete': (a, { id }) => ({ recycleId: deleteFollowup(a, id) }),
  'escalations.list': (a, q) => listEscalations(a, q),
  'escalations.save': (a, { id, fields }) => getEscalation(a, saveEscalation(a, id, fields)),
  'escalations.delete': (a, { id }) => ({ recycleId: deleteEscalation(a, id) }),
};
