/**
 * The field page's state (a focal point recording alerts heard in person or by phone): the
 * verified intake fetched while the network is there, the alert being written (the reporter
 * form's own signals, alert-form-state.ts), and the slip of the last alert recorded.
 *
 * Recording seals the alert at once, offline or not, to the focal point's organisation
 * (prepareAlert) and keeps the package in the reporter's outbox (IndexedDB), which sends it
 * now if the network allows, else when it returns; a sent package is deleted at once.
 *
 * SECURITY: the focal point's phone holds nothing it can open (DESIGN §3): only ciphertext
 * waits in the outbox, the receipt lives in memory until the slip is closed, and the form is
 * cleared the moment the alert is sealed.
 */
import { signal } from '@preact/signals';
import { prepareAlert, trustIntake } from '@kenekanko/client';
import type { AlertDraft, IntakeApi } from '@kenekanko/client';
import type { IntakeResponse } from '@kenekanko/contracts';
import { checkedDraft, resetForm } from '../../reporter/alert-form/alert-form-state.ts';
import { intakeApi } from '../../reporter/offline/intake-api.ts';
import { keepForLater, startOutbox } from '../../reporter/offline/outbox.ts';
import { readPinnedCoalitionKey } from '../../shared/pins.ts';
import { routeToOrganisation } from './field-org.ts';

export type IntakeState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly intake: IntakeResponse }
  | { readonly status: 'failed'; readonly error: unknown };

/** A receipt to hand to the citizen, and the package it belongs to (to say whether it has left). */
export type FieldSlip = { readonly receipt: string; readonly submissionId: string };

export type RecordState =
  | { readonly status: 'idle' }
  | { readonly status: 'sealing' }
  | { readonly status: 'failed'; readonly error: unknown }
  /** The organisation is not in the signed directory: nothing can be sealed to it. */
  | { readonly status: 'not-in-directory' }
  | { readonly status: 'slip'; readonly slip: FieldSlip };

export const fieldIntake = signal<IntakeState>({ status: 'loading' });
export const recordState = signal<RecordState>({ status: 'idle' });

/** What recording depends on, injectable for tests. */
export type FieldDeps = {
  readonly api: Pick<IntakeApi, 'intake'>;
  readonly pinned: () => string | undefined;
  readonly keep: (sealed: Parameters<typeof keepForLater>[0]) => Promise<void>;
  /** Loads what waits on the phone and sends it whenever the network allows. */
  readonly startSending: () => Promise<void>;
};

const pageDeps = (): FieldDeps => ({ api: intakeApi(), pinned: () => readPinnedCoalitionKey(), keep: keepForLater, startSending: startOutbox });

/** Fetches the intake (while the network is there) and starts the outbox; a failure keeps the copy already fetched. */
export async function openField(deps: FieldDeps = pageDeps()): Promise<void> {
  void deps.startSending();
  try {
    fieldIntake.value = { status: 'ready', intake: await deps.api.intake() };
  } catch (error) {
    if (fieldIntake.value.status !== 'ready') fieldIntake.value = { status: 'failed', error };
  }
}

export type Readiness = { readonly status: 'ready' } | { readonly status: 'not-in-directory' } | { readonly status: 'untrusted'; readonly error: unknown };

/** Whether alerts can be sealed to `orgId` with this intake, said before anything is written. */
export function readiness(intake: IntakeResponse, orgId: string, pinned: () => string | undefined = () => readPinnedCoalitionKey()): Readiness {
  try {
    return routeToOrganisation(trustIntake(intake, pinned()), orgId) === null ? { status: 'not-in-directory' } : { status: 'ready' };
  } catch (error) {
    return { status: 'untrusted', error };
  }
}

/** Seals a checked draft to `orgId` and keeps it in the outbox; the slip comes next. */
export async function sealForOrganisation(draft: AlertDraft, orgId: string, deps: FieldDeps = pageDeps()): Promise<RecordState> {
  const current = fieldIntake.value;
  if (current.status !== 'ready') return { status: 'failed', error: current.status === 'failed' ? current.error : new Error('no intake yet') };
  try {
    // SECURITY: verified against the pinned coalition key at every sealing, as the reporter's page does.
    const routed = routeToOrganisation(trustIntake(current.intake, deps.pinned()), orgId);
    if (routed === null) return { status: 'not-in-directory' };
    const prepared = await prepareAlert(routed, draft);
    await deps.keep(prepared.sealed);
    return { status: 'slip', slip: { receipt: prepared.receipt, submissionId: prepared.sealed.submissionId } };
  } catch (error) {
    return { status: 'failed', error };
  }
}

/** "Record": checks the form, seals, and clears the form once sealed. */
export async function recordAlert(orgId: string): Promise<void> {
  if (recordState.value.status === 'sealing') return;
  const draft = checkedDraft();
  if (draft === null) return;
  recordState.value = { status: 'sealing' };
  const next = await sealForOrganisation(draft, orgId);
  // SECURITY: once sealed, nothing of what the citizen said stays in memory but the receipt on the slip.
  if (next.status === 'slip') resetForm();
  recordState.value = next;
  if (typeof window !== 'undefined') window.scrollTo(0, 0);
}

/** The slip is handed over: the receipt is dropped, and the next alert can be written. */
export function closeSlip(): void {
  recordState.value = { status: 'idle' };
}
