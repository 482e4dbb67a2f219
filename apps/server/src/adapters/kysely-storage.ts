/**
 * The Storage port over Kysely: one set of repositories bound to the database for reads, and a
 * fresh set bound to a transaction for each unit of work.
 */
import type { Kysely } from 'kysely';
import type { AuditMacKey } from '../audit/audit-mac.ts';
import type { Database } from '../db/schema.ts';
import type { AccountRepos } from '../features/accounts/index.ts';
import type { DeskRepos } from '../features/desk/index.ts';
import type { ReporterMessageRepos } from '../features/reporter/index.ts';
import type { SetupRepos } from '../features/setup/index.ts';
import type { Storage } from '../features/shared/storage.ts';
import type { FinalizeRepos } from '../features/submissions/index.ts';
import { createAccountRepo } from './account-repo.ts';
import { createAlertRepo, createIntakeWrites, createLookupRepo, createMessageRepo } from './alert-repo.ts';
import { createDeskRepo } from './desk-repo.ts';
import { createDirectoryRepo, createSetupWrites } from './directory-repo.ts';
import { createAuditLog, createPlacesRepo } from './support-repos.ts';
import { createUploadRepo } from './upload-repo.ts';
import { createOrgsRepos } from './orgs-repo.ts';
import { createSecurityRepos } from './security-repo.ts';
import { createCasesRepos } from './cases-repo.ts';
import { createForwardingRepos } from './forwarding-repo.ts';
import { createCustodyRepos } from './custody-repo.ts';
import type { OrgsRepos } from '../features/orgs/index.ts';
import type { SecurityRepos } from '../features/security/index.ts';
import type { CasesRepos } from '../features/cases/index.ts';
import type { ForwardingRepos } from '../features/forwarding/index.ts';
import type { CustodyRepos } from '../features/custody/index.ts';
import type { StatsRepos } from '../features/stats/index.ts';
import { createStatsRepos } from './stats-repo.ts';

export type Repos = SetupRepos &
  FinalizeRepos &
  ReporterMessageRepos &
  AccountRepos &
  DeskRepos &
  OrgsRepos &
  SecurityRepos &
  CasesRepos &
  ForwardingRepos &
  CustodyRepos &
  StatsRepos;

/** `auditMacKey`: deriveAuditMacKey of the server secret, which keys every audit entry's MAC. */
export function createRepos(db: Kysely<Database>, auditMacKey: AuditMacKey): Repos {
  return {
    directory: createDirectoryRepo(db),
    setup: createSetupWrites(db),
    audit: createAuditLog(db, auditMacKey),
    uploads: createUploadRepo(db),
    places: createPlacesRepo(db),
    intake: createIntakeWrites(db),
    lookups: createLookupRepo(db),
    alerts: createAlertRepo(db),
    messages: createMessageRepo(db),
    accounts: createAccountRepo(db),
    desk: createDeskRepo(db),
    ...createOrgsRepos(db),
    ...createSecurityRepos(db),
    ...createCasesRepos(db),
    ...createForwardingRepos(db),
    ...createCustodyRepos(db),
    ...createStatsRepos(db),
  };
}

export function createKyselyStorage(db: Kysely<Database>, auditMacKey: AuditMacKey): Storage<Repos> {
  return {
    read: createRepos(db, auditMacKey),
    transaction: (work) => db.transaction().execute((trx) => work(createRepos(trx, auditMacKey))),
  };
}
