import { z } from 'zod';
import { ASSIGNMENT_ROLES } from '../vocab';
import { id, oneOf } from './common';

export const assignmentSave = z.object({
  schoolId: id,
  supervisorId: id,
  role: oneOf(ASSIGNMENT_ROLES, '挂牌角色'),
});

export interface Assignment {
  id: number;
  schoolId: number;
  supervisorId: number;
  role: string;
}
