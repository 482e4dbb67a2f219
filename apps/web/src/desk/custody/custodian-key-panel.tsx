/**
 * A custodian's key: held or not; set it up with the printed custodian recovery key; hand it
 * to another custodian after comparing their key fingerprint aloud (the server lists the
 * people, and a server that swapped a key would be caught by that comparison).
 */
import { useState } from 'preact/hooks';
import { fetchCustodianKey, grantCustodianKeyTo, keyFingerprint, setUpCustodianKeyWithRecovery } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field, controlProps } from '../../shared/components/field.tsx';
import { useAction, useLoad } from './use-load.ts';

export function CustodianKeyPanel(props: { readonly session: StaffSession; readonly onChange: () => void }) {
  const { session } = props;
  const { state, reload } = useLoad(() => fetchCustodianKey(session), [session]);
  const [recovery, setRecovery] = useState('');
  const action = useAction();
  const done = async (): Promise<void> => {
    await reload();
    props.onChange();
  };
  if (state.status === 'loading') return <p role="status">{t('desk.working')}</p>;
  if (state.status === 'failed') return <ErrorBanner error={state.error} />;
  const view = state.value;
  const others = view.custodians.filter((c) => !c.hasKey && c.userId !== session.me.user.id);
  return (
    <section class="panel" aria-labelledby="custodian-key-title">
      <h2 id="custodian-key-title">{t('desk.custody.key.title')}</h2>
      {action.failure !== null && <ErrorBanner error={action.failure} />}
      {view.myGrant !== null ? (
        <p data-testid="custodian-key-held">{t('desk.custody.key.held')}</p>
      ) : (
        <form
          noValidate
          data-testid="custodian-key-form"
          onSubmit={(event) => {
            event.preventDefault();
            void action.run(() => setUpCustodianKeyWithRecovery(session, recovery)).then((ok) => (ok ? done() : undefined));
          }}
        >
          <p class="banner banner--warning">{t('desk.custody.key.missing')}</p>
          <Field id="custodian-recovery" label={t('desk.custody.key.recovery')}>
            <input {...controlProps('custodian-recovery', undefined, undefined)} autocomplete="off" spellcheck={false} value={recovery} onInput={(e) => setRecovery(e.currentTarget.value)} />
          </Field>
          <button type="submit" class="button button--primary" disabled={action.busy || recovery.trim() === ''} data-testid="custodian-key-submit">
            {t('desk.custody.key.setUp')}
          </button>
        </form>
      )}
      {view.myGrant !== null && others.length > 0 && (
        <>
          <h3>{t('desk.custody.key.others')}</h3>
          <ul>
            {others.map((member) => (
              <li key={member.userId}>
                <p class="field__hint">{t('desk.custody.key.fingerprint', { fingerprint: keyFingerprint(member.x25519Public) })}</p>
                <button type="button" class="button button--secondary" disabled={action.busy} onClick={() => void action.run(() => grantCustodianKeyTo(session, member)).then((ok) => (ok ? done() : undefined))}>
                  {t('desk.custody.key.give', { login: member.login })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
