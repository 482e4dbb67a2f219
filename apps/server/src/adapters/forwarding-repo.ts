/**
 * Adapters of features/forwarding: forwardings, events, package uploads, the reporter's
 * consent, custody's identity grants and the per-organisation settings, over Kysely.
 * Locking is a no-op update of the row, as in upload-repo.ts.
 */
import * as v from 'valibot';
import { BlobManifestSchema, ForwardingActionSchema, ForwardingEventKindSchema, ForwardingStateSchema, LIAISON_ROLES, OrganisationKindSchema } from '@kenekanko/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ForwardingsTable } from '../db/schema-forwarding.ts';
import type { ForwardingEventRecord, ForwardingRecord, ForwardingRepo, ForwardingRepos, OrgRef } from '../features/forwarding/index.ts';
import { newId } from '../features/shared/ids.ts';
import { grantFromRow, grantToRow } from './rows.ts';

type Db = Kysely<Database>;

const FilesSchema = v.array(BlobManifestSchema);
const FileStateSchema = v.picklist(['uploading', 'complete']);

function fromRow(row: Selectable<ForwardingsTable>): ForwardingRecord {
  return {
    id: row.id,
    alertId: row.alert_id,
    fromOrgId: row.from_org_id,
    toOrgId: row.to_org_id,
    toKeyVersion: row.to_key_version,
    state: v.parse(ForwardingStateSchema, row.state),
    sentAt: row.sent_at,
    acknowledgedAt: row.acknowledged_at,
    concludedAt: row.concluded_at,
    createdBy: row.created_by,
    onwardOf: row.onward_of,
    includesIdentity: row.includes_identity !== 0,
    packageEnvelope: row.package_envelope,
    packageSha256: row.package_sha256,
    signature: row.signature,
    files: v.parse(FilesSchema, JSON.parse(row.attachment_files)),
  };
}

