/** Adapters of features/security. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { SecurityRepos } from '../features/security/index.ts';

export function createSecurityRepos(_db: Kysely<Database>): SecurityRepos {
  return {};
}
