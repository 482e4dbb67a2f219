import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_FILLS, SUPPRESSED_FILL, ZERO_FILL, choropleth, classFor, legendClasses, niceCeil, polygonValues } from './choropleth.ts';
import { maliRegionShapes } from './mali-map.ts';

describe('legend classes', () => {
  it('has zero, then 5 round classes of equal width that cover 1..max', () => {
    const classes = legendClasses(37);
    expect(classes.map((c) => c.text)).toEqual(['0', '1–10', '11–20', '21–30', '31–40', '41–50']);
    expect(classes[0]?.fill).toBe(ZERO_FILL);
    expect(classes.slice(1).map((c) => c.fill)).toEqual([...CLASS_FILLS]);
  });

  it('adds the suppressed class "< N" only in released views', () => {
    expect(legendClasses(12).some((c) => c.key === 'suppressed')).toBe(false);
    const released = legendClasses(12, { threshold: 5 });
    expect(released.at(-1)).toMatchObject({ key: 'suppressed', text: '< 5', fill: SUPPRESSED_FILL, pattern: 'hatch' });
  });

  it('formats bounds with the caller\'s number format', () => {
    const fr = new Intl.NumberFormat('fr');
    expect(legendClasses(40_000, { format: (n) => fr.format(n) })[1]?.text).toBe(`1–${fr.format(10_000)}`);
  });

  it('rounds steps to 1, 2 or 5 × 10^k', () => {
    expect([1, 1.4, 2, 3, 7.4, 10, 11, 250, 501].map(niceCeil)).toEqual([1, 2, 2, 5, 10, 10, 20, 500, 1000]);
  });

  it('keeps whole-number classes, every count inside one, when the largest value is small (a new platform)', () => {
    for (let max = 0; max <= 12; max++) {
      const classes = legendClasses(max);
      for (const c of classes) if (c.min !== null) expect(Number.isInteger(c.min) && Number.isInteger(c.max)).toBe(true);
      for (let n = 0; n <= max; n++) expect(() => classFor(n, classes)).not.toThrow();
    }
    expect(legendClasses(2).map((c) => c.text)).toEqual(['0', '1', '2', '3', '4', '5']);
  });

  it('is monotone and maps each count to the class holding it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2_000_000 }), { minLength: 1, maxLength: 30 }), (counts) => {
        const max = Math.max(...counts);
        const classes = legendClasses(max);
        const numeric = classes.filter((c) => c.min !== null);
        numeric.forEach((c, i) => {
          const next = numeric[i + 1];
          if (next !== undefined) expect(next.min).toBe((c.max ?? 0) + 1);
        });
        expect(numeric.at(-1)?.max).toBeGreaterThanOrEqual(max);
        for (const n of counts) {
          const c = classFor(n, classes);
          expect(n).toBeGreaterThanOrEqual(c.min ?? Infinity);
          expect(n).toBeLessThanOrEqual(c.max ?? -Infinity);
        }
        // A larger count never gets a lighter class.
        const sorted = [...counts].sort((a, b) => a - b);
        const rank = sorted.map((n) => classes.indexOf(classFor(n, classes)));
        expect([...rank].sort((a, b) => a - b)).toEqual(rank);
      }),
    );
  });

  it('gives the largest value the top class only when it fills it, and zero its own class', () => {
    const { classOf } = choropleth(new Map([['a', 0], ['b', 50], ['c', 9], ['d', null]]), { threshold: 5 });
    expect(classOf.get('a')?.key).toBe('zero');
    expect(classOf.get('b')?.key).toBe('c5');
    expect(classOf.get('c')?.key).toBe('c1');
    expect(classOf.get('d')?.key).toBe('suppressed');
    expect(() => choropleth(new Map([['a', -1]]))).toThrow(/counts/);
  });
});

describe('polygonValues (folding Ménaka into Gao, Taoudénit into Tombouctou)', () => {
  const { shapes } = maliRegionShapes(300);
  const counts: Record<string, number | null> = { 'region-gao': 12, 'region-menaka': 3, 'region-tombouctou': 8, 'region-taoudenit': 6, 'district-bamako': 40 };

  it('sums folded places on the internal dashboard', () => {
    const values = polygonValues(shapes, (id) => counts[id] ?? undefined, 'internal');
    expect(values.get('ML-GO')).toBe(15);
    expect(values.get('ML-TT')).toBe(14);
    expect(values.get('ML-BA')).toBe(40);
    expect(values.get('ML-KD')).toBe(0);
  });

  it('suppresses a released polygon when one of its places is suppressed', () => {
    const released: Record<string, number | null> = { ...counts, 'region-menaka': null, 'region-kidal': null, 'region-kayes': 0 };
    const values = polygonValues(shapes, (id) => (id in released ? released[id] : undefined), 'released');
    expect(values.get('ML-GO')).toBeNull();
    expect(values.get('ML-KD')).toBeNull();
    expect(values.get('ML-TT')).toBe(14);
    expect(values.get('ML-KY')).toBe(0);
    // Nothing published for Mopti at all: unknown, not zero.
    expect(values.get('ML-MO')).toBeNull();
  });

  it('never lets a released polygon minus its published places reveal a suppressed place (property)', () => {
    const ids = shapes.flatMap((s) => s.placeIds);
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat({ max: 100 }), { nil: null }), { minLength: ids.length, maxLength: ids.length }), (cells) => {
        const cellOf = new Map(ids.map((id, i) => [id, cells[i] ?? null]));
        const values = polygonValues(shapes, (id) => cellOf.get(id), 'released');
        for (const shape of shapes) {
          const hidden = shape.placeIds.some((id) => cellOf.get(id) === null);
          if (hidden) expect(values.get(shape.iso)).toBeNull();
          else expect(values.get(shape.iso)).toBe(shape.placeIds.reduce((n, id) => n + (cellOf.get(id) ?? 0), 0));
        }
      }),
    );
  });
});
