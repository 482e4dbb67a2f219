/** Background jobs: the periodic clean-up of abandoned uploads, sessions and spent challenges. */
export { runCleanup } from './expire-uploads.ts';
export type { CleanupResult, ExpiryRepo } from './expire-uploads.ts';
export { startPeriodicJob, CLEANUP_INTERVAL_MS } from './scheduler.ts';
export type { JobHandle } from './scheduler.ts';
