import type { Archive } from './archive';

/** Fill an empty archive with the demo county (to be completed). Runs inside the caller's transaction. */
export function loadDemo(_a: Archive): void {
  // filled in by the demo-archive generator
}
