import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const briefingHandlers: HandlerMap<'briefings.list' | 'briefings.get' | 'briefings.propose' | 'briefings.save' | 'briefings.issue' | 'briefings.export' | 'briefings.delete'> = {
  'briefings.list': notYet,
  'briefings.get': notYet,
  'briefings.propose': notYet,
  'briefings.save': notYet,
  'briefings.issue': notYet,
  'briefings.export': notYet,
  'briefings.delete': notYet,
};
