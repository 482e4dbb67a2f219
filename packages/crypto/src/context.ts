/**
 * Purpose strings and the canonical encoding of an envelope's context (its associated data).
 *
 * SECURITY: every ciphertext binds its version, purpose, alert, object kind, field and, for
 * file chunks, the chunk index and last-chunk flag. The server stores all ciphertexts, so it
 * could otherwise move one into another alert, field or file, reorder chunks or cut a file
 * short; with the context in the AAD any such swap fails authentication.
 */
import { CryptoError, assertInteger } from './errors.ts';
import { concatBytes, u32be, utf8Encode } from './encoding.ts';

export const PROTOCOL_VERSION = 1;

/** Domain-separation strings. Never reuse one for another kind of data; add a new one instead. */
export const PURPOSES = {
  // symmetric envelopes
  answers: 'kenekanko/v1/answers',
  identity: 'kenekanko/v1/identity',
  attachmentChunk: 'kenekanko/v1/attachment-chunk',
  message: 'kenekanko/v1/message',
  note: 'kenekanko/v1/note',
  reason: 'kenekanko/v1/reason',
  keyWrap: 'kenekanko/v1/key-wrap',
  userKeys: 'kenekanko/v1/user-keys',
  draft: 'kenekanko/v1/draft',
  forwardPackage: 'kenekanko/v1/forward-package',
  // sealed boxes to a public key
  sealedKey: 'kenekanko/v1/sealed-key',
  // signed statements
  directory: 'kenekanko/v1/directory',
  questionnaire: 'kenekanko/v1/questionnaire',
  messageSignature: 'kenekanko/v1/message-signature',
  forwardSignature: 'kenekanko/v1/forward-signature',
  auditCheckpoint: 'kenekanko/v1/audit-checkpoint',
  // custody (issue 3): sealed boxes to the custodian key, and a desk-key envelope
  identityRequestReason: 'kenekanko/v1/identity-request-reason',
  identityRefusalReason: 'kenekanko/v1/identity-refusal-reason',
  retentionHold: 'kenekanko/v1/retention-hold',
  // forwarding (issue 3): event details under a package key, the reporter's consent statement
  forwardEvent: 'kenekanko/v1/forward-event',
  reporterConsent: 'kenekanko/v1/reporter-consent',
  // security (issue 3): a TOTP secret at rest under a server-held key; a recovery proof
  totpSecret: 'kenekanko/v1/totp-secret',
  accountRecovery: 'kenekanko/v1/account-recovery',
  // cases (issue 3): desk-key documents of a case
  labels: 'kenekanko/v1/labels',
  checklist: 'kenekanko/v1/checklist',
} as const;

export type Purpose = (typeof PURPOSES)[keyof typeof PURPOSES];

const PURPOSE_VALUES: readonly string[] = Object.values(PURPOSES);

export const isPurpose = (value: unknown): value is Purpose =>
  typeof value === 'string' && PURPOSE_VALUES.includes(value);

export function assertPurpose(value: unknown): asserts value is Purpose {
  if (!isPurpose(value)) throw new CryptoError('bad-input', 'unknown purpose');
}

export type EnvelopeContext = {
  /** The alert (= submission id); '' for objects not tied to an alert (user keys, directory). */
  readonly alertId: string;
  /** e.g. 'answers', 'identity', 'attachment', 'message', 'note', 'reason', 'key-grant', 'user-keys'. */
  readonly objectKind: string;
  /** e.g. 'main', a file id, a message sequence number, a grant's recipient. */
  readonly field: string;
  /** Files only, together with lastChunk. */
  readonly chunkIndex?: number;
  /** Files only, together with chunkIndex. */
  readonly lastChunk?: boolean;
};

/** Each context string is at most this many UTF-8 bytes (ids are 22 characters). */
export const MAX_CONTEXT_STRING_BYTES = 1_024;
export const MAX_CHUNK_INDEX = 0xffff_ffff;

function encodeString(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string') throw new CryptoError('bad-input', `context.${name} must be a string`);
  const bytes = utf8Encode(value);
  if (bytes.length > MAX_CONTEXT_STRING_BYTES) throw new CryptoError('bad-input', `context.${name} is too long`);
  // Length-prefixed, so ('ab','c') and ('a','bc') encode differently.
  return concatBytes(u32be(bytes.length), bytes);
}

function encodeChunk(context: EnvelopeContext): Uint8Array {
  const { chunkIndex, lastChunk } = context;
  if (chunkIndex === undefined && lastChunk === undefined) return Uint8Array.of(0);
  if (chunkIndex === undefined || typeof lastChunk !== 'boolean') {
    throw new CryptoError('bad-input', 'context.chunkIndex and context.lastChunk go together');
  }
  assertInteger(chunkIndex, 'context.chunkIndex', 0, MAX_CHUNK_INDEX);
  return concatBytes(Uint8Array.of(1), u32be(chunkIndex), Uint8Array.of(lastChunk ? 1 : 0));
}

const AAD_LABEL = concatBytes(utf8Encode('kenekanko/aad'), Uint8Array.of(0));

/**
 * The associated data of every envelope and sealed box:
 *   'kenekanko/aad' 0x00 | version u8 | lp(purpose) | lp(alertId) | lp(objectKind) | lp(field)
 *   | 0x00 (no chunk) or 0x01 chunkIndex u32be lastChunk u8
 * where lp(s) = u32be(byte length) || UTF-8 bytes.
 */
export function encodeContext(version: number, purpose: Purpose, context: EnvelopeContext): Uint8Array {
  assertInteger(version, 'version', 0, 255);
  assertPurpose(purpose);
  if (typeof context !== 'object' || context === null) throw new CryptoError('bad-input', 'context must be an object');
  if (context.objectKind === '') throw new CryptoError('bad-input', 'context.objectKind must not be empty');
  return concatBytes(
    AAD_LABEL,
    Uint8Array.of(version),
    encodeString(purpose, 'purpose'),
    encodeString(context.alertId, 'alertId'),
    encodeString(context.objectKind, 'objectKind'),
    encodeString(context.field, 'field'),
    encodeChunk(context),
  );
}
