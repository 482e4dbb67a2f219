/**
 * The reporter's consent to sharing with partner journalists, made server-enforceable: the
 * reporter's browser signs a consent statement with the receipt-derived Ed25519 key and posts
 * it with the lookup token. SECURITY: the server learns this one bit; the receipt never leaves
 * the browser, and the private key is zeroed as soon as the statement is signed.
 */
import { deriveReceiptKeys, fromBase64Url, parseReceipt, toBase64Url } from '@kenekanko/crypto';
import type { ReporterApi } from '../reporter-api-client.ts';
import { loadTrustedIntake } from '../trusted-intake.ts';
import { signJournalistConsent } from './consent-signing.ts';

export { consentStatement } from './consent-statement.ts';
export { signJournalistConsent } from './consent-signing.ts';

/** Posts a consent signed with keys the caller already derived (right after sending, or on the follow-up page). */
// Through the reporter's own routes (not forwardingApi), so the desk's forwarding schemas never reach a reporter's page.
export async function postJournalistConsent(api: ReporterApi, alertId: string, keys: { readonly lookupToken: Uint8Array; readonly ed25519Private: Uint8Array }): Promise<void> {
  const signature = signJournalistConsent(alertId, keys.ed25519Private);
  await api.withPow((pow) => api.consent(toBase64Url(keys.lookupToken), signature, pow));
}

/** "I agree that partner journalists may receive my alert", from the receipt (one Argon2id derivation). */
export async function giveJournalistConsent(api: ReporterApi, receipt: string, opts: { readonly pinnedCoalitionKey?: string } = {}): Promise<void> {
  const digits = parseReceipt(receipt);
  const intake = await loadTrustedIntake(api, opts.pinnedCoalitionKey);
  const keys = await deriveReceiptKeys(digits, fromBase64Url(intake.directory.deploymentSalt));
  try {
    const view = await api.reporterAlert(toBase64Url(keys.lookupToken));
    await postJournalistConsent(api, view.alertId, { lookupToken: keys.lookupToken, ed25519Private: keys.ed25519.privateKey });
  } finally {
    keys.x25519.privateKey.fill(0);
    keys.ed25519.privateKey.fill(0);
  }
}
