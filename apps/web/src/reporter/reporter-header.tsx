/**
 * The reporter's header: the platform's neutral name, the quick exit (first control on the
 * page, large, at the top) and the language switch (not on the first screen, which is itself
 * the choice of language).
 */
import { t } from '../i18n/catalogues.ts';
import { chooseLanguage } from '../i18n/lazy-catalogues.ts';
import { LanguageSwitch } from '../shared/components/language-switch.tsx';
import { LANGUAGE_CHOICES } from './first-screen.ts';
import { QuickExitButton } from './safety/quick-exit-button.tsx';

export function ReporterHeader(props: { readonly languageSwitch: boolean }) {
  return (
    <header class="page-header reporter-header">
      <div class="reporter-header__top">
        <div class="page-header__brand">
          <span class="page-header__name">{t('app.name')}</span>
          <span class="page-header__subtitle">{t('app.tagline')}</span>
        </div>
        <QuickExitButton />
      </div>
      {props.languageSwitch && <LanguageSwitch choices={LANGUAGE_CHOICES} onChoose={(code) => void chooseLanguage(code).catch(() => undefined)} />}
    </header>
  );
}
