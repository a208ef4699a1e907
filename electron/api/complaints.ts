import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const complaintHandlers: HandlerMap<'complaints.list' | 'complaints.get' | 'complaints.save' | 'complaints.delete'> = {
  'complaints.list': notYet,
  'complaints.get': notYet,
  'complaints.save': notYet,
  'complaints.delete': notYet,
};
