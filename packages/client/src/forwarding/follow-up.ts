/**
 * The follow-up of forwardings from a signed-in desk: the liaison's inbox, one forwarding
 * opened with its actions (acknowledge, record an action, conclude, download a file, forward
 * onwards), and an alert's forwardings as the sending organisation sees them.
 *
 * SECURITY: every event's details are sealed here under the package key, bound to the
 * forwarding and the event's seq; an onward forwarding re-seals what was received under a new
 * package key, signed by the liaison's organisation, and never carries the reporter's identity
 * (the custodian granted it to the first recipient only).
 */
import { PURPOSES, fromBase64Url, sealEnvelope, toBase64Url, verifyStatement } from '@kenekanko/crypto';
import type { AttachmentRef, ForwardEventDetails, ForwardingAction, ForwardingEventKind, ForwardingSummary } from '@kenekanko/contracts';
import { jsonBytes } from '../json-bytes.ts';
import type { StaffSession } from '../staff-session.ts';
import { consentStatement } from './consent-statement.ts';
import { forwardingApi } from './forwarding-api.ts';
import { openPackage } from './open-forwarding.ts';
import type { OpenedPackage } from './open-forwarding.ts';
import { decryptPackageFile, encryptPackageFile, eventContext } from './package-crypto.ts';
import { sendPackage } from './send-package.ts';

export type OpenedForwarding = Omit<OpenedPackage, 'packageKey'> & {
  readonly acknowledge: (text?: string) => Promise<void>;
  readonly recordAction: (action: ForwardingAction, details?: { readonly text?: string; readonly amountFcfa?: number | null }) => Promise<void>;
  readonly conclude: (text?: string) => Promise<void>;
  readonly downloadFile: (ref: AttachmentRef) => Promise<Uint8Array>;
  readonly forwardOnward: (toOrgId: string, note?: string) => Promise<ForwardingSummary>;
  /** Zeroes the package key held for the actions. */
  readonly close: () => void;
};

export const listForwardingInbox = (session: StaffSession): Promise<readonly ForwardingSummary[]> => forwardingApi(session.api).inbox();

function actions(session: StaffSession, opened: OpenedPackage): Omit<OpenedForwarding, keyof Omit<OpenedPackage, 'packageKey'>> {
  const api = forwardingApi(session.api);
  const { id, alertId } = opened.view.summary;
  const key = opened.packageKey;
  let seq = opened.view.events.length;
  const post = async (kind: ForwardingEventKind, action: ForwardingAction | null, details: ForwardEventDetails | null): Promise<void> => {
    const next = seq + 1;
    const detailsEnvelope = details === null ? null : toBase64Url(sealEnvelope(key, PURPOSES.forwardEvent, eventContext(alertId, id, next), jsonBytes(details)));
    await api.event(id, { seq: next, kind, action, detailsEnvelope });
    seq = next;
  };
  const detailsOf = (text: string | undefined, amountFcfa: number | null = null): ForwardEventDetails | null =>
    (text ?? '') === '' && amountFcfa === null ? null : { v: 1, text: text ?? '', amountFcfa };
  return {
    acknowledge: (text) => post('acknowledged', null, detailsOf(text)),
    recordAction: (action, details = {}) => post('action', action, detailsOf(details.text, details.amountFcfa ?? null)),
    conclude: (text) => post('concluded', null, detailsOf(text)),
    downloadFile: (ref) => decryptPackageFile((blobId, index) => api.getChunk(id, blobId, index), key, id, ref),
    forwardOnward: (toOrgId, note) =>
      sendPackage({
        session, alertId, fromOrgId: opened.viewerOrgId, toOrgId, onwardOf: id, includesIdentity: false,
        build: async (forwardingId, packageKey) => {
          const files = [];
          for (const ref of opened.payload.attachments) {
            const bytes = await decryptPackageFile((blobId, index) => api.getChunk(id, blobId, index), key, id, ref);
            files.push(encryptPackageFile(packageKey, forwardingId, ref, bytes));
          }
          const fromOrg = { id: opened.viewerOrgId, name: session.keyring.directory.organisations.find((o) => o.id === opened.viewerOrgId)?.name ?? '' };
          const payload = { ...opened.payload, forwardingId, onwardOf: id, fromOrg, identity: null, note: note ?? opened.payload.note, attachments: files.map((f) => f.ref) };
          return { payload, blobs: files.map((f) => f.blob) };
        },
      }),
    close: () => key.fill(0),
  };
}

/** Opens one forwarding (audited as 'open-package' by the server) with the viewer's actions. */
export async function openForwarding(session: StaffSession, forwardingId: string): Promise<OpenedForwarding> {
  const opened = openPackage(await forwardingApi(session.api).forwarding(forwardingId), session.keyring);
  const { packageKey: _key, ...shown } = opened;
  return { ...shown, ...actions(session, opened) };
}

export type ConsentState = 'given' | 'absent' | 'invalid';

export type SentForwarding = { readonly summary: ForwardingSummary; readonly opened: Omit<OpenedPackage, 'packageKey'> | null; readonly problem: string | null };

export type AlertForwardings = { readonly forwardings: readonly SentForwarding[]; readonly journalistConsent: ConsentState };

/**
 * An alert's forwardings for its organisation, each package opened with the organisation's
 * key (onward ones, sealed to others, show as summaries). `reporterEd25519Public` must come
 * from inside the decrypted answers: the consent is checked against that key, not the server's.
 */
export async function alertForwardings(session: StaffSession, alertId: string, reporterEd25519Public: string): Promise<AlertForwardings> {
  const response = await forwardingApi(session.api).alertForwardings(alertId);
  const forwardings = response.forwardings.map((view): SentForwarding => {
    if (view.grant === null) return { summary: view.summary, opened: null, problem: null };
    try {
      const { packageKey, ...opened } = openPackage(view, session.keyring);
      packageKey.fill(0);
      return { summary: view.summary, opened, problem: null };
    } catch (error) {
      return { summary: view.summary, opened: null, problem: error instanceof Error ? error.name : 'error' };
    }
  });
  const consent = response.journalistConsent;
  const valid = consent !== null && verifyStatement(PURPOSES.reporterConsent, { ...consentStatement(alertId) }, fromBase64Url(consent.signature), fromBase64Url(reporterEd25519Public));
  return { forwardings, journalistConsent: consent === null ? 'absent' : valid ? 'given' : 'invalid' };
}
