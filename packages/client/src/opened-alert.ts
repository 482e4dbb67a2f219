/**
 * One alert on the staff desk, opened in the browser with the organisation's keys: the
 * answers and the conversation under the content key, notes and reasons under the desk key.
 *
 * The returned object is a snapshot of the moment it was opened; its actions keep track of
 * what they change (state, history and message counts), so several can follow one another,
 * and a UI re-opens the alert to show the result.
 * SECURITY: the reporter's signing key is taken from inside the encrypted answers (which the
 * server cannot forge without the content key) and must equal the one the server stores.
 *
 * Every part (the answers, each message, each note, each reason) is opened on its own: an
 * envelope that does not open, sent by a hostile browser or damaged, is returned as a marked
 * broken part instead of making the whole alert unreadable, so staff can still see the rest
 * and mark it spam or unfounded. A broken part is never shown as genuine.
 */
import { PURPOSES, fromBase64Url, openEnvelope, randomBytes, sealEnvelope, toBase64Url } from '@kenekanko/crypto';
import type { EnvelopeContext } from '@kenekanko/crypto';
import { AnswersPayloadSchema, DeskTextPayloadSchema } from '@kenekanko/contracts';
import type { AlertState, AlertSummary, AnswersPayload, AttachmentRef, DeskTextPayload, KeyGrant, StaffAlertView } from '@kenekanko/contracts';
import type { ApiClient } from './api-client.ts';
import { ClientError } from './errors.ts';
import { answersContext, noteContext, reasonContext } from './contexts.ts';
import { downloadFile } from './attachments.ts';
import { openConversationParts, sealMessage } from './conversation.ts';
import type { ConversationEntry } from './conversation.ts';
import { openGrant } from './grants.ts';
import type { KeySet } from './grants.ts';
import { newId } from './ids.ts';
import { orgKeyAt, orgSigningKeys } from './org-keyring.ts';
import type { OrgKeychain } from './org-keyring.ts';
import { jsonBytes, parseJsonBytes } from './json-bytes.ts';

/** Why a desk text (note, reason) could not be read. */
export type DeskTextProblem = 'cannot-decrypt';
/** Why the answers could not be shown; null when they were (or were deleted as spam). */
export type AnswersProblem = 'missing-key' | 'cannot-decrypt' | 'key-mismatch';

/** `text` is null exactly when `broken` says why it could not be read. */
export type OpenedNote = { readonly id: string; readonly authorLogin: string; readonly text: string | null; readonly broken: DeskTextProblem | null; readonly createdAt: string };
export type OpenedStateChange = {
  readonly seq: number;
  readonly fromState: AlertState | null;
  readonly toState: AlertState;
  readonly actor: string;
  readonly reason: string | null;
  /** Set when there is a reason but it could not be read. */
  readonly reasonBroken: DeskTextProblem | null;
  readonly createdAt: string;
};

export type OpenedAlert = {
  readonly summary: AlertSummary;
  /** null when the alert was deleted as spam, or when they cannot be opened (answersProblem). */
  readonly answers: AnswersPayload | null;
  readonly answersProblem: AnswersProblem | null;
  readonly messages: readonly ConversationEntry[];
  readonly notes: readonly OpenedNote[];
  readonly history: readonly OpenedStateChange[];
  readonly allowedTransitions: readonly AlertState[];
  /** The statistics inside the encrypted answers equal those the server holds in clear. */
  readonly statisticsMatch: boolean;
  readonly downloadAttachment: (ref: AttachmentRef) => Promise<Uint8Array>;
  readonly transition: (to: AlertState, reason: string, duplicateOf?: string) => Promise<void>;
  readonly sendMessage: (text: string) => Promise<void>;
  readonly addNote: (text: string) => Promise<void>;
};

type AlertKeys = { readonly content: Uint8Array | null; readonly desk: Uint8Array | null };

/** The alert key of `keyKind`, opened with the organisation key version it was sealed to (older alerts: an older version). */
function grantedKey(view: StaffAlertView, keychain: OrgKeychain, keyKind: KeyGrant['keyKind']): Uint8Array | null {
  const { id, orgId } = view.summary;
  const grant = view.grants.find(
    (g) => g.objectType === 'alert' && g.objectId === id && g.keyKind === keyKind && g.recipientType === 'organisation' && g.recipientId === orgId,
  );
  const org = grant === undefined ? undefined : orgKeyAt(keychain, orgId, grant.recipientKeyVersion);
  if (grant === undefined || org === undefined) return null;
  try {
    return openGrant(grant, org.x25519.privateKey);
  } catch {
    // A grant that does not open is as good as none: the parts it guards are shown as broken.
    return null;
  }
}

type DeskText = { readonly text: string | null; readonly broken: DeskTextProblem | null };

function deskText(deskKey: Uint8Array | null, purpose: typeof PURPOSES.note | typeof PURPOSES.reason, context: EnvelopeContext, envelope: string): DeskText {
  if (deskKey === null) return { text: null, broken: 'cannot-decrypt' };
  try {
    return { text: parseJsonBytes(DeskTextPayloadSchema, openEnvelope(deskKey, purpose, context, fromBase64Url(envelope)), 'a desk text').text, broken: null };
  } catch {
    return { text: null, broken: 'cannot-decrypt' };
  }
}

function sealDeskText(deskKey: Uint8Array, purpose: typeof PURPOSES.note | typeof PURPOSES.reason, context: EnvelopeContext, text: string): string {
  const payload: DeskTextPayload = { v: 1, text };
  return toBase64Url(sealEnvelope(deskKey, purpose, context, jsonBytes(payload)));
}

