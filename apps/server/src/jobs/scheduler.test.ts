import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSilentLogger } from '../logging/logger.ts';
import type { LogFields, Logger } from '../logging/logger.ts';
import { startPeriodicJob } from './scheduler.ts';

describe('startPeriodicJob', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once and then every interval, never two runs at the same time', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const job = startPeriodicJob(
      'test',
      () => {
        runs += 1;
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      createSilentLogger(),
      1000,
    );
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(runs).toBe(1); // the first run is still going
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    release();
    await job.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(2);
  });

  it('logs a failed run by job name and keeps going', async () => {
    const errors: LogFields[] = [];
    const logger: Logger = { ...createSilentLogger(), error: (_msg, fields) => errors.push(fields ?? {}) };
    let runs = 0;
    const job = startPeriodicJob(
      'cleanup',
      async () => {
        runs += 1;
        throw new Error('disk full');
      },
      logger,
      1000,
    );
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(2);
    expect(errors[0]).toMatchObject({ job: 'cleanup' });
    await job.stop();
  });
});
