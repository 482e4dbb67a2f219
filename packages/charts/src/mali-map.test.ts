import { describe, expect, it } from 'vitest';
import { FOLDED_PLACE_IDS, MAP_PLACE_IDS, maliRegionShapes } from './mali-map.ts';

/** Every "x y" pair of a path. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const SEED_TOP_LEVEL = [
  'district-bamako', 'region-gao', 'region-kayes', 'region-kidal', 'region-koulikoro', 'region-menaka',
  'region-mopti', 'region-segou', 'region-sikasso', 'region-taoudenit', 'region-tombouctou',
];

describe('maliRegionShapes', () => {
  const map = maliRegionShapes(400);
  const byIso = new Map(map.shapes.map((s) => [s.iso, s]));

  it('draws the 9 polygons of the file, each with a non-empty closed path', () => {
    expect(map.shapes.map((s) => s.iso).sort()).toEqual(Object.keys(MAP_PLACE_IDS).sort());
    for (const shape of map.shapes) {
      expect(shape.d).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+)+Z/);
      expect(points(shape.d).length).toBeGreaterThan(3);
    }
  });

  it('keeps every point inside a tight box, rounded to 0.1 px', () => {
    expect(map.width).toBe(400);
    // Mali spans ~17° of longitude (at ~17.5°N) and ~15° of latitude: about as tall as wide.
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(420);
    const all = map.shapes.flatMap((s) => points(s.d));
    for (const [x, y] of all) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(400);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(map.height);
      expect(Math.round(x * 10) / 10).toBe(x);
    }
    // The box is tight: some point touches each edge.
    expect(Math.min(...all.map((p) => p[0]))).toBe(0);
    expect(Math.max(...all.map((p) => p[0]))).toBeCloseTo(400, 0);
    expect(Math.min(...all.map((p) => p[1]))).toBe(0);
  });

  it('puts places where they are: Bamako south-west of Tombouctou, Kayes west, Kidal north-east, Sikasso south', () => {
    const at = (iso: string): { x: number; y: number } => byIso.get(iso)?.label ?? { x: NaN, y: NaN };
    expect(at('ML-BA').x).toBeLessThan(at('ML-TT').x);
    expect(at('ML-BA').y).toBeGreaterThan(at('ML-TT').y);
    expect(at('ML-KY').x).toBeLessThan(at('ML-BA').x);
    expect(at('ML-KD').x).toBeGreaterThan(at('ML-MO').x);
    expect(at('ML-KD').y).toBeLessThan(at('ML-GO').y);
    for (const shape of map.shapes) expect(at('ML-SK').y).toBeGreaterThanOrEqual(shape.label.y);
  });

  it('places each label inside the map box', () => {
    for (const { label } of map.shapes) {
      expect(label.x).toBeGreaterThan(0);
      expect(label.x).toBeLessThan(map.width);
      expect(label.y).toBeGreaterThan(0);
      expect(label.y).toBeLessThan(map.height);
    }
  });

  it('keeps Bamako as a hole of Koulikoro (two rings, drawn with evenodd)', () => {
    expect(byIso.get('ML-KK')?.d.match(/M/g)).toHaveLength(2);
  });

  it('covers each of the seed\'s 11 top-level places exactly once, folding Ménaka and Taoudénit', () => {
    const shown = map.shapes.flatMap((s) => s.placeIds);
    expect([...shown].sort()).toEqual(SEED_TOP_LEVEL);
    expect(byIso.get('ML-GO')?.placeIds).toEqual(['region-gao', 'region-menaka']);
    expect(byIso.get('ML-TT')?.placeIds).toEqual(['region-tombouctou', 'region-taoudenit']);
    expect(FOLDED_PLACE_IDS).toEqual(['region-menaka', 'region-taoudenit']);
  });

  it('scales with the width and caches per width', () => {
    const small = maliRegionShapes(200);
    expect(small.height).toBeCloseTo(map.height / 2, 0);
    expect(maliRegionShapes(200)).toBe(small);
    expect(() => maliRegionShapes(0)).toThrow(/width/);
  });

  it('stays small: the whole map at 400 px is under 30 kB of path data', () => {
    expect(map.shapes.reduce((n, s) => n + s.d.length, 0)).toBeLessThan(30_000);
  });
});
