import type { HandlerMap } from './types';
import { deleteVisit, getVisit, listVisits, saveVisit } from '../store/visits';
import { problemsOfVisit } from '../store/problems/queries';

export const visitHandlers: HandlerMap<'visits.list' | 'visits.get' | 'visits.save' | 'visits.delete'> = {
  'visits.list': (a, query) => listVisits(a, query),
  'visits.get': (a, { id }) => ({ visit: getVisit(a, id), problems: problemsOfVisit(a, id) }),
  'visits.save': (a, { id, fields, newProblems }) => getVisit(a, saveVisit(a, id, fields, newProblems)),
  'visits.delete': (a, { id }) => ({ recycleId: deleteVisit(a, id) }),
};
