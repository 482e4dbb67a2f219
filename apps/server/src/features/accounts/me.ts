/**
 * What a signed-in staff member's browser needs to unlock its keys: its wrapped private keys,
 * its memberships with the organisation keys sealed to it, and the signed directory to check
 * every public key it will seal to.
 */
import * as v from 'valibot';
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { KeyGrant, MeResponse } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { orgKeyHistory } from '../orgs/index.ts';
import type { OrgRepo } from '../orgs/index.ts';
import { SETTING_KEYS } from '../shared/records.ts';
import type { DirectoryRepo, SignedVersion } from '../shared/records.ts';
import type { AccountRepo } from './ports.ts';

type MembershipGrants = { readonly orgKeyGrant: KeyGrant | null; readonly olderOrgKeyGrants: KeyGrant[] };

/**
 * orgs (issue 3): the organisation key grant of the version the signed directory lists, which
 * is the one the browser can check, and the grants of every older version (they open what was
 * sealed before a rotation; the browser checks them against `keyHistory`). An organisation
 * whose keys are not signed yet (new, or just rotated) gives its newest grant only through the
 * organisation keys route; an organisation without keys, or not listed, gives none here.
 */
async function listedGrants(orgs: OrgRepo, latest: SignedVersion, orgId: string, userId: string): Promise<MembershipGrants> {
  const listed = v.parse(DirectoryBodySchema, JSON.parse(latest.body)).organisations.find((o) => o.id === orgId);
  if (listed === undefined) return { orgKeyGrant: null, olderOrgKeyGrants: [] };
  const grants = (await orgs.orgGrants(orgId, { recipientType: 'user', recipientId: userId })).map(({ id: _id, ...view }) => view);
  return {
    orgKeyGrant: grants.find((g) => g.keyVersion === listed.keyVersion) ?? null,
    olderOrgKeyGrants: grants.filter((g) => g.keyVersion < listed.keyVersion).sort((a, b) => a.keyVersion - b.keyVersion),
  };
}

export async function me(repos: { readonly accounts: AccountRepo; readonly directory: DirectoryRepo; readonly orgs: OrgRepo }, userId: string): Promise<MeResponse> {
  const { accounts, directory } = repos;
  const [user, memberships, coalitionSigningPublic, latest] = await Promise.all([
    accounts.userById(userId),
    accounts.membershipsOf(userId),
    directory.setting(SETTING_KEYS.coalitionSigningPublic),
    directory.latestDirectory(),
  ]);
  if (user === undefined) throw new AppError('unauthenticated');
  if (coalitionSigningPublic === undefined || latest === undefined) throw new AppError('not-set-up');
  const views = await Promise.all(memberships.map(async (m) => ({ ...m, ...(await listedGrants(repos.orgs, latest, m.orgId, userId)) })));
  return {
    user: {
      id: user.id,
      login: user.login,
      x25519Public: user.x25519Public,
      ed25519Public: user.ed25519Public,
      keyVersion: user.keyVersion,
      wrappedKeys: user.wrappedKeys,
    },
    memberships: views,
    coalitionSigningPublic,
    directory: { body: latest.body, signature: latest.signature },
    // Every organisation's: older grants open old alerts, and older signing keys verify what
    // other organisations signed before they rotated (forwarded packages).
    keyHistory: await orgKeyHistory(directory),
  };
}
