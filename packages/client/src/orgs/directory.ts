/**
 * The signed key directory in a coalition coordinator's browser: what changed since the
 * latest signed version (new organisations, new or rotated keys, renames, routing), and the
 * next version signed with the coalition signing key (opened from its grant, in memory only).
 *
 * SECURITY: the signer approves each changed organisation by its key fingerprint, compared
 * out of band with a member of that organisation; signNextDirectory refuses to sign any
 * change whose fingerprint, recomputed here from the keys about to be signed, was not
 * approved. So a server that swaps in its own keys after the check gets no signature.
 */
import { ed25519KeyPair, equalBytes, fromBase64Url, PURPOSES } from '@kenekanko/crypto';
import { DirectoryPendingViewSchema, ORGS_ROUTES, SignDirectoryResponseSchema } from '@kenekanko/contracts';
import type { DirectoryBody, DirectoryPendingView, OrganisationKind } from '@kenekanko/contracts';
import { ClientError } from '../errors.ts';
import { openGrant, sealGrant } from '../grants.ts';
import { id } from '../path-params.ts';
import { coalitionKey, signDocument, verifyDirectory } from '../signed-documents.ts';
import type { StaffSession } from '../staff-session.ts';
import { publicKeysFingerprint } from './org-keys.ts';
import { personFingerprint } from '../person-fingerprint.ts';

type Session = Pick<StaffSession, 'api' | 'me' | 'keyring'>;

export type DirectoryChange = {
  readonly orgId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly change: 'added' | 'keys' | 'details' | 'removed';
  readonly keyVersion: number;
  /** Of the keys the next version would list (compare with a member of the organisation). */
  readonly fingerprint: string;
};

export type PendingDirectory = {
  readonly view: DirectoryPendingView;
  readonly latest: DirectoryBody;
  readonly changes: readonly DirectoryChange[];
  /** The proposed routing differs from the signed one. */
  readonly routingChange: { readonly from: string; readonly to: string } | null;
  readonly canSign: boolean;
};

type Listed = DirectoryBody['organisations'][number];

function changeOf(next: Listed, before: Listed | undefined): DirectoryChange['change'] | null {
  if (before === undefined) return 'added';
  if (before.x25519Public !== next.x25519Public || before.ed25519Public !== next.ed25519Public || before.keyVersion !== next.keyVersion) return 'keys';
  if (before.name !== next.name || before.kind !== next.kind) return 'details';
  return null;
}

const entry = (o: Listed, change: DirectoryChange['change']): DirectoryChange => ({
  orgId: o.id,
  name: o.name,
  kind: o.kind,
  change,
  keyVersion: o.keyVersion,
  fingerprint: publicKeysFingerprint(o.x25519Public, o.ed25519Public),
});

export function directoryChanges(latest: DirectoryBody, next: readonly Listed[]): DirectoryChange[] {
  const before = new Map(latest.organisations.map((o) => [o.id, o]));
  const changes: DirectoryChange[] = [];
  for (const o of next) {
    const change = changeOf(o, before.get(o.id));
    if (change !== null) changes.push(entry(o, change));
  }
  const kept = new Set(next.map((o) => o.id));
  for (const o of latest.organisations) if (!kept.has(o.id)) changes.push(entry(o, 'removed'));
  return changes;
}

export async function loadPendingDirectory(session: Session): Promise<PendingDirectory> {
  const view = await session.api.transport.json('GET', ORGS_ROUTES.directory, DirectoryPendingViewSchema);
  // SECURITY: the same coalition key as at login (which the bundle may pin), not one served now.
  const latest = verifyDirectory(view.latest.document, coalitionKey(view.coalitionSigningPublic, session.me.coalitionSigningPublic));
  if (latest.version !== view.latest.version) throw new ClientError('untrusted-directory', 'the latest directory is not the version it claims');
  const routingChange = latest.routing.defaultOrgId === view.routing.defaultOrgId ? null : { from: latest.routing.defaultOrgId, to: view.routing.defaultOrgId };
  return { view, latest, changes: directoryChanges(latest, view.organisations), routingChange, canSign: view.signingGrant !== null };
}

function openSigningKey(session: Session, pending: PendingDirectory): Uint8Array {
  const grant = pending.view.signingGrant;
  if (grant === null || grant.recipientId !== session.me.user.id || grant.keyKind !== 'coalition-signing') {
    throw new ClientError('missing-key', 'this user does not hold the coalition signing key');
  }
  const privateKey = openGrant(grant, session.keyring.user.x25519.privateKey);
  if (!equalBytes(ed25519KeyPair(privateKey).publicKey, fromBase64Url(session.me.coalitionSigningPublic))) {
    privateKey.fill(0);
    throw new ClientError('missing-key', 'the coalition signing key grant does not match the pinned coalition key');
  }
  return privateKey;
}

/**
 * Signs the next version: the organisations and routing shown in `pending`, with the deployment
 * salt and custodian key of the latest version. `approved` maps each changed organisation's id to
 * the fingerprint the signer compared; a removed organisation needs no fingerprint.
 */
export async function signNextDirectory(session: Session, pending: PendingDirectory, approved: ReadonlyMap<string, string>): Promise<number> {
  const fresh = directoryChanges(pending.latest, pending.view.organisations);
  const unapproved = fresh.filter((c) => c.change !== 'removed' && approved.get(c.orgId)?.trim() !== c.fingerprint);
  if (unapproved.length > 0) throw new ClientError('bad-input', 'every changed organisation must be approved by its fingerprint', { issues: unapproved.map((c) => c.orgId) });
  const body: DirectoryBody = {
    v: 1,
    version: pending.latest.version + 1,
    issuedAt: new Date().toISOString(),
    deploymentSalt: pending.latest.deploymentSalt,
    organisations: [...pending.view.organisations],
    routing: { defaultOrgId: pending.view.routing.defaultOrgId },
    custodian: pending.latest.custodian,
  };
  const signingKey = openSigningKey(session, pending);
  try {
    const directory = signDocument(PURPOSES.directory, body, signingKey);
    return (await session.api.transport.json('POST', ORGS_ROUTES.directory, SignDirectoryResponseSchema, { json: { directory } })).version;
  } finally {
    signingKey.fill(0);
  }
}

/** Seals the coalition signing key to another coalition coordinator, after a fingerprint check. */
export async function grantSigningKey(session: Session, pending: PendingDirectory, userId: string, confirmedFingerprint: string): Promise<void> {
  const candidate = pending.view.signersWaiting.find((c) => c.userId === id(userId));
  if (candidate === undefined) throw new ClientError('bad-input', 'this person is not a coalition coordinator waiting for the signing key');
  if (personFingerprint(candidate.x25519Public) !== confirmedFingerprint.trim()) {
    throw new ClientError('bad-input', 'the fingerprint does not match this person’s keys', { issues: ['fingerprint'] });
  }
  const mine = pending.view.signingGrant;
  const signingKey = openSigningKey(session, pending);
  try {
    const grant = sealGrant(
      { objectType: 'coalition', objectId: pending.view.coalitionOrgId, keyKind: 'coalition-signing', keyVersion: mine?.keyVersion ?? 1, recipientType: 'user', recipientId: candidate.userId, recipientKeyVersion: candidate.userKeyVersion },
      fromBase64Url(candidate.x25519Public),
      signingKey,
    );
    await session.api.transport.empty('POST', ORGS_ROUTES.signingGrants, { json: { grant } });
  } finally {
    signingKey.fill(0);
  }
}
