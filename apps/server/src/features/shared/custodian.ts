/**
 * The custodian key pair has no organisation, so grants to it are addressed by an id anyone
 * holding the signed directory can compute: the first 16 bytes of SHA-256 of its X25519
 * public key, base64url. The same formula as packages/client's custodianId (a test checks
 * that the two agree).
 */
import { sha256, toBase64Url } from '@kenekanko/crypto';
import { decodeBase64Url } from './decode.ts';
import { ID_BYTES } from './ids.ts';

export function custodianIdOf(custodianX25519Public: string): string {
  return toBase64Url(sha256(decodeBase64Url(custodianX25519Public, 'custodian.x25519Public')).slice(0, ID_BYTES));
}
