/**
 * The recording's clock: the running time the reporter sees, and the length cap that stops
 * the recorder by itself. A message is capped so that one file stays affordable to send on
 * 2G (10 minutes at 16 kbit/s is about 1.2 MB) and fits the server's per-file limit.
 */

export const MAX_RECORDING_MS = 10 * 60 * 1000;
/** The clock warns this long before the cap. */
export const NEAR_CAP_MS = 30 * 1000;
const TICK_MS = 250;

/** "m:ss" (or "h:mm:ss"), the way a phone's recorder shows time; never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export type ClockReading = {
  readonly elapsedMs: number;
  readonly remainingMs: number;
  readonly nearCap: boolean;
  readonly atCap: boolean;
};

export function readClock(elapsedMs: number, maxMs: number = MAX_RECORDING_MS): ClockReading {
  const elapsed = Math.min(Math.max(0, elapsedMs), maxMs);
  const remainingMs = maxMs - elapsed;
  return { elapsedMs: elapsed, remainingMs, nearCap: remainingMs <= NEAR_CAP_MS, atCap: remainingMs === 0 };
}

export type ClockOptions = {
  readonly maxMs?: number;
  /** Called about four times a second with the current reading. */
  readonly onTick: (reading: ClockReading) => void;
  /** Called once, when the cap is reached; the caller stops the recorder. */
  readonly onCap: () => void;
  readonly now?: () => number;
};

export type RunningClock = {
  /** Stops ticking (idempotent) and says how long it ran, capped. */
  readonly stop: () => number;
};

export function startClock(options: ClockOptions): RunningClock {
  const maxMs = options.maxMs ?? MAX_RECORDING_MS;
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  let stoppedAt: number | undefined;
  const elapsed = () => (stoppedAt ?? now()) - startedAt;

  const stop = (): number => {
    if (stoppedAt === undefined) {
      stoppedAt = now();
      clearInterval(ticker);
      clearTimeout(cap);
    }
    return readClock(elapsed(), maxMs).elapsedMs;
  };
  const ticker = setInterval(() => options.onTick(readClock(elapsed(), maxMs)), TICK_MS);
  const cap = setTimeout(() => {
    stop();
    options.onTick(readClock(maxMs, maxMs));
    options.onCap();
  }, maxMs);
  options.onTick(readClock(0, maxMs));
  return { stop };
}
