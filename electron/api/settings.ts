import type { HandlerMap } from './types';
import { getSettings, saveSettings } from '../store/settings';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.save'> = {
  'settings.get': (a) => getSettings(a),
  'settings.save': (a, input) => saveSettings(a, input),
};
