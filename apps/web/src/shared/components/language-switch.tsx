/** One tap to another language, on every page. The choice lives in memory only. */
import type { Language } from '@kenekanko/contracts';
import { language, t } from '../../i18n/catalogues.ts';
import type { LanguageChoice } from '../../i18n/registry.ts';

export function LanguageSwitch(props: { readonly choices: readonly LanguageChoice<Language>[] }) {
  return (
    <div class="language-switch" role="group" aria-label={t('language.switch')}>
      {props.choices.map((choice) => (
        <button
          key={choice.code}
          type="button"
          lang={choice.code}
          class="language-switch__button"
          aria-pressed={language.value === choice.code}
          data-testid={`language-${choice.code}`}
          onClick={() => {
            language.value = choice.code;
          }}
        >
          {choice.nativeName}
        </button>
      ))}
    </div>
  );
}
