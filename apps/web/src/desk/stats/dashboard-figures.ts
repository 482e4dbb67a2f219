/**
 * From the dashboard's answer (exact counts, GET /api/staff/stats/dashboard) to the chart
 * models of @kenekanko/charts: translated bar rows, the funnel, and the map of Mali with the
 * folded regions summed (internal view: exact counts, nothing suppressed). Pure, tested beside.
 */
import { barChart, choropleth, funnel, maliRegionShapes, polygonValues } from '@kenekanko/charts';
import type { BarChart, Choropleth, Funnel, MaliMap, RegionShape } from '@kenekanko/charts';
import type { Dashboard, FunnelStep, KeyedCount } from '@kenekanko/contracts';

export const MAP_WIDTH = 400;

/** Bar rows from keyed counts; `labelOf` translates closed-list keys, else the server's label stays. */
export function keyedBars(groups: readonly KeyedCount[], labelOf: (g: KeyedCount) => string = (g) => g.label, order: 'value' | 'input' = 'value'): BarChart {
  return barChart(groups.map((g) => ({ key: g.key, label: labelOf(g), value: g.count })), { order });
}

export function funnelOf(steps: Dashboard['funnel'], labelOf: (step: FunnelStep) => string): Funnel {
  return funnel(steps.map((s) => ({ key: s.step, label: labelOf(s.step), count: s.count })));
}

export type RegionMap = {
  readonly map: MaliMap;
  readonly values: ReadonlyMap<string, number | null>;
  readonly choropleth: Choropleth;
};

/** The map's polygons valued by the alerts of the places they show (Ménaka with Gao, Taoudénit with Tombouctou). */
export function regionMap(byRegion: readonly KeyedCount[], format: (n: number) => string): RegionMap {
  const map = maliRegionShapes(MAP_WIDTH);
  const counts = new Map(byRegion.map((g) => [g.key, g.count]));
  const values = polygonValues(map.shapes, (id) => counts.get(id), 'internal');
  return { map, values, choropleth: choropleth(values, { format }) };
}

/** Names of the places a polygon shows besides its own, for its tooltip ("Gao (avec Ménaka)"). */
export function foldedNames(shape: RegionShape, nameOf: (placeId: string) => string): string[] {
  return shape.placeIds.slice(1).map(nameOf);
}

/** Every month from the first to the last with alerts, in order, months without alerts as 0 (a time axis has no gaps). */
export function monthSeries(byMonth: readonly KeyedCount[]): KeyedCount[] {
  const keys = byMonth.map((g) => g.key).filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  const first = keys[0];
  const last = keys.at(-1);
  if (first === undefined || last === undefined) return [];
  const counts = new Map(byMonth.map((g) => [g.key, g.count]));
  const out: KeyedCount[] = [];
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (let key = first; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push({ key, label: key, count: counts.get(key) ?? 0 });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}
