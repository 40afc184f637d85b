export interface CVBits {
  id: string;
  status: string;
  analysis?: unknown;
}

export interface CVSummary<T extends CVBits> {
  /** The newest CV whose analysis succeeded: its score is the one to show. */
  good: T | null;
  /** The newest failed upload, when it is newer than `good` (a failure never hides a good analysis). */
  failed: T | null;
  /** The newest CV still being analysed, when it is newer than `good`. */
  running: T | null;
}

/** Reads the user's CVs (newest first) for the dashboard. */
export function summarizeCVs<T extends CVBits>(cvs: readonly T[]): CVSummary<T> {
  const goodAt = cvs.findIndex((c) => c.status === 'DONE' && c.analysis != null);
  const newer = goodAt < 0 ? cvs : cvs.slice(0, goodAt);
  return {
    good: cvs[goodAt] ?? null,
    failed: newer.find((c) => c.status === 'FAILED') ?? null,
    running: newer.find((c) => c.status !== 'FAILED' && c.status !== 'DONE') ?? null,
  };
}
