import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const dashboardHandlers: HandlerMap<'dashboard.get' | 'search.global'> = {
  'dashboard.get': notYet,
  'search.global': notYet,
};
