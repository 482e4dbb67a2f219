/**
 * Filing an alert in one go (DESIGN §3, §4b): verify what the server hands out, seal the
 * alert here (prepareAlert), then upload and finalize it (sendPrepared). A reporter's page
 * that may go offline calls the two halves itself, so that a sealed alert can wait.
 *
 * SECURITY: nothing is written to any storage (no localStorage, no IndexedDB, no log): the
 * receipt exists only in the returned value, for the UI to show once. The server receives the
 * receipt's lookup token, never the receipt.
 */
import type { IntakeApi } from './intake-api-client.ts';
import { prepareAlert } from './prepare-alert.ts';
import { sendPrepared } from './send-prepared.ts';
import { loadTrustedIntake } from './trusted-intake.ts';
import type { AlertDraft, SubmitOptions, SubmitResult } from './types.ts';

export async function submitAlert(api: IntakeApi, draft: AlertDraft, opts: SubmitOptions = {}): Promise<SubmitResult> {
  const intake = await loadTrustedIntake(api, opts.pinnedCoalitionKey);
  const onProgress = opts.onProgress === undefined ? {} : { onProgress: opts.onProgress };
  const prepared = await prepareAlert(intake, draft, onProgress);
  const result = await sendPrepared(api, prepared.sealed, {
    ...onProgress,
    firstChallenge: intake.pow,
    ...(opts.maxRetries === undefined ? {} : { maxRetries: opts.maxRetries }),
    ...(opts.retryDelayMs === undefined ? {} : { retryDelayMs: opts.retryDelayMs }),
  });
  return { receipt: prepared.receipt, alertId: result.alertId, receivedDay: result.receivedDay, journalistConsent: result.journalistConsent };
}
