/**
 * `npm run audit:verify`: verifies the whole audit chain and every signed checkpoint, with the
 * same configuration as the server (loadConfig: DATABASE_URL or DATA_DIR …). Prints one line;
 * exits 0 when everything holds, 1 naming the first bad entry (seq and why) when an entry was
 * altered, removed, reordered or cut off after a checkpoint, 2 when it could not run.
 *
 * Read-only: it never migrates or writes (a damaged deployment is examined as it is).
 */
import { existsSync } from 'node:fs';
import { verifyAuditChain, verifyCheckpoints } from '../audit/index.ts';
import type { AuditVerification, CheckpointVerification } from '../audit/index.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import type { Config } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';

export const EXIT_OK = 0;
export const EXIT_BROKEN = 1;
export const EXIT_FAILED = 2;

const CHAIN_REASONS = {
  altered: 'altered (its content or hash no longer matches)',
  missing: 'missing (removed from the chain)',
  reordered: 'reordered (stored at another position than it was written)',
} as const;

const CHECKPOINT_REASONS = {
  'no-coalition-key': 'cannot be checked: no pinned coalition key in settings',
  'bad-directory': 'cannot be checked: a stored key directory does not verify with the pinned coalition key',
  'unknown-org-key': 'is signed by an organisation key no signed directory lists',
  'bad-signature': 'has a signature that does not verify',
  'hash-mismatch': 'does not match the entry stored at its position (the entry was altered)',
  truncated: 'is beyond the end of the chain (entries after it were removed)',
} as const;

export function summarise(chain: AuditVerification, checkpoints: CheckpointVerification | null): { readonly code: number; readonly line: string } {
  if (!chain.ok) return { code: EXIT_BROKEN, line: `audit trail BROKEN: entry #${chain.badSeq} is ${CHAIN_REASONS[chain.reason]}` };
  if (checkpoints === null) return { code: EXIT_FAILED, line: 'audit trail: checkpoints were not checked' };
  if (!checkpoints.ok) {
    if (checkpoints.problem === 'truncated') {
      return { code: EXIT_BROKEN, line: `audit trail BROKEN: entry #${chain.count + 1} is missing (the chain ends at #${chain.count}, before the checkpoint signed at #${checkpoints.seq})` };
    }
    return { code: EXIT_BROKEN, line: `audit trail BROKEN: the checkpoint at entry #${checkpoints.seq} ${CHECKPOINT_REASONS[checkpoints.problem]}` };
  }
  const last = checkpoints.lastSeq === null ? 'none yet' : `last at #${checkpoints.lastSeq}`;
  return { code: EXIT_OK, line: `audit trail OK: ${chain.count} entries intact, ${checkpoints.count} signed checkpoints verified (${last})` };
}

/** Runs the verification against `config`'s database; writes one line to `out`. */
export async function runAuditVerify(config: Config, out: (line: string) => void): Promise<number> {
  // Opening a missing SQLite file would create an empty database: refuse instead.
  if (config.database.kind === 'sqlite' && !existsSync(config.database.file)) throw new Error('no database file');
  const database = await openDatabase(config.database);
  try {
    const chain = await verifyAuditChain(database.db);
    const checkpoints = chain.ok ? await verifyCheckpoints(database.db, chain.count) : null;
    const { code, line } = summarise(chain, checkpoints);
    out(line);
    return code;
  } finally {
    await database.close();
  }
}

/** The command as the entry point runs it: configuration from `env`. */
export async function auditVerifyMain(env: NodeJS.ProcessEnv, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    err(error instanceof ConfigError ? error.message : 'invalid configuration');
    return EXIT_FAILED;
  }
  try {
    return await runAuditVerify(config, out);
  } catch (error) {
    // SECURITY: the error's name only: a driver message may quote DATABASE_URL.
    err(`audit:verify could not run: ${error instanceof Error ? (error.message === 'no database file' ? 'no database in DATA_DIR' : error.name) : 'unknown error'}`);
    return EXIT_FAILED;
  }
}
