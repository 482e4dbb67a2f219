/**
 * Key holders: for each organisation where this person has a key-holding role, who waits for
 * the key (grant after a fingerprint check), rotation after someone left, and restoring the
 * organisation with its printed recovery key. SECURITY: every key is made, opened and sealed
 * in this browser; the server only stores what is sealed.
 */
import { useEffect, useState } from 'preact/hooks';
import { createOrgKeys, grantOrgKey, loadOrgKeys, myFingerprint, personFingerprint, publicKeysFingerprint, restoreOrgKey, rotateOrgKey } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { ORG_KEY_ROLES } from '@kenekanko/contracts';
import type { KeyMember, OrgKeysView } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';
import { RecoveryKeyPanel } from './recovery-key-panel.tsx';

type Props = { readonly session: StaffSession };

function Waiting(props: Props & { readonly view: OrgKeysView; readonly member: KeyMember; readonly onDone: (message: string) => void; readonly onError: (e: unknown) => void }) {
  const [checked, setChecked] = useState(false);
  const fp = personFingerprint(props.member.x25519Public);
  const id = `fp-${props.member.userId}`;
  return (
    <li>
      <p>
        {props.member.login} — {t('desk.orgs.fingerprint')} <code>{fp}</code>
      </p>
      <label class="choice" for={id}>
        <input type="checkbox" id={id} checked={checked} onChange={(e) => setChecked(e.currentTarget.checked)} />
        <span>{t('desk.orgs.fingerprintConfirm', { login: props.member.login })}</span>
      </label>
      <button
        type="button"
        class="button button--primary"
        disabled={!checked}
        data-testid={`grant-${props.member.login}`}
        onClick={() => void grantOrgKey(props.session, props.view.orgId, props.member.userId, fp).then(() => props.onDone(t('desk.orgs.granted', { login: props.member.login })), props.onError)}
      >
        {t('desk.orgs.grant')}
      </button>
    </li>
  );
}

function OrgKeysPanel(props: Props & { readonly orgId: string }) {
  const [view, setView] = useState<OrgKeysView | null>(null);
  const [recovery, setRecovery] = useState<{ readonly key: string; readonly version: number } | null>(null);
  const [recoveryText, setRecoveryText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = (): void => void loadOrgKeys(props.session, props.orgId).then(setView, (e: unknown) => setFailure(deskFailure(e)));
  useEffect(load, [props.orgId]);
  const fail = (e: unknown): void => setFailure(deskFailure(e));
  const done = (message: string): void => {
    setNotice(message);
    load();
  };
  if (view === null) return failure === null ? null : <ErrorBanner error={failure} />;
  const holds = view.myGrants.some((g) => g.keyVersion === view.keyVersion && view.keyVersion > 0);
  const makeKeys = (rotate: boolean) => {
    if (rotate && !window.confirm(t('desk.orgs.rotateConfirm'))) return;
    (rotate ? rotateOrgKey : createOrgKeys)(props.session, view.orgId).then((r) => {
      setRecovery({ key: r.recoveryKey, version: r.keyVersion });
      load();
    }, fail);
  };
  return (
    <section class="panel" data-testid={`org-keys-${view.orgId}`}>
      <h2>{t('desk.orgs.keysTitle', { name: view.orgName })}</h2>
      {view.x25519Public !== null && view.ed25519Public !== null && (
        <p data-testid={`org-fingerprint-${view.orgId}`}>{t('desk.orgs.orgFingerprint', { fingerprint: publicKeysFingerprint(view.x25519Public, view.ed25519Public) })}</p>
      )}
      {failure !== null && <ErrorBanner error={failure} />}
      {notice !== null && <p class="banner banner--ok" role="status">{notice}</p>}
      {recovery !== null && <RecoveryKeyPanel title={t('desk.orgs.recoveryTitle', { version: recovery.version })} intro={t('desk.orgs.recoveryIntro')} recoveryKey={recovery.key} />}
      {view.keyVersion === 0 ? (
        <>
          <p>{t('desk.orgs.noKeys')}</p>
          <button type="button" class="button button--primary" data-testid="org-create-keys" onClick={() => makeKeys(false)}>
            {t('desk.orgs.createKeys')}
          </button>
        </>
      ) : holds ? (
        <>
          <h3>{t('desk.orgs.waitingTitle')}</h3>
          {view.waiting.length === 0 && <p>{t('desk.orgs.waitingNone')}</p>}
          <ul>
            {view.waiting.map((m) => (
              <Waiting key={m.userId} session={props.session} view={view} member={m} onDone={done} onError={fail} />
            ))}
          </ul>
          <button type="button" class="button button--secondary" data-testid="org-rotate" onClick={() => makeKeys(true)}>
            {t('desk.orgs.rotate')}
          </button>
        </>
      ) : (
        <>
          <h3>{t('desk.orgs.restoreTitle')}</h3>
          <div class="field">
            <label class="field__label" for={`restore-${view.orgId}`}>{t('desk.orgs.restoreKey')}</label>
            <input id={`restore-${view.orgId}`} type="text" autocomplete="off" spellcheck={false} value={recoveryText} onInput={(e) => setRecoveryText(e.currentTarget.value)} />
          </div>
          <button
            type="button"
            class="button button--primary"
            data-testid="org-restore"
            onClick={() => void restoreOrgKey(props.session, view.orgId, recoveryText).then(() => { setRecoveryText(''); done(t('desk.orgs.restored')); }, fail)}
          >
            {t('desk.orgs.restore')}
          </button>
        </>
      )}
    </section>
  );
}

export function KeysPage(props: Props) {
  const orgIds = [...new Set(props.session.me.memberships.filter((m) => ORG_KEY_ROLES.includes(m.role)).map((m) => m.orgId))];
  return (
    <>
      <section class="panel" data-testid="keys-page">
        <h1>{t('desk.orgs.navKeys')}</h1>
        <p>{t('desk.orgs.keysIntro')}</p>
        <p>{t('desk.orgs.myFingerprint', { fingerprint: myFingerprint(props.session) })}</p>
      </section>
      {orgIds.map((orgId) => (
        <OrgKeysPanel key={orgId} session={props.session} orgId={orgId} />
      ))}
    </>
  );
}
