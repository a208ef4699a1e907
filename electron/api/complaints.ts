import type { HandlerMap } from './types';
import {
  complaintProblems, deleteComplaint, getComplaint, insertComplaint, listComplaints, updateComplaint,
} from '../store/complaints';

// Problems are raised from a complaint through 'problems.save' with source 应访督导 and complaintId.
export const complaintHandlers: HandlerMap<'complaints.list' | 'complaints.get' | 'complaints.save' | 'complaints.delete'> = {
  'complaints.list': (a, query) => listComplaints(a, query),
  'complaints.get': (a, { id }) => ({ complaint: getComplaint(a, id), problems: complaintProblems(a, id) }),
  'complaints.save': (a, { id, fields }) => {
    if (id) {
      updateComplaint(a, id, fields);
      return getComplaint(a, id);
    }
    return getComplaint(a, insertComplaint(a, fields));
  },
  'complaints.delete': (a, { id }) => ({ recycleId: deleteComplaint(a, id) }),
};
