import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const documentHandlers: HandlerMap<'documents.notice' | 'documents.referral' | 'documents.calendar' | 'documents.statistics'> = {
  'documents.notice': notYet,
  'documents.referral': notYet,
  'documents.calendar': notYet,
  'documents.statistics': notYet,
};
