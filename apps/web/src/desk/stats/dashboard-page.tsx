/**
 * The coordinators' dashboard (issue 5): exact counts of the alerts in their scope, filtered
 * by a fixed calendar period, a kind and a region (the filters live in the desk's view state,
 * DeskView 'stats', not in the page: a refresh or a language switch keeps them), and the
 * partners' report of an ended period to download as CSV, JSON or PDF.
 * SECURITY: the figures are exact and stay on the desk; the downloads are the server's
 * suppressed release (features/stats/release.ts), fetched with the session cookie by a plain
 * same-origin GET (reads need no CSRF header; nothing here changes state).
 */
import { useEffect, useState } from 'preact/hooks';
import { PERIOD_KINDS, REPORT_FORMATS, REPORT_LANGUAGES, STATS_ROUTES, WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { Dashboard, DashboardQuery, PeriodKind, ReportFormat } from '@kenekanko/contracts';
import { loadDashboard } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { language } from '../../i18n/catalogues.ts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { todayDay } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, deskView, placeIndex } from '../desk-state.ts';
import { periodChoices, periodKindOf, periodName, reportPeriod } from './dashboard-periods.ts';
import { FollowUpSection, KindsSection, OverdueSection, PlacesSection, SummarySection, WhenSection, WhoSection } from './dashboard-sections.tsx';

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly dashboard: Dashboard } | { readonly status: 'failed'; readonly error: unknown };

const PATTERNS = () => ({ month: t('desk.stats.period.month'), quarter: t('desk.stats.period.quarter'), year: t('desk.stats.period.year') });
const nameOfPeriod = (id: string): string => periodName(id, locale(), PATTERNS());

/** Keeps the filters in the view state (no scroll, no reload of the whole desk). */
function setFilters(filters: DashboardQuery): void {
  deskView.value = { name: 'stats', filters };
}

function without<K extends keyof DashboardQuery>(filters: DashboardQuery, key: K, value: DashboardQuery[K] | undefined): DashboardQuery {
  const { [key]: _dropped, ...rest } = filters;
  return value === undefined ? rest : { ...rest, [key]: value };
}

