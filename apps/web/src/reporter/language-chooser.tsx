/**
 * The first screen: the language, each name written in its own language (and marked with its
 * lang, so a screen reader says it right), under a heading that asks in every language. The
 * chosen language's catalogue is fetched on the tap (i18n/lazy-catalogues.ts); if it cannot
 * be (offline before the service worker has stored it), the screen says so and stays.
 */
import { signal } from '@preact/signals';
import type { Language } from '@kenekanko/contracts';
import { t } from '../i18n/catalogues.ts';
import type { FirstScreenChoice } from '../i18n/first-screen.ts';
import { chooseLanguage } from '../i18n/lazy-catalogues.ts';
import { goTo } from './reporter-state.ts';

type Choosing = { readonly status: 'idle' } | { readonly status: 'loading' } | { readonly status: 'failed'; readonly code: Language };

const choosing = signal<Choosing>({ status: 'idle' });

function choose(code: Language): void {
  if (choosing.value.status === 'loading') return;
  choosing.value = { status: 'loading' };
  chooseLanguage(code).then(
    () => {
      choosing.value = { status: 'idle' };
      goTo({ name: 'home' });
    },
    () => (choosing.value = { status: 'failed', code }),
  );
}

function ChooserNotice() {
  const current = choosing.value;
  if (current.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (current.status === 'idle') return null;
  const { code } = current;
  return (
    <div class="banner banner--error" role="alert" data-testid="language-load-failed">
      <p>{t('error.network')}</p>
      <button type="button" class="button button--primary" onClick={() => choose(code)}>
        {t('action.retry')}
      </button>
    </div>
  );
}

export function LanguageChooser(props: { readonly choices: readonly FirstScreenChoice[] }) {
  return (
    <section class="panel" aria-labelledby="language-title" data-testid="language-chooser">
      <h1 id="language-title" class="language-chooser__title">
        {props.choices.map((choice) => (
          <span key={choice.code} lang={choice.code} class="language-chooser__ask">
            {choice.choose}
          </span>
        ))}
      </h1>
      <ChooserNotice />
      <div class="home-choices">
        {props.choices.map((choice) => (
          <button
            key={choice.code}
            type="button"
            lang={choice.code}
            class="choice-card language-chooser__choice"
            data-testid={`language-${choice.code}`}
            onClick={() => choose(choice.code)}
          >
            <span class="choice-card__title">{choice.nativeName}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
