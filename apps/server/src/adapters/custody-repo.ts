/** Adapters of features/custody. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CustodyRepos } from '../features/custody/index.ts';

export function createCustodyRepos(_db: Kysely<Database>): CustodyRepos {
  return {};
}
