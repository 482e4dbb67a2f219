/**
 * Opening a forwarding in a browser, on either side: the recipient's liaison (package key
 * sealed to their organisation) or the forwarding organisation (sealed to it as well).
 *
 * SECURITY: before anything is decrypted the statement is rebuilt from what the server
 * returned (the package's SHA-256 included) and checked against the forwarding
 * organisation's Ed25519 key from the signed directory, never a key the server merely
 * claims; the grant must be the package key of this forwarding sealed to the viewer's
 * organisation; the decrypted package must name this forwarding, alert and files.
 */
import { PURPOSES, fromBase64Url, openEnvelope, verifyStatement } from '@kenekanko/crypto';
import { ForwardEventDetailsSchema, ForwardPackagePayloadSchema } from '@kenekanko/contracts';
import type { ForwardEventDetails, ForwardingEventView, ForwardingView, ForwardPackagePayload } from '@kenekanko/contracts';
import { ClientError } from '../errors.ts';
import { openGrant } from '../grants.ts';
import type { KeySet } from '../grants.ts';
import { parseJsonBytes } from '../json-bytes.ts';
import type { StaffKeyring } from '../staff-session.ts';
import { orgKeyAt, orgSigningKeys } from '../org-keyring.ts';
import { eventContext, forwardingStatement, packageContext } from './package-crypto.ts';

export type OpenedEvent = Omit<ForwardingEventView, 'detailsEnvelope'> & {
  readonly details: ForwardEventDetails | null;
  /** Set when the event has details that could not be read. */
  readonly detailsBroken: boolean;
};

export type OpenedPackage = {
  readonly view: ForwardingView;
  /** The organisation whose keys opened it (recipient or sender). */
  readonly viewerOrgId: string;
  readonly payload: ForwardPackagePayload;
  readonly events: readonly OpenedEvent[];
  readonly packageKey: Uint8Array;
};

export function assertSigned(view: ForwardingView, keyring: StaffKeyring): void {
  const s = view.summary;
  // orgs (issue 3): the current signing key or an older one a signed directory listed (a package sent before a rotation).
  const signers = orgSigningKeys(keyring, s.fromOrg.id);
  if (signers.length === 0) throw new ClientError('untrusted-directory', 'the organisation is not in the signed directory');
  const statement = forwardingStatement({
    forwardingId: s.id, alertId: s.alertId, fromOrgId: s.fromOrg.id, toOrgId: s.toOrg.id, toKeyVersion: view.toKeyVersion,
    packageEnvelope: fromBase64Url(view.packageEnvelope), attachmentBlobIds: view.files.map((f) => f.blobId),
    onwardOf: s.onwardOf, includesIdentity: s.includesIdentity,
  });
  if (!signers.some((key) => verifyStatement(PURPOSES.forwardSignature, statement, fromBase64Url(view.signature), key))) {
    throw new ClientError('bad-package', 'the package does not carry the forwarding organisation’s signature');
  }
}

function packageKeyOf(view: ForwardingView, keyring: StaffKeyring): { key: Uint8Array; orgId: string } {
  const grant = view.grant;
  const s = view.summary;
  const fits = grant !== null && grant.objectType === 'forwarding' && grant.objectId === s.id && grant.keyKind === 'package' && grant.recipientType === 'organisation';
  const orgId = grant?.recipientId ?? '';
  const org: KeySet | undefined = grant === null ? undefined : orgKeyAt(keyring, orgId, grant.recipientKeyVersion);
  if (!fits || (orgId !== s.toOrg.id && orgId !== s.fromOrg.id) || org === undefined) throw new ClientError('missing-key', 'the package key is not granted to your organisation');
  return { key: openGrant(grant, org.x25519.privateKey), orgId };
}

function checkPayload(payload: ForwardPackagePayload, view: ForwardingView): void {
  const s = view.summary;
  const files = view.files.map((f) => `${f.blobId}:${f.chunkCount}`).join(',');
  const listed = payload.attachments.map((a) => `${a.blobId}:${a.chunkCount}`).join(',');
  const ok = payload.forwardingId === s.id && payload.alertId === s.alertId && payload.onwardOf === s.onwardOf && payload.fromOrg.id === s.fromOrg.id && files === listed && (payload.identity !== null) === s.includesIdentity;
  if (!ok) throw new ClientError('bad-package', 'the package does not match what was signed');
}

function openEvent(key: Uint8Array, view: ForwardingView, event: ForwardingEventView): OpenedEvent {
  const { detailsEnvelope, ...rest } = event;
  if (detailsEnvelope === null) return { ...rest, details: null, detailsBroken: false };
  try {
    const plain = openEnvelope(key, PURPOSES.forwardEvent, eventContext(view.summary.alertId, view.summary.id, event.seq), fromBase64Url(detailsEnvelope));
    return { ...rest, details: parseJsonBytes(ForwardEventDetailsSchema, plain, 'event details'), detailsBroken: false };
  } catch {
    return { ...rest, details: null, detailsBroken: true };
  }
}

/** Verifies and opens a forwarding's package and events. The caller zeroes packageKey when done. */
export function openPackage(view: ForwardingView, keyring: StaffKeyring): OpenedPackage {
  if (view.packageEnvelope === '') throw new ClientError('missing-key', 'this package was deleted');
  assertSigned(view, keyring);
  const { key, orgId } = packageKeyOf(view, keyring);
  try {
    const plain = openEnvelope(key, PURPOSES.forwardPackage, packageContext(view.summary.alertId, view.summary.id), fromBase64Url(view.packageEnvelope));
    const payload = parseJsonBytes(ForwardPackagePayloadSchema, plain, 'the package');
    checkPayload(payload, view);
    return { view, viewerOrgId: orgId, payload, events: view.events.map((e) => openEvent(key, view, e)), packageKey: key };
  } catch (error) {
    key.fill(0);
    throw error;
  }
}
