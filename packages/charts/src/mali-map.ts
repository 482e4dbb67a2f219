/**
 * The map of Mali by region, as SVG path strings that the desk (SVG) and the PDF report
 * (pdfkit's `path()`) both draw. The boundaries are the vendored data file
 * data/mali-regions.json (SOURCE.md beside it), parsed once when the module loads.
 *
 * Projection: equirectangular with the longitudes scaled by cos(mean latitude), y pointing
 * down, coordinates rounded to 0.1 px (the whole map stays a few kilobytes of SVG).
 *
 * The file is older than the 2016 division: Ménaka and Taoudénit are drawn inside Gao and
 * Tombouctou. Each polygon therefore lists the place ids it shows (`placeIds`, the ids of
 * apps/server/src/places/seed-tree.ts); choropleth.ts says how values of folded places add up.
 */
import regionsJson from './data/mali-regions.json' with { type: 'json' };

type Ring = readonly (readonly [number, number])[];
type Feature = { readonly iso: string; readonly name: string; readonly rings: readonly Ring[] };

/** Which of our region-level place ids each polygon of the file shows (first: its own). */
export const MAP_PLACE_IDS: Readonly<Record<string, readonly string[]>> = {
  'ML-BA': ['district-bamako'],
  'ML-GO': ['region-gao', 'region-menaka'],
  'ML-KD': ['region-kidal'],
  'ML-KK': ['region-koulikoro'],
  'ML-KY': ['region-kayes'],
  'ML-MO': ['region-mopti'],
  'ML-SG': ['region-segou'],
  'ML-SK': ['region-sikasso'],
  'ML-TT': ['region-tombouctou', 'region-taoudenit'],
};

/** Place ids drawn inside another region's polygon (the caption names them). */
export const FOLDED_PLACE_IDS: readonly string[] = Object.values(MAP_PLACE_IDS).flatMap((ids) => ids.slice(1));

export type RegionShape = {
  readonly iso: string;
  readonly name: string;
  readonly placeIds: readonly string[];
  /** SVG path data; holes are separate rings: draw with fill-rule "evenodd". */
  readonly d: string;
  /** Where a label fits: the area centroid of the largest ring. */
  readonly label: { readonly x: number; readonly y: number };
};

export type MaliMap = { readonly width: number; readonly height: number; readonly shapes: readonly RegionShape[] };

function fail(what: string): never {
  throw new Error(`mali-regions.json: ${what}`);
}

function parseRing(value: unknown): Ring {
  if (!Array.isArray(value) || value.length < 4) fail('a ring needs at least 4 positions');
  return value.map((p: unknown) => {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') fail('a position must be [longitude, latitude]');
    const [lon, lat] = p as [number, number];
    if (lon < -13 || lon > 5 || lat < 10 || lat > 26) fail('a position lies outside Mali');
    return [lon, lat] as const;
  });
}

/** A small structural parser: the file is vendored, but a bad edit must fail loudly, not draw nonsense. */
function parseFeatures(json: unknown): Feature[] {
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0) fail('no features');
  return features.map((f: unknown) => {
    const { properties, geometry } = f as { properties?: { iso_3166_2?: unknown; name?: unknown }; geometry?: { type?: unknown; coordinates?: unknown } };
    const iso = properties?.iso_3166_2;
    const name = properties?.name;
    if (typeof iso !== 'string' || MAP_PLACE_IDS[iso] === undefined) fail(`unknown region code ${String(iso)}`);
    if (typeof name !== 'string' || name === '') fail(`${iso} has no name`);
    if (geometry?.type !== 'Polygon' || !Array.isArray(geometry.coordinates)) fail(`${iso} must be a Polygon`);
    return { iso, name, rings: geometry.coordinates.map(parseRing) };
  });
}

const FEATURES: readonly Feature[] = parseFeatures(regionsJson);

const ALL = FEATURES.flatMap((f) => f.rings.flat());
const BOUNDS = {
  west: Math.min(...ALL.map((p) => p[0])),
  east: Math.max(...ALL.map((p) => p[0])),
  south: Math.min(...ALL.map((p) => p[1])),
  north: Math.max(...ALL.map((p) => p[1])),
};
const COS_MEAN_LAT = Math.cos((((BOUNDS.south + BOUNDS.north) / 2) * Math.PI) / 180);

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Shoelace area and centroid of a projected ring. */
function centroid(points: readonly (readonly [number, number])[]): { area: number; x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const [x0, y0] = points[i] ?? [0, 0];
    const [x1, y1] = points[i + 1] ?? [0, 0];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area === 0) return { area: 0, x: points[0]?.[0] ?? 0, y: points[0]?.[1] ?? 0 };
  return { area: Math.abs(area / 2), x: cx / (3 * area), y: cy / (3 * area) };
}

function ringPath(points: readonly (readonly [number, number])[]): string {
  const parts: string[] = [];
  let last = '';
  for (const [x, y] of points) {
    const here = `${round1(x)} ${round1(y)}`;
    if (here === last) continue;
    parts.push(`${parts.length === 0 ? 'M' : 'L'}${here}`);
    last = here;
  }
  return `${parts.join('')}Z`;
}

const cache = new Map<number, MaliMap>();

/**
 * The regions projected into a box `width` px wide (height follows from the shape of Mali).
 * Results are cached per width: callers may treat them as constants.
 */
export function maliRegionShapes(width: number): MaliMap {
  if (!Number.isFinite(width) || width <= 0) throw new Error('maliRegionShapes: width must be a positive number');
  const cached = cache.get(width);
  if (cached !== undefined) return cached;
  const scale = width / ((BOUNDS.east - BOUNDS.west) * COS_MEAN_LAT);
  const height = round1((BOUNDS.north - BOUNDS.south) * scale);
  const project = ([lon, lat]: readonly [number, number]): [number, number] => [(lon - BOUNDS.west) * COS_MEAN_LAT * scale, (BOUNDS.north - lat) * scale];
  const shapes = FEATURES.map((f): RegionShape => {
    const rings = f.rings.map((ring) => ring.map(project));
    const largest = rings.map(centroid).reduce((a, b) => (b.area > a.area ? b : a));
    return { iso: f.iso, name: f.name, placeIds: MAP_PLACE_IDS[f.iso] ?? [], d: rings.map(ringPath).join(''), label: { x: round1(largest.x), y: round1(largest.y) } };
  });
  const map = { width, height, shapes };
  cache.set(width, map);
  return map;
}
