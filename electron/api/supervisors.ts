import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const supervisorHandlers: HandlerMap<'supervisors.list' | 'supervisors.get' | 'supervisors.save' | 'supervisors.delete'> = {
  'supervisors.list': notYet,
  'supervisors.get': notYet,
  'supervisors.save': notYet,
  'supervisors.delete': notYet,
};
