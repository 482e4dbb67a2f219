/**
 * The reporter's consent to sharing with partner journalists, made server-enforceable: the
 * reporter's browser signs a consent statement with the receipt-derived Ed25519 key and posts
 * it with the lookup token. SECURITY: the server learns this one bit; the receipt never leaves
 * the browser, and the private key is zeroed as soon as the statement is signed.
 */
import { PURPOSES, deriveReceiptKeys, fromBase64Url, parseReceipt, signStatement, toBase64Url } from '@kenekanko/crypto';
import { JOURNALIST_CONSENT } from '@kenekanko/contracts';
import type { ConsentStatement } from '@kenekanko/contracts';
import type { ApiClient } from '../api-client.ts';
import { loadTrustedIntake } from '../trusted-intake.ts';
import { forwardingApi } from './forwarding-api.ts';

export const consentStatement = (alertId: string): ConsentStatement => ({ alertId, consent: JOURNALIST_CONSENT });

export function signJournalistConsent(alertId: string, reporterEd25519Private: Uint8Array): string {
  return toBase64Url(signStatement(PURPOSES.reporterConsent, { ...consentStatement(alertId) }, reporterEd25519Private));
}

/** Posts a consent signed with keys the caller already derived (right after sending, or on the follow-up page). */
export async function postJournalistConsent(api: ApiClient, alertId: string, keys: { readonly lookupToken: Uint8Array; readonly ed25519Private: Uint8Array }): Promise<void> {
  await forwardingApi(api).consent(toBase64Url(keys.lookupToken), signJournalistConsent(alertId, keys.ed25519Private));
}

/** "I agree that partner journalists may receive my alert", from the receipt (one Argon2id derivation). */
export async function giveJournalistConsent(api: ApiClient, receipt: string, opts: { readonly pinnedCoalitionKey?: string } = {}): Promise<void> {
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
