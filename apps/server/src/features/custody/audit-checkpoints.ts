/**
 * Signed audit checkpoints (DESIGN §3): a coalition coordinator's browser fetches the head of
 * the audit chain, recomputes the entries since the last checkpoint, and signs {seq, hash}
 * with the organisation's Ed25519 key. The server checks the signature and that the hash is
 * the stored entry's before keeping it; `npm run audit:verify` checks them all again, which
 * catches a chain cut short (truncation leaves a valid but shorter chain).
 *
 * SECURITY: the server holds no key that can make a checkpoint: a rewritten trail cannot be
 * re-signed by whoever controls the server.
 */
import type { AuditCheckpointStatement, AuditEntryView, AuditHead, NewAuditCheckpoint } from '@kenekanko/contracts';
import { AUDIT_ENTRIES_PAGE } from '@kenekanko/contracts';
import { PURPOSES, verifyStatement } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import type { Storage } from '../shared/storage.ts';
import { requireCoalitionCoordinator } from './custody-access.ts';
import type { CustodyDeps } from './ports.ts';

export function checkpointStatement(c: Pick<NewAuditCheckpoint, 'seq' | 'hash' | 'orgId' | 'orgKeyVersion'>): AuditCheckpointStatement {
  return { v: 1, seq: c.seq, hash: c.hash, orgId: c.orgId, orgKeyVersion: c.orgKeyVersion };
}

export async function auditHead(repos: CustodyDeps, userId: string): Promise<AuditHead> {
  await requireCoalitionCoordinator(repos.accounts, userId);
  const [head, last] = await Promise.all([repos.checkpoints.head(), repos.checkpoints.lastCheckpoint()]);
  const sinceLastCheckpoint = (head?.seq ?? 0) - (last?.seq ?? 0);
  return { head: head ?? null, lastCheckpoint: last ?? null, sinceLastCheckpoint: Math.max(0, sinceLastCheckpoint) };
}

export async function auditEntriesAfter(repos: CustodyDeps, userId: string, after: number): Promise<readonly AuditEntryView[]> {
  await requireCoalitionCoordinator(repos.accounts, userId);
  return repos.checkpoints.entriesAfter(after, AUDIT_ENTRIES_PAGE);
}

export async function addAuditCheckpoint(storage: Storage<CustodyDeps>, userId: string, checkpoint: NewAuditCheckpoint, now: Date): Promise<{ readonly seq: number }> {
  return storage.transaction(async (repos) => {
    const orgs = await requireCoalitionCoordinator(repos.accounts, userId);
    if (!orgs.includes(checkpoint.orgId)) throw new AppError('forbidden');
    const org = await repos.directory.organisation(checkpoint.orgId);
    if (org === undefined || org.keyVersion !== checkpoint.orgKeyVersion || org.ed25519Public === '') throw new AppError('validation-failed', { issues: ['orgKeyVersion'] });
    const ok = verifyStatement(PURPOSES.auditCheckpoint, checkpointStatement(checkpoint), decodeBase64Url(checkpoint.signature, 'signature'), decodeBase64Url(org.ed25519Public, 'orgKey'));
    if (!ok) throw new AppError('checkpoint-signature-invalid');
    const [stored, last] = await Promise.all([repos.checkpoints.hashAt(checkpoint.seq), repos.checkpoints.lastCheckpoint()]);
    if (stored !== checkpoint.hash) throw new AppError('checkpoint-mismatch');
    if (last !== undefined && checkpoint.seq <= last.seq) {
      if (checkpoint.seq === last.seq) return { seq: last.seq }; // already signed by someone: nothing to add
      throw new AppError('checkpoint-mismatch');
    }
    const inserted = await repos.checkpoints.insertCheckpoint({ ...checkpoint, signerUserId: userId, createdAt: now.toISOString() });
    if (!inserted) return { seq: checkpoint.seq };
    await repos.audit.append({ actorId: userId, action: 'audit-checkpoint', objectType: 'audit', objectId: null, details: { seq: checkpoint.seq, orgId: checkpoint.orgId } }, now);
    return { seq: checkpoint.seq };
  });
}
