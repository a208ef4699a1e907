import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const visitHandlers: HandlerMap<'visits.list' | 'visits.get' | 'visits.save' | 'visits.delete'> = {
  'visits.list': notYet,
  'visits.get': notYet,
  'visits.save': notYet,
  'visits.delete': notYet,
};
