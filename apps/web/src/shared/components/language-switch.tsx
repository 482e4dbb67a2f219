/**
 * One tap to another language, on every page. The choice lives in memory only. `onChoose`
 * lets the reporter fetch the language's catalogue first (the page stays in the current
 * language until it is there); by default the language changes at once (the desk has them all).
 */
import type { Language } from '@kenekanko/contracts';
import { language, t } from '../../i18n/catalogues.ts';
import type { LanguageChoice } from '../../i18n/registry.ts';

export function LanguageSwitch(props: { readonly choices: readonly LanguageChoice<Language>[]; readonly onChoose?: (code: Language) => void }) {
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
            if (props.onChoose === undefined) language.value = choice.code;
            else props.onChoose(choice.code);
          }}
        >
          {choice.nativeName}
        </button>
      ))}
    </div>
  );
}
