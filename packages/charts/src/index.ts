/**
 * Chart and map models shared by the desk (SVG), the public page and the PDF report (issue 5).
 * Pure TypeScript: no DOM, no node:*; renderers only scale and draw what these return.
 */
export { FOLDED_PLACE_IDS, MAP_PLACE_IDS, maliRegionShapes } from './mali-map.ts';
export type { MaliMap, RegionShape } from './mali-map.ts';
export {
  CLASS_COUNT,
  CLASS_FILLS,
  CLASS_KEYS,
  SUPPRESSED_FILL,
  VIEW_KINDS,
  ZERO_FILL,
  choropleth,
  classFor,
  legendClasses,
  niceCeil,
  polygonValues,
} from './choropleth.ts';
export type { Choropleth, ChoroplethOptions, ClassKey, LegendClass, ViewKind } from './choropleth.ts';
export { barChart, funnel, percent } from './bars.ts';
export type { BarChart, BarInput, BarOptions, BarRow, Funnel, FunnelInput, FunnelStepModel } from './bars.ts';
