import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, staffLogin } from '@kenekanko/client';
import { toBase64Url } from '@kenekanko/crypto';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from './harness.ts';
import type { Harness } from './harness.ts';
import { createWorld } from './world.ts';

describe.each(DATABASE_KINDS)('the test world on %s', (kind) => {
  let h: Harness;
  afterEach(async () => h.close());

  it('gives a member with a password a real login that opens its organisation key', async () => {
    h = await createHarness(kind);
    const world = await createWorld(h);
    const oclei = await world.addOrg('authority', 'OCLEI');
    const liaison = await world.addMember(oclei, 'authority-liaison', { password: 'une phrase de passe assez longue' });
    const session = await staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), liaison.login, 'une phrase de passe assez longue');
    expect(session.me.memberships.map((m) => [m.orgName, m.role])).toEqual([['OCLEI', 'authority-liaison']]);
    expect(toBase64Url(session.keyring.orgKeys.get(oclei.id)?.x25519.publicKey ?? new Uint8Array())).toBe(toBase64Url(oclei.keys.x25519.publicKey));
    expect(session.keyring.directory.organisations.map((o) => o.name)).toEqual(['COSCLCCP', 'OCLEI']);
  });

  it('gives a focal point no organisation key', async () => {
    h = await createHarness(kind);
    const world = await createWorld(h);
    const focal = await world.addMember(world.coalition, 'focal-point');
    const cookie = await focal.logIn();
    const me = (await (await h.request('GET', '/api/me', { cookie })).json()) as { memberships: { role: string; orgKeyGrant: unknown }[] };
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'focal-point', orgKeyGrant: null })]);
  });
});
