import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/catalogues.ts';
import { describeError } from '../describe-error.ts';

/** The words for a failure, in the current language. */
export function errorText(error: unknown): string {
  return t(describeError(error));
}

/** A failure shown where it happened, announced to screen readers, with what to do next. */
export function ErrorBanner(props: { readonly error: unknown; readonly children?: ComponentChildren; readonly testId?: string }) {
  return (
    <div class="banner banner--error" role="alert" data-testid={props.testId ?? 'error-banner'}>
      <p>{errorText(props.error)}</p>
      {props.children}
    </div>
  );
}
