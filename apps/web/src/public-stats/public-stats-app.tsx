/**
 * The public statistics page: a header with the languages, the choice of an ended period
 * (default: the last ended quarter), then that period's released figures. No session, no
 * cookie, nothing stored in the browser; the chosen period and language live in the address
 * fragment (page-address.ts). Every word comes from the page's catalogue (t()).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '@kenekanko/contracts';
import { LANGUAGE_NAMES, STATS_LANGUAGES, chooseStatsLanguage, statsLanguage, t } from '../i18n/public-stats/catalogues.ts';
import { loadRelease } from './load-release.ts';
import type { LoadResult } from './load-release.ts';
import { periodLabel } from './names.ts';
import { PeriodPicker } from './period-picker.tsx';
import { ReleaseView } from './release-view.tsx';

function LanguageButtons(props: { readonly onChoose: (code: Language) => void }) {
  return (
    <div class="language-switch" role="group" aria-label={t('stats.language')}>
      {STATS_LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          class="language-switch__button"
          aria-pressed={statsLanguage.value === code}
          data-testid={`language-${code}`}
          onClick={() => props.onChoose(code)}
        >
          {LANGUAGE_NAMES[code]}
        </button>
      ))}
    </div>
  );
}

type Loading = { readonly period: string; readonly result: LoadResult | null };

function Failure(props: { readonly failure: Exclude<LoadResult, { ok: true }>['failure']; readonly onRetry: () => void }) {
  const text = props.failure === 'network' ? t('stats.error.network') : props.failure === 'period-open' ? t('stats.error.open') : t('stats.error.unavailable');
  return (
    <div class="banner banner--error" role="alert" data-testid="stats-error">
      <p>{text}</p>
      {props.failure === 'period-open' ? null : (
        <button type="button" class="button button--secondary" onClick={props.onRetry}>
          {t('stats.retry')}
        </button>
      )}
    </div>
  );
}

export function PublicStatsApp(props: { readonly today: string; readonly period: string; readonly onAddress: (period: string, language: Language) => void }) {
  const [period, setPeriod] = useState(props.period);
  const [loading, setLoading] = useState<Loading>({ period, result: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading({ period, result: null });
    void loadRelease(period).then((result) => {
      if (current) setLoading({ period, result });
    });
    return () => {
      current = false;
    };
  }, [period, attempt]);

  const choosePeriod = (next: string) => {
    setPeriod(next);
    props.onAddress(next, statsLanguage.value);
  };
  const chooseLanguage = (code: Language) => {
    void chooseStatsLanguage(code).then(() => props.onAddress(period, code), () => undefined);
  };
  const result = loading.result;
  return (
    <>
      <header class="page-header">
        <div class="page-header__brand">
          <span class="page-header__name">{t('stats.brand')}</span>
          <span class="page-header__subtitle">{t('stats.subtitle')}</span>
        </div>
        <div class="page-header__tools">
          <LanguageButtons onChoose={chooseLanguage} />
        </div>
      </header>
      <main class="page public-stats">
        <h1>{t('stats.title')}</h1>
        <p>{t('stats.intro')}</p>
        <PeriodPicker today={props.today} value={period} onChange={choosePeriod} />
        <h2 data-testid="stats-heading">{t('stats.heading', { period: periodLabel(period) })}</h2>
        {result === null ? (
          <p role="status" data-testid="stats-loading">
            {t('stats.loading')}
          </p>
        ) : result.ok ? (
          <ReleaseView release={result.release} />
        ) : (
          <Failure failure={result.failure} onRetry={() => setAttempt((n) => n + 1)} />
        )}
      </main>
    </>
  );
}
