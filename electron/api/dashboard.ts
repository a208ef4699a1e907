import type { HandlerMap } from './types';
import { dashboard } from '../store/dashboard';
import { globalSearch } from '../store/global-search';

export const dashboardHandlers: HandlerMap<'dashboard.get' | 'search.global'> = {
  'dashboard.get': (a, query) => dashboard(a, query),
  'search.global': (a, { q, limit }) => globalSearch(a, q, limit),
};
