import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/catalogues.ts';
import { DESK_LANGUAGE_CHOICES } from '../../i18n/desk/catalogues.ts';
import { LanguageSwitch } from './language-switch.tsx';

/**
 * The neutral header of the setup and desk pages: the platform's name, nothing that says
 * "whistleblowing" at a glance, and the languages the desk is written in. The reporter's
 * pages have their own header (src/reporter/reporter-header.tsx), with the quick exit.
 */
export function PageHeader(props: { readonly subtitle: string; readonly children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div class="page-header__brand">
        <span class="page-header__name">{t('app.name')}</span>
        <span class="page-header__subtitle">{props.subtitle}</span>
      </div>
      <div class="page-header__tools">
        {props.children}
        <LanguageSwitch choices={DESK_LANGUAGE_CHOICES} />
      </div>
    </header>
  );
}
