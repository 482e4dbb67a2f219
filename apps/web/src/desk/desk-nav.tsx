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

const NAV_ENTRIES: readonly NavEntry[] = [{ view: { name: 'inbox' }, label: 'desk.nav.inbox', roles: ['coordinator', 'analyst'] }];

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
