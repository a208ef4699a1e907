import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const excelHandlers: HandlerMap<'excel.previewImport' | 'excel.commitImport' | 'excel.exportRoster' | 'excel.template'> = {
  'excel.previewImport': notYet,
  'excel.commitImport': notYet,
  'excel.exportRoster': notYet,
  'excel.template': notYet,
};
