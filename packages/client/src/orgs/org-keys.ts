/**
 * Organisation keys in a member's browser (DESIGN §3): made here (never on a server), sealed
 * to members after a fingerprint check, rotated after a removal, restored with the printed
 * organisation recovery key.
 *
 * SECURITY: the server serves members' public keys; a person's key is trusted only once the
 * fingerprint computed HERE from the keys being sealed to matches the one the granter
 * compared out of band (by phone, in person). An opened organisation key is checked against
 * the signed directory when it lists that version, else against the served public keys.
 */
import { concatBytes, ed25519KeyPair, fingerprint, fromBase64Url, generateRecoveryKey, parseRecoveryKey, sha256, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import { ORGS_ROUTES, OrgKeysViewSchema, OrgKeyVersionResponseSchema, PrivateKeysPayloadSchema } from '@kenekanko/contracts';
import type { KeyGrant, KeyMember, OrgKeysView } from '@kenekanko/contracts';
import { ClientError } from '../errors.ts';
import { newKeySet, openGrant, parsePrivateKeys, privateKeysBytes, sealGrant, unwrapGrant, wipeKeySet, wrapGrant } from '../grants.ts';
import type { ExpectedPublics, KeySet } from '../grants.ts';
import { parseJsonBytes } from '../json-bytes.ts';
import { personFingerprint } from '../person-fingerprint.ts';
import { id } from '../path-params.ts';
import type { StaffSession } from '../staff-session.ts';

type Session = Pick<StaffSession, 'api' | 'me' | 'keyring'>;

/** An organisation's fingerprint (Key directory, Keys page): 16 bytes of SHA-256 over both public keys, in groups of four hex digits. */
export function publicKeysFingerprint(x25519Public: string, ed25519Public: string): string {
  return fingerprint(sha256(concatBytes(fromBase64Url(x25519Public), fromBase64Url(ed25519Public))));
}

/** This signed-in user's own fingerprint, to read out to whoever grants them a key. */
export const myFingerprint = (session: Pick<StaffSession, 'me'>): string => personFingerprint(session.me.user.x25519Public);

export const loadOrgKeys = (session: Session, orgId: string): Promise<OrgKeysView> =>
  session.api.transport.json('GET', ORGS_ROUTES.orgKeys(id(orgId)), OrgKeysViewSchema);

/** The public keys a version of the organisation key must have, or null when nothing vouches for them (old versions). */
function expectedPublics(session: Session, view: OrgKeysView, keyVersion: number): ExpectedPublics | null {
  const listed = session.keyring.directory.organisations.find((o) => o.id === view.orgId);
  if (listed !== undefined && listed.keyVersion === keyVersion) return listed;
  if (keyVersion === view.keyVersion && view.x25519Public !== null && view.ed25519Public !== null) {
    return { x25519Public: view.x25519Public, ed25519Public: view.ed25519Public };
  }
  return null;
}

function openVersion(session: Session, view: OrgKeysView, grant: KeyGrant): KeySet {
  const mine = grant.objectId === view.orgId && grant.recipientType === 'user' && grant.recipientId === session.me.user.id && grant.keyKind === 'organisation';
  if (!mine) throw new ClientError('missing-key', 'an organisation key grant is not addressed to this user');
  const secret = openGrant(grant, session.keyring.user.x25519.privateKey);
  try {
    const expected = expectedPublics(session, view, grant.keyVersion);
    if (expected !== null) return parsePrivateKeys(secret, expected, 'the organisation keys');
    // An old version nothing vouches for any more: it can only fail to open old alerts, never leak new ones.
    const payload = parseJsonBytes(PrivateKeysPayloadSchema, secret, 'the organisation keys');
    return { x25519: x25519KeyPair(fromBase64Url(payload.x25519Private)), ed25519: ed25519KeyPair(fromBase64Url(payload.ed25519Private)) };
  } finally {
    secret.fill(0);
  }
}

/** Every version of the organisation key granted to this user (old versions open old alerts). */
export function openOrgKeyVersions(session: Session, view: OrgKeysView): Map<number, KeySet> {
  const versions = new Map<number, KeySet>();
  for (const grant of view.myGrants) versions.set(grant.keyVersion, openVersion(session, view, grant));
  return versions;
}

const wipeAll = (keys: Iterable<KeySet>): void => {
  for (const k of keys) wipeKeySet(k);
};

const header = (orgId: string, keyVersion: number) => ({ objectType: 'organisation', objectId: orgId, keyKind: 'organisation', keyVersion }) as const;

const sealTo = (orgId: string, keyVersion: number, member: Pick<KeyMember, 'userId' | 'x25519Public' | 'userKeyVersion'>, keys: KeySet): KeyGrant =>
  sealGrant({ ...header(orgId, keyVersion), recipientType: 'user', recipientId: member.userId, recipientKeyVersion: member.userKeyVersion }, fromBase64Url(member.x25519Public), privateKeysBytes(keys));

async function postNewKeys(session: Session, view: OrgKeysView, recipients: readonly Pick<KeyMember, 'userId' | 'x25519Public' | 'userKeyVersion'>[]): Promise<{ keyVersion: number; recoveryKey: string }> {
  const keyVersion = view.keyVersion + 1;
  const keys = newKeySet();
  const recovery = generateRecoveryKey();
  try {
    const secret = privateKeysBytes(keys);
    const grants = [
      ...recipients.map((m) => sealTo(view.orgId, keyVersion, m, keys)),
      wrapGrant({ ...header(view.orgId, keyVersion), recipientType: 'recovery', recipientId: view.orgId, recipientKeyVersion: 1 }, recovery.bytes, secret),
    ];
    secret.fill(0);
    const body = { keyVersion, x25519Public: toBase64Url(keys.x25519.publicKey), ed25519Public: toBase64Url(keys.ed25519.publicKey), grants };
    await session.api.transport.json('POST', ORGS_ROUTES.orgKeys(id(view.orgId)), OrgKeyVersionResponseSchema, { json: body });
    return { keyVersion, recoveryKey: recovery.display };
  } finally {
    wipeKeySet(keys);
    recovery.bytes.fill(0);
  }
}

const self = (session: Session) => ({ userId: session.me.user.id, x25519Public: session.me.user.x25519Public, userKeyVersion: session.me.user.keyVersion });

/** The organisation's first key pairs, sealed to this member and wrapped under a new recovery key (to print). */
export async function createOrgKeys(session: Session, orgId: string): Promise<{ keyVersion: number; recoveryKey: string }> {
  const view = await loadOrgKeys(session, orgId);
  if (view.keyVersion !== 0) throw new ClientError('bad-input', 'this organisation already has keys');
  return postNewKeys(session, view, [self(session)]);
}

/**
 * A new key version after a removal, sealed to every member who holds the current one and to
 * a new recovery key (to print). Effective for new alerts once the coalition signs the directory.
 */
export async function rotateOrgKey(session: Session, orgId: string): Promise<{ keyVersion: number; recoveryKey: string }> {
  const view = await loadOrgKeys(session, orgId);
  const current = view.myGrants.find((g) => g.keyVersion === view.keyVersion);
  if (current === undefined) throw new ClientError('missing-key', 'only a holder of the current organisation key can rotate it');
  wipeKeySet(openVersion(session, view, current)); // proves the current key opens and matches before replacing it
  const others = view.holders.filter((m) => m.userId !== session.me.user.id);
  return postNewKeys(session, view, [self(session), ...others]);
}

/**
 * Seals every version this member holds to a member waiting for the key, once the granter
 * compared `confirmedFingerprint` with the newcomer out of band.
 */
export async function grantOrgKey(session: Session, orgId: string, userId: string, confirmedFingerprint: string): Promise<number> {
  const view = await loadOrgKeys(session, orgId);
  const member = view.waiting.find((m) => m.userId === userId);
  if (member === undefined) throw new ClientError('bad-input', 'this person is not waiting for the organisation key');
  // SECURITY: the fingerprint of the very key sealed to, not of what a page showed earlier.
  if (personFingerprint(member.x25519Public) !== confirmedFingerprint.trim()) {
    throw new ClientError('bad-input', 'the fingerprint does not match this person’s keys', { issues: ['fingerprint'] });
  }
  const versions = openOrgKeyVersions(session, view);
  try {
    if (!versions.has(view.keyVersion)) throw new ClientError('missing-key', 'only a holder of the current organisation key can grant it');
    for (const [keyVersion, keys] of versions) {
      await session.api.transport.empty('POST', ORGS_ROUTES.orgKeyGrants(id(orgId)), { json: { grant: sealTo(orgId, keyVersion, member, keys) } });
    }
    return versions.size;
  } finally {
    wipeAll(versions.values());
  }
}

/** When no member is left: the printed organisation recovery key opens the current version, sealed to this member. */
export async function restoreOrgKey(session: Session, orgId: string, recoveryKeyText: string): Promise<void> {
  const view = await loadOrgKeys(session, orgId);
  if (view.recoveryGrant === null) throw new ClientError('missing-key', 'this organisation has no recovery grant for its current key');
  const recovery = parseRecoveryKey(recoveryKeyText);
  let secret: Uint8Array;
  try {
    secret = unwrapGrant(view.recoveryGrant, recovery);
  } finally {
    recovery.fill(0);
  }
  try {
    const expected = expectedPublics(session, view, view.keyVersion);
    if (expected === null) throw new ClientError('missing-key', 'the organisation has no published keys');
    wipeKeySet(parsePrivateKeys(secret, expected, 'the organisation keys'));
    const grant = sealGrant({ ...header(orgId, view.keyVersion), recipientType: 'user', recipientId: session.me.user.id, recipientKeyVersion: session.me.user.keyVersion }, session.keyring.user.x25519.publicKey, secret);
    await session.api.transport.empty('POST', ORGS_ROUTES.orgKeyGrants(id(orgId)), { json: { grant } });
  } finally {
    secret.fill(0);
  }
}
