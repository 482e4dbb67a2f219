import { t } from '../i18n/catalogues.ts';
import { goTo } from './reporter-state.ts';

/** Two big choices, nothing else to read first. */
export function HomePage() {
  return (
    <section class="panel" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      <div class="home-choices">
        {/* The title names each button; the hint describes it (so the buttons are "Signaler" and "Suivre mon alerte"). */}
        <button type="button" class="choice-card" aria-labelledby="home-report-title" aria-describedby="home-report-hint" data-testid="home-report" onClick={() => goTo({ name: 'form' })}>
          <span class="choice-card__title" id="home-report-title">
            {t('home.report')}
          </span>
          <span class="choice-card__hint" id="home-report-hint">
            {t('home.reportHint')}
          </span>
        </button>
        <button type="button" class="choice-card" aria-labelledby="home-follow-title" aria-describedby="home-follow-hint" data-testid="home-follow" onClick={() => goTo({ name: 'follow-up' })}>
          <span class="choice-card__title" id="home-follow-title">
            {t('home.follow')}
          </span>
          <span class="choice-card__hint" id="home-follow-hint">
            {t('home.followHint')}
          </span>
        </button>
      </div>
      <p class="privacy-note">{t('home.privacy')}</p>
    </section>
  );
}
