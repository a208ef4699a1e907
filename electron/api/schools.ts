import type { HandlerMap } from './types';
import {
  deleteSchool, getSchool, insertSchool, listSchools, schoolBoard, schoolSupervisors, updateSchool,
} from '../store/schools';

export const schoolHandlers: HandlerMap<'schools.list' | 'schools.get' | 'schools.save' | 'schools.delete' | 'schools.board'> = {
  'schools.list': (a, query) => listSchools(a, query),
  'schools.get': (a, { id }) => ({ school: getSchool(a, id), supervisors: schoolSupervisors(a, id) }),
  'schools.save': (a, { id, fields }) => {
    if (id) {
      updateSchool(a, id, fields);
      return getSchool(a, id);
    }
    return getSchool(a, insertSchool(a, fields));
  },
  'schools.delete': (a, { id }) => ({ recycleId: deleteSchool(a, id) }),
  'schools.board': (a, { id }) => schoolBoard(a, id),
};
