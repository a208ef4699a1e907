import type { HandlerMap } from './types';
import { moveToBin } from '../store/recycle';
import {
  getSupervisor, insertSupervisor, listSupervisors, supervisorAssignments, updateSupervisor,
} from '../store/supervisors';

export const supervisorHandlers: HandlerMap<'supervisors.list' | 'supervisors.get' | 'supervisors.save' | 'supervisors.delete'> = {
  'supervisors.list': (a, query) => listSupervisors(a, query),
  'supervisors.get': (a, { id }) => ({ supervisor: getSupervisor(a, id), assignments: supervisorAssignments(a, id) }),
  'supervisors.save': (a, { id, fields }) => {
    if (id) {
      updateSupervisor(a, id, fields);
      return getSupervisor(a, id);
    }
    return getSupervisor(a, insertSupervisor(a, fields));
  },
  'supervisors.delete': (a, { id }) => {
    // Assignments stay in place (hidden with the supervisor) so a restore brings them back too.
    const { name } = getSupervisor(a, id);
    return { recycleId: moveToBin(a, 'supervisor', id, name) };
  },
};
