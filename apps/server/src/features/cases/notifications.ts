/**
 * In-app notifications: a kind from a closed list and the alert it is about, for one user.
 * `notify` is the one function other areas call (inside their transaction), e.g. forwarding
 * when an authority acknowledges. SECURITY: a notification never carries content; the desk
 * shows a translated sentence for its kind and a link to the alert, which the reader opens
 * with the usual access checks.
 */
import type { NotificationKind, NotificationView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import { dayOf } from '../shared/time.ts';
import type { CasesRepos } from './ports.ts';

export const NOTIFICATION_LIST_LIMIT = 100;

export type Notice = {
  readonly userIds: readonly string[];
  readonly kind: NotificationKind;
  /** The alert it is about. */
  readonly objectId: string;
  /** Skip users who already have one of this kind for this object (deadline reminders). */
  readonly once?: boolean;
  /** The user who caused it (never notified of their own action). */
  readonly actorId?: string;
  /**
   * SECURITY: 'day' when a reporter's action caused it: reporter-side events are stored to the
   * day (DESIGN §2), so the notification must not record the second the reporter wrote.
   */
  readonly precision?: 'instant' | 'day';
  readonly now: Date;
};

/** Adds one notification per user (deduplicated); returns how many were added. */
export async function notify(repos: Pick<CasesRepos, 'notifications'>, notice: Notice): Promise<number> {
  let added = 0;
  for (const userId of new Set(notice.userIds)) {
    if (userId === notice.actorId) continue;
    if (notice.once === true && (await repos.notifications.exists(userId, notice.kind, notice.objectId))) continue;
    const createdAt = notice.precision === 'day' ? `${dayOf(notice.now)}T00:00:00.000Z` : notice.now.toISOString();
    await repos.notifications.insert({ userId, kind: notice.kind, objectId: notice.objectId, createdAt });
    added++;
  }
  return added;
}

/** Who hears about an alert: its assignee, or the organisation's coordinators while nobody is assigned. */
export async function alertWatchers(repos: Pick<CasesRepos, 'notifications'>, alert: { readonly orgId: string; readonly assigneeId: string | null }): Promise<readonly string[]> {
  return alert.assigneeId === null ? repos.notifications.coordinatorsOf(alert.orgId) : [alert.assigneeId];
}

export async function listNotifications(repos: Pick<CasesRepos, 'notifications'>, userId: string): Promise<{ readonly unread: number; readonly items: readonly NotificationView[] }> {
  const [unread, items] = await Promise.all([repos.notifications.unreadCount(userId), repos.notifications.list(userId, NOTIFICATION_LIST_LIMIT)]);
  return { unread, items };
}

export async function markNotificationsRead(storage: Storage<CasesRepos>, userId: string, ids: readonly string[] | 'all', now: Date): Promise<{ readonly unread: number }> {
  if (ids !== 'all' && ids.length === 0) throw new AppError('validation-failed', { issues: ['ids'] });
  return storage.transaction(async (repos) => {
    // Only the user's own rows are touched: the WHERE names the user.
    await repos.notifications.markRead(userId, ids, now.toISOString());
    return { unread: await repos.notifications.unreadCount(userId) };
  });
}
