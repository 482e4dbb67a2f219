/**
 * The first screen: the language, each name written in its own language (and marked with its
 * lang, so a screen reader says it right), under a heading that asks in every language.
 */
import type { Language } from '@kenekanko/contracts';
import { language, tIn } from '../i18n/catalogues.ts';
import type { LanguageChoice } from '../i18n/registry.ts';
import { goTo } from './reporter-state.ts';

export function LanguageChooser(props: { readonly choices: readonly LanguageChoice<Language>[] }) {
  return (
    <section class="panel" aria-labelledby="language-title" data-testid="language-chooser">
      <h1 id="language-title" class="language-chooser__title">
        {props.choices.map((choice) => (
          <span key={choice.code} lang={choice.code} class="language-chooser__ask">
            {tIn(choice.code, 'language.choose')}
          </span>
        ))}
      </h1>
      <div class="home-choices">
        {props.choices.map((choice) => (
          <button
            key={choice.code}
            type="button"
            lang={choice.code}
            class="choice-card language-chooser__choice"
            data-testid={`language-${choice.code}`}
            onClick={() => {
              language.value = choice.code;
              goTo({ name: 'home' });
            }}
          >
            <span class="choice-card__title">{choice.nativeName}</span>
          </button>
        ))}
      </div>
    </section>
  );
}
