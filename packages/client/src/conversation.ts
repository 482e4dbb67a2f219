/**
 * The conversation between a reporter and the organisation. Each message is sealed under the
 * alert's content key, bound to its seq, and signed (MessageStatement) by its sender: the
 * reporter with the receipt-derived Ed25519 key, staff with the organisation's Ed25519 key.
 *
 * SECURITY: the signature covers the seq, the sender type, the SHA-256 of the exact envelope
 * and the attachment ids, and seqs must run 1, 2, 3… without a gap: neither the server nor a
 * staff member can forge, alter, reorder or silently drop a message in the middle (dropping
 * the newest ones remains possible for the server and is stated in the threat model).
 */
import { PURPOSES, fromBase64Url, openEnvelope, sealEnvelope, sha256, signStatement, toBase64Url, verifyStatement } from '@kenekanko/crypto';
import { MessagePayloadSchema } from '@kenekanko/contracts';
import type { AttachmentRef, MessagePayload, MessageStatement, MessageView } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { messageContext } from './contexts.ts';
import { jsonBytes, parseJsonBytes } from './json-bytes.ts';
import type { DecryptedMessage } from './types.ts';

export type SenderType = MessageStatement['senderType'];

export function messageStatement(alertId: string, seq: number, senderType: SenderType, envelope: Uint8Array, attachmentBlobIds: readonly string[]): MessageStatement {
  return { alertId, seq, senderType, envelopeSha256: toBase64Url(sha256(envelope)), attachmentBlobIds: [...attachmentBlobIds] };
}

export type SealedMessage = { readonly seq: number; readonly envelope: string; readonly signature: string };

export function sealMessage(input: {
  readonly alertId: string;
  readonly seq: number;
  readonly senderType: SenderType;
  readonly contentKey: Uint8Array;
  readonly signingKey: Uint8Array;
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
}): SealedMessage {
  const payload: MessagePayload = { v: 1, text: input.text, attachments: [...input.attachments] };
  const envelope = sealEnvelope(input.contentKey, PURPOSES.message, messageContext(input.alertId, input.seq), jsonBytes(payload));
  const statement = messageStatement(input.alertId, input.seq, input.senderType, envelope, input.attachments.map((ref) => ref.blobId));
  return { seq: input.seq, envelope: toBase64Url(envelope), signature: toBase64Url(signStatement(PURPOSES.messageSignature, statement, input.signingKey)) };
}

export type SenderKeys = { readonly reporter: Uint8Array; readonly organisation: Uint8Array };

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function openMessage(alertId: string, contentKey: Uint8Array, view: MessageView, keys: SenderKeys): DecryptedMessage {
  const envelope = fromBase64Url(view.envelope);
  const statement = messageStatement(alertId, view.seq, view.senderType, envelope, view.attachmentBlobIds);
  const signer = view.senderType === 'reporter' ? keys.reporter : keys.organisation;
  if (!verifyStatement(PURPOSES.messageSignature, statement, fromBase64Url(view.signature), signer)) {
    throw new ClientError('bad-conversation', `message ${view.seq} does not carry its sender's signature`);
  }
  const payload = parseJsonBytes(MessagePayloadSchema, openEnvelope(contentKey, PURPOSES.message, messageContext(alertId, view.seq), envelope), 'a message');
  if (!sameIds(payload.attachments.map((ref) => ref.blobId), view.attachmentBlobIds)) {
    throw new ClientError('bad-conversation', `message ${view.seq} lists other attachments than it signed`);
  }
  return { seq: view.seq, senderType: view.senderType, text: payload.text, attachments: payload.attachments, createdDay: view.createdDay, verified: true };
}

/** Verifies and decrypts a whole conversation; throws on a bad signature or a gap in seq. */
export function openConversation(alertId: string, contentKey: Uint8Array, views: readonly MessageView[], keys: SenderKeys): DecryptedMessage[] {
  return views.map((view, i) => {
    if (view.seq !== i + 1) throw new ClientError('bad-conversation', 'a message is missing, repeated or out of order');
    return openMessage(alertId, contentKey, view, keys);
  });
}

/**
 * Why a part of an alert could not be shown: its envelope does not open, its signature does
 * not verify, it is not where its seq says, or the signer's key is not known for certain.
 */
export type PartProblem = 'cannot-decrypt' | 'bad-signature' | 'out-of-order' | 'unverifiable';

/** A message shown only as "could not be verified or decrypted", never as genuine. */
export type BrokenMessage = {
  readonly seq: number;
  readonly senderType: SenderType;
  readonly createdDay: string;
  readonly verified: false;
  readonly broken: PartProblem;
};

export type ConversationEntry = DecryptedMessage | BrokenMessage;

/**
 * `formerOrganisation`: the organisation's older signing keys, from signed directories older
 * than the current one (orgs, issue 3), so messages signed before a key rotation still verify.
 */
export type PartialSenderKeys = { readonly reporter: Uint8Array | null; readonly organisation: Uint8Array; readonly formerOrganisation?: readonly Uint8Array[] };

function brokenMessage(view: MessageView, broken: PartProblem): BrokenMessage {
  return { seq: view.seq, senderType: view.senderType, createdDay: view.createdDay, verified: false, broken };
}

function signatureHolds(alertId: string, view: MessageView, signer: Uint8Array): boolean {
  try {
    const statement = messageStatement(alertId, view.seq, view.senderType, fromBase64Url(view.envelope), view.attachmentBlobIds);
    return verifyStatement(PURPOSES.messageSignature, statement, fromBase64Url(view.signature), signer);
  } catch {
    return false;
  }
}

/** One message, or the reason it cannot be shown; never throws. */
export function openMessagePart(alertId: string, contentKey: Uint8Array | null, view: MessageView, keys: PartialSenderKeys): ConversationEntry {
  const candidates = view.senderType === 'reporter' ? (keys.reporter === null ? [] : [keys.reporter]) : [keys.organisation, ...(keys.formerOrganisation ?? [])];
  if (candidates.length === 0) return brokenMessage(view, 'unverifiable');
  // SECURITY: the signature first: an unsigned message is never decrypted and shown.
  const signer = candidates.find((key) => signatureHolds(alertId, view, key));
  if (signer === undefined) return brokenMessage(view, 'bad-signature');
  if (contentKey === null) return brokenMessage(view, 'cannot-decrypt');
  try {
    return openMessage(alertId, contentKey, view, { reporter: signer, organisation: signer });
  } catch (error) {
    if (error instanceof ClientError && error.code === 'bad-conversation') return brokenMessage(view, 'bad-signature');
    return brokenMessage(view, 'cannot-decrypt');
  }
}

/**
 * The whole conversation, each message opened on its own: one forged or garbled message is
 * shown as broken instead of hiding the others. SECURITY: a message not at the place its
 * seq names (a gap, a repeat, a reordering) is shown as broken, never as genuine.
 */
export function openConversationParts(alertId: string, contentKey: Uint8Array | null, views: readonly MessageView[], keys: PartialSenderKeys): ConversationEntry[] {
  return views.map((view, i) => (view.seq === i + 1 ? openMessagePart(alertId, contentKey, view, keys) : brokenMessage(view, 'out-of-order')));
}
