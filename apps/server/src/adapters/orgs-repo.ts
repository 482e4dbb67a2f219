/** Adapters of features/orgs. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { OrgsRepos } from '../features/orgs/index.ts';

export function createOrgsRepos(_db: Kysely<Database>): OrgsRepos {
  return {};
}
