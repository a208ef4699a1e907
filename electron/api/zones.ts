import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const zoneHandlers: HandlerMap<'zones.list' | 'zones.get' | 'zones.save' | 'zones.delete' | 'zones.moveSchools'> = {
  'zones.list': notYet,
  'zones.get': notYet,
  'zones.save': notYet,
  'zones.delete': notYet,
  'zones.moveSchools': notYet,
};
