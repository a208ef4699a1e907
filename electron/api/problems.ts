import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const problemHandlers: HandlerMap<'problems.list' | 'problems.get' | 'problems.save' | 'problems.transition' | 'problems.delete' | 'problems.exportLedger' | 'notices.list' | 'notices.get' | 'notices.issue' | 'notices.report' | 'notices.recheck'> = {
  'problems.list': notYet,
  'problems.get': notYet,
  'problems.save': notYet,
  'problems.transition': notYet,
  'problems.delete': notYet,
  'problems.exportLedger': notYet,
  'notices.list': notYet,
  'notices.get': notYet,
  'notices.issue': notYet,
  'notices.report': notYet,
  'notices.recheck': notYet,
};
