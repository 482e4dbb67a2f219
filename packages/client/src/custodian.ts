/**
 * The custodian key pair has no organisation of its own, so its grants need an id that
 * anyone holding the signed directory can compute: the first 16 bytes of SHA-256 of its
 * X25519 public key, base64url (22 characters, like every id). A new custodian key gets a
 * new id, so its grants never collide with the old key's.
 */
import { sha256, toBase64Url } from '@kenekanko/crypto';
import { ID_BYTES } from './ids.ts';

export const custodianId = (custodianX25519Public: Uint8Array): string => toBase64Url(sha256(custodianX25519Public).slice(0, ID_BYTES));
