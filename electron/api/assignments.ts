import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const assignmentHandlers: HandlerMap<'assignments.save' | 'assignments.delete'> = {
  'assignments.save': notYet,
  'assignments.delete': notYet,
};
