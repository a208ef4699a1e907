import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const schoolHandlers: HandlerMap<'schools.list' | 'schools.get' | 'schools.save' | 'schools.delete' | 'schools.board'> = {
  'schools.list': notYet,
  'schools.get': notYet,
  'schools.save': notYet,
  'schools.delete': notYet,
  'schools.board': notYet,
};