function need(key: Uint8Array | null, what: string): Uint8Array {
  if (key === null) throw new ClientError('missing-key', `the ${what} key of this alert is not granted to the organisation`);
  return key;
}

function sameStatistics(a: AlertSummary['statistics'], b: AlertSummary['statistics']): boolean {
  return a.kind === b.kind && a.regionId === b.regionId && a.cercleId === b.cercleId && a.institutionType === b.institutionType && a.amountBand === b.amountBand;
}

type ReadAnswers = { readonly answers: AnswersPayload | null; readonly problem: AnswersProblem | null };

function readAnswers(view: StaffAlertView, keys: AlertKeys): ReadAnswers {
  if (view.summary.state === 'spam') return { answers: null, problem: null };
  if (keys.content === null) return { answers: null, problem: 'missing-key' };
  let answers: AnswersPayload;
  try {
    const plain = openEnvelope(keys.content, PURPOSES.answers, answersContext(view.summary.id), fromBase64Url(view.answersEnvelope));
    answers = parseJsonBytes(AnswersPayloadSchema, plain, 'the answers');
  } catch {
    return { answers: null, problem: 'cannot-decrypt' };
  }
  // SECURITY: answers naming another reporter key than the server's are not shown as genuine.
  if (answers.reporterKeys.ed25519Public !== view.reporterEd25519Public) return { answers: null, problem: 'key-mismatch' };
  return { answers, problem: null };
}

type Actions = Pick<OpenedAlert, 'downloadAttachment' | 'transition' | 'sendMessage' | 'addNote'>;

function readDeskTexts(view: StaffAlertView, desk: Uint8Array | null): Pick<OpenedAlert, 'notes' | 'history'> {
  const alertId = view.summary.id;
  const notes = view.notes.map((n) => ({ id: n.id, authorLogin: n.authorLogin, createdAt: n.createdAt, ...deskText(desk, PURPOSES.note, noteContext(alertId, n.id), n.envelope) }));
  const history = view.history.map((h) => {
    const reason = h.reasonEnvelope === null ? { text: null, broken: null } : deskText(desk, PURPOSES.reason, reasonContext(alertId, h.seq), h.reasonEnvelope);
    return { seq: h.seq, fromState: h.fromState, toState: h.toState, actor: h.actor, createdAt: h.createdAt, reason: reason.text, reasonBroken: reason.broken };
  });
  return { notes, history };
}

/** The desk's actions on one alert; they track the state, history and message counts they change. */
function alertActions(api: ApiClient, view: StaffAlertView, org: KeySet, keys: AlertKeys): Actions {
  const alertId = view.summary.id;
  let state = view.summary.state;
  let historyLength = view.history.length;
  let messageCount = view.messages.length;
  return {
    downloadAttachment: async (ref) => downloadFile((blobId, index) => api.staffChunk(alertId, blobId, index), need(keys.content, 'content'), alertId, ref),
    transition: async (to, reason, duplicateOf) => {
      const seq = historyLength + 1;
      // Without a desk key (a broken grant) the change must still go through, so that a hostile
      // alert can be marked spam: the reason is sealed under a throwaway key and shows as broken.
      const reasonEnvelope = sealDeskText(keys.desk ?? randomBytes(32), PURPOSES.reason, reasonContext(alertId, seq), reason);
      const answer = await api.transition(alertId, { to, expectedFrom: state, reasonEnvelope, ...(duplicateOf === undefined ? {} : { duplicateOf }) });
      state = answer.state;
      historyLength = seq;
    },
    sendMessage: async (text) => {
      const seq = messageCount + 1;
      const contentKey = need(keys.content, 'content');
      const sealed = sealMessage({ alertId, seq, senderType: 'organisation', contentKey, signingKey: org.ed25519.privateKey, text, attachments: [] });
      await api.staffPostMessage(alertId, { ...sealed, attachments: null });
      messageCount = seq;
    },
    addNote: async (text) => {
      const noteId = newId();
      await api.addNote(alertId, { noteId, envelope: sealDeskText(need(keys.desk, 'desk'), PURPOSES.note, noteContext(alertId, noteId), text) });
    },
  };
}

export async function openStaffAlert(api: ApiClient, alertId: string, keychain: OrgKeychain): Promise<OpenedAlert> {
  const view = await api.staffAlert(alertId);
  const org = keychain.orgKeys.get(view.summary.orgId);
  if (org === undefined || view.summary.id !== alertId) throw new ClientError('missing-key', 'this alert belongs to an organisation whose keys you do not hold');
  const keys: AlertKeys = { content: grantedKey(view, keychain, 'content'), desk: grantedKey(view, keychain, 'desk') };
  const { answers, problem } = readAnswers(view, keys);
  // SECURITY: the reporter's key only from the answers; without them reporter messages are unverifiable.
  // Organisation messages: the current signing key, or an older one a signed directory listed.
  const formerOrganisation = orgSigningKeys(keychain, view.summary.orgId).slice(1);
  const senders = { reporter: answers === null ? null : fromBase64Url(answers.reporterKeys.ed25519Public), organisation: org.ed25519.publicKey, formerOrganisation };
  return {
    summary: view.summary,
    answers,
    answersProblem: problem,
    messages: view.summary.state === 'spam' ? [] : openConversationParts(alertId, keys.content, view.messages, senders),
    ...readDeskTexts(view, keys.desk),
    allowedTransitions: view.allowedTransitions,
    statisticsMatch: answers !== null && sameStatistics(answers.statistics, view.summary.statistics),
    ...alertActions(api, view, org, keys),
  };
}
