/**
 * The desk's navigation: one entry per page, shown only to the roles that page serves. Each
 * issue-3 area adds its entries to NAV_ENTRIES (and its view to DeskView in desk-state.ts);
 * the server still checks every request, so hiding an entry is a convenience, not a guard.
 */
import type { Role } from '@kenekanko/contracts';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../i18n/desk/catalogues.ts';
import type { DeskMessageKey } from '../i18n/desk/catalogues.ts';
import { deskView, openView } from './desk-state.ts';
import type { DeskView } from './desk-state.ts';

type NavEntry = {
  readonly view: DeskView;
  readonly label: DeskMessageKey;
  /** Roles that see the entry; empty: everyone signed in. */
  readonly roles: readonly Role[];
};

const NAV_ENTRIES: readonly NavEntry[] = [
  { view: { name: 'inbox' }, label: 'desk.nav.inbox', roles: ['coordinator', 'analyst'] },
  // orgs (issue 3)
  { view: { name: 'orgs' }, label: 'desk.orgs.nav', roles: ['administrator', 'coordinator'] },
  { view: { name: 'org-keys' }, label: 'desk.orgs.navKeys', roles: ['coordinator', 'analyst', 'authority-liaison', 'journalist'] },
  { view: { name: 'directory' }, label: 'desk.orgs.navDirectory', roles: ['coordinator'] },
  // forwarding (issue 3)
  { view: { name: 'forwardings' }, label: 'desk.forwarding.nav', roles: ['authority-liaison', 'journalist'] },
  // security (issue 3)
  { view: { name: 'security' }, label: 'desk.security.nav', roles: [] },
  { view: { name: 'security-users' }, label: 'desk.security.navUsers', roles: ['administrator'] },
  // custody (issue 3)
  { view: { name: 'custody' }, label: 'desk.custody.nav', roles: ['custodian'] },
  { view: { name: 'audit' }, label: 'desk.custody.navAudit', roles: ['coordinator'] },
  { view: { name: 'retention' }, label: 'desk.custody.navRetention', roles: ['administrator'] },
  // cases (issue 3)
  { view: { name: 'due' }, label: 'desk.cases.navDue', roles: ['coordinator', 'analyst'] },
  { view: { name: 'notifications' }, label: 'desk.cases.navNotifications', roles: [] },
  { view: { name: 'case-settings' }, label: 'desk.cases.navSettings', roles: ['administrator', 'coordinator'] },
  // field (issue 4)
  { view: { name: 'field' }, label: 'desk.field.nav', roles: ['focal-point'] },
  // monitoring (issue 5): exact counts, coordinators only (the server refuses everyone else)
  { view: { name: 'stats', filters: {} }, label: 'desk.stats.nav', roles: ['coordinator'] },
];

const hasRole = (session: StaffSession, roles: readonly Role[]): boolean =>
  roles.length === 0 || session.me.memberships.some((m) => roles.includes(m.role));

export function DeskNav(props: { readonly session: StaffSession }) {
  const entries = NAV_ENTRIES.filter((entry) => hasRole(props.session, entry.roles));
  if (entries.length < 2) return null;
  return (
    <nav class="desk-nav" aria-label={t('desk.nav.label')}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              class="button button--secondary"
              aria-current={deskView.value.name === entry.view.name ? 'page' : undefined}
              data-testid={`nav-${entry.view.name}`}
              onClick={() => openView(entry.view)}
            >
              {t(entry.label)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
