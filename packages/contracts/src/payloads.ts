/**
 * Plaintexts that only browsers ever see: what is inside each envelope, and the signed
 * statements (key directory, questionnaire, message signatures). The reader parses every
 * decrypted plaintext with these schemas before using it (STYLE rule 4).
 */
import * as v from 'valibot';
import { DaySchema, IdSchema, Key32Schema, PlaceIdSchema, Base64UrlSchema } from './primitives.ts';
import {
  AmountBandSchema,
  InstitutionTypeSchema,
  LanguageSchema,
  OrganisationKindSchema,
  WrongdoingKindSchema,
} from './vocab.ts';

export const MAX_DESCRIPTION_CHARS = 20_000;
export const MAX_SHORT_TEXT_CHARS = 300;
export const MAX_MESSAGE_CHARS = 10_000;

/** The statistics fields, in clear on the server and repeated inside the answers so the desk can check them. */
export const StatisticsSchema = v.strictObject({
  kind: WrongdoingKindSchema,
  regionId: PlaceIdSchema,
  cercleId: v.nullable(PlaceIdSchema),
  institutionType: InstitutionTypeSchema,
  amountBand: AmountBandSchema,
});
export type Statistics = v.InferOutput<typeof StatisticsSchema>;

/** Names of the only fields that may ever be statistics fields: closed lists, never free text. */
export const STATISTICS_FIELDS = ['kind', 'regionId', 'cercleId', 'institutionType', 'amountBand'] as const;

export const AttachmentRefSchema = v.strictObject({
  blobId: IdSchema,
  name: v.pipe(v.string(), v.maxLength(255)),
  type: v.pipe(v.string(), v.maxLength(127)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  chunkCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** 'cleaned' by packages/scrub; 'not-cleaned' when the reporter chose to send a file we could not clean. */
  scrub: v.picklist(['cleaned', 'not-cleaned']),
});
export type AttachmentRef = v.InferOutput<typeof AttachmentRefSchema>;

const AnswersObjectSchema = v.strictObject({
  v: v.literal(1),
  questionnaireVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  language: LanguageSchema,
  consents: v.strictObject({ shareWithJournalists: v.boolean() }),
  statistics: StatisticsSchema,
  communeId: v.nullable(PlaceIdSchema),
  when: v.nullable(DaySchema),
  institutionName: v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT_CHARS)),
  amountFcfa: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e15))),
  description: v.pipe(v.string(), v.maxLength(MAX_DESCRIPTION_CHARS)),
  attachments: v.array(AttachmentRefSchema),
  reporterKeys: v.strictObject({ x25519Public: Key32Schema, ed25519Public: Key32Schema }),
});
/** What happened is told in writing, or by a voice message (most adults in Mali do not read). */
export const AnswersPayloadSchema = v.pipe(
  AnswersObjectSchema,
  v.forward(
    v.check(
      (answers) => answers.description.trim() !== '' || answers.attachments.some((file) => file.type.startsWith('audio/')),
      'a description or a voice message',
    ),
    ['description'],
  ),
);
export type AnswersPayload = v.InferOutput<typeof AnswersPayloadSchema>;

/** Always present, padded to one size, so the database does not reveal who gave an identity. */
export const IdentityPayloadSchema = v.strictObject({
  v: v.literal(1),
  name: v.pipe(v.string(), v.maxLength(200)),
  phone: v.pipe(v.string(), v.maxLength(40)),
});
export type IdentityPayload = v.InferOutput<typeof IdentityPayloadSchema>;

export const MessagePayloadSchema = v.strictObject({
  v: v.literal(1),
  text: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)),
  attachments: v.array(AttachmentRefSchema),
});
export type MessagePayload = v.InferOutput<typeof MessagePayloadSchema>;

/** Internal notes and reasons for state changes, under the desk key. */
export const DeskTextPayloadSchema = v.strictObject({
  v: v.literal(1),
  text: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)),
});
export type DeskTextPayload = v.InferOutput<typeof DeskTextPayloadSchema>;

/** The private halves of a key pair set, as sealed in a key grant or wrapped for a user. */
export const PrivateKeysPayloadSchema = v.strictObject({
  v: v.literal(1),
  x25519Private: Key32Schema,
  ed25519Private: Key32Schema,
});
export type PrivateKeysPayload = v.InferOutput<typeof PrivateKeysPayloadSchema>;

export const DirectoryOrganisationSchema = v.strictObject({
  id: IdSchema,
  kind: OrganisationKindSchema,
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  x25519Public: Key32Schema,
  ed25519Public: Key32Schema,
  keyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/** The key directory, signed by the coalition signing key. The reporter's browser trusts nothing else. */
export const DirectoryBodySchema = v.strictObject({
  v: v.literal(1),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  issuedAt: v.string(),
  deploymentSalt: Base64UrlSchema,
  organisations: v.array(DirectoryOrganisationSchema),
  routing: v.strictObject({ defaultOrgId: IdSchema }),
  custodian: v.strictObject({ x25519Public: Key32Schema, keyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
});
export type DirectoryBody = v.InferOutput<typeof DirectoryBodySchema>;

export const QuestionnaireBodySchema = v.strictObject({
  v: v.literal(1),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  statisticsFields: v.array(v.picklist(STATISTICS_FIELDS)),
  encryptedFields: v.array(v.string()),
});
export type QuestionnaireBody = v.InferOutput<typeof QuestionnaireBodySchema>;

/** What a message's sender signs: its place in the conversation and the exact ciphertext. */
export type MessageStatement = {
  readonly alertId: string;
  readonly seq: number;
  readonly senderType: 'reporter' | 'organisation';
  readonly envelopeSha256: string;
  readonly attachmentBlobIds: readonly string[];
};
