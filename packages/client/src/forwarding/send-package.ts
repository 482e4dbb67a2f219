/**
 * Forwarding a case (DESIGN §3): the browser builds the package that was decided, seals it
 * under a fresh package key, re-encrypts the chosen files under that key and uploads them,
 * seals the package key to the recipient organisation's X25519 key as the signed directory
 * gives it (and to the forwarding organisation, so it can read what it sent), signs the
 * statement with the forwarding organisation's Ed25519 key, and sends it.
 *
 * SECURITY: a recipient absent from the verified directory, or not an authority or medium, is
 * refused here, before anything is sealed. The package key lives in memory only and is zeroed.
 */
import { PURPOSES, fromBase64Url, randomBytes, sealEnvelope, signStatement, toBase64Url } from '@kenekanko/crypto';
import type { DirectoryBody, ForwardingSummary, ForwardPackagePayload, KeyGrant } from '@kenekanko/contracts';
import { ClientError } from '../errors.ts';
import { sealGrant } from '../grants.ts';
import { newId } from '../ids.ts';
import { jsonBytes } from '../json-bytes.ts';
import type { OpenedAlert } from '../opened-alert.ts';
import type { StaffSession } from '../staff-session.ts';
import { directoryOrganisation } from '../trusted-intake.ts';
import type { DirectoryOrganisation } from '../trusted-intake.ts';
import type { EncryptedBlob } from '../upload.ts';
import { forwardingApi } from './forwarding-api.ts';
import type { ForwardingApi } from './forwarding-api.ts';
import { chosenAttachments, packagePayload } from './package-content.ts';
import type { PackageSelection } from './package-content.ts';
import { encryptPackageFile, forwardingStatement, manifestsOf, packageContext } from './package-crypto.ts';

/** Organisations of the signed directory a case may be forwarded to. */
export function forwardingRecipients(directory: DirectoryBody, exceptOrgId: string): DirectoryOrganisation[] {
  return directory.organisations.filter((o) => (o.kind === 'authority' || o.kind === 'media') && o.id !== exceptOrgId);
}

function recipientOf(directory: DirectoryBody, toOrgId: string, fromOrgId: string): DirectoryOrganisation {
  const to = forwardingRecipients(directory, fromOrgId).find((o) => o.id === toOrgId);
  if (to === undefined) throw new ClientError('untrusted-directory', 'the recipient is not an authority or medium of the signed directory');
  return to;
}

export type Built = { readonly payload: ForwardPackagePayload; readonly blobs: readonly EncryptedBlob[] };

export type SendInput = {
  readonly session: StaffSession;
  readonly alertId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
  readonly onwardOf: string | null;
  readonly includesIdentity: boolean;
  readonly build: (forwardingId: string, packageKey: Uint8Array) => Promise<Built>;
};

async function uploadFiles(api: ForwardingApi, input: SendInput, forwardingId: string, blobs: readonly EncryptedBlob[]): Promise<void> {
  if (blobs.length === 0) return;
  const { receivedChunks } = await api.draft({ forwardingId, alertId: input.alertId, onwardOf: input.onwardOf });
  for (const blob of blobs) {
    const have = new Set(receivedChunks[blob.blobId] ?? []);
    for (const [index, bytes] of blob.chunks.entries()) if (!have.has(index)) await api.putChunk(forwardingId, blob.blobId, index, bytes);
  }
}

function packageGrant(forwardingId: string, org: DirectoryOrganisation, packageKey: Uint8Array): KeyGrant {
  const header = { objectType: 'forwarding', objectId: forwardingId, keyKind: 'package', keyVersion: 1, recipientType: 'organisation', recipientId: org.id, recipientKeyVersion: org.keyVersion } as const;
  return sealGrant(header, fromBase64Url(org.x25519Public), packageKey);
}

/** Seals, uploads, signs and sends one forwarding; returns its summary as the server stored it. */
export async function sendPackage(input: SendInput): Promise<ForwardingSummary> {
  const { session, alertId, fromOrgId, toOrgId, onwardOf } = input;
  const directory = session.keyring.directory;
  const to = recipientOf(directory, toOrgId, fromOrgId);
  const from = directoryOrganisation(directory, fromOrgId);
  const signer = session.keyring.orgKeys.get(fromOrgId);
  if (signer === undefined) throw new ClientError('missing-key', 'you do not hold the keys of the forwarding organisation');
  const api = forwardingApi(session.api);
  const forwardingId = newId();
  const packageKey = randomBytes(32);
  try {
    const { payload, blobs } = await input.build(forwardingId, packageKey);
    const envelope = sealEnvelope(packageKey, PURPOSES.forwardPackage, packageContext(alertId, forwardingId), jsonBytes(payload));
    await uploadFiles(api, input, forwardingId, blobs);
    const files = manifestsOf(blobs);
    const statement = forwardingStatement({
      forwardingId, alertId, fromOrgId, toOrgId, toKeyVersion: to.keyVersion, packageEnvelope: envelope,
      attachmentBlobIds: files.map((f) => f.blobId), onwardOf, includesIdentity: input.includesIdentity,
    });
    const { forwarding } = await api.forward({
      forwardingId, alertId, toOrgId, toKeyVersion: to.keyVersion, onwardOf, includesIdentity: input.includesIdentity,
      packageEnvelope: toBase64Url(envelope),
      signature: toBase64Url(signStatement(PURPOSES.forwardSignature, statement, signer.ed25519.privateKey)),
      grants: [packageGrant(forwardingId, to, packageKey), packageGrant(forwardingId, from, packageKey)],
      files,
    });
    return forwarding;
  } finally {
    packageKey.fill(0);
  }
}

/**
 * Forwards an opened alert to each recipient, one forwarding (and one package key) each.
 * Stops at the first refusal; the forwardings already sent stay sent (returned so far are
 * kept in the error's cause by the caller re-listing the alert's forwardings).
 */
export async function forwardCase(session: StaffSession, opened: OpenedAlert, toOrgIds: readonly string[], selection: PackageSelection): Promise<ForwardingSummary[]> {
  const answers = opened.answers;
  if (answers === null) throw new ClientError('missing-key', 'the alert could not be opened, so it cannot be forwarded');
  const source = { alertId: opened.summary.id, receivedDay: opened.summary.receivedDay, statistics: opened.summary.statistics, answers, messages: opened.messages };
  const fromOrgId = opened.summary.orgId;
  const fromOrg = { id: fromOrgId, name: directoryOrganisation(session.keyring.directory, fromOrgId).name };
  const refs = chosenAttachments(answers, selection);
  const sent: ForwardingSummary[] = [];
  for (const toOrgId of toOrgIds) {
    sent.push(
      await sendPackage({
        session, alertId: source.alertId, fromOrgId, toOrgId, onwardOf: null, includesIdentity: selection.identity !== null,
        build: async (forwardingId, packageKey) => {
          const files = [];
          for (const ref of refs) files.push(encryptPackageFile(packageKey, forwardingId, ref, await opened.downloadAttachment(ref)));
          const payload = packagePayload(source, selection, { forwardingId, onwardOf: null, fromOrg }, files.map((f) => f.ref));
          return { payload, blobs: files.map((f) => f.blob) };
        },
      }),
    );
  }
  return sent;
}
