/** What route handlers are given: the features' ports, already bound to their adapters. */
import type { Repos } from '../adapters/kysely-storage.ts';
import type { Config } from '../config/config.ts';
import type { AccountDeps } from '../features/accounts/index.ts';
import type { PowService } from '../features/pow/index.ts';
import type { ReporterDeps } from '../features/reporter/index.ts';
import type { RecoveryDeps } from '../features/security/index.ts';
import type { Storage } from '../features/shared/storage.ts';
import type { ChunkFiles, Peppers } from '../features/submissions/index.ts';
import type { Logger } from '../logging/logger.ts';

export type AppServices = {
  readonly config: Config;
  readonly dialect: 'sqlite' | 'postgres';
  readonly storage: Storage<Repos>;
  /** Reporters' attachments (table `blobs`). */
  readonly files: ChunkFiles;
  /** SECURITY: forwarded packages' files (table `forwarding_files`), a separate space of the store. */
  readonly forwardingFiles: ChunkFiles;
  readonly pow: PowService;
  readonly peppers: Peppers;
  readonly reporter: ReporterDeps;
  readonly accounts: AccountDeps;
  /** Second factor and recovery (features/security). */
  readonly security: RecoveryDeps;
  readonly logger: Logger;
  readonly clock: () => Date;
};
