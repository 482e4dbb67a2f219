/**
 * Database rows to feature records. Every closed-list column is parsed (STYLE rule 4): a row
 * that does not fit throws here instead of flowing on as a lie.
 */
import * as v from 'valibot';
import {
  AlertStateSchema,
  AmountBandSchema,
  InstitutionTypeSchema,
  PrioritySchema,
  KeyGrantSchema,
  MessageViewSchema,
  OrganisationKindSchema,
  RoleSchema,
  WrongdoingKindSchema,
} from '@kenekanko/contracts';
import type { KeyGrant, MessageView, Role } from '@kenekanko/contracts';
import type { Selectable } from 'kysely';
import type { AlertsTable, KeyGrantsTable, MessagesTable, OrganisationsTable, UsersTable } from '../db/schema.ts';
import type { AlertRecord } from '../features/shared/alerts.ts';
import type { OrganisationRecord, UserRecord } from '../features/shared/records.ts';

export function alertFromRow(row: Selectable<AlertsTable>): AlertRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    state: v.parse(AlertStateSchema, row.state),
    receivedDay: row.received_day,
    statistics: {
      kind: v.parse(WrongdoingKindSchema, row.kind),
      regionId: row.region_id,
      cercleId: row.cercle_id,
      institutionType: v.parse(InstitutionTypeSchema, row.institution_type),
      amountBand: v.parse(AmountBandSchema, row.amount_band),
    },
    questionnaireVersion: row.questionnaire_version,
    answersEnvelope: row.answers_envelope,
    reporterX25519Public: row.reporter_x25519_public,
    reporterEd25519Public: row.reporter_ed25519_public,
    duplicateOf: row.duplicate_of,
    assigneeId: row.assignee_id,
    updatedAt: row.updated_at,
    priority: v.parse(PrioritySchema, row.priority),
  };
}

export function grantFromRow(row: Selectable<KeyGrantsTable>): KeyGrant {
  return v.parse(KeyGrantSchema, {
    objectType: row.object_type,
    objectId: row.object_id,
    keyKind: row.key_kind,
    keyVersion: row.key_version,
    recipientType: row.recipient_type,
    recipientId: row.recipient_id,
    recipientKeyVersion: row.recipient_key_version,
    sealedKey: row.sealed_key,
  });
}

export function grantToRow(grant: KeyGrant & { readonly id: string }, createdAt: string): Selectable<KeyGrantsTable> {
  return {
    id: grant.id,
    object_type: grant.objectType,
    object_id: grant.objectId,
    key_kind: grant.keyKind,
    key_version: grant.keyVersion,
    recipient_type: grant.recipientType,
    recipient_id: grant.recipientId,
    recipient_key_version: grant.recipientKeyVersion,
    sealed_key: grant.sealedKey,
    created_at: createdAt,
  };
}

const BlobIdsSchema = v.array(v.string());

export function messageFromRow(row: Pick<MessagesTable, 'seq' | 'sender_type' | 'envelope' | 'signature' | 'attachment_blob_ids' | 'created_day'>): MessageView {
  return v.parse(MessageViewSchema, {
    seq: row.seq,
    senderType: row.sender_type,
    envelope: row.envelope,
    signature: row.signature,
    attachmentBlobIds: v.parse(BlobIdsSchema, JSON.parse(row.attachment_blob_ids)),
    createdDay: row.created_day,
  });
}

export function organisationFromRow(row: Selectable<OrganisationsTable>): OrganisationRecord {
  return {
    id: row.id,
    kind: v.parse(OrganisationKindSchema, row.kind),
    name: row.name,
    x25519Public: row.x25519_public,
    ed25519Public: row.ed25519_public,
    keyVersion: row.key_version,
  };
}

export function userFromRow(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    login: row.login,
    salt: row.salt,
    loginKeyHash: row.login_key_hash,
    x25519Public: row.x25519_public,
    ed25519Public: row.ed25519_public,
    keyVersion: row.key_version,
    wrappedKeys: row.wrapped_keys,
    recoveryWrappedKeys: row.recovery_wrapped_keys,
    disabled: row.disabled !== 0,
  };
}

export const parseRole = (value: string): Role => v.parse(RoleSchema, value);
