import { describe, expect, it } from 'vitest';
import { DISGUISE_PITCH_RATIO, GRAIN_SECONDS, pitchShiftCurves } from './voice-disguise.ts';

describe('pitchShiftCurves', () => {
  const rate = 48_000;
  const { ramp, fade, depthSeconds } = pitchShiftCurves(DISGUISE_PITCH_RATIO, rate);
  const n = ramp.length;

  it('spans one grain', () => {
    expect(n).toBe(GRAIN_SECONDS * rate);
    expect(fade.length).toBe(n);
  });

  it('moves the delay at the speed that gives the pitch ratio', () => {
    // Output pitch = 1 - d(delay)/dt; the delay is depth × ramp, the ramp rises by 1/n a sample.
    const slope = (depthSeconds * ((ramp[n - 1] ?? 0) - (ramp[0] ?? 0))) / ((n - 1) / rate);
    expect(1 - slope).toBeCloseTo(DISGUISE_PITCH_RATIO, 6);
    for (let i = 1; i < n; i++) expect(ramp[i]).toBeGreaterThan(ramp[i - 1] ?? 1);
  });

  it('raises the pitch with a falling delay', () => {
    const up = pitchShiftCurves(1.25, rate);
    const slope = (up.depthSeconds * ((up.ramp[n - 1] ?? 0) - (up.ramp[0] ?? 0))) / ((n - 1) / rate);
    expect(1 - slope).toBeCloseTo(1.25, 6);
  });

  it('silences each delay where its ramp jumps back, and keeps the power constant across the two', () => {
    expect(fade[0]).toBe(0);
    expect(fade[n - 1]).toBeLessThan(0.05); // one sample before the jump: below -25 dB
    for (let i = 0; i < n; i++) {
      const other = fade[(i + n / 2) % n] ?? 0;
      expect((fade[i] ?? 0) ** 2 + other ** 2).toBeCloseTo(1, 5);
    }
  });

  it('refuses a ratio that would not disguise or cannot be built', () => {
    for (const ratio of [1, 0, -0.5, 2, Number.NaN]) expect(() => pitchShiftCurves(ratio, rate)).toThrow(RangeError);
    expect(() => pitchShiftCurves(0.8, 10)).toThrow(RangeError);
  });
});
