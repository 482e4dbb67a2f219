/**
 * Every version of the organisation keys a staff member was granted (orgs, issue 3). After a
 * rotation, alerts, packages and desk keys sealed before it are still sealed to the older
 * version, and messages and packages signed before it carry the older signing key: openers
 * pick the key by the grant's recipientKeyVersion, and verifiers accept the signing keys the
 * signed directories listed for the organisation.
 *
 * SECURITY: an older version is trusted only as a signed directory older than the current one
 * lists it (verified here with the coalition key); a grant of a version nothing vouches for is
 * not opened, so the server cannot slip in a key pair of its own making as an "old version"
 * (it would let it forge organisation messages shown as verified).
 */
import type { DirectoryBody, KeyGrant, MeResponse, SignedDocument } from '@kenekanko/contracts';
import { fromBase64Url } from '@kenekanko/crypto';
import { ClientError } from './errors.ts';
import { openGrant, parsePrivateKeys } from './grants.ts';
import type { ExpectedPublics, KeySet } from './grants.ts';
import { verifyDirectory } from './signed-documents.ts';
import { directoryOrganisation } from './trusted-intake.ts';

/** Organisation id → key version → the public keys a signed directory listed for it. */
export type KeyHistory = ReadonlyMap<string, ReadonlyMap<number, ExpectedPublics>>;

/** What openers need: the current keys, every granted version, and the vouched public keys. */
export type OrgKeychain = {
  readonly orgKeys: ReadonlyMap<string, KeySet>;
  readonly orgKeyVersions: ReadonlyMap<string, ReadonlyMap<number, KeySet>>;
  readonly directory: DirectoryBody;
  readonly keyHistory: KeyHistory;
};

/**
 * The older key versions the served directories vouch for: each must verify with the coalition
 * key and be older than `current`; only versions below the one `current` lists are kept.
 */
export function verifiedKeyHistory(documents: readonly SignedDocument[], coalitionPublic: Uint8Array, current: DirectoryBody): Map<string, Map<number, ExpectedPublics>> {
  const history = new Map<string, Map<number, ExpectedPublics>>();
  for (const document of documents) {
    const older = verifyDirectory(document, coalitionPublic);
    if (older.version >= current.version) throw new ClientError('untrusted-directory', 'a directory of older keys is not older than the current one');
    for (const org of older.organisations) {
      const now = current.organisations.find((o) => o.id === org.id);
      if (now !== undefined && org.keyVersion >= now.keyVersion) continue;
      const versions = history.get(org.id) ?? new Map<number, ExpectedPublics>();
      versions.set(org.keyVersion, { x25519Public: org.x25519Public, ed25519Public: org.ed25519Public });
      history.set(org.id, versions);
    }
  }
  return history;
}

function addressedToMe(grant: KeyGrant, me: MeResponse, orgId: string): boolean {
  return grant.objectType === 'organisation' && grant.objectId === orgId && grant.keyKind === 'organisation' && grant.recipientType === 'user' && grant.recipientId === me.user.id;
}

function openOrgGrant(grant: KeyGrant, user: KeySet, expected: ExpectedPublics): KeySet {
  const secret = openGrant(grant, user.x25519.privateKey);
  try {
    return parsePrivateKeys(secret, expected, 'the organisation keys');
  } finally {
    secret.fill(0);
  }
}

/**
 * An older version that does not open or is not the pair its directory listed is left out: what
 * was sealed to it shows as broken (as a broken alert grant does), the desk stays usable.
 */
function openOlderGrant(grant: KeyGrant, user: KeySet, expected: ExpectedPublics): KeySet | null {
  try {
    return openOrgGrant(grant, user, expected);
  } catch {
    return null;
  }
}

/** Opens every organisation key granted to this user: the current one checked against the signed directory, older ones against the key history. */
export function openOrganisationKeys(
  me: MeResponse,
  user: KeySet,
  directory: DirectoryBody,
  keyHistory: KeyHistory,
): { orgKeys: Map<string, KeySet>; orgKeyVersions: Map<string, Map<number, KeySet>> } {
  const orgKeys = new Map<string, KeySet>();
  const orgKeyVersions = new Map<string, Map<number, KeySet>>();
  for (const membership of me.memberships) {
    const { orgId, orgKeyGrant, olderOrgKeyGrants } = membership;
    const versions = orgKeyVersions.get(orgId) ?? new Map<number, KeySet>();
    if (orgKeyGrant !== null) {
      if (!addressedToMe(orgKeyGrant, me, orgId)) throw new ClientError('missing-key', 'an organisation key grant is not addressed to this user');
      const keys = versions.get(orgKeyGrant.keyVersion) ?? openOrgGrant(orgKeyGrant, user, directoryOrganisation(directory, orgId));
      orgKeys.set(orgId, keys);
      versions.set(orgKeyGrant.keyVersion, keys);
    }
    for (const grant of olderOrgKeyGrants) {
      const expected = keyHistory.get(orgId)?.get(grant.keyVersion);
      // An older version nothing vouches for was never in a signed directory: nothing was sealed to it.
      if (!addressedToMe(grant, me, orgId) || expected === undefined || versions.has(grant.keyVersion)) continue;
      const keys = openOlderGrant(grant, user, expected);
      if (keys !== null) versions.set(grant.keyVersion, keys);
    }
    if (versions.size > 0) orgKeyVersions.set(orgId, versions);
  }
  return { orgKeys, orgKeyVersions };
}

/** The organisation's key pair of `keyVersion` (a grant's recipientKeyVersion), if this user holds it. */
export function orgKeyAt(keychain: Pick<OrgKeychain, 'orgKeyVersions'>, orgId: string, keyVersion: number): KeySet | undefined {
  return keychain.orgKeyVersions.get(orgId)?.get(keyVersion);
}

/** Every signing key the signed directories listed for the organisation: the current one first, then older ones, newest first. */
export function orgSigningKeys(keychain: Pick<OrgKeychain, 'directory' | 'keyHistory'>, orgId: string): Uint8Array[] {
  const current = keychain.directory.organisations.find((o) => o.id === orgId);
  const older = [...(keychain.keyHistory.get(orgId) ?? new Map<number, ExpectedPublics>()).entries()].sort(([a], [b]) => b - a).map(([, keys]) => keys);
  return [...(current === undefined ? [] : [current]), ...older].map((keys) => fromBase64Url(keys.ed25519Public));
}
