/**
 * Checks the signed audit checkpoints against the chain (used by `npm run audit:verify`):
 * each checkpoint's signature against its organisation's Ed25519 key as listed in a key
 * directory signed by the pinned coalition key (settings), its hash against the entry stored
 * at its seq, and the chain's length against the last checkpoint — a chain cut short after a
 * checkpoint is still a valid chain, and only this comparison catches it.
 *
 * SECURITY: every key used here comes from documents the coalition signed in a browser; the
 * only thing trusted from the database unsigned is the pinned coalition key itself, set once
 * at setup (the same trust the reporter's bundle pins).
 */
import * as v from 'valibot';
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { AuditCheckpointStatement } from '@kenekanko/contracts';
import { canonicalJson, fromBase64Url, PURPOSES, verifyStatement } from '@kenekanko/crypto';
import type { JsonValue } from '@kenekanko/crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type CheckpointProblem = 'no-coalition-key' | 'bad-directory' | 'unknown-org-key' | 'bad-signature' | 'hash-mismatch' | 'truncated';

export type CheckpointVerification =
  | { readonly ok: true; readonly count: number; readonly lastSeq: number | null }
  | { readonly ok: false; readonly seq: number; readonly problem: CheckpointProblem };

/** Organisation signing keys by `${orgId}/${keyVersion}`, from every directory version that verifies. */
async function signedOrgKeys(db: Kysely<Database>, coalitionKey: Uint8Array): Promise<Map<string, string> | null> {
  const keys = new Map<string, string>();
  const versions = await db.selectFrom('directory_versions').select(['body', 'signature']).orderBy('version').execute();
  for (const version of versions) {
    let statement: JsonValue;
    try {
      statement = JSON.parse(version.body) as JsonValue;
      if (canonicalJson(statement) !== version.body || !verifyStatement(PURPOSES.directory, statement, fromBase64Url(version.signature), coalitionKey)) return null;
    } catch {
      return null;
    }
    const body = v.safeParse(DirectoryBodySchema, statement);
    if (!body.success) return null;
    for (const org of body.output.organisations) keys.set(`${org.id}/${org.keyVersion}`, org.ed25519Public);
  }
  return keys;
}

function signatureValid(statement: AuditCheckpointStatement, signature: string, publicKey: string): boolean {
  try {
    return verifyStatement(PURPOSES.auditCheckpoint, statement, fromBase64Url(signature), fromBase64Url(publicKey));
  } catch {
    return false;
  }
}

/** `chainCount`: how many entries verifyAuditChain found intact. */
export async function verifyCheckpoints(db: Kysely<Database>, chainCount: number): Promise<CheckpointVerification> {
  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  if (checkpoints.length === 0) return { ok: true, count: 0, lastSeq: null };
  const first = checkpoints[0]?.seq ?? 0;
  const pinned = await db.selectFrom('settings').select('value').where('key', '=', 'coalition_signing_public').executeTakeFirst();
  if (pinned === undefined) return { ok: false, seq: first, problem: 'no-coalition-key' };
  const orgKeys = await signedOrgKeys(db, fromBase64Url(pinned.value));
  if (orgKeys === null) return { ok: false, seq: first, problem: 'bad-directory' };
  for (const c of checkpoints) {
    const publicKey = orgKeys.get(`${c.org_id}/${c.org_key_version}`);
    if (publicKey === undefined) return { ok: false, seq: c.seq, problem: 'unknown-org-key' };
    const statement: AuditCheckpointStatement = { v: 1, seq: c.seq, hash: c.hash, orgId: c.org_id, orgKeyVersion: c.org_key_version };
    if (!signatureValid(statement, c.signature, publicKey)) return { ok: false, seq: c.seq, problem: 'bad-signature' };
    if (c.seq > chainCount) return { ok: false, seq: c.seq, problem: 'truncated' };
    const entry = await db.selectFrom('audit_log').select('hash').where('seq', '=', c.seq).executeTakeFirst();
    if (entry?.hash !== c.hash) return { ok: false, seq: c.seq, problem: 'hash-mismatch' };
  }
  return { ok: true, count: checkpoints.length, lastSeq: checkpoints[checkpoints.length - 1]?.seq ?? null };
}
