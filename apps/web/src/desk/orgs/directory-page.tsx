/**
 * Coalition coordinators: changes waiting for the coalition's signature (new organisations,
 * new or rotated keys, renames, routing), each approved by its fingerprint, then the next
 * directory version signed in this browser. SECURITY: signNextDirectory recomputes every
 * fingerprint from the keys it signs and refuses any change not approved with it.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadPendingDirectory, signNextDirectory } from '@kenekanko/client';
import type { DirectoryChange, PendingDirectory, StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';
import { kindLabel } from './org-labels.ts';

function changeLabel(change: DirectoryChange): string {
  switch (change.change) {
    case 'added':
      return t('desk.orgs.change.added');
    case 'keys':
      return t('desk.orgs.change.keys', { version: change.keyVersion });
    case 'details':
      return t('desk.orgs.change.details');
    case 'removed':
      return t('desk.orgs.change.removed');
  }
}

export function DirectoryPage(props: { readonly session: StaffSession }) {
  const [pending, setPending] = useState<PendingDirectory | null>(null);
  const [approved, setApproved] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = (): void => void loadPendingDirectory(props.session).then(setPending, (e: unknown) => setFailure(deskFailure(e)));
  useEffect(load, [props.session]);

  const toggle = (change: DirectoryChange, on: boolean): void => {
    const next = new Map(approved);
    if (on) next.set(change.orgId, change.fingerprint);
    else next.delete(change.orgId);
    setApproved(next);
  };
  const sign = (p: PendingDirectory): void =>
    void signNextDirectory(props.session, p, approved).then(
      (version) => {
        setNotice(t('desk.orgs.signed', { version }));
        setApproved(new Map());
        load();
      },
      (e: unknown) => setFailure(deskFailure(e)),
    );
  const routedName = (orgId: string): string => pending?.view.organisations.find((o) => o.id === orgId)?.name ?? orgId;
  const nothing = pending !== null && pending.changes.length === 0 && pending.routingChange === null;
  return (
    <section class="panel" aria-labelledby="directory-title" data-testid="directory-page">
      <h1 id="directory-title">{t('desk.orgs.directoryTitle')}</h1>
      <p>{t('desk.orgs.directoryIntro')}</p>
      {failure !== null && <ErrorBanner error={failure} />}
      {notice !== null && <p class="banner banner--ok" role="status">{notice}</p>}
      {pending !== null && <p>{t('desk.orgs.directoryLatest', { version: pending.latest.version })}</p>}
      {pending !== null && !pending.canSign && <p class="banner banner--warning">{t('desk.orgs.noSigningKey')}</p>}
      {nothing && <p>{t('desk.orgs.noChanges')}</p>}
      {pending !== null && pending.routingChange !== null && <p>{t('desk.orgs.routingChange', { name: routedName(pending.routingChange.to) })}</p>}
      <ul>
        {(pending?.changes ?? []).map((change) => (
          <li key={change.orgId} data-testid={`change-${change.orgId}`}>
            <p>
              {change.name} ({kindLabel(change.kind)}) — {changeLabel(change)} — {t('desk.orgs.fingerprint')} <code>{change.fingerprint}</code>
            </p>
            {change.change !== 'removed' && (
              <label class="choice" for={`approve-${change.orgId}`}>
                <input type="checkbox" id={`approve-${change.orgId}`} checked={approved.has(change.orgId)} onChange={(e) => toggle(change, e.currentTarget.checked)} />
                <span>{t('desk.orgs.approve')}</span>
              </label>
            )}
          </li>
        ))}
      </ul>
      {pending !== null && pending.canSign && !nothing && (
        <button type="button" class="button button--primary" data-testid="directory-sign" onClick={() => sign(pending)}>
          {t('desk.orgs.sign', { version: pending.latest.version + 1 })}
        </button>
      )}
    </section>
  );
}