function PeriodFilter(props: { readonly filters: DashboardQuery; readonly today: string }) {
  const { filters } = props;
  const kind = filters.period === undefined ? '' : periodKindOf(filters.period);
  const pickKind = (value: string): void => {
    const next = PERIOD_KINDS.find((k) => k === value);
    setFilters(without(filters, 'period', next === undefined ? undefined : periodChoices(next, props.today)[0]));
  };
  return (
    <>
      <div class="field">
        <label class="field__label" for="stats-period-kind">
          {t('desk.stats.filter.periodKind')}
        </label>
        <select id="stats-period-kind" value={kind} onChange={(e) => pickKind(e.currentTarget.value)}>
          <option value="">{t('desk.stats.filter.periodKind.all')}</option>
          {PERIOD_KINDS.map((k: PeriodKind) => (
            <option key={k} value={k}>
              {t(`desk.stats.filter.periodKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind !== '' && (
        <div class="field">
          <label class="field__label" for="stats-period">
            {t('desk.stats.filter.period')}
          </label>
          <select id="stats-period" value={filters.period} onChange={(e) => setFilters(without(filters, 'period', e.currentTarget.value))}>
            {periodChoices(kind, props.today).map((id) => (
              <option key={id} value={id}>
                {nameOfPeriod(id)}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

function Filters(props: { readonly filters: DashboardQuery; readonly today: string; readonly onRefresh: () => void }) {
  const { filters } = props;
  const regions = placeIndex.value?.topLevel ?? [];
  return (
    <form class="toolbar stats-filters" aria-label={t('desk.stats.filters')} onSubmit={(e) => e.preventDefault()}>
      <PeriodFilter filters={filters} today={props.today} />
      <div class="field">
        <label class="field__label" for="stats-kind">
          {t('desk.stats.filter.kind')}
        </label>
        <select id="stats-kind" value={filters.kind ?? ''} onChange={(e) => setFilters(without(filters, 'kind', WRONGDOING_KINDS.find((k) => k === e.currentTarget.value)))}>
          <option value="">{t('desk.stats.filter.allKinds')}</option>
          {WRONGDOING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label class="field__label" for="stats-region">
          {t('desk.stats.filter.region')}
        </label>
        <select id="stats-region" value={filters.region ?? ''} onChange={(e) => setFilters(without(filters, 'region', e.currentTarget.value === '' ? undefined : e.currentTarget.value))}>
          <option value="">{t('desk.stats.filter.allRegions')}</option>
          {regions.map((place) => (
            <option key={place.id} value={place.id}>
              {place.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" class="button button--secondary" data-testid="stats-reset" onClick={() => setFilters({})}>
        {t('desk.stats.filter.reset')}
      </button>
      <button type="button" class="button button--secondary" data-testid="stats-refresh" onClick={props.onRefresh}>
        {t('desk.stats.refresh')}
      </button>
    </form>
  );
}

/** The PDF is written in the desk's language when the server has it (French otherwise). */
function reportHref(period: string, format: ReportFormat): string {
  const lang = REPORT_LANGUAGES.find((l) => l === language.value) ?? 'fr';
  return `${STATS_ROUTES.report}?${new URLSearchParams({ period, format, ...(format === 'pdf' ? { lang } : {}) }).toString()}`;
}

function Reports(props: { readonly period: string }) {
  return (
    <section class="stats-block" aria-labelledby="stats-reports">
      <h2 id="stats-reports">{t('desk.stats.reports')}</h2>
      <p data-testid="stats-report-period" data-period={props.period}>
        {t('desk.stats.reports.intro', { period: nameOfPeriod(props.period) })}
      </p>
      <p class="actions">
        {REPORT_FORMATS.map((format) => (
          <a key={format} class="button button--secondary" href={reportHref(props.period, format)} download data-testid={`stats-report-${format}`}>
            {t(`desk.stats.reports.${format}`)}
          </a>
        ))}
      </p>
    </section>
  );
}

export function DashboardPage(props: { readonly session: StaffSession; readonly filters: DashboardQuery }) {
  const { session, filters } = props;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const today = todayDay();
  useEffect(() => {
    let current = true;
    setLoad({ status: 'loading' });
    loadDashboard(session, filters)
      .then((dashboard) => current && setLoad({ status: 'ready', dashboard }))
      .catch((error: unknown) => current && setLoad({ status: 'failed', error: deskFailure(error) }));
    return () => {
      current = false;
    };
  }, [session, filters.period, filters.kind, filters.region, generation]);
  return (
    <section class="panel wide stats" aria-labelledby="stats-title" data-testid="stats-page">
      <h1 id="stats-title">{t('desk.stats.title')}</h1>
      <p>{t('desk.stats.intro')}</p>
      <Filters filters={filters} today={today} onRefresh={() => setGeneration(generation + 1)} />
      {load.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {load.status === 'failed' && <ErrorBanner error={load.error} />}
      {load.status === 'ready' && (
        <div data-testid="stats-ready">
          <p class="stats-scope">{t(load.dashboard.scope === 'all' ? 'desk.stats.scope.all' : 'desk.stats.scope.own')}</p>
          <SummarySection dashboard={load.dashboard} />
          <FollowUpSection dashboard={load.dashboard} />
          <PlacesSection dashboard={load.dashboard} />
          <KindsSection dashboard={load.dashboard} />
          <WhoSection dashboard={load.dashboard} />
          <WhenSection dashboard={load.dashboard} />
          <OverdueSection dashboard={load.dashboard} />
        </div>
      )}
      <Reports period={reportPeriod(filters.period, today)} />
    </section>
  );
}
