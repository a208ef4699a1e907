import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const pieceHandlers: HandlerMap<'pieces.list' | 'pieces.get' | 'pieces.save' | 'pieces.delete' | 'collections.list' | 'collections.get' | 'collections.save' | 'collections.delete' | 'collections.export'> = {
  'pieces.list': notYet,
  'pieces.get': notYet,
  'pieces.save': notYet,
  'pieces.delete': notYet,
  'collections.list': notYet,
  'collections.get': notYet,
  'collections.save': notYet,
  'collections.delete': notYet,
  'collections.export': notYet,
};
