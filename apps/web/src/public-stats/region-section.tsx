/**
 * Alerts by region: the map of Mali coloured by the released counts, its legend, and the same
 * figures as a table. A polygon that shows several places (Ménaka inside Gao, Taoudénit inside
 * Tombouctou) is a number only when all of them are published (polygonValues, 'released').
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { barChart } from '@kenekanko/charts';
import type { ReleasedCell, ReleasedPeriod } from '@kenekanko/contracts';
import { t } from '../i18n/public-stats/catalogues.ts';
import { BarTable } from '../shared/charts/bar-table.tsx';
import { valueText } from './cell.tsx';
import { cellValue, cellsByKey, rowsForReading, tableOf } from './figures.ts';

type MapProps = { readonly cells: ReadonlyMap<string, ReleasedCell>; readonly threshold: number };

let mapModule: Promise<FunctionComponent<MapProps>> | null = null;
/** The map's chunk, fetched once; on failure the table alone stays (and the next render tries again). */
function loadMap(): Promise<FunctionComponent<MapProps>> {
  mapModule ??= import('./region-map.tsx').then((m) => m.RegionMap);
  mapModule.catch(() => (mapModule = null));
  return mapModule;
}

function LazyMap(props: MapProps) {
  const [Map, setMap] = useState<FunctionComponent<MapProps> | null>(null);
  useEffect(() => {
    let current = true;
    loadMap().then((component) => current && setMap(() => component), () => undefined);
    return () => {
      current = false;
    };
  }, []);
  return Map === null ? <div class="public-stats__map-slot" /> : <Map {...props} />;
}

export function RegionSection(props: { readonly period: ReleasedPeriod | undefined; readonly threshold: number }) {
  const table = tableOf(props.period, 'alerts', 'region');
  const cells = cellsByKey(table);
  const rows = rowsForReading(table, (_key, label) => label);
  return (
    <section class="panel" aria-labelledby="stats-by-region">
      <h3 id="stats-by-region">{t('stats.byRegion')}</h3>
      <LazyMap cells={cells} threshold={props.threshold} />
      <BarTable
        chart={barChart(rows.map((row) => ({ key: row.key, label: row.label, value: cellValue(row.cell) })))}
        caption={t('stats.byRegion')}
        labelHeading={t('stats.column.region')}
        valueHeading={t('stats.column.alerts')}
        valueText={(row) => valueText(row.value, props.threshold)}
        emptyText={t('stats.none')}
        testId="table-region"
      />
    </section>
  );
}
