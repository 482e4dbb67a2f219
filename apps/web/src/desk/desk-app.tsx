import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { t } from '../i18n/desk/catalogues.ts';
import { assertNever } from '../shared/assert-never.ts';
import { PageHeader } from '../shared/components/page-header.tsx';
import { AlertPage } from './alert/alert-page.tsx';
import { deskView, endSession, session, viewVisit } from './desk-state.ts';
import { InboxPage } from './inbox/inbox-page.tsx';
import { DeskNav } from './desk-nav.tsx';
import { LoginPage } from './login-page.tsx';
import { OrganisationsPage } from './orgs/organisations-page.tsx';
import { KeysPage } from './orgs/keys-page.tsx';
import { DirectoryPage } from './orgs/directory-page.tsx';
import { enrolmentPending } from './security/enrolment-gate.ts';
import { SecurityPage } from './security/security-page.tsx';
import { SecurityUsersPage } from './security/users-page.tsx';
import { ForwardingInboxPage } from './forwarding/inbox-page.tsx';
import { ForwardingPage } from './forwarding/forwarding-page.tsx';
import { AuditPage } from './custody/audit-page.tsx';
import { CustodyPage } from './custody/custody-page.tsx';
import { RetentionPage } from './custody/retention-page.tsx';
import { DuePage } from './cases/due-page.tsx';
import { NotificationBell, NotificationsPage } from './cases/notifications.tsx';
import { CaseSettingsPage } from './cases/settings-page.tsx';
import { FieldPage } from './field/field-page.tsx';
import { DashboardPage } from './stats/dashboard-page.tsx';

function SignedIn() {
  const current = session.value;
  if (current === null) return <LoginPage />;
  if (enrolmentPending.value) return <SecurityPage session={current} />;
  const view = deskView.value;
  switch (view.name) {
    case 'inbox':
      return <InboxPage session={current} />;
    case 'orgs':
      return <OrganisationsPage session={current} />;
    case 'org-keys':
      return <KeysPage session={current} />;
    case 'directory':
      return <DirectoryPage session={current} />;
    case 'alert':
      return <AlertPage key={view.alertId} session={current} alertId={view.alertId} />;
    case 'security':
      return <SecurityPage session={current} />;
    case 'security-users':
      return <SecurityUsersPage session={current} />;
    case 'forwardings':
      return <ForwardingInboxPage session={current} />;
    case 'forwarding':
      return <ForwardingPage key={view.forwardingId} session={current} forwardingId={view.forwardingId} />;
    case 'custody':
      return <CustodyPage key={viewVisit.value} session={current} />;
    case 'audit':
      return <AuditPage session={current} />;
    case 'retention':
      return <RetentionPage session={current} />;
    case 'due':
      return <DuePage session={current} />;
    case 'notifications':
      return <NotificationsPage session={current} />;
    case 'case-settings':
      return <CaseSettingsPage session={current} />;
    case 'field':
      return <FieldPage session={current} />;
    case 'stats':
      return <DashboardPage session={current} filters={view.filters} />;
    default:
      return assertNever(view);
  }
}

/**
 * A page that throws while drawing shows a translated message instead of leaving the desk
 * half-drawn: the menu keeps working, and the keys held in memory are not lost to a reload.
 * Keyed by the view's name, so choosing another page starts afresh.
 */
function ViewBoundary({ children }: { readonly children: ComponentChildren }) {
  const [error] = useErrorBoundary();
  if (error !== undefined) {
    return (
      <p class="banner banner--error" role="alert" data-testid="view-failed">
        {t('desk.viewFailed', { detail: error instanceof Error ? error.message : String(error) })}
      </p>
    );
  }
  return <>{children}</>;
}

export function DeskApp() {
  const current = session.value;
  return (
    <>
      <PageHeader subtitle={t('desk.title')}>
        {current !== null && (
          <>
            <span class="page-header__user">{t('desk.loggedInAs', { login: current.me.user.login })}</span>
            {!enrolmentPending.value && <NotificationBell session={current} />}
            <button type="button" class="button button--header" data-testid="logout" onClick={() => void endSession()}>
              {t('desk.logout')}
            </button>
          </>
        )}
      </PageHeader>
      <main class="page page--desk">
        {current !== null && !enrolmentPending.value && <DeskNav session={current} />}
        <ViewBoundary key={deskView.value.name}>
          <SignedIn />
        </ViewBoundary>
      </main>
    </>
  );
}
