import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_RECORDING_MS, NEAR_CAP_MS, formatClock, readClock, startClock } from './recording-clock.ts';
import type { ClockReading } from './recording-clock.ts';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [999, '0:00'],
    [1000, '0:01'],
    [59_999, '0:59'],
    [60_000, '1:00'],
    [MAX_RECORDING_MS, '10:00'],
    [3_723_000, '1:02:03'],
    [-5000, '0:00'],
  ])('%d ms is %s', (ms, shown) => {
    expect(formatClock(ms)).toBe(shown);
  });
});

describe('readClock', () => {
  it('counts down to the cap and never past it', () => {
    expect(readClock(1000, 10_000)).toEqual({ elapsedMs: 1000, remainingMs: 9000, nearCap: true, atCap: false });
    expect(readClock(12_000, 10_000)).toEqual({ elapsedMs: 10_000, remainingMs: 0, nearCap: true, atCap: true });
    expect(readClock(-1, 10_000).elapsedMs).toBe(0);
  });

  it('warns only in the last half-minute of the default cap', () => {
    expect(readClock(MAX_RECORDING_MS - NEAR_CAP_MS - 1).nearCap).toBe(false);
    expect(readClock(MAX_RECORDING_MS - NEAR_CAP_MS).nearCap).toBe(true);
    expect(readClock(MAX_RECORDING_MS - 1).atCap).toBe(false);
  });
});

describe('startClock', () => {
  let time = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    time = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function run(maxMs: number) {
    const readings: ClockReading[] = [];
    const onCap = vi.fn();
    const clock = startClock({ maxMs, onTick: (reading) => readings.push(reading), onCap, now: () => time });
    const advance = (ms: number) => {
      for (let step = 0; step < ms; step += 50) {
        time += 50;
        vi.advanceTimersByTime(50);
      }
    };
    return { readings, onCap, clock, advance };
  }

  it('ticks with the running time, then stops the recording at the cap exactly once', () => {
    const { readings, onCap, clock, advance } = run(2000);
    expect(readings[0]?.elapsedMs).toBe(0);
    advance(1000);
    expect(readings.at(-1)?.elapsedMs).toBe(1000);
    expect(onCap).not.toHaveBeenCalled();
    advance(1500);
    expect(onCap).toHaveBeenCalledTimes(1);
    expect(readings.at(-1)).toEqual({ elapsedMs: 2000, remainingMs: 0, nearCap: true, atCap: true });
    const count = readings.length;
    advance(2000);
    expect(readings.length).toBe(count); // no tick after the cap
    expect(clock.stop()).toBe(2000);
  });

  it('stops when told, never reaches the cap afterwards, and reports the time it ran', () => {
    const { readings, onCap, clock, advance } = run(10_000);
    advance(3200);
    expect(clock.stop()).toBe(3200);
    const count = readings.length;
    advance(20_000);
    expect(onCap).not.toHaveBeenCalled();
    expect(readings.length).toBe(count);
    expect(clock.stop()).toBe(3200); // idempotent
  });
});
