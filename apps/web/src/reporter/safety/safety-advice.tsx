/**
 * Advice for a shared or watched phone, shown once per visit on the home page, brief and
 * dismissible. SECURITY: "once" is per page load, kept in memory: remembering it in storage
 * would leave a trace on the phone that this site was visited.
 */
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/catalogues.ts';
import type { PublicKey } from '../../i18n/languages/fr.ts';

const ADVICE: readonly PublicKey[] = ['advice.workPhone', 'advice.paper', 'advice.private', 'advice.tor', 'advice.exit'];

/** Set once the advice was dismissed or the reporter moved on from the page that showed it. */
export const adviceSeen = signal(false);

export function SafetyAdvice(props: { readonly onDismiss: () => void }) {
  // Leaving the page that shows the advice counts as having seen it.
  useEffect(
    () => () => {
      adviceSeen.value = true;
    },
    [],
  );
  if (adviceSeen.value) return null;
  return (
    <aside class="advice" aria-labelledby="advice-title" data-testid="safety-advice">
      <h2 id="advice-title" class="advice__title">
        {t('advice.title')}
      </h2>
      <ul class="advice__list">
        {ADVICE.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <button
        type="button"
        class="button button--secondary"
        data-testid="advice-dismiss"
        onClick={() => {
          adviceSeen.value = true;
          props.onDismiss();
        }}
      >
        {t('advice.dismiss')}
      </button>
    </aside>
  );
}
