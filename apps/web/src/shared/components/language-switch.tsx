/** One tap to another language, on every page. The choice lives in memory only. */
import { LANGUAGE_CHOICES, language, t } from '../../i18n/catalogues.ts';

export function LanguageSwitch() {
  return (
    <div class="language-switch" role="group" aria-label={t('language.switch')}>
      {LANGUAGE_CHOICES.map((choice) => (
        <button
          key={choice.language}
          type="button"
          lang={choice.language}
          class="language-switch__button"
          aria-pressed={language.value === choice.language}
          data-testid={`language-${choice.language}`}
          onClick={() => {
            language.value = choice.language;
          }}
        >
          {choice.nativeName}
        </button>
      ))}
    </div>
  );
}
