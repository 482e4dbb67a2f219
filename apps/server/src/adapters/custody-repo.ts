/** Adapters of features/custody: identity requests, the custodian key grants and audit checkpoints. */
import * as v from 'valibot';
import type { Kysely, Selectable } from 'kysely';
import { IDENTITY_REQUEST_PURPOSES, IDENTITY_REQUEST_STATES } from '@kenekanko/contracts';
import type { CustodyRequestView, IdentityRequestView } from '@kenekanko/contracts';
import type { Database } from '../db/schema.ts';
import type { IdentityRequestsTable } from '../db/schema-custody.ts';
import type { CheckpointRepo, CustodyRepo, CustodyRepos, IdentityRequestRecord } from '../features/custody/index.ts';
import { grantFromRow, grantToRow } from './rows.ts';
import { createRetentionRepo } from './retention-repo.ts';

type Db = Kysely<Database>;
const PurposeSchema = v.picklist(IDENTITY_REQUEST_PURPOSES);
const StateSchema = v.picklist(IDENTITY_REQUEST_STATES);

function requestFromRow(row: Selectable<IdentityRequestsTable>): IdentityRequestRecord {
  return {
    id: row.id,
    alertId: row.alert_id,
    requesterId: row.requester_id,
    purpose: v.parse(PurposeSchema, row.purpose),
    recipientOrgId: row.recipient_org_id,
    state: v.parse(StateSchema, row.state),
    reasonEnvelope: row.reason_envelope,
    createdAt: row.created_at,
  };
}

function custodyQuery(db: Db) {
  return db
    .selectFrom('identity_requests as r')
    .innerJoin('alerts as a', 'a.id', 'r.alert_id')
    .innerJoin('users as u', 'u.id', 'r.requester_id')
    .leftJoin('organisations as o', 'o.id', 'r.recipient_org_id')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .select([
      'r.id', 'r.alert_id', 'a.org_id', 'a.received_day', 'r.requester_id', 'u.login', 'u.x25519_public', 'u.key_version',
      'r.purpose', 'r.recipient_org_id', 'o.name as recipient_name', 'r.reason_envelope', 'r.refusal_envelope', 'r.state',
      'r.created_at', 'd.login as decided_login', 'r.decided_at',
    ]);
}

type CustodyRow = Awaited<ReturnType<ReturnType<typeof custodyQuery>['executeTakeFirstOrThrow']>>;

function custodyFromRow(row: CustodyRow): CustodyRequestView {
  return {
    id: row.id,
    alertId: row.alert_id,
    alertOrgId: row.org_id,
    receivedDay: row.received_day,
    requesterId: row.requester_id,
    requesterLogin: row.login,
    requesterX25519Public: row.x25519_public,
    requesterKeyVersion: row.key_version,
    purpose: v.parse(PurposeSchema, row.purpose),
    recipientOrgId: row.recipient_org_id,
    recipientOrgName: row.recipient_name,
    reasonEnvelope: row.reason_envelope,
    refusalEnvelope: row.refusal_envelope,
    state: v.parse(StateSchema, row.state),
    createdAt: row.created_at,
    decidedBy: row.decided_login,
    decidedAt: row.decided_at,
  };
}

