/**
 * Builds everything a new alert consists of, in the reporter's browser: the answers and
 * identity envelopes, the encrypted files and the four key grants. The server gets only
 * this, the statistics fields and the receipt's lookup token.
 *
 * SECURITY: the identity envelope is always made, padded to one size (empty name and phone
 * when none is given), so the database does not reveal who gave an identity.
 */
import * as v from 'valibot';
import { KEY_LENGTH, PURPOSES, fromBase64Url, randomBytes, sealEnvelope, toBase64Url } from '@kenekanko/crypto';
import type { ReceiptKeys } from '@kenekanko/crypto';
import { AnswersPayloadSchema, IdentityPayloadSchema, amountBandOf } from '@kenekanko/contracts';
import type { AnswersPayload, IdentityPayload, KeyGrant, Statistics } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';
import { answersContext, identityContext } from './contexts.ts';
import { custodianId } from './custodian.ts';
import { encryptFiles } from './attachments.ts';
import { jsonBytes } from './json-bytes.ts';
import { sealGrant } from './grants.ts';
import type { TrustedIntake } from './trusted-intake.ts';
import type { AlertDraft } from './types.ts';
import type { EncryptedBlob } from './upload.ts';

export type AlertPackage = {
  readonly statistics: Statistics;
  readonly answersEnvelope: string;
  readonly identityEnvelope: string;
  readonly grants: readonly KeyGrant[];
  readonly blobs: readonly EncryptedBlob[];
};

function checked<S extends v.GenericSchema>(schema: S, value: v.InferInput<S>): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) {
    // Issues name fields only: the values are what the reporter typed.
    throw new ClientError('invalid-draft', 'the alert is not complete or not valid', {
      issues: result.issues.map((issue) => v.getDotPath(issue) ?? '(root)'),
    });
  }
  return result.output;
}

function alertGrants(alertId: string, intake: TrustedIntake, reporter: ReceiptKeys, keys: { content: Uint8Array; desk: Uint8Array; identity: Uint8Array }): KeyGrant[] {
  const org = intake.routedOrganisation;
  const custodian = intake.directory.custodian;
  const custodianPublic = fromBase64Url(custodian.x25519Public);
  const alert = { objectType: 'alert', objectId: alertId, keyVersion: 1 } as const;
  const toOrg = { recipientType: 'organisation', recipientId: org.id, recipientKeyVersion: org.keyVersion } as const;
  const orgPublic = fromBase64Url(org.x25519Public);
  return [
    sealGrant({ ...alert, keyKind: 'content', ...toOrg }, orgPublic, keys.content),
    sealGrant({ ...alert, keyKind: 'content', recipientType: 'reporter', recipientId: alertId, recipientKeyVersion: 1 }, reporter.x25519.publicKey, keys.content),
    sealGrant({ ...alert, keyKind: 'desk', ...toOrg }, orgPublic, keys.desk),
    sealGrant(
      { ...alert, keyKind: 'identity', recipientType: 'custodian', recipientId: custodianId(custodianPublic), recipientKeyVersion: custodian.keyVersion },
      custodianPublic,
      keys.identity,
    ),
  ];
}

export function buildAlertPackage(alertId: string, draft: AlertDraft, intake: TrustedIntake, reporter: ReceiptKeys): AlertPackage {
  const statistics: Statistics = { ...draft.statistics, amountBand: amountBandOf(draft.amountFcfa ?? undefined) };
  const keys = { content: randomBytes(KEY_LENGTH), desk: randomBytes(KEY_LENGTH), identity: randomBytes(KEY_LENGTH) };
  try {
    const files = encryptFiles(keys.content, alertId, draft.files, intake.limits);
    const answers: AnswersPayload = checked(AnswersPayloadSchema, {
      v: 1,
      questionnaireVersion: intake.questionnaire.version,
      language: draft.language,
      consents: { shareWithJournalists: draft.consents.shareWithJournalists },
      statistics,
      communeId: draft.communeId,
      when: draft.when,
      institutionName: draft.institutionName,
      amountFcfa: draft.amountFcfa,
      description: draft.description,
      attachments: [...files.refs],
      reporterKeys: { x25519Public: toBase64Url(reporter.x25519.publicKey), ed25519Public: toBase64Url(reporter.ed25519.publicKey) },
    });
    const identity: IdentityPayload = checked(IdentityPayloadSchema, { v: 1, name: draft.identity?.name ?? '', phone: draft.identity?.phone ?? '' });
    return {
      statistics: answers.statistics,
      answersEnvelope: toBase64Url(sealEnvelope(keys.content, PURPOSES.answers, answersContext(alertId), jsonBytes(answers))),
      identityEnvelope: toBase64Url(sealEnvelope(keys.identity, PURPOSES.identity, identityContext(alertId), jsonBytes(identity))),
      grants: alertGrants(alertId, intake, reporter, keys),
      blobs: files.blobs,
    };
  } finally {
    keys.content.fill(0);
    keys.desk.fill(0);
    keys.identity.fill(0);
  }
}
