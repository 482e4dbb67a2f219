/**
 * Choropleth model: from a value per map polygon to a fill colour and a legend, the same for
 * the desk's SVG, the public page and the PDF report.
 *
 * Classes: zero has its own very light class; counts from 1 fall in 5 classes of equal, round
 * width (1–10, 11–20, …); a suppressed value (`null`) has its own grey with a hatch pattern
 * and the text "< N". The palette is ColorBrewer "Blues" (sequential, single hue): readable
 * by colour-blind readers and in greyscale print.
 *
 * Folded polygons (map polygons that show several places, see mali-map.ts): on the internal
 * dashboard (exact counts) a polygon's value is the sum of its places; in anything released
 * SECURITY: a polygon is a number only when every place it contains is published, otherwise
 * it is suppressed — adding a suppressed Ménaka into Gao would let a reader subtract the
 * published Gao from the polygon and recover Ménaka.
 */
import type { RegionShape } from './mali-map.ts';

export const ZERO_FILL = '#eff3ff';
export const CLASS_FILLS = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const SUPPRESSED_FILL = '#bdbdbd';
export const CLASS_COUNT = CLASS_FILLS.length;

export const CLASS_KEYS = ['zero', 'c1', 'c2', 'c3', 'c4', 'c5', 'suppressed'] as const;
export type ClassKey = (typeof CLASS_KEYS)[number];

export type LegendClass = {
  readonly key: ClassKey;
  readonly fill: string;
  /** Inclusive bounds of the class; null for the suppressed class. */
  readonly min: number | null;
  readonly max: number | null;
  /** "0", "1–10", "< 5" (numbers through the caller's `format`). */
  readonly text: string;
  /** Suppressed cells are also hatched, so they never read as "a little". */
  readonly pattern: 'hatch' | null;
};

export type Choropleth = {
  readonly classes: readonly LegendClass[];
  /** Class of each polygon key given in `values`. */
  readonly classOf: ReadonlyMap<string, LegendClass>;
};

export type ChoroplethOptions = {
  /** Released views: the suppression threshold (legend "< N"). Omit on the internal dashboard. */
  readonly threshold?: number;
  readonly format?: (n: number) => string;
};

/** The smallest of 1, 2, 5 × 10^k that is ≥ `n` (n ≥ 1). */
export function niceCeil(n: number): number {
  const exponent = Math.floor(Math.log10(n));
  for (const exp of [exponent, exponent + 1]) {
    for (const m of [1, 2, 5]) {
      const candidate = m * 10 ** exp;
      if (candidate >= n) return candidate;
    }
  }
  return 10 ** (exponent + 1);
}

/** Legend classes for a largest value `max`: zero, 5 round classes, and suppressed when released. */
export function legendClasses(max: number, options: ChoroplethOptions = {}): LegendClass[] {
  const format = options.format ?? String;
  // Counts are whole: a class is at least one count wide, however small the largest value.
  const step = Math.max(1, niceCeil(Math.max(1, max) / CLASS_COUNT));
  const classes: LegendClass[] = [{ key: 'zero', fill: ZERO_FILL, min: 0, max: 0, text: format(0), pattern: null }];
  CLASS_FILLS.forEach((fill, i) => {
    const lo = i * step + 1;
    const hi = (i + 1) * step;
    const key = CLASS_KEYS[i + 1] ?? 'c5';
    classes.push({ key, fill, min: lo, max: hi, text: lo === hi ? format(lo) : `${format(lo)}–${format(hi)}`, pattern: null });
  });
  const suppressedText = options.threshold === undefined ? '—' : `< ${format(options.threshold)}`;
  if (options.threshold !== undefined) classes.push({ key: 'suppressed', fill: SUPPRESSED_FILL, min: null, max: null, text: suppressedText, pattern: 'hatch' });
  return classes;
}

const SUPPRESSED_ONLY: LegendClass = { key: 'suppressed', fill: SUPPRESSED_FILL, min: null, max: null, text: '—', pattern: 'hatch' };

/** The class holding `value` (null: the suppressed class). */
export function classFor(value: number | null, classes: readonly LegendClass[]): LegendClass {
  if (value === null) return classes.find((c) => c.key === 'suppressed') ?? SUPPRESSED_ONLY;
  const found = classes.find((c) => c.min !== null && c.max !== null && value >= c.min && value <= c.max);
  if (found === undefined) throw new Error(`classFor: ${value} is outside the legend`);
  return found;
}

/** Classes and per-key class for a set of values (numbers, or null = suppressed / unknown). */
export function choropleth(values: ReadonlyMap<string, number | null>, options: ChoroplethOptions = {}): Choropleth {
  for (const value of values.values()) {
    if (value !== null && (!Number.isInteger(value) || value < 0)) throw new Error('choropleth: values must be whole counts ≥ 0');
  }
  const max = Math.max(0, ...[...values.values()].filter((v): v is number => v !== null));
  const classes = legendClasses(max, options);
  const classOf = new Map([...values].map(([key, value]) => [key, classFor(value, classes)] as const));
  return { classes, classOf };
}

export const VIEW_KINDS = ['internal', 'released'] as const;
export type ViewKind = (typeof VIEW_KINDS)[number];

/**
 * The value of each polygon (keyed by its ISO code) from values per place id.
 * `valueOf(placeId)`: a count; `null` when the place's cell is suppressed; `undefined` when the
 * place has no row (internal: no alert; released: the place did not exist in the period, a
 * structural zero everyone knows).
 * Internal: the sum of the places (exact counts have no null).
 * Released: a number (the sum) only when every place of the polygon is published; null when
 * one of them is suppressed, or when none of them has a row (nothing was published for it).
 */
export function polygonValues(shapes: readonly RegionShape[], valueOf: (placeId: string) => number | null | undefined, view: ViewKind): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const shape of shapes) {
    const values = shape.placeIds.map(valueOf);
    if (values.some((v) => v === null)) {
      // SECURITY: released — one hidden place hides the whole polygon (no subtraction).
      out.set(shape.iso, null);
      continue;
    }
    const sum = values.reduce<number>((n, v) => n + (v ?? 0), 0);
    out.set(shape.iso, view === 'released' && values.every((v) => v === undefined) ? null : sum);
  }
  return out;
}
