/**
 * Runs the clean-up every few minutes in this process. Several server processes may each run
 * it: every deletion re-checks its condition, so overlapping runs are harmless.
 */
import type { Logger } from '../logging/logger.ts';

export const CLEANUP_INTERVAL_MS = 5 * 60_000;

export type JobHandle = { stop(): Promise<void> };

export function startPeriodicJob(name: string, run: () => Promise<unknown>, logger: Logger, intervalMs = CLEANUP_INTERVAL_MS): JobHandle {
  let running: Promise<void> | undefined;
  const tick = (): void => {
    if (running !== undefined) return; // never overlap a slow run with the next one
    running = run()
      .then(() => undefined)
      .catch((err: unknown) => logger.error('job failed', { job: name, err }))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
