/**
 * Keyed MACs of the audit trail (issue 3, security fix). The chain's hash has no secret: whoever
 * can write the database can edit an entry and recompute every later hash, and the chain is
 * valid again. Each entry therefore also carries
 *
 *   mac = base64url HMAC-SHA-256( K_audit, 'kenekanko/v1/audit-mac' || 0x00 || hash )
 *   K_audit = HKDF-SHA-256( server secret, salt empty, info 'kenekanko/v1/audit-mac-key', 32 )
 *
 * The hash covers seq, content and prev_hash, so the MAC binds all of them. The server secret is
 * a file outside the database (apps/server/src/secrets): a stolen backup or a database
 * administrator without that folder cannot compute MACs, so a re-hashed entry fails here.
 *
 * SECURITY: someone holding the server secret too can still rewrite whatever no signed
 * checkpoint covers; the checkpoints signed in coordinators' browsers remain the real defence.
 * SECURITY: entries written before migration 0008 have no MAC (the migration could not hold
 * the secret). They are accepted only as the start of the trail: a missing MAC after the first
 * MACed entry is reported. A database-only attacker can still strip every MAC and re-hash the
 * whole trail so that it all looks older than MACs — verifyAuditMacs returns how many entries
 * lack one, and `audit:verify --max-entries-without-mac N` fails when that count exceeds what
 * the operator noted after upgrading (docs/threat-model.md).
 */
import { concatBytes, equalBytes, fromBase64Url, hkdfSha256, hmacSha256, toBase64Url, utf8Encode } from '@kenekanko/crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type AuditMacKey = { readonly key: Uint8Array };

export type AuditMacVerification =
  | { readonly ok: true; readonly unmacked: number }
  | { readonly ok: false; readonly badSeq: number; readonly reason: 'bad-mac' | 'missing-mac' };

const KEY_INFO = utf8Encode('kenekanko/v1/audit-mac-key');
const MAC_PREFIX = utf8Encode('kenekanko/v1/audit-mac\u0000');
const VERIFY_PAGE = 1000;

export function deriveAuditMacKey(serverSecret: Uint8Array): AuditMacKey {
  return { key: hkdfSha256(serverSecret, new Uint8Array(0), KEY_INFO, 32) };
}

export function auditMac(key: AuditMacKey, hash: string): string {
  return toBase64Url(hmacSha256(key.key, concatBytes(MAC_PREFIX, utf8Encode(hash))));
}

function macValid(key: AuditMacKey, hash: string, mac: string): boolean {
  try {
    return equalBytes(fromBase64Url(mac), fromBase64Url(auditMac(key, hash)));
  } catch {
    return false;
  }
}

/**
 * Checks the MAC of every entry, in seq order (run it after verifyAuditChain found the chain
 * intact). Entries without a MAC are counted while they open the trail; once one entry has a
 * MAC, every later one must have a valid one. Names the first entry that fails.
 */
export async function verifyAuditMacs(db: Kysely<Database>, key: AuditMacKey): Promise<AuditMacVerification> {
  let unmacked = 0;
  let macsBegun = false;
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').select(['seq', 'hash', 'mac']).where('seq', '>', after).orderBy('seq', 'asc').limit(VERIFY_PAGE).execute();
    for (const row of page) {
      if (row.mac === null) {
        if (macsBegun) return { ok: false, badSeq: row.seq, reason: 'missing-mac' };
        unmacked += 1;
      } else {
        macsBegun = true;
        if (!macValid(key, row.hash, row.mac)) return { ok: false, badSeq: row.seq, reason: 'bad-mac' };
      }
      after = row.seq;
    }
    if (page.length < VERIFY_PAGE) return { ok: true, unmacked };
  }
}
