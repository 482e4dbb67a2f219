import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/catalogues.ts';
import { LanguageSwitch } from './language-switch.tsx';

/** The neutral header of every page: the platform's name, nothing that says "whistleblowing" at a glance. */
export function PageHeader(props: { readonly subtitle: string; readonly children?: ComponentChildren }) {
  return (
    <header class="page-header">
      <div class="page-header__brand">
        <span class="page-header__name">{t('app.name')}</span>
        <span class="page-header__subtitle">{props.subtitle}</span>
      </div>
      <div class="page-header__tools">
        {props.children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
