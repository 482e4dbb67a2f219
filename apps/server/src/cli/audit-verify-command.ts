/**
 * `npm run audit:verify [-- --require-checkpoint-within DAYS] [--max-entries-without-mac N]`: verifies the whole audit chain,
 * every entry's keyed MAC and every signed checkpoint, with the same configuration as the
 * server (loadConfig: DATABASE_URL or DATA_DIR, SECRETS_DIR …). The first line is the verdict;
 * detail lines follow (MAC coverage, what no checkpoint covers yet, warnings). Exit codes:
 *   0  everything holds
 *   1  an entry was altered, removed, reordered, re-hashed without the server secret, or cut
 *      off after a checkpoint (the line names the first bad entry and why); or, under
 *      --max-entries-without-mac N, more than N entries lack a MAC (MACs were stripped)
 *   2  it could not run (configuration, database, secrets folder)
 *   3  --require-checkpoint-within DAYS: an entry older than DAYS days is covered by no signed
 *      checkpoint (a fresh deployment with recent entries only still passes)
 *
 * Read-only: it never migrates or writes, and reads the server secret without creating it (a
 * damaged deployment is examined as it is).
 */
import { existsSync } from 'node:fs';
import { checkpointCoverage, deriveAuditMacKey, verifyAuditChain, verifyAuditMacs, verifyCheckpoints } from '../audit/index.ts';
import type { AuditMacVerification, AuditVerification, CheckpointCoverage, CheckpointVerification } from '../audit/index.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import type { Config } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { readServerSecret, SecretsError } from '../secrets/index.ts';

export const EXIT_OK = 0;
export const EXIT_BROKEN = 1;
export const EXIT_FAILED = 2;
export const EXIT_UNCOVERED = 3;

const DAY_MS = 86_400_000;
const MAX_DAYS = 36_500;

export type AuditVerifyOptions = {
  /** Fail (EXIT_UNCOVERED) when an entry older than this many days has no checkpoint; null: only warn. */
  readonly requireCheckpointWithinDays: number | null;
  /** The count of pre-MAC entries the operator noted after upgrading; more fail (EXIT_BROKEN). */
  readonly maxEntriesWithoutMac?: number | null;
  readonly now: Date;
};

export type AuditVerifyArgs = Omit<AuditVerifyOptions, 'now'>;
const USAGE = 'usage: npm run audit:verify [-- --require-checkpoint-within DAYS] [--max-entries-without-mac N]';

export type AuditReport = {
  readonly chain: AuditVerification;
  readonly macs: AuditMacVerification | null;
  readonly checkpoints: CheckpointVerification | null;
  readonly coverage: CheckpointCoverage | null;
};

const CHAIN_REASONS = {
  altered: 'altered (its content or hash no longer matches)',
  missing: 'missing (removed from the chain)',
  reordered: 'reordered (stored at another position than it was written)',
} as const;

const MAC_REASONS = {
  'bad-mac': 'altered (its MAC does not match: it was rewritten and re-hashed without the server secret)',
  'missing-mac': 'altered (it has no MAC although earlier entries have one: its MAC was removed)',
} as const;

const CHECKPOINT_REASONS = {
  'no-coalition-key': 'cannot be checked: no pinned coalition key in settings',
  'bad-directory': 'cannot be checked: a stored key directory does not verify with the pinned coalition key',
  'unknown-org-key': 'is signed by an organisation key no signed directory lists',
  'bad-signature': 'has a signature that does not verify',
  'hash-mismatch': 'does not match the entry stored at its position (the entry was altered)',
  truncated: 'is beyond the end of the chain (entries after it were removed)',
} as const;

/** Parses the command's arguments (each flag once, in any order); a string is a usage error. */
export function parseAuditVerifyArgs(args: readonly string[]): AuditVerifyArgs | string {
  let requireCheckpointWithinDays: number | null = null;
  let maxEntriesWithoutMac: number | null = null;
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1] ?? '';
    if (flag === '--require-checkpoint-within' && requireCheckpointWithinDays === null) {
      if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > MAX_DAYS) return `--require-checkpoint-within takes a whole number of days from 1 to ${MAX_DAYS}`;
      requireCheckpointWithinDays = Number(value);
    } else if (flag === '--max-entries-without-mac' && maxEntriesWithoutMac === null) {
      if (!/^\d{1,15}$/.test(value)) return '--max-entries-without-mac takes a whole number of entries (0 or more)';
      maxEntriesWithoutMac = Number(value);
    } else {
      return USAGE;
    }
  }
  return { requireCheckpointWithinDays, maxEntriesWithoutMac };
}

function brokenLine(report: AuditReport, maxWithoutMac: number | null): string | null {
  const { chain, macs, checkpoints } = report;
  if (!chain.ok) return `audit trail BROKEN: entry #${chain.badSeq} is ${CHAIN_REASONS[chain.reason]}`;
  if (macs !== null && !macs.ok) return `audit trail BROKEN: entry #${macs.badSeq} is ${MAC_REASONS[macs.reason]}`;
  if (macs?.ok === true && maxWithoutMac !== null && macs.unmacked > maxWithoutMac) {
    return `audit trail BROKEN: entry #${maxWithoutMac + 1} is altered (${macs.unmacked} entries have no MAC, more than the ${maxWithoutMac} written before MACs: MACs were stripped)`;
  }
  if (checkpoints === null || checkpoints.ok) return null;
  if (checkpoints.problem === 'truncated') {
    return `audit trail BROKEN: entry #${chain.count + 1} is missing (the chain ends at #${chain.count}, before the checkpoint signed at #${checkpoints.seq})`;
  }
  return `audit trail BROKEN: the checkpoint at entry #${checkpoints.seq} ${CHECKPOINT_REASONS[checkpoints.problem]}`;
}

