import type { HandlerMap } from './types';
import { AppError } from '../../shared/result';

const notYet = () => { throw new AppError('internal', '此功能即将推出。'); };

export const calendarHandlers: HandlerMap<'calendars.list' | 'calendars.get' | 'calendars.save' | 'calendars.delete' | 'calendars.copy' | 'calendars.setTheme' | 'calendarItems.save' | 'calendarItems.delete' | 'calendarItems.move'> = {
  'calendars.list': notYet,
  'calendars.get': notYet,
  'calendars.save': notYet,
  'calendars.delete': notYet,
  'calendars.copy': notYet,
  'calendars.setTheme': notYet,
  'calendarItems.save': notYet,
  'calendarItems.delete': notYet,
  'calendarItems.move': notYet,
};
