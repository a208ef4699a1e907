/**
 * How long work says how far it is and learns that it should stop (electron/api/jobs.ts's Job is one):
 * a step's text and the part of the whole it fills, progress within it, and check(), which throws once
 * the user asked to stop. Work calls check() only where stopping leaves nothing half-done behind.
 */
export interface Progress {
  stage(text: string, from: number, to: number): void;
  progress(done: number, total: number, detail?: string): void;
  check(): void;
}

/** For callers that follow nothing (tests, the year package's own ledger). */
export const noProgress: Progress = { stage() {}, progress() {}, check() {} };
