/**
 * The desk's entry (desk.html): /setup for the first setup, /desk and /desk/* for staff.
 *
 * SECURITY: the setup token arrives in the URL fragment; it is read once and removed from
 * the address bar before anything renders, so it stays in neither the history nor the
 * screen. Keys live in memory only: a reload means logging in again.
 */
import '../shared/base.css';
import '../shared/controls.css';
import './desk.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { language } from '../i18n/catalogues.ts';
import { DeskApp } from './desk-app.tsx';
import { SetupPage } from './setup/setup-page.tsx';
import { readSetupToken } from './setup/setup-values.ts';
import { PageHeader } from '../shared/components/page-header.tsx';
import { t } from '../i18n/desk/catalogues.ts';
import { invitationCodeFromFragment } from '@kenekanko/client';
import { InvitationPage } from './orgs/invitation-page.tsx';

function takeSetupToken(): string | null {
  const token = readSetupToken(location.hash);
  if (location.hash !== '') history.replaceState(null, '', location.pathname + location.search);
  return token;
}

effect(() => {
  document.documentElement.lang = language.value;
});

const root = document.getElementById('app');
if (root !== null && location.pathname === '/setup') {
  const token = takeSetupToken();
  render(
    <>
      <PageHeader subtitle={t('desk.setup.title')} />
      <main class="page page--desk">
        <SetupPage token={token} />
      </main>
    </>,
    root,
  );
} else if (root !== null && location.hash.startsWith('#invite=')) {
  // orgs (issue 3): SECURITY: the invitation code is read once and removed from the address bar, like the setup token.
  const code = invitationCodeFromFragment(location.hash) ?? null;
  history.replaceState(null, '', location.pathname + location.search);
  render(
    <>
      <PageHeader subtitle={t('desk.orgs.inviteAcceptTitle')} />
      <main class="page page--desk">
        <InvitationPage code={code} />
      </main>
    </>,
    root,
  );
} else if (root !== null) {
  render(<DeskApp />, root);
}
