/**
 * Administrators: organisations with their kind and key status, creation, the Mali preset,
 * and for one organisation its members (remove) and invitations (the link is shown once).
 * SECURITY: the invitation code is in the link's fragment, which browsers never send.
 */
import { useEffect, useState } from 'preact/hooks';
import { addMaliPreset, createOrganisation, invitationLink, inviteMember, listMembers, listOrganisations, removeMember, renameOrganisation } from '@kenekanko/client';
import type { OrganisationList, StaffSession } from '@kenekanko/client';
import { CREATABLE_ORGANISATION_KINDS, ROLES } from '@kenekanko/contracts';
import type { MemberView, OrganisationView, Role } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';
import { ReporterNamingPanel } from '../forwarding/reporter-naming-panel.tsx';
import { hasReporterNaming } from '../forwarding/reporter-naming.ts';
import { kindLabel, roleLabel, statusLabel } from './org-labels.ts';

type Props = { readonly session: StaffSession };

function Members(props: Props & { readonly org: OrganisationView; readonly onChange: () => void }) {
  const [members, setMembers] = useState<readonly MemberView[]>([]);
  const [role, setRole] = useState<Role>('analyst');
  const [login, setLogin] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = (): void => void listMembers(props.session, props.org.id).then(setMembers, (e: unknown) => setFailure(deskFailure(e)));
  useEffect(load, [props.org.id]);

  async function run(work: () => Promise<void>): Promise<void> {
    setFailure(null);
    try {
      await work();
      load();
      props.onChange();
    } catch (error) {
      setFailure(deskFailure(error));
    }
  }
  const invite = () => run(async () => setLink(invitationLink(location.origin, (await inviteMember(props.session, { orgId: props.org.id, role, login })).code)));
  const remove = (m: MemberView) =>
    run(async () => {
      if (!window.confirm(t('desk.orgs.removeConfirm', { login: m.login, role: roleLabel(m.role) }))) return;
      const done = await removeMember(props.session, props.org.id, m.membershipId);
      setNotice(done.rotationAdvised ? t('desk.orgs.rotateAdvice', { login: m.login }) : null);
    });

  return (
    <section class="panel" data-testid="org-members">
      <h2>{t('desk.orgs.membersTitle', { name: props.org.name })}</h2>
      {failure !== null && <ErrorBanner error={failure} />}
      {notice !== null && <p class="banner banner--warning" role="status">{notice}</p>}
      <table class="inbox">
        <thead>
          <tr>
            <th scope="col">{t('desk.orgs.login')}</th>
            <th scope="col">{t('desk.orgs.role')}</th>
            <th scope="col">{t('desk.orgs.hasKey')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.membershipId}>
              <td>{m.login}</td>
              <td>{roleLabel(m.role)}</td>
              <td>{m.hasOrgKey ? t('desk.orgs.yes') : t('desk.orgs.no')}</td>
              <td>
                <button type="button" class="button button--secondary" data-testid={`remove-${m.login}`} onClick={() => void remove(m)}>
                  {t('desk.orgs.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('desk.orgs.inviteTitle')}</h3>
      <div class="field">
        <label class="field__label" for="invite-role">{t('desk.orgs.role')}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{roleLabel(r)}</option>)}
        </select>
      </div>
      <div class="field">
        <label class="field__label" for="invite-login">{t('desk.orgs.inviteLogin')}</label>
        <input id="invite-login" type="text" autocomplete="off" autocapitalize="none" value={login} onInput={(e) => setLogin(e.currentTarget.value)} />
      </div>
      <button type="button" class="button button--primary" data-testid="invite-submit" onClick={() => void invite()}>
        {t('desk.orgs.invite')}
      </button>
      {link !== null && (
        <p class="banner banner--ok" role="status">
          {t('desk.orgs.inviteLink')} <code data-testid="invite-link">{link}</code>
        </p>
      )}
    </section>
  );
}

export function OrganisationsPage(props: Props) {
  const [list, setList] = useState<OrganisationList | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof CREATABLE_ORGANISATION_KINDS)[number]>('cso');
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const load = (): void => void listOrganisations(props.session).then(setList, (e: unknown) => setFailure(deskFailure(e)));
  useEffect(load, [props.session]);

  async function run(work: () => Promise<void>): Promise<void> {
    setFailure(null);
    try {
      await work();
      load();
    } catch (error) {
      setFailure(deskFailure(error));
    }
  }
  const platform = list?.platformAdministrator ?? false;
  const chosen = list?.organisations.find((o) => o.id === selected);
  return (
    <>
      <section class="panel" aria-labelledby="orgs-title" data-testid="orgs-page">
        <h1 id="orgs-title">{t('desk.orgs.title')}</h1>
        <p>{t('desk.orgs.intro')}</p>
        {failure !== null && <ErrorBanner error={failure} />}
        {notice !== null && <p class="banner banner--ok" role="status">{notice}</p>}
        <table class="inbox">
          <thead>
            <tr>
              <th scope="col">{t('desk.orgs.name')}</th>
              <th scope="col">{t('desk.orgs.kind')}</th>
              <th scope="col">{t('desk.orgs.keys')}</th>
              <th scope="col">{t('desk.orgs.members')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(list?.organisations ?? []).map((org) => (
              <tr key={org.id}>
                <td>{org.name}</td>
                <td>{kindLabel(org.kind)}</td>
                <td>{statusLabel(org)}</td>
                <td>{org.memberCount}</td>
                <td>
                  <button type="button" class="button button--secondary" data-testid={`org-open-${org.id}`} onClick={() => setSelected(org.id)}>
                    {t('desk.orgs.open')}
                  </button>
                  {platform && (
                    <button
                      type="button"
                      class="button button--secondary"
                      onClick={() => {
                        const next = window.prompt(t('desk.orgs.renamePrompt'), org.name);
                        if (next !== null && next.trim() !== '') void run(() => renameOrganisation(props.session, org.id, next));
                      }}
                    >
                      {t('desk.orgs.rename')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {platform && (
          <>
            <h2>{t('desk.orgs.createTitle')}</h2>
            <div class="field">
              <label class="field__label" for="org-name">{t('desk.orgs.name')}</label>
              <input id="org-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <div class="field">
              <label class="field__label" for="org-kind">{t('desk.orgs.kind')}</label>
              <select id="org-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
                {CREATABLE_ORGANISATION_KINDS.map((k) => <option key={k} value={k}>{kindLabel(k)}</option>)}
              </select>
            </div>
            <div class="actions">
              <button type="button" class="button button--primary" data-testid="org-create" onClick={() => void run(async () => { await createOrganisation(props.session, { kind, name }); setName(''); })}>
                {t('desk.orgs.create')}
              </button>
              <button type="button" class="button button--secondary" data-testid="org-preset" onClick={() => void run(async () => setNotice(t('desk.orgs.presetDone', { count: (await addMaliPreset(props.session)).length })))}>
                {t('desk.orgs.preset')}
              </button>
            </div>
          </>
        )}
      </section>
      {chosen !== undefined && <Members key={chosen.id} session={props.session} org={chosen} onChange={load} />}
      {chosen !== undefined && hasReporterNaming(chosen.kind) && <ReporterNamingPanel key={`naming-${chosen.id}`} session={props.session} org={chosen} />}
    </>
  );
}
