import type { HandlerMap } from './types';
import { deleteAssignment, insertAssignment } from '../store/assignments';

export const assignmentHandlers: HandlerMap<'assignments.save' | 'assignments.delete'> = {
  'assignments.save': (a, input) => insertAssignment(a, input),
  'assignments.delete': (a, { id }) => ({ recycleId: deleteAssignment(a, id) }),
};
