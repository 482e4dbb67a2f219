import { t } from '../i18n/desk/catalogues.ts';
import { assertNever } from '../shared/assert-never.ts';
import { PageHeader } from '../shared/components/page-header.tsx';
import { AlertPage } from './alert/alert-page.tsx';
import { deskView, endSession, session } from './desk-state.ts';
import { InboxPage } from './inbox/inbox-page.tsx';
import { DeskNav } from './desk-nav.tsx';
import { LoginPage } from './login-page.tsx';

function SignedIn() {
  const current = session.value;
  if (current === null) return <LoginPage />;
  const view = deskView.value;
  switch (view.name) {
    case 'inbox':
      return <InboxPage session={current} />;
    case 'alert':
      return <AlertPage key={view.alertId} session={current} alertId={view.alertId} />;
    default:
      return assertNever(view);
  }
}

export function DeskApp() {
  const current = session.value;
  return (
    <>
      <PageHeader subtitle={t('desk.title')}>
        {current !== null && (
          <>
            <span class="page-header__user">{t('desk.loggedInAs', { login: current.me.user.login })}</span>
            <button type="button" class="button button--header" data-testid="logout" onClick={() => void endSession()}>
              {t('desk.logout')}
            </button>
          </>
        )}
      </PageHeader>
      <main class="page page--desk">
        {current !== null && <DeskNav session={current} />}
        <SignedIn />
      </main>
    </>
  );
}
