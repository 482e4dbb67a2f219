/**
 * The blocks of the coordinators' dashboard, each a chart with its figures as text: the
 * follow-up funnel and the times, the map of Mali with its table, kinds, organisations and
 * authorities, months, and what is overdue. Exact counts (internal view, DESIGN §2: built
 * from workflow and statistics fields only, nothing decrypted).
 */
import { ALERT_STATES, WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { Dashboard, Duration, KeyedCount } from '@kenekanko/contracts';
import { percent } from '@kenekanko/charts';
import type { BarRow } from '@kenekanko/charts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import type { DeskMessageKey } from '../../i18n/desk/catalogues.ts';
import { BarTable } from '../../shared/charts/bar-table.tsx';
import { ColumnChart } from '../../shared/charts/column-chart.tsx';
import { MaliMapView } from '../../shared/charts/mali-map-view.tsx';
import { placeName } from '../../shared/places.ts';
import { placeIndex } from '../desk-state.ts';
import { foldedNames, funnelOf, keyedBars, monthSeries, regionMap } from './dashboard-figures.ts';
import { shortMonth } from './dashboard-periods.ts';

const formatCount = (n: number): string => new Intl.NumberFormat(locale()).format(n);
const countText = (row: BarRow): string => (row.value === null ? t('desk.stats.none') : formatCount(row.value));

function stateLabel(g: KeyedCount): string {
  const state = ALERT_STATES.find((s) => s === g.key);
  return state === undefined ? g.label : t(`desk.state.${state}`);
}

function kindLabel(g: KeyedCount): string {
  const kind = WRONGDOING_KINDS.find((k) => k === g.key);
  return kind === undefined ? g.label : t(`kind.${kind}`);
}

type TableProps = { readonly groups: readonly KeyedCount[]; readonly caption: DeskMessageKey; readonly heading: DeskMessageKey; readonly value?: DeskMessageKey; readonly testId: string; readonly empty?: DeskMessageKey; readonly labelOf?: (g: KeyedCount) => string };

/** A keyed count as a bar table, largest first. */
export function CountTable(props: TableProps) {
  return (
    <BarTable
      chart={keyedBars(props.groups, props.labelOf)}
      caption={t(props.caption)}
      labelHeading={t(props.heading)}
      valueHeading={t(props.value ?? 'desk.stats.heading.alerts')}
      valueText={countText}
      emptyText={t(props.empty ?? 'desk.stats.empty')}
      testId={props.testId}
    />
  );
}

const sum = (groups: readonly KeyedCount[]): number => groups.reduce((n, g) => n + g.count, 0);

/** The four figures a coordinator looks for first. */
function KeyFigures(props: { readonly dashboard: Dashboard }) {
  const { funnel, durations, overdue } = props.dashboard;
  const forwarded = funnel.find((s) => s.step === 'forwarded');
  const figures: readonly (readonly [string, DeskMessageKey, string])[] = [
    ['forwarded', 'desk.stats.key.forwarded', t('desk.stats.share', { count: forwarded?.count ?? 0, percent: percent(forwarded?.share ?? 0) })],
    ['median-ack', 'desk.stats.key.medianAck', days(durations.acknowledgement.medianDays)],
    ['overdue-alerts', 'desk.stats.key.overdueAlerts', formatCount(sum(overdue.byOrganisation))],
    ['overdue-forwardings', 'desk.stats.key.overdueForwardings', formatCount(sum(overdue.byAuthority))],
  ];
  return (
    <dl class="stats-keys">
      {figures.map(([id, label, value]) => (
        <div key={id} class="stats-keys__item" data-testid={`stats-key-${id}`}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SummarySection(props: { readonly dashboard: Dashboard }) {
  return (
    <section class="stats-block" aria-labelledby="stats-summary">
      <h2 id="stats-summary">{t('desk.stats.summary')}</h2>
      <p class="stats-total" data-testid="stats-total" data-value={props.dashboard.total}>
        {t('desk.stats.total', { count: props.dashboard.total })}
      </p>
      <KeyFigures dashboard={props.dashboard} />
      <CountTable groups={props.dashboard.byState} caption="desk.stats.byState" heading="desk.stats.heading.state" testId="stats-by-state" labelOf={stateLabel} />
    </section>
  );
}

function days(value: number | null): string {
  return value === null ? t('desk.stats.none') : t('desk.stats.days', { count: value });
}

function DurationRow(props: { readonly label: DeskMessageKey; readonly duration: Duration; readonly testId: string }) {
  const { duration } = props;
  return (
    <tr data-testid={props.testId} data-median={duration.medianDays ?? ''} data-p90={duration.p90Days ?? ''} data-count={duration.count}>
      <th scope="row">{t(props.label)}</th>
      <td>{days(duration.medianDays)}</td>
      <td>{days(duration.p90Days)}</td>
      <td>{formatCount(duration.count)}</td>
    </tr>
  );
}

export function FollowUpSection(props: { readonly dashboard: Dashboard }) {
  const model = funnelOf(props.dashboard.funnel, (step) => t(`desk.stats.funnel.${step}`));
  const { durations } = props.dashboard;
  return (
    <section class="stats-block" aria-labelledby="stats-follow-up">
      <h2 id="stats-follow-up">{t('desk.stats.followUp')}</h2>
      <BarTable
        chart={{ max: model.steps[0]?.count ?? 0, rows: model.steps.map((s) => ({ key: s.key, label: s.label, value: s.count, fraction: s.share })) }}
        caption={t('desk.stats.funnel')}
        labelHeading={t('desk.stats.heading.step')}
        valueHeading={t('desk.stats.heading.reached')}
        valueText={(row) => t('desk.stats.share', { count: row.value ?? 0, percent: percent(row.fraction) })}
        emptyText={t('desk.stats.empty')}
        testId="stats-funnel"
      />
      <table class="stats-durations" data-testid="stats-durations">
        <caption>{t('desk.stats.durations')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('desk.stats.durations.step')}</th>
            <th scope="col">{t('desk.stats.durations.median')}</th>
            <th scope="col">{t('desk.stats.durations.p90')}</th>
            <th scope="col">{t('desk.stats.durations.count')}</th>
          </tr>
        </thead>
        <tbody>
          <DurationRow label="desk.stats.durations.acknowledgement" duration={durations.acknowledgement} testId="stats-duration-acknowledgement" />
          <DurationRow label="desk.stats.durations.verification" duration={durations.verification} testId="stats-duration-verification" />
          <DurationRow label="desk.stats.durations.authorityAnswer" duration={durations.authorityAnswer} testId="stats-duration-authority-answer" />
        </tbody>
      </table>
    </section>
  );
}

export function PlacesSection(props: { readonly dashboard: Dashboard }) {
  const { byRegion, byCercle } = props.dashboard;
  const model = regionMap(byRegion, formatCount);
  const labels = new Map(byRegion.map((g) => [g.key, g.label]));
  const nameOf = (id: string): string => labels.get(id) ?? placeName(placeIndex.value, id) ?? id;
  return (
    <section class="stats-block" aria-labelledby="stats-places">
      <h2 id="stats-places">{t('desk.stats.places')}</h2>
      <div class="stats-map-row">
        <MaliMapView
          map={model.map}
          values={model.values}
          choropleth={model.choropleth}
          title={t('desk.stats.map')}
          legendTitle={t('desk.stats.map.legend')}
          caption={t('desk.stats.map.caption')}
          valueText={(value) => (value === null ? t('desk.stats.none') : formatCount(value))}
          regionText={(shape, value) => {
            const count = value === null ? t('desk.stats.none') : formatCount(value);
            const folded = foldedNames(shape, nameOf);
            const name = nameOf(shape.placeIds[0] ?? shape.iso);
            return folded.length === 0 ? t('desk.stats.map.region', { name, count }) : t('desk.stats.map.regionFolded', { name, folded: folded.join(', '), count });
          }}
          testId="stats-map"
        />
        <CountTable groups={byRegion} caption="desk.stats.byRegion" heading="desk.stats.heading.region" testId="stats-by-region" />
      </div>
      <CountTable groups={byCercle} caption="desk.stats.byCercle" heading="desk.stats.heading.cercle" testId="stats-by-cercle" />
    </section>
  );
}

export function KindsSection(props: { readonly dashboard: Dashboard }) {
  return (
    <section class="stats-block" aria-labelledby="stats-kinds">
      <h2 id="stats-kinds">{t('desk.stats.kinds')}</h2>
      <CountTable groups={props.dashboard.byKind} caption="desk.stats.byKind" heading="desk.stats.heading.kind" testId="stats-by-kind" labelOf={kindLabel} />
    </section>
  );
}

export function WhoSection(props: { readonly dashboard: Dashboard }) {
  return (
    <section class="stats-block" aria-labelledby="stats-who">
      <h2 id="stats-who">{t('desk.stats.who')}</h2>
      <CountTable groups={props.dashboard.byOrganisation} caption="desk.stats.byOrganisation" heading="desk.stats.heading.organisation" testId="stats-by-organisation" />
      <CountTable groups={props.dashboard.byAuthority} caption="desk.stats.byAuthority" heading="desk.stats.heading.authority" value="desk.stats.heading.forwardings" testId="stats-by-authority" />
    </section>
  );
}

export function WhenSection(props: { readonly dashboard: Dashboard }) {
  const chart = keyedBars(monthSeries(props.dashboard.byMonth), (g) => shortMonth(g.key, locale()), 'input');
  return (
    <section class="stats-block" aria-labelledby="stats-when">
      <h2 id="stats-when">{t('desk.stats.when')}</h2>
      {chart.rows.length > 0 && <ColumnChart chart={chart} title={t('desk.stats.byMonth')} valueText={countText} columnLabel={(row) => row.label} testId="stats-months-chart" />}
      <BarTable
        chart={chart}
        caption={t('desk.stats.byMonth')}
        labelHeading={t('desk.stats.heading.month')}
        valueHeading={t('desk.stats.heading.alerts')}
        valueText={countText}
        emptyText={t('desk.stats.empty')}
        testId="stats-by-month"
      />
    </section>
  );
}

export function OverdueSection(props: { readonly dashboard: Dashboard }) {
  const { overdue } = props.dashboard;
  return (
    <section class="stats-block" aria-labelledby="stats-overdue">
      <h2 id="stats-overdue">{t('desk.stats.overdue')}</h2>
      <CountTable groups={overdue.byOrganisation} caption="desk.stats.overdue.byOrganisation" heading="desk.stats.heading.organisation" testId="stats-overdue-organisation" empty="desk.stats.overdue.none" />
      <CountTable groups={overdue.byAuthority} caption="desk.stats.overdue.byAuthority" heading="desk.stats.heading.authority" value="desk.stats.heading.forwardings" testId="stats-overdue-authority" empty="desk.stats.overdue.none" />
    </section>
  );
}
