/** Adapters of features/forwarding. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ForwardingRepos } from '../features/forwarding/index.ts';

export function createForwardingRepos(_db: Kysely<Database>): ForwardingRepos {
  return {};
}
