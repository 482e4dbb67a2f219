/**
 * desk.html#invite=<code>: the invitee sees where they are invited, chooses a login and a
 * password (their keys are made here and the printed recovery key shown once), or logs in
 * with an existing account and accepts. SECURITY: main.tsx takes the code from the fragment
 * and removes it from the address bar before this renders; it travels in bodies only.
 */
import { useEffect, useState } from 'preact/hooks';
import { acceptInvitation, joinInvitation, lookUpInvitation, MIN_PASSWORD_LENGTH, myFingerprint, publicKeysFingerprint, staffLogin } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { InvitationView } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { api } from '../../shared/api.ts';
import { RecoveryKeyPanel } from './recovery-key-panel.tsx';
import { roleLabel } from './org-labels.ts';

type Done = { readonly fingerprint: string; readonly orgFingerprint: string | null; readonly recoveryKey: string | null };

/** The organisation's fingerprint as the signed directory lists it (the Key directory page shows the same), or null before it has keys. */
function orgFingerprintOf(session: StaffSession, orgId: string): string | null {
  const listed = session.keyring.directory.organisations.find((o) => o.id === orgId);
  return listed === undefined ? null : publicKeysFingerprint(listed.x25519Public, listed.ed25519Public);
}

export function InvitationPage(props: { readonly code: string | null }) {
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [existing, setExisting] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const code = props.code;
  useEffect(() => {
    if (code !== null) lookUpInvitation(api(), code).then((found) => { setInvitation(found); setLogin(found.login ?? ''); }, setFailure);
  }, [code]);
  if (code === null) return <section class="panel"><p class="banner banner--error" role="alert">{t('desk.orgs.inviteMissing')}</p></section>;

  async function submit(currentCode: string): Promise<void> {
    setFailure(null);
    if (!existing && password !== again) return setFailure(new Error(t('desk.orgs.passwordMismatch')));
    setWorking(true);
    try {
      if (existing) {
        const session = await staffLogin(api(), login, password);
        await joinInvitation(session, currentCode);
        setDone({ fingerprint: myFingerprint(session), orgFingerprint: orgFingerprintOf(session, invitation?.orgId ?? ''), recoveryKey: null });
        await session.logout();
      } else {
        const accepted = await acceptInvitation(api(), currentCode, { login, password });
        const session = await staffLogin(api(), accepted.login, password);
        setDone({ fingerprint: myFingerprint(session), orgFingerprint: orgFingerprintOf(session, invitation?.orgId ?? ''), recoveryKey: accepted.recoveryKey });
        await session.logout();
      }
      setPassword('');
      setAgain('');
    } catch (error) {
      setFailure(error);
    } finally {
      setWorking(false);
    }
  }

  if (done !== null) {
    return (
      <>
        {done.recoveryKey !== null && <RecoveryKeyPanel title={t('desk.orgs.userRecoveryTitle')} intro={t('desk.orgs.userRecoveryIntro')} recoveryKey={done.recoveryKey} />}
        <section class="panel" data-testid="invite-done">
          <p role="status">{t('desk.orgs.joined', { fingerprint: done.fingerprint })}</p>
          {done.orgFingerprint !== null && <p data-testid="invite-org-fingerprint">{t('desk.orgs.orgFingerprint', { fingerprint: done.orgFingerprint })}</p>}
          <button type="button" class="button button--primary" onClick={() => location.replace('/desk')}>
            {t('desk.orgs.continue')}
          </button>
        </section>
      </>
    );
  }
  return (
    <form class="panel" noValidate data-testid="invite-form" onSubmit={(e) => { e.preventDefault(); void submit(code); }}>
      <h1>{t('desk.orgs.inviteAcceptTitle')}</h1>
      {invitation !== null && <p>{t('desk.orgs.inviteAcceptIntro', { org: invitation.orgName, role: roleLabel(invitation.role) })}</p>}
      {failure !== null && <ErrorBanner error={failure} />}
      <label class="choice" for="invite-existing">
        <input type="checkbox" id="invite-existing" checked={existing} onChange={(e) => setExisting(e.currentTarget.checked)} />
        <span>{t('desk.orgs.existing')}</span>
      </label>
      <div class="field">
        <label class="field__label" for="invite-login-input">{t('desk.orgs.login')}</label>
        <input id="invite-login-input" type="text" autocomplete="username" autocapitalize="none" spellcheck={false} value={login} readOnly={invitation?.login !== null && invitation?.login !== undefined} onInput={(e) => setLogin(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label class="field__label" for="invite-password">{t('desk.orgs.password', { count: MIN_PASSWORD_LENGTH })}</label>
        <input id="invite-password" type="password" autocomplete={existing ? 'current-password' : 'new-password'} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
      </div>
      {!existing && (
        <div class="field">
          <label class="field__label" for="invite-password-again">{t('desk.orgs.passwordAgain')}</label>
          <input id="invite-password-again" type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
        </div>
      )}
      {working && <p role="status" class="field__hint">{t('desk.working')}</p>}
      <button type="submit" class="button button--primary" disabled={working || invitation === null} data-testid="invite-accept">
        {t('desk.orgs.accept')}
      </button>
    </form>
  );
}
