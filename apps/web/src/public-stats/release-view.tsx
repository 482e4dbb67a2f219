/**
 * One period's released figures: the three totals, alerts by kind (bars with their figures),
 * by region (the map and its table), the months of a quarter or quarters of a year, and what
 * the figures mean. Every chart has its figures as text beside it (screen readers, printing).
 * SECURITY: cells are written as released: a suppressed one is "< threshold", never a guess.
 */
import { barChart } from '@kenekanko/charts';
import type { ReleasedPeriod, StatsRelease } from '@kenekanko/contracts';
import { t } from '../i18n/public-stats/catalogues.ts';
import { BarTable } from '../shared/charts/bar-table.tsx';
import { Cell, valueText } from './cell.tsx';
import { cellValue, childPeriods, mainPeriod, rowsForReading, tableOf, totalOf } from './figures.ts';
import { releaseUrl } from './load-release.ts';
import { kindLabel, periodLabel } from './names.ts';
import { RegionSection } from './region-section.tsx';

function Totals(props: { readonly period: ReleasedPeriod | undefined; readonly threshold: number }) {
  const items = [
    ['alerts', t('stats.total.alerts')],
    ['forwarded', t('stats.total.forwarded')],
    ['answered', t('stats.total.answered')],
  ] as const;
  return (
    <dl class="public-stats__totals">
      {items.map(([measure, label]) => (
        <div key={measure} class="public-stats__total" data-testid={`total-${measure}`}>
          <dt>{label}</dt>
          <dd>
            <Cell cell={totalOf(props.period, measure)} threshold={props.threshold} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ByKind(props: { readonly period: ReleasedPeriod | undefined; readonly threshold: number }) {
  const rows = rowsForReading(tableOf(props.period, 'alerts', 'kind'), (key) => kindLabel(key));
  return (
    <section class="panel" aria-labelledby="stats-by-kind">
      <h3 id="stats-by-kind">{t('stats.byKind')}</h3>
      <BarTable
        chart={barChart(rows.map((row) => ({ key: row.key, label: row.label, value: cellValue(row.cell) })))}
        caption={t('stats.byKind')}
        labelHeading={t('stats.column.kind')}
        valueHeading={t('stats.column.alerts')}
        valueText={(row) => valueText(row.value, props.threshold)}
        emptyText={t('stats.none')}
        testId="table-kind"
      />
    </section>
  );
}

function ByChildPeriod(props: { readonly release: StatsRelease }) {
  const children = childPeriods(props.release);
  if (children.length === 0) return null;
  const kind = children[0]?.kind === 'quarter' ? 'quarter' : 'month';
  const measures = ['alerts', 'forwarded', 'answered'] as const;
  return (
    <section class="panel" aria-labelledby="stats-by-child">
      <h3 id="stats-by-child">{kind === 'quarter' ? t('stats.byChild.quarter') : t('stats.byChild.month')}</h3>
      <table class="public-stats__table" data-testid="table-periods">
        <thead>
          <tr>
            <th scope="col">{t('stats.column.period')}</th>
            <th scope="col" class="public-stats__number">{t('stats.column.alerts')}</th>
            <th scope="col" class="public-stats__number">{t('stats.column.forwarded')}</th>
            <th scope="col" class="public-stats__number">{t('stats.column.answered')}</th>
          </tr>
        </thead>
        <tbody>
          {children.map((child) => (
            <tr key={child.period} data-key={child.period}>
              <th scope="row">{periodLabel(child.period)}</th>
              {measures.map((measure) => (
                <td key={measure} class="public-stats__number" data-measure={measure}>
                  <Cell cell={totalOf(child, measure)} threshold={props.release.threshold} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ReleaseView(props: { readonly release: StatsRelease }) {
  const { release } = props;
  const period = mainPeriod(release);
  const threshold = release.threshold;
  return (
    <div data-testid="stats-release" data-period={release.period}>
      <Totals period={period} threshold={threshold} />
      <ByKind period={period} threshold={threshold} />
      <RegionSection period={period} threshold={threshold} />
      <ByChildPeriod release={release} />
      <section class="public-stats__notes">
        <p>{t('stats.note.suppression', { threshold: String(threshold) })}</p>
        <p>{t('stats.note.counting')}</p>
        <p>{t('stats.note.computed', { month: periodLabel(release.computedMonth) })}</p>
        <p>
          <a href={releaseUrl(release.period)} data-testid="stats-json">
            {t('stats.data')}
          </a>
        </p>
      </section>
    </div>
  );
}
