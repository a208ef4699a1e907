import type { HandlerMap } from './types';
import { dashboard } from '../archive/dashboard';
import { globalSearch } from '../archive/global-search';

export const dashboardHandlers: HandlerMap<'dashboard.get' | 'search.global'> = {
  'dashboard.get': (a, query) => dashboard(a, query),
  'search.global': (a, { q, limit }) => globalSearch(a, q, limit),
};
