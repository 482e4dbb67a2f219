import { afterEach, describe, expect, it } from 'vitest';
import { acceptInvitation, createApiClient, invitationCodeFromFragment, invitationLink, inviteMember, isApiError, joinInvitation, lookUpInvitation, staffLogin } from '@kenekanko/client';
import type { ApiClient } from '@kenekanko/client';
import { ORGS_ROUTES } from '@kenekanko/contracts';
import { sha256, toBase64Url, fromBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { createWorld } from '../testing/world.ts';
import type { World, WorldMember } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';
const client = (h: Harness): ApiClient => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return error.code;
    throw error;
  }
  throw new Error('expected an API error');
}

describe.each(DATABASE_KINDS)('invitations on %s', (kind) => {
  let h: Harness;
  let world: World;
  let admin: WorldMember;
  afterEach(async () => h.close());

  async function start(): Promise<void> {
    h = await createHarness(kind);
    world = await createWorld(h);
    admin = await world.addMember(world.coalition, 'administrator', { password: PASSWORD });
  }

  it('lets an invitee make an account whose keys they alone can open, once, and stores only the code hash', async () => {
    await start();
    const oclei = await world.addOrg('authority', 'OCLEI');
    const session = await staffLogin(client(h), admin.login, PASSWORD);
    const invitation = await inviteMember(session, { orgId: oclei.id, role: 'authority-liaison' });
    const link = invitationLink(PUBLIC_URL, invitation.code);
    expect(link).toBe(`${PUBLIC_URL}/desk.html#invite=${invitation.code}`);
    const code = invitationCodeFromFragment(new URL(link).hash) ?? '';

    const row = await h.db.selectFrom('invitations').selectAll().executeTakeFirstOrThrow();
    expect(row.code_hash).toBe(toBase64Url(sha256(fromBase64Url(code))));
    expect(JSON.stringify(row)).not.toContain(code);

    const invitee = client(h);
    expect(await lookUpInvitation(invitee, code)).toMatchObject({ orgId: oclei.id, orgName: 'OCLEI', role: 'authority-liaison', login: null });
    const accepted = await acceptInvitation(invitee, code, { login: 'awa.liaison', password: PASSWORD });
    expect(accepted.recoveryKey.length).toBeGreaterThan(20);
    const liaison = await staffLogin(client(h), 'awa.liaison', PASSWORD);
    expect(liaison.me.memberships.map((m) => [m.orgId, m.role, m.orgKeyGrant])).toEqual([[oclei.id, 'authority-liaison', null]]);
    const user = await h.db.selectFrom('users').selectAll().where('login', '=', 'awa.liaison').executeTakeFirstOrThrow();
    expect(user.wrapped_keys).not.toBe(user.recovery_wrapped_keys);

    expect(await codeOf(acceptInvitation(client(h), code, { login: 'someone.else', password: PASSWORD }))).toBe('invitation-invalid');
    expect(await codeOf(lookUpInvitation(client(h), code))).toBe('invitation-invalid');
    const actions = await h.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(actions.map((a) => a.action).filter((a) => a === 'invite' || a === 'join')).toEqual(['invite', 'join']);
  });

  it('expires invitations after seven days and holds a named invitation to its login', async () => {
    await start();
    const session = await staffLogin(client(h), admin.login, PASSWORD);
    const named = await inviteMember(session, { orgId: world.coalition.id, role: 'analyst', login: 'Moussa.Analyste' });
    const late = await inviteMember(session, { orgId: world.coalition.id, role: 'analyst' });
    expect(await codeOf(acceptInvitation(client(h), named.code, { login: 'not.moussa', password: PASSWORD }))).toBe('invitation-other-login');
    h.advance(7 * 24 * 3600 + 1);
    expect(await codeOf(acceptInvitation(client(h), late.code, { login: 'late.analyst', password: PASSWORD }))).toBe('invitation-invalid');
    expect(await h.db.selectFrom('users').select('id').where('login', '=', 'late.analyst').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a taken login, and lets an existing account join a second organisation', async () => {
    await start();
    const cso = await world.addOrg('cso', 'Tiwindi');
    const analyst = await world.addMember(world.coalition, 'analyst', { password: PASSWORD });
    const session = await staffLogin(client(h), admin.login, PASSWORD);
    const first = await inviteMember(session, { orgId: cso.id, role: 'analyst' });
    expect(await codeOf(acceptInvitation(client(h), first.code, { login: analyst.login, password: PASSWORD }))).toBe('login-taken');
    const analystSession = await staffLogin(client(h), analyst.login, PASSWORD);
    expect(await joinInvitation(analystSession, first.code)).toEqual({ userId: analyst.userId, orgId: cso.id, role: 'analyst' });
    const again = await inviteMember(session, { orgId: cso.id, role: 'analyst' });
    expect(await codeOf(joinInvitation(analystSession, again.code))).toBe('already-member');
  });

  it('lets only administrators of the organisation (or of the coalition) invite, with a role that fits its kind', async () => {
    await start();
    const cso = await world.addOrg('cso', 'Tiwindi');
    const other = await world.addOrg('cso', 'Autre');
    const csoAdmin = await world.addMember(cso, 'administrator');
    const coordinator = await world.addMember(cso, 'coordinator');
    const invite = (cookie: string, orgId: string, role: string) => h.request('POST', ORGS_ROUTES.invitations(orgId), { cookie, json: { role } });
    const adminCookie = await csoAdmin.logIn();
    expect((await invite(adminCookie, cso.id, 'analyst')).status).toBe(200);
    expect((await invite(adminCookie, other.id, 'analyst')).status).toBe(404);
    expect((await invite(await coordinator.logIn(), cso.id, 'analyst')).status).toBe(403);
    const platform = await admin.logIn();
    expect((await invite(platform, other.id, 'focal-point')).status).toBe(200);
    const wrongRole = await invite(platform, cso.id, 'authority-liaison');
    expect(wrongRole.status).toBe(400);
    expect(await wrongRole.json()).toMatchObject({ error: { code: 'validation-failed', issues: ['role'] } });
  });
});
