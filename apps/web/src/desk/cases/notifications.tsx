/**
 * Notifications: a bell with the unread count (refreshed every minute while the desk is open)
 * and the list page. Each notification is a translated sentence for its kind and a link to
 * the case; nothing else is stored or shown.
 */
import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { NotificationView } from '@kenekanko/contracts';
import { loadNotifications, markNotificationsRead } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure, openView } from '../desk-state.ts';
import { MailPreferenceForm } from './mail-form.tsx';

export const unreadCount = signal(0);
const REFRESH_MS = 60_000;

export function NotificationBell(props: { readonly session: StaffSession }) {
  useEffect(() => {
    const refresh = () =>
      void loadNotifications(props.session)
        .then((n) => (unreadCount.value = n.unread))
        .catch(() => undefined); // the bell is a convenience; the page shows failures
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [props.session]);
  return (
    <button type="button" class={unreadCount.value > 0 ? 'button button--secondary bell bell--unread' : 'button button--secondary bell'} data-testid="notification-bell" onClick={() => openView({ name: 'notifications' })}>
      {t('desk.cases.bell', { count: unreadCount.value })}
    </button>
  );
}

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly items: readonly NotificationView[] } | { readonly status: 'failed'; readonly error: unknown };

export function NotificationsPage(props: { readonly session: StaffSession }) {
  return (
    <>
      <NotificationList session={props.session} />
      <MailPreferenceForm session={props.session} />
    </>
  );
}

function NotificationList(props: { readonly session: StaffSession }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  async function reload(): Promise<void> {
    try {
      const n = await loadNotifications(props.session);
      unreadCount.value = n.unread;
      setLoad({ status: 'ready', items: n.items });
    } catch (error) {
      setLoad({ status: 'failed', error: deskFailure(error) });
    }
  }
  useEffect(() => {
    void reload();
  }, [props.session]);
  const read = async (ids: readonly string[] | 'all') => {
    await markNotificationsRead(props.session, ids).catch((error: unknown) => setLoad({ status: 'failed', error: deskFailure(error) }));
    await reload();
  };

  return (
    <section class="panel wide" aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t('desk.cases.notificationsTitle')}</h1>
      {load.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {load.status === 'failed' && <ErrorBanner error={load.error} />}
      {load.status === 'ready' && load.items.length === 0 && <p data-testid="notifications-empty">{t('desk.cases.notificationsEmpty')}</p>}
      {load.status === 'ready' && load.items.length > 0 && (
        <>
          <button type="button" class="button button--secondary" data-testid="notifications-read-all" onClick={() => void read('all')}>
            {t('desk.cases.markAllRead')}
          </button>
          <ul class="notifications">
            {load.items.map((n) => (
              <li key={n.id} class={n.read ? 'notification' : 'notification notification--unread'} data-testid="notification">
                <span>{t(`desk.cases.notification.${n.kind}`)}</span> <span class="field__hint">{formatDateTime(n.createdAt, locale())}</span>{' '}
                <button
                  type="button"
                  class="button button--link"
                  onClick={() => {
                    void read([n.id]);
                    // A case received names its forwarding: the recipient never sees the alert itself.
                    openView(n.kind === 'forwarding-received' ? { name: 'forwarding', forwardingId: n.objectId } : { name: 'alert', alertId: n.objectId });
                  }}
                >
                  {t('desk.cases.openAlert', { id: n.objectId })}
                </button>
                {!n.read && (
                  <button type="button" class="button button--link" onClick={() => void read([n.id])}>
                    {t('desk.cases.markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
