import { useRef } from 'preact/hooks';
import { language, t } from '../i18n/catalogues.ts';
import { goTo } from './reporter-state.ts';
import { SafetyAdvice } from './safety/safety-advice.tsx';

/** Two big choices, after the safety advice on the first visit of the page. */
export function HomePage() {
  const title = useRef<HTMLHeadingElement>(null);
  return (
    <section class="panel" aria-labelledby="home-title">
      <h1 id="home-title" tabIndex={-1} ref={title}>
        {t('home.title')}
      </h1>
      <p>{t('home.intro')}</p>
      {/* Dismissing removes the focused button: focus goes back to the page's heading. */}
      <SafetyAdvice onDismiss={() => title.current?.focus()} />
      <div class="home-choices">
        {/* Each button's name is all its visible text, title first, so a voice command "Signaler" still finds it (WCAG 2.5.3). */}
        <button type="button" class="choice-card" data-testid="home-report" onClick={() => goTo({ name: 'form' })}>
          <span class="choice-card__title">{t('home.report')}</span>
          <span class="choice-card__hint">{t('home.reportHint')}</span>
        </button>
        <button type="button" class="choice-card" data-testid="home-follow" onClick={() => goTo({ name: 'follow-up' })}>
          <span class="choice-card__title">{t('home.follow')}</span>
          <span class="choice-card__hint">{t('home.followHint')}</span>
        </button>
      </div>
      <p class="privacy-note">{t('home.privacy')}</p>
      {/* A plain link to the public figures (their own small page): nothing of it is loaded here. */}
      <p>
        <a href={`/stats#lang=${language.value}`} data-testid="home-stats">
          {t('home.stats')}
        </a>
      </p>
    </section>
  );
}
