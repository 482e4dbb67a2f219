/** Adapters of features/cases. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CasesRepos } from '../features/cases/index.ts';

export function createCasesRepos(_db: Kysely<Database>): CasesRepos {
  return {};
}
