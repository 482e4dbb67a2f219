/** The signed-in user's opt-in to e-mail reminders (a count and the desk address, never content). */
import { useEffect, useState } from 'preact/hooks';
import type { MailPreferenceView } from '@kenekanko/contracts';
import { loadMailPreference, saveMailPreference } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field } from '../../shared/components/field.tsx';
import { deskFailure } from '../desk-state.ts';

export function MailPreferenceForm(props: { readonly session: StaffSession }) {
  const [pref, setPref] = useState<MailPreferenceView | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [address, setAddress] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const show = (p: MailPreferenceView) => {
    setPref(p);
    setEnabled(p.enabled);
    setAddress(p.address ?? '');
  };
  useEffect(() => {
    loadMailPreference(props.session)
      .then(show)
      .catch((error: unknown) => setFailure(deskFailure(error)));
  }, [props.session]);

  return (
    <section class="panel" aria-labelledby="mail-title">
      <h2 id="mail-title">{t('desk.cases.mailTitle')}</h2>
      <p class="field__hint">{t('desk.cases.mailHint')}</p>
      {failure !== null && <ErrorBanner error={failure} />}
      {pref !== null && !pref.available && <p data-testid="mail-unavailable">{t('desk.cases.mailUnavailable')}</p>}
      {pref?.available === true && (
        <form
          noValidate
          data-testid="mail-form"
          onSubmit={(event) => {
            event.preventDefault();
            setFailure(null);
            setSaved(false);
            saveMailPreference(props.session, enabled, enabled ? address.trim() : null)
              .then((p) => {
                show(p);
                setSaved(true);
              })
              .catch((error: unknown) => setFailure(deskFailure(error)));
          }}
        >
          {saved && <p class="banner banner--ok" role="status">{t('desk.cases.saved')}</p>}
          <label class="choice">
            <input type="checkbox" data-testid="mail-enabled" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
            <span>{t('desk.cases.mailEnabled')}</span>
          </label>
          {enabled && (
            <Field id="mail-address" label={t('desk.cases.mailAddress')}>
              <input id="mail-address" type="email" autoComplete="email" data-testid="mail-address" value={address} onInput={(event) => setAddress(event.currentTarget.value)} />
            </Field>
          )}
          <button type="submit" class="button button--secondary" data-testid="mail-save">
            {t('desk.cases.saveMail')}
          </button>
        </form>
      )}
    </section>
  );
}
