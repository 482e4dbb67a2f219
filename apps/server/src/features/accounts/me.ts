/**
 * What a signed-in staff member's browser needs to unlock its keys: its wrapped private keys,
 * its memberships with the organisation keys sealed to it, and the signed directory to check
 * every public key it will seal to.
 */
import type { MeResponse } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import { SETTING_KEYS } from '../shared/records.ts';
import type { DirectoryRepo } from '../shared/records.ts';
import type { AccountRepo } from './ports.ts';

export async function me(repos: { readonly accounts: AccountRepo; readonly directory: DirectoryRepo }, userId: string): Promise<MeResponse> {
  const { accounts, directory } = repos;
  const [user, memberships, coalitionSigningPublic, latest] = await Promise.all([
    accounts.userById(userId),
    accounts.membershipsOf(userId),
    directory.setting(SETTING_KEYS.coalitionSigningPublic),
    directory.latestDirectory(),
  ]);
  if (user === undefined) throw new AppError('unauthenticated');
  if (coalitionSigningPublic === undefined || latest === undefined) throw new AppError('not-set-up');
  const views = await Promise.all(
    memberships.map(async (m) => ({ ...m, orgKeyGrant: (await accounts.orgKeyGrant(m.orgId, userId)) ?? null })),
  );
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
  };
}
