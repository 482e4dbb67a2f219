/**
 * Sealing the reporter's alert in this browser, online or not (DESIGN §3): the intake is
 * fetched fresh when the network allows (through the service worker, which falls back to the
 * copy it cached on an earlier visit), else the copy fetched when the form opened is used.
 * Either way it is verified against the pinned coalition key again, right here, before a
 * single key is sealed to it.
 */
import { isNetworkError, prepareAlert, trustIntake } from '@kenekanko/client';
import type { AlertDraft, IntakeApi, PreparedSubmission, SubmitProgress } from '@kenekanko/client';
import type { IntakeResponse, PowChallenge } from '@kenekanko/contracts';
import { readPinnedCoalitionKey } from '../../shared/pins.ts';
import { intakeApi } from './intake-api.ts';

/** A challenge this close to its expiry is not worth sending: the server would refuse it. */
const CHALLENGE_MARGIN_MS = 60_000;

let lastIntake: IntakeResponse | null = null;

/** What sealing depends on, injectable for tests: the API, the page's pinned key, the clock. */
export type SealDeps = {
  readonly api: Pick<IntakeApi, 'intake'>;
  readonly pinned: () => string | undefined;
  readonly now: () => number;
};

const pageDeps = (): SealDeps => ({ api: intakeApi(), pinned: () => readPinnedCoalitionKey(), now: Date.now });

/** Fetches the intake when the form opens, so the alert can be sealed if the network drops meanwhile. */
export async function prefetchIntake(deps: Pick<SealDeps, 'api'> = pageDeps()): Promise<void> {
  try {
    lastIntake = await deps.api.intake();
  } catch {
    // Sealing fetches it again, and says why if it still cannot.
  }
}

async function currentIntake(api: SealDeps['api']): Promise<IntakeResponse> {
  try {
    lastIntake = await api.intake();
  } catch (error) {
    if (!isNetworkError(error) || lastIntake === null) throw error;
  }
  return lastIntake;
}

export type SealedAlert = {
  readonly prepared: PreparedSubmission;
  /** The intake's challenge while it is still good, to save a round trip when sending now. */
  readonly challenge: PowChallenge | null;
};

export async function sealAlert(draft: AlertDraft, onProgress: (progress: SubmitProgress) => void, deps: SealDeps = pageDeps()): Promise<SealedAlert> {
  const intake = await currentIntake(deps.api);
  // SECURITY: verified again at every sealing, a cached copy as much as a fresh one.
  const trusted = trustIntake(intake, deps.pinned());
  const prepared = await prepareAlert(trusted, draft, { onProgress });
  const good = Date.parse(intake.pow.expiresAt) - deps.now() > CHALLENGE_MARGIN_MS;
  return { prepared, challenge: good ? intake.pow : null };
}

/** For tests: forget the intake kept from an earlier fetch. */
export function forgetIntake(): void {
  lastIntake = null;
}
