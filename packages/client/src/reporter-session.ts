/**
 * A reporter coming back with their receipt: no account, no cookie. The receipt is checked
 * for typos before any request, turned into keys by Argon2id here, and only the lookup token
 * is sent, in a POST body.
 *
 * SECURITY: the content key is opened with the receipt-derived X25519 key; messages from
 * staff are verified against the organisation key in the signed directory, not against a
 * key the server merely claims. A message that does not verify or open is returned as
 * broken, alone: the rest of the conversation still shows.
 */
import { PURPOSES, deriveReceiptKeys, equalBytes, fromBase64Url, openEnvelope, parseReceipt, toBase64Url } from '@kenekanko/crypto';
import type { ReceiptKeys } from '@kenekanko/crypto';
import { AnswersPayloadSchema, DELETED_ENVELOPE } from '@kenekanko/contracts';
import type { AnswersPayload, DirectoryBody, ReporterAlertView } from '@kenekanko/contracts';
import type { ReporterApi } from './reporter-api-client.ts';
import { ClientError } from './errors.ts';
import { answersContext } from './contexts.ts';
import { openConversationParts, sealMessage } from './conversation.ts';
import { openGrant } from './grants.ts';
import { parseJsonBytes } from './json-bytes.ts';
import { verifiedKeyHistory } from './org-keyring.ts';
import { sendReporterFiles } from './reporter-files.ts';
import { postJournalistConsent } from './forwarding/consent.ts';
import { directoryOrganisation, loadTrustedIntake } from './trusted-intake.ts';
import type { TrustedIntake } from './trusted-intake.ts';
import type { DraftFile, ReporterSession } from './types.ts';

export type ReporterOptions = { readonly pinnedCoalitionKey?: string };

type Held = { readonly api: ReporterApi; readonly intake: TrustedIntake; readonly keys: ReceiptKeys };

function contentKeyOf(view: ReporterAlertView, keys: ReceiptKeys): Uint8Array {
  const grant = view.contentGrant;
  const expected =
    grant.objectType === 'alert' && grant.objectId === view.alertId && grant.keyKind === 'content' && grant.recipientType === 'reporter';
  if (!expected) throw new ClientError('missing-key', 'the server did not return the content key granted to the reporter');
  return openGrant(grant, keys.x25519.privateKey);
}

function organisationKey(directory: DirectoryBody, view: ReporterAlertView): { name: string; ed25519: Uint8Array } {
  const org = directoryOrganisation(directory, view.organisation.id);
  return { name: org.name, ed25519: fromBase64Url(org.ed25519Public) };
}

/** The reporter's own answers, or null once they were deleted (an alert closed as spam). */
function openAnswers(view: ReporterAlertView, contentKey: Uint8Array, keys: ReceiptKeys): AnswersPayload | null {
  if (view.answersEnvelope === DELETED_ENVELOPE) return null;
  const answers = parseJsonBytes(
    AnswersPayloadSchema,
    openEnvelope(contentKey, PURPOSES.answers, answersContext(view.alertId), fromBase64Url(view.answersEnvelope)),
    'the answers',
  );
  if (!equalBytes(fromBase64Url(answers.reporterKeys.ed25519Public), keys.ed25519.publicKey)) {
    throw new ClientError('missing-key', 'the alert was not made with this receipt');
  }
  return answers;
}

async function loadSession(held: Held): Promise<ReporterSession> {
  const { api, intake, keys } = held;
  const lookupToken = toBase64Url(keys.lookupToken);
  const view = await api.reporterAlert(lookupToken);
  const contentKey = contentKeyOf(view, keys);
  const alertId = view.alertId;
  const answers = openAnswers(view, contentKey, keys);
  const org = organisationKey(intake.directory, view);
  // orgs (issue 3): messages signed before a key rotation verify with the older signing key,
  // as a signed directory older than the current one listed it (checked with the coalition key).
  const history = verifiedKeyHistory(view.organisationKeyHistory, intake.coalitionPublic, intake.directory);
  const formerOrganisation = [...(history.get(view.organisation.id)?.values() ?? [])].map((keys) => fromBase64Url(keys.ed25519Public));
  // SECURITY: each message is verified and opened on its own: one forged or garbled envelope
  // is shown as broken (never as genuine) instead of hiding the whole conversation.
  const messages = openConversationParts(alertId, contentKey, view.messages, { reporter: keys.ed25519.publicKey, organisation: org.ed25519, formerOrganisation });
  let nextSeq = messages.length + 1;

  const reply = async (text: string, files: readonly DraftFile[] = []): Promise<void> => {
    const uploaded = files.length === 0 ? null : await sendReporterFiles(api, alertId, contentKey, files, intake.limits);
    const sealed = sealMessage({
      alertId,
      seq: nextSeq,
      senderType: 'reporter',
      contentKey,
      signingKey: keys.ed25519.privateKey,
      text,
      attachments: uploaded?.refs ?? [],
    });
    await api.reporterPostMessage(lookupToken, { ...sealed, attachments: uploaded?.attachments ?? null });
    nextSeq += 1;
  };

  return {
    alertId,
    state: view.state,
    receivedDay: view.receivedDay,
    organisationName: org.name,
    answers,
    messages,
    reply,
    followUp: view.followUp,
    journalistConsent: view.journalistConsent,
    identityDecisions: view.identityDecisions,
    agreeToJournalists: () => postJournalistConsent(api, alertId, { lookupToken: keys.lookupToken, ed25519Private: keys.ed25519.privateKey }),
    refresh: () => loadSession(held),
  };
}

export async function openReporterAlert(api: ReporterApi, receipt: string, opts: ReporterOptions = {}): Promise<ReporterSession> {
  // A typo throws CryptoError here, before any request leaves the browser.
  const digits = parseReceipt(receipt);
  const intake = await loadTrustedIntake(api, opts.pinnedCoalitionKey);
  const keys = await deriveReceiptKeys(digits, fromBase64Url(intake.directory.deploymentSalt));
  return loadSession({ api, intake, keys });
}