/** The detail lines of an intact trail: MACs, what no checkpoint covers, and the age check. */
function detailLines(count: number, unmacked: number, coverage: CheckpointCoverage, options: AuditVerifyOptions): { readonly uncoveredTooOld: boolean; readonly lines: readonly string[] } {
  const lines = [`MACs: ${count - unmacked} entries carry a valid MAC; ${unmacked} predate MACs (written before migration 0008, chain-checked only)`];
  if (coverage.lastSeq !== null) {
    lines.push(`not covered by a signed checkpoint: ${coverage.uncovered} entries after #${coverage.lastSeq} (the last checkpoint signs an entry of ${coverage.lastDay ?? 'an unknown day'})`);
  } else if (count > 0) {
    lines.push(`WARNING: no signed checkpoint yet: none of the ${count} entries is covered; a coordinator should sign one on the desk (cut-off newest entries cannot be detected without one)`);
  }
  const limit = options.requireCheckpointWithinDays;
  const oldest = coverage.oldestUncoveredAt;
  const uncoveredTooOld = limit !== null && oldest !== null && Date.parse(oldest) < options.now.getTime() - limit * DAY_MS;
  if (uncoveredTooOld) {
    lines.push(`audit trail NOT COVERED: entry #${(coverage.lastSeq ?? 0) + 1} of ${oldest?.slice(0, 10) ?? ''} is older than ${limit} days and no signed checkpoint covers it`);
  }
  return { uncoveredTooOld, lines };
}

export function summarise(report: AuditReport, options: AuditVerifyOptions): { readonly code: number; readonly lines: readonly string[] } {
  const broken = brokenLine(report, options.maxEntriesWithoutMac ?? null);
  if (broken !== null) return { code: EXIT_BROKEN, lines: [broken] };
  const { chain, macs, checkpoints, coverage } = report;
  if (!chain.ok || macs === null || !macs.ok || checkpoints === null || !checkpoints.ok || coverage === null) {
    return { code: EXIT_FAILED, lines: ['audit trail: MACs or checkpoints were not checked'] };
  }
  const last = checkpoints.lastSeq === null ? 'none yet' : `last at #${checkpoints.lastSeq}`;
  const verdict = `audit trail OK: ${chain.count} entries intact, ${checkpoints.count} signed checkpoints verified (${last})`;
  const details = detailLines(chain.count, macs.unmacked, coverage, options);
  return { code: details.uncoveredTooOld ? EXIT_UNCOVERED : EXIT_OK, lines: [verdict, ...details.lines] };
}

/** Runs the verification against `config`'s database and secrets folder; writes lines to `out`. */
export async function runAuditVerify(config: Config, out: (line: string) => void, options: AuditVerifyOptions = { requireCheckpointWithinDays: null, now: new Date() }): Promise<number> {
  // Opening a missing SQLite file would create an empty database: refuse instead.
  if (config.database.kind === 'sqlite' && !existsSync(config.database.file)) throw new Error('no database file');
  const macKey = deriveAuditMacKey(await readServerSecret(config.secretsDir));
  const database = await openDatabase(config.database);
  try {
    const db = database.db;
    const chain = await verifyAuditChain(db);
    const macs = chain.ok ? await verifyAuditMacs(db, macKey) : null;
    const checkpoints = chain.ok && macs?.ok === true ? await verifyCheckpoints(db, chain.count) : null;
    const coverage = chain.ok && checkpoints?.ok === true ? await checkpointCoverage(db, checkpoints.lastSeq, chain.count) : null;
    const { code, lines } = summarise({ chain, macs, checkpoints, coverage }, options);
    for (const line of lines) out(line);
    return code;
  } finally {
    await database.close();
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof SecretsError) return `the server secret cannot be read (${error.message}); run it with the server's SECRETS_DIR`;
  if (error instanceof Error && error.message === 'no database file') return 'no database in DATA_DIR';
  // SECURITY: the error's name only: a driver message may quote DATABASE_URL.
  return error instanceof Error ? error.name : 'unknown error';
}

/** The command as the entry point runs it: configuration from `env`, options from `args`. */
export async function auditVerifyMain(env: NodeJS.ProcessEnv, args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const parsed = parseAuditVerifyArgs(args);
  if (typeof parsed === 'string') {
    err(parsed);
    return EXIT_FAILED;
  }
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    err(error instanceof ConfigError ? error.message : 'invalid configuration');
    return EXIT_FAILED;
  }
  try {
    return await runAuditVerify(config, out, { ...parsed, now: new Date() });
  } catch (error) {
    err(`audit:verify could not run: ${failureMessage(error)}`);
    return EXIT_FAILED;
  }
}