export function createCustodyRepo(db: Db): CustodyRepo {
  return {
    async custodianUsers() {
      const rows = await db
        .selectFrom('users as u')
        .innerJoin('memberships as m', 'm.user_id', 'u.id')
        .select(['u.id', 'u.login', 'u.x25519_public', 'u.key_version'])
        .where('m.role', '=', 'custodian')
        .where('u.disabled', '=', 0)
        .distinct()
        .orderBy('u.login')
        .execute();
      return rows.map((r) => ({ userId: r.id, login: r.login, x25519Public: r.x25519_public, keyVersion: r.key_version }));
    },
    async findGrant(a) {
      const row = await db
        .selectFrom('key_grants')
        .selectAll()
        .where('object_type', '=', a.objectType)
        .where('object_id', '=', a.objectId)
        .where('key_kind', '=', a.keyKind)
        .where('recipient_type', '=', a.recipientType)
        .where('recipient_id', '=', a.recipientId)
        .orderBy('key_version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : grantFromRow(row);
    },
    async putGrant(grant, createdAt) {
      await db
        .deleteFrom('key_grants')
        .where('object_type', '=', grant.objectType)
        .where('object_id', '=', grant.objectId)
        .where('key_kind', '=', grant.keyKind)
        .where('key_version', '=', grant.keyVersion)
        .where('recipient_type', '=', grant.recipientType)
        .where('recipient_id', '=', grant.recipientId)
        .execute();
      await db.insertInto('key_grants').values(grantToRow(grant, createdAt)).execute();
    },
    async identityEnvelope(alertId) {
      return (await db.selectFrom('alerts').select('identity_envelope').where('id', '=', alertId).executeTakeFirst())?.identity_envelope;
    },
    async findRequest(requestId) {
      const row = await db.selectFrom('identity_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
      return row === undefined ? undefined : requestFromRow(row);
    },
    async insertRequest(r) {
      await db
        .insertInto('identity_requests')
        .values({
          id: r.id, alert_id: r.alertId, requester_id: r.requesterId, purpose: r.purpose, recipient_org_id: r.recipientOrgId, state: r.state,
          reason_envelope: r.reasonEnvelope, refusal_envelope: null, created_at: r.createdAt, decided_by: null, decided_at: null,
        })
        .execute();
    },
    async hasPendingRequest(alertId, requesterId) {
      const row = await db.selectFrom('identity_requests').select('id').where('alert_id', '=', alertId).where('requester_id', '=', requesterId).where('state', '=', 'pending').executeTakeFirst();
      return row !== undefined;
    },
    async requestsOfAlert(alertId): Promise<readonly IdentityRequestView[]> {
      const rows = await custodyQuery(db).where('r.alert_id', '=', alertId).orderBy('r.created_at').orderBy('r.id').execute();
      return rows.map((row) => {
        const c = custodyFromRow(row);
        return { id: c.id, alertId: c.alertId, requesterId: c.requesterId, requesterLogin: c.requesterLogin, purpose: c.purpose, recipientOrgId: c.recipientOrgId, state: c.state, createdAt: c.createdAt, decidedAt: c.decidedAt };
      });
    },
    async custodyRequests(state) {
      let query = custodyQuery(db);
      if (state !== undefined) query = query.where('r.state', '=', state);
      return (await query.orderBy('r.created_at').orderBy('r.id').limit(500).execute()).map(custodyFromRow);
    },
    async custodyRequest(requestId) {
      const row = await custodyQuery(db).where('r.id', '=', requestId).executeTakeFirst();
      return row === undefined ? undefined : custodyFromRow(row);
    },
    async decide(requestId, state, decidedBy, decidedAt, refusalEnvelope) {
      const result = await db
        .updateTable('identity_requests')
        .set({ state, decided_by: decidedBy, decided_at: decidedAt, refusal_envelope: refusalEnvelope })
        .where('id', '=', requestId)
        .where('state', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async decisionsOf(alertId) {
      const rows = await db
        .selectFrom('identity_requests')
        .select(['state', 'decided_at'])
        .where('alert_id', '=', alertId)
        .where('state', 'in', ['granted', 'refused'])
        .orderBy('decided_at')
        .execute();
      return rows.flatMap((r) => (r.decided_at === null || (r.state !== 'granted' && r.state !== 'refused') ? [] : [{ state: r.state, decidedAt: r.decided_at }]));
    },
  };
}

export function createCheckpointRepo(db: Db): CheckpointRepo {
  return {
    async head() {
      return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    },
    async hashAt(seq) {
      return (await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst())?.hash;
    },
    async entriesAfter(seq, limit) {
      const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
      return rows.map((r) => ({ seq: r.seq, at: r.at, actorId: r.actor_id, action: r.action, objectType: r.object_type, objectId: r.object_id, details: r.details, prevHash: r.prev_hash, hash: r.hash }));
    },
    async lastCheckpoint() {
      const row = await db
        .selectFrom('audit_checkpoints as c')
        .innerJoin('users as u', 'u.id', 'c.signer_user_id')
        .select(['c.seq', 'c.hash', 'c.org_id', 'c.org_key_version', 'u.login', 'c.signature', 'c.created_at'])
        .orderBy('c.seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : { seq: row.seq, hash: row.hash, orgId: row.org_id, orgKeyVersion: row.org_key_version, signerLogin: row.login, signature: row.signature, createdAt: row.created_at };
    },
    async insertCheckpoint(c) {
      const result = await db
        .insertInto('audit_checkpoints')
        .values({ seq: c.seq, hash: c.hash, org_id: c.orgId, org_key_version: c.orgKeyVersion, signer_user_id: c.signerUserId, signature: c.signature, created_at: c.createdAt })
        .onConflict((oc) => oc.column('seq').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
  };
}

export function createCustodyRepos(db: Db): CustodyRepos {
  return { custody: createCustodyRepo(db), checkpoints: createCheckpointRepo(db), retention: createRetentionRepo(db) };
}
