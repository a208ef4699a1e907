import type { HandlerMap } from './types';
import { cancelJob, jobState } from './jobs';

export const jobHandlers: HandlerMap<'jobs.get' | 'jobs.cancel'> = {
  'jobs.get': (a, { jobId }) => jobState(a, jobId),
  'jobs.cancel': (a, { jobId }) => cancelJob(a, jobId),
};
