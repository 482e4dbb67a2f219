/**
 * The map of Mali for released figures, drawn by the shared MaliMapView: each polygon filled
 * with the legend class of its published count (@kenekanko/charts: projection, classes, and
 * the folding rule for released views), suppressed polygons grey and hatched. The same figures
 * are in the table beside it. Loaded as its own chunk (region-section.tsx): the boundaries are
 * most of the page's weight, and on 2G the figures should not wait for them.
 */
import { choropleth, maliRegionShapes, polygonValues } from '@kenekanko/charts';
import type { ReleasedCell } from '@kenekanko/contracts';
import { formatNumber } from '../i18n/format.ts';
import { formats, t } from '../i18n/public-stats/catalogues.ts';
import { MaliMapView } from '../shared/charts/mali-map-view.tsx';

const MAP_WIDTH = 320;

export function RegionMap(props: { readonly cells: ReadonlyMap<string, ReleasedCell>; readonly threshold: number }) {
  const map = maliRegionShapes(MAP_WIDTH);
  // undefined: the place has no row in this period (polygonValues then decides, 'released').
  const valueOf = (placeId: string): number | null | undefined => {
    const cell = props.cells.get(placeId);
    return cell === undefined ? undefined : cell.suppressed ? null : cell.value;
  };
  const values = polygonValues(map.shapes, valueOf, 'released');
  const format = (n: number) => formatNumber(n, formats());
  const valueText = (value: number | null) => (value === null ? `< ${format(props.threshold)}` : format(value));
  return (
    <MaliMapView
      map={map}
      values={values}
      choropleth={choropleth(values, { threshold: props.threshold, format })}
      title={t('stats.map.title')}
      regionText={(shape, value) => t('stats.map.region', { region: shape.name, value: valueText(value) })}
      valueText={valueText}
      legendTitle={t('stats.map.legend')}
      caption={`${t('stats.map.suppressed', { threshold: String(props.threshold) })} ${t('stats.map.folded')}`}
      testId="region-map"
    />
  );
}
