/** Small building blocks shared by every schema. */
import * as v from 'valibot';

/** Unpadded base64url text, as produced by @kenekanko/crypto's toBase64Url. */
export const Base64UrlSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]*$/, 'base64url'));
/** A random 128-bit id made by a browser (16 bytes, base64url: 22 characters). */
export const IdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/, 'id'));
/** A 32-byte value in base64url (keys, tokens, hashes): 43 characters. */
export const Key32Schema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/, 'key32'));
/** An Ed25519 signature in base64url: 86 characters. */
export const SignatureSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/, 'signature'));
/** A calendar day, 'YYYY-MM-DD'. Reporter-side dates are never finer than this. */
export const DaySchema = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'day'));
/** A place id from the places table (stable across reorganisations). */
export const PlaceIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{2,80}$/, 'place id'));

/** Envelopes are capped; attachments travel as chunks, never inside a JSON body. */
export const MAX_ENVELOPE_CHARS = 700_000;
export const EnvelopeSchema = v.pipe(Base64UrlSchema, v.minLength(40), v.maxLength(MAX_ENVELOPE_CHARS));

/**
 * An envelope as the server answers it: the ciphertext, or '' once it was deleted on purpose
 * (an alert marked `spam` loses its answers, identity and message ciphertext). Readers show
 * '' as deleted instead of trying to open it.
 */
export const DELETED_ENVELOPE = '';
export const StoredEnvelopeSchema = v.union([EnvelopeSchema, v.literal(DELETED_ENVELOPE)]);
