/**
 * A coordinator's audit checkpoint, made in the browser (DESIGN §3): fetch the head of the
 * audit chain, recompute every entry since the last checkpoint with the server's formula
 * (apps/server/src/audit), and sign {seq, hash} with the organisation's Ed25519 key.
 *
 *   hash = hex SHA-256( 'kenekanko/v1/audit' || 0x00 || JSON array of
 *          [seq, at, actor_id, action, object_type, object_id, details, prev_hash] )
 *
 * SECURITY: the browser signs only a chain it checked itself, starting from the last
 * checkpoint whose signature it verified against the signed directory (or from the genesis
 * hash): a server that rewrote entries since then is caught here, before anyone signs.
 */
import { AuditEntriesResponseSchema, AuditHeadSchema, CUSTODY_ROUTES, NewAuditCheckpointSchema } from '@kenekanko/contracts';
import type { AuditCheckpointStatement, AuditCheckpointView, AuditEntryView, AuditHead } from '@kenekanko/contracts';
import { fromBase64Url, PURPOSES, sha256, signStatement, toBase64Url, toHex, utf8Encode, verifyStatement } from '@kenekanko/crypto';
import * as v from 'valibot';
import { ClientError } from '../errors.ts';
import type { StaffSession } from '../staff-session.ts';
import { directoryOrganisation } from '../trusted-intake.ts';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);
const HASH_PREFIX = 'kenekanko/v1/audit\u0000';

export function auditEntryHash(entry: Omit<AuditEntryView, 'hash'>): string {
  const body = JSON.stringify([entry.seq, entry.at, entry.actorId, entry.action, entry.objectType, entry.objectId, entry.details, entry.prevHash]);
  return toHex(sha256(utf8Encode(HASH_PREFIX + body)));
}

export type SegmentCheck = { readonly ok: true; readonly seq: number; readonly hash: string } | { readonly ok: false; readonly badSeq: number };

/** Checks that `entries` continue the chain from (seq, hash) without a gap, an edit or a reorder. */
export function checkAuditSegment(start: { readonly seq: number; readonly hash: string }, entries: readonly AuditEntryView[]): SegmentCheck {
  let { seq, hash } = start;
  for (const entry of entries) {
    if (entry.seq !== seq + 1 || entry.prevHash !== hash || auditEntryHash(entry) !== entry.hash) return { ok: false, badSeq: seq + 1 };
    seq = entry.seq;
    hash = entry.hash;
  }
  return { ok: true, seq, hash };
}

export function checkpointStatementOf(c: { readonly seq: number; readonly hash: string; readonly orgId: string; readonly orgKeyVersion: number }): AuditCheckpointStatement {
  return { v: 1, seq: c.seq, hash: c.hash, orgId: c.orgId, orgKeyVersion: c.orgKeyVersion };
}

export function fetchAuditHead(session: StaffSession): Promise<AuditHead> {
  return session.api.transport.json('GET', CUSTODY_ROUTES.auditHead, AuditHeadSchema);
}

/** Where the browser's own check starts: the last checkpoint if its signature verifies, else the genesis. */
function startingPoint(session: StaffSession, last: AuditCheckpointView | null): { readonly seq: number; readonly hash: string } {
  if (last === null) return { seq: 0, hash: AUDIT_GENESIS_HASH };
  // orgs (issue 3): a checkpoint signed before a rotation verifies with the older key a signed directory listed.
  const org = session.keyring.directory.organisations.find((o) => o.id === last.orgId && o.keyVersion === last.orgKeyVersion) ?? session.keyring.keyHistory.get(last.orgId)?.get(last.orgKeyVersion);
  const verified = org !== undefined && verifyStatement(PURPOSES.auditCheckpoint, checkpointStatementOf(last), fromBase64Url(last.signature), fromBase64Url(org.ed25519Public));
  return verified ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: AUDIT_GENESIS_HASH };
}

async function checkChainTo(session: StaffSession, start: { readonly seq: number; readonly hash: string }, head: { readonly seq: number; readonly hash: string }): Promise<number> {
  let point = start;
  let checked = 0;
  while (point.seq < head.seq) {
    const { entries } = await session.api.transport.json('GET', `${CUSTODY_ROUTES.auditEntries}?after=${point.seq}`, AuditEntriesResponseSchema);
    if (entries.length === 0) throw new ClientError('bad-response', `the audit trail ends at entry #${point.seq}, before its head`);
    const result = checkAuditSegment(point, entries);
    if (!result.ok) throw new ClientError('bad-response', `audit entry #${result.badSeq} does not continue the chain`);
    checked += entries.length;
    point = result;
  }
  if (point.seq !== head.seq || point.hash !== head.hash) throw new ClientError('bad-response', 'the audit head does not match the chain');
  return checked;
}

export type CheckpointResult = { readonly seq: number; readonly checkedEntries: number };

/** Checks the chain since the last checkpoint and signs its head with `orgId`'s key (a coalition org this user coordinates). */
export async function signAuditCheckpoint(session: StaffSession, orgId: string): Promise<CheckpointResult> {
  const keys = session.keyring.orgKeys.get(orgId);
  if (keys === undefined) throw new ClientError('missing-key', 'the organisation key is not granted to this user');
  const org = directoryOrganisation(session.keyring.directory, orgId);
  const { head, lastCheckpoint } = await fetchAuditHead(session);
  if (head === null) throw new ClientError('bad-input', 'the audit trail is empty');
  const checkedEntries = await checkChainTo(session, startingPoint(session, lastCheckpoint), head);
  const statement = checkpointStatementOf({ seq: head.seq, hash: head.hash, orgId, orgKeyVersion: org.keyVersion });
  const signature = toBase64Url(signStatement(PURPOSES.auditCheckpoint, statement, keys.ed25519.privateKey));
  const body = v.parse(NewAuditCheckpointSchema, { seq: statement.seq, hash: statement.hash, orgId, orgKeyVersion: statement.orgKeyVersion, signature });
  await session.api.transport.json('POST', CUSTODY_ROUTES.auditCheckpoints, v.strictObject({ seq: v.number() }), { json: body });
  return { seq: head.seq, checkedEntries };
}
