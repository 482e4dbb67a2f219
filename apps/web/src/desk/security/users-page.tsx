/**
 * Administrators: the accounts they administer, whether each has a second factor, and a reset
 * for a lost phone (audited on the server; the person's sessions end).
 */
import { useEffect, useState } from 'preact/hooks';
import { listSecurityUsers, resetSecondFactor } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { SecurityUser } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';

function stateOf(user: SecurityUser): string {
  if (user.disabled) return t('desk.security.users.disabled');
  return user.enrolled ? t('desk.security.users.on') : t('desk.security.users.off');
}

export function SecurityUsersPage(props: { readonly session: StaffSession }) {
  const [users, setUsers] = useState<readonly SecurityUser[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = (): void => {
    listSecurityUsers(props.session.api).then(setUsers, (error: unknown) => setFailure(deskFailure(error)));
  };
  useEffect(load, [props.session]);

  async function reset(user: SecurityUser): Promise<void> {
    if (!window.confirm(t('desk.security.users.confirm', { login: user.login }))) return;
    setFailure(null);
    try {
      await resetSecondFactor(props.session.api, user.userId);
      setDone(user.login);
      load();
    } catch (error) {
      setFailure(deskFailure(error));
    }
  }

  return (
    <section class="panel" aria-labelledby="security-users-title" data-testid="security-users">
      <h1 id="security-users-title">{t('desk.security.users.title')}</h1>
      <p>{t('desk.security.users.intro')}</p>
      {failure !== null && <ErrorBanner error={failure} />}
      {done !== null && (
        <p class="banner banner--ok" role="status">
          {t('desk.security.users.done', { login: done })}
        </p>
      )}
      {users !== null && users.length === 0 && <p>{t('desk.security.users.empty')}</p>}
      {users !== null && users.length > 0 && (
        <table class="inbox">
          <thead>
            <tr>
              <th scope="col">{t('desk.security.users.login')}</th>
              <th scope="col">{t('desk.security.users.state')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.userId}>
                <td>{user.login}</td>
                <td>{stateOf(user)}</td>
                <td>
                  {user.enrolled && (
                    <button type="button" class="button button--secondary" data-testid={`reset-${user.login}`} onClick={() => void reset(user)}>
                      {t('desk.security.users.reset')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
