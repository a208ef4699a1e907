import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const chronicleHandlers: HandlerMap<'chronicle.list' | 'chronicle.candidates' | 'chronicle.save' | 'chronicle.delete' | 'chronicle.reject' | 'chronicle.export'> = {
  'chronicle.list': notYet,
  'chronicle.candidates': notYet,
  'chronicle.save': notYet,
  'chronicle.delete': notYet,
  'chronicle.reject': notYet,
  'chronicle.export': notYet,
};
