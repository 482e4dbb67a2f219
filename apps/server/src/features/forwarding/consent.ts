/**
 * The reporter's consent to sharing with partner journalists. The consent inside the encrypted
 * answers is unreadable to the server, so the reporter's browser also signs a consent
 * statement with the receipt-derived Ed25519 key and posts it with the lookup token; the
 * server stores it on the alert and refuses to forward to a medium without a valid one.
 *
 * SECURITY: the server learns this one bit (documented in docs/threat-model.md). Throttled
 * per token and globally like the reporter's other posts, never per address; no instant of
 * the reporter's action is written (the alert row holds only the signature).
 */
import { JOURNALIST_CONSENT } from '@kenekanko/contracts';
import type { ConsentStatement } from '@kenekanko/contracts';
import { PURPOSES, verifyStatement } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { ReporterDeps } from '../reporter/index.ts';
import { findAlertByToken, throttleReporter } from '../reporter/index.ts';
import type { LookupRepo } from '../reporter/index.ts';
import type { AlertRecord, AlertRepo } from '../shared/alerts.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import type { PowSolution } from '../shared/throttle.ts';
import type { Storage } from '../shared/storage.ts';
import type { ForwardingRepo, ForwardingRepos } from './ports.ts';

export const consentStatement = (alertId: string): ConsentStatement => ({ alertId, consent: JOURNALIST_CONSENT });

export function isValidConsent(alertId: string, signature: string, reporterEd25519Public: string): boolean {
  try {
    return verifyStatement(PURPOSES.reporterConsent, { ...consentStatement(alertId) }, decodeBase64Url(signature, 'signature'), decodeBase64Url(reporterEd25519Public, 'reporterEd25519Public'));
  } catch {
    return false;
  }
}

export async function hasJournalistConsent(repo: ForwardingRepo, alert: Pick<AlertRecord, 'id' | 'reporterEd25519Public'>): Promise<boolean> {
  const signature = await repo.journalistConsent(alert.id);
  return signature !== null && isValidConsent(alert.id, signature, alert.reporterEd25519Public);
}

type ConsentRepos = ForwardingRepos & { readonly lookups: LookupRepo; readonly alerts: AlertRepo };

export async function giveJournalistConsent(
  storage: Storage<ConsentRepos>,
  deps: ReporterDeps,
  request: { readonly lookupToken: string; readonly signature: string; readonly pow?: PowSolution | undefined },
  now: Date,
): Promise<{ readonly journalistConsent: true }> {
  const token = decodeBase64Url(request.lookupToken, 'lookupToken');
  await throttleReporter(deps, 'post', token, now, request.pow);
  return storage.transaction(async (repos) => {
    const alertId = await findAlertByToken(repos.lookups, deps.peppers, token);
    const alert = alertId === undefined ? undefined : await repos.alerts.lockAlert(alertId);
    if (alert === undefined) throw new AppError('receipt-not-found');
    if (alert.state === 'spam') throw new AppError('conflict');
    if (!isValidConsent(alert.id, request.signature, alert.reporterEd25519Public)) throw new AppError('validation-failed', { issues: ['signature'] });
    await repos.forwarding.setJournalistConsent(alert.id, request.signature);
    return { journalistConsent: true };
  });
}
