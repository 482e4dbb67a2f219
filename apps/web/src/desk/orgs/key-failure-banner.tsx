/**
 * A failure on a page that opens sealed content (alert, received case). When the cause is a
 * key this member does not hold yet (just granted, or none), it says so and offers to reload
 * the keys: /api/me again, new grants opened with the in-memory user key, no new login.
 * SECURITY: nothing here touches a key; the client session does, and wipes the old ones.
 */
import { useState } from 'preact/hooks';
import { isClientError } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, session } from '../desk-state.ts';

export const isMissingKey = (error: unknown): boolean => isClientError(error) && error.code === 'missing-key';

export function KeyFailureBanner(props: { readonly session: StaffSession; readonly error: unknown }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  if (!isMissingKey(props.error)) return <ErrorBanner error={props.error} />;
  const reload = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    try {
      // The pages depend on the session: replacing it opens them again with the new keys.
      session.value = await props.session.reloadKeys();
    } catch (error) {
      setFailure(deskFailure(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="banner banner--error" role="alert" data-testid="missing-key">
      <p>{t('desk.orgs.missingKey')}</p>
      <button type="button" class="button button--secondary" disabled={busy} data-testid="reload-keys" onClick={() => void reload()}>
        {t('desk.orgs.reloadKeys')}
      </button>
      {failure !== null && !isMissingKey(failure) && <ErrorBanner error={failure} />}
    </div>
  );
}
