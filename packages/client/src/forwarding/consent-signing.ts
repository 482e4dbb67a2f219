/**
 * Signing the reporter's consent to sharing with partner journalists: by the alert form while
 * it seals the alert (prepareAlert), and by the follow-up page from the receipt. SECURITY: the
 * caller zeroes the private key right after.
 */
import { PURPOSES, signStatement, toBase64Url } from '@kenekanko/crypto';
import { consentStatement } from './consent-statement.ts';

export function signJournalistConsent(alertId: string, reporterEd25519Private: Uint8Array): string {
  return toBase64Url(signStatement(PURPOSES.reporterConsent, { ...consentStatement(alertId) }, reporterEd25519Private));
}
