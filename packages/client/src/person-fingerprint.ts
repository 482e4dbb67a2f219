/**
 * The ONE fingerprint of a person, shown on every page (Keys, invitation, custody, directory
 * signers) so that what a granter reads matches what the person reads on their own page.
 *
 * SECURITY: it is computed over the person's X25519 public key, the key every grant (organisation
 * key, custodian key, identity envelope, signing key) is sealed to; comparing it out of band is
 * what stops a server from substituting its own key. Organisations keep their own fingerprint
 * over both of their public keys (orgs/org-keys.ts `publicKeysFingerprint`).
 */
import { fingerprint, fromBase64Url } from '@kenekanko/crypto';

/** 16 bytes of SHA-256 over the person's X25519 public key, in groups of four hex digits. */
export function personFingerprint(x25519Public: string): string {
  return fingerprint(fromBase64Url(x25519Public));
}