function forwardingQueries(db: Db): Pick<ForwardingRepo, 'find' | 'lock' | 'ofAlert' | 'receivedBy' | 'sentOnwardBy' | 'insert' | 'setState'> {
  const find: ForwardingRepo['find'] = async (id) => {
    const row = await db.selectFrom('forwardings').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  };
  return {
    find,
    async lock(id) {
      await db.updateTable('forwardings').set((eb) => ({ state: eb.ref('state') })).where('id', '=', id).execute();
      return find(id);
    },
    async ofAlert(alertId) {
      return (await db.selectFrom('forwardings').selectAll().where('alert_id', '=', alertId).orderBy('sent_at').orderBy('id').execute()).map(fromRow);
    },
    async receivedBy(orgIds) {
      return (await db.selectFrom('forwardings').selectAll().where('to_org_id', 'in', [...orgIds]).orderBy('sent_at', 'desc').orderBy('id').limit(500).execute()).map(fromRow);
    },
    async sentOnwardBy(orgIds) {
      const rows = await db.selectFrom('forwardings').selectAll().where('from_org_id', 'in', [...orgIds]).where('onward_of', 'is not', null).orderBy('sent_at', 'desc').limit(500).execute();
      return rows.map(fromRow);
    },
    async insert(r) {
      await db
        .insertInto('forwardings')
        .values({
          id: r.id, alert_id: r.alertId, from_org_id: r.fromOrgId, to_org_id: r.toOrgId, to_key_version: r.toKeyVersion, state: r.state,
          sent_at: r.sentAt, acknowledged_at: r.acknowledgedAt, concluded_at: r.concludedAt, created_by: r.createdBy, onward_of: r.onwardOf,
          includes_identity: r.includesIdentity ? 1 : 0, package_envelope: r.packageEnvelope, package_sha256: r.packageSha256,
          signature: r.signature, attachment_files: JSON.stringify(r.files),
        })
        .execute();
    },
    async setState(id, from, to, at) {
      const result = await db
        .updateTable('forwardings')
        .set({ state: to, ...(at.acknowledgedAt === undefined ? {} : { acknowledged_at: at.acknowledgedAt }), ...(at.concludedAt === undefined ? {} : { concluded_at: at.concludedAt }) })
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function eventQueries(db: Db): Pick<ForwardingRepo, 'eventsOf' | 'insertEvent' | 'orgRefs' | 'grantsOf' | 'insertGrants'> {
  return {
    async eventsOf(ids) {
      const out = new Map<string, ForwardingEventRecord[]>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('forwarding_events')
        .innerJoin('users', 'users.id', 'forwarding_events.actor_id')
        .select(['forwarding_id', 'seq', 'kind', 'action', 'users.login as login', 'details_envelope', 'forwarding_events.created_at as created_at'])
        .where('forwarding_id', 'in', [...ids])
        .orderBy('forwarding_id')
        .orderBy('seq')
        .execute();
      for (const r of rows) {
        const list = out.get(r.forwarding_id) ?? [];
        list.push({
          seq: r.seq,
          kind: v.parse(ForwardingEventKindSchema, r.kind),
          action: r.action === null ? null : v.parse(ForwardingActionSchema, r.action),
          actor: r.login,
          detailsEnvelope: r.details_envelope,
          createdAt: r.created_at,
        });
        out.set(r.forwarding_id, list);
      }
      return out;
    },
    async insertEvent(e) {
      await db
        .insertInto('forwarding_events')
        .values({ id: newId(), forwarding_id: e.forwardingId, seq: e.seq, kind: e.kind, action: e.action, actor_id: e.actorId, details_envelope: e.detailsEnvelope, created_at: e.createdAt })
        .execute();
    },
    async orgRefs(orgIds) {
      const out = new Map<string, OrgRef>();
      if (orgIds.length === 0) return out;
      const rows = await db.selectFrom('organisations').select(['id', 'name', 'kind']).where('id', 'in', [...orgIds]).execute();
      for (const r of rows) out.set(r.id, { id: r.id, name: r.name, kind: v.parse(OrganisationKindSchema, r.kind) });
      return out;
    },
    async grantsOf(forwardingId) {
      const rows = await db.selectFrom('key_grants').selectAll().where('object_type', '=', 'forwarding').where('object_id', '=', forwardingId).orderBy('recipient_id').execute();
      return rows.map(grantFromRow);
    },
    async insertGrants(grants, createdAt) {
      for (const g of grants) await db.insertInto('key_grants').values(grantToRow(g, createdAt)).execute();
    },
  };
}

type FileQueries = Pick<ForwardingRepo, 'findDraft' | 'insertDraft' | 'deleteDraft' | 'findFile' | 'attachmentExists' | 'insertFile' | 'chunkSha256' | 'recordChunk' | 'filesOf' | 'chunkIndexesOf' | 'completeFiles' | 'deleteFiles' | 'receivedChunks'>;

function fileQueries(db: Db): FileQueries {
  const fileRecord = (r: { id: string; forwarding_id: string; chunk_count: number; state: string }) => ({
    id: r.id, forwardingId: r.forwarding_id, chunkCount: r.chunk_count, state: v.parse(FileStateSchema, r.state),
  });
  return {
    async findDraft(id) {
      const r = await db.selectFrom('forwarding_drafts').selectAll().where('forwarding_id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : { forwardingId: r.forwarding_id, alertId: r.alert_id, onwardOf: r.onward_of, userId: r.user_id };
    },
    async insertDraft(d, createdAt) {
      await db.insertInto('forwarding_drafts').values({ forwarding_id: d.forwardingId, alert_id: d.alertId, onward_of: d.onwardOf, user_id: d.userId, created_at: createdAt }).execute();
    },
    async deleteDraft(id) {
      await db.deleteFrom('forwarding_drafts').where('forwarding_id', '=', id).execute();
    },
    async findFile(id) {
      const r = await db.selectFrom('forwarding_files').selectAll().where('id', '=', id).executeTakeFirst();
      return r === undefined ? undefined : fileRecord(r);
    },
    async attachmentExists(id) {
      return (await db.selectFrom('blobs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },
    async insertFile(id, forwardingId) {
      await db.insertInto('forwarding_files').values({ id, forwarding_id: forwardingId, chunk_count: 0, total_bytes: 0, state: 'uploading' }).execute();
    },
    async chunkSha256(fileId, index) {
      const r = await db.selectFrom('forwarding_file_chunks').select('sha256').where('file_id', '=', fileId).where('chunk_index', '=', index).executeTakeFirst();
      return r?.sha256;
    },
    async recordChunk(fileId, index, size, sha256) {
      await db.insertInto('forwarding_file_chunks').values({ file_id: fileId, chunk_index: index, size, sha256 }).execute();
      await db.updateTable('forwarding_files').set((eb) => ({ total_bytes: eb('total_bytes', '+', size), chunk_count: eb('chunk_count', '+', 1) })).where('id', '=', fileId).execute();
    },
    async filesOf(forwardingId) {
      return (await db.selectFrom('forwarding_files').selectAll().where('forwarding_id', '=', forwardingId).orderBy('id').execute()).map(fileRecord);
    },
    async chunkIndexesOf(fileId) {
      return (await db.selectFrom('forwarding_file_chunks').select('chunk_index').where('file_id', '=', fileId).execute()).map((r) => r.chunk_index);
    },
    async completeFiles(files) {
      for (const f of files) await db.updateTable('forwarding_files').set({ state: 'complete', chunk_count: f.chunkCount }).where('id', '=', f.blobId).execute();
    },
    async deleteFiles(ids) {
      if (ids.length === 0) return;
      await db.deleteFrom('forwarding_file_chunks').where('file_id', 'in', [...ids]).execute();
      await db.deleteFrom('forwarding_files').where('id', 'in', [...ids]).execute();
    },
    async receivedChunks(forwardingId) {
      const rows = await db
        .selectFrom('forwarding_file_chunks')
        .innerJoin('forwarding_files', 'forwarding_files.id', 'forwarding_file_chunks.file_id')
        .select(['file_id', 'chunk_index'])
        .where('forwarding_files.forwarding_id', '=', forwardingId)
        .orderBy('file_id')
        .orderBy('chunk_index')
        .execute();
      const out: Record<string, number[]> = {};
      for (const r of rows) (out[r.file_id] ??= []).push(r.chunk_index);
      return out;
    },
  };
}

function otherQueries(db: Db): Pick<ForwardingRepo, 'journalistConsent' | 'setJournalistConsent' | 'identityGranted' | 'nameToReporter' | 'setNameToReporter' | 'liaisonsOf'> {
  return {
    async journalistConsent(alertId) {
      const r = await db.selectFrom('alerts').select('journalist_consent').where('id', '=', alertId).executeTakeFirst();
      return r?.journalist_consent ?? null;
    },
    async setJournalistConsent(alertId, signature) {
      await db.updateTable('alerts').set({ journalist_consent: signature }).where('id', '=', alertId).execute();
    },
    async identityGranted(alertId, userId, toOrgId) {
      const r = await db
        .selectFrom('identity_requests')
        .select('id')
        .where('alert_id', '=', alertId)
        .where('requester_id', '=', userId)
        .where('purpose', '=', 'forwarding')
        .where('recipient_org_id', '=', toOrgId)
        .where('state', '=', 'granted')
        .executeTakeFirst();
      return r !== undefined;
    },
    async nameToReporter(orgIds) {
      if (orgIds.length === 0) return new Set();
      const rows = await db.selectFrom('forwarding_settings').select('org_id').where('org_id', 'in', [...orgIds]).where('name_to_reporter', '=', 1).execute();
      return new Set(rows.map((r) => r.org_id));
    },
    async setNameToReporter(orgId, value, userId, at) {
      await db
        .insertInto('forwarding_settings')
        .values({ org_id: orgId, name_to_reporter: value ? 1 : 0, updated_by: userId, updated_at: at })
        .onConflict((oc) => oc.column('org_id').doUpdateSet({ name_to_reporter: value ? 1 : 0, updated_by: userId, updated_at: at }))
        .execute();
    },
    async liaisonsOf(orgId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('users.id')
        .distinct()
        .where('memberships.org_id', '=', orgId)
        .where('memberships.role', 'in', [...LIAISON_ROLES])
        .where('users.disabled', '=', 0)
        .orderBy('users.id')
        .execute();
      return rows.map((r) => r.id);
    },
  };
}

export function createForwardingRepos(db: Db): ForwardingRepos {
  return { forwarding: { ...forwardingQueries(db), ...eventQueries(db), ...fileQueries(db), ...otherQueries(db) } };
}
