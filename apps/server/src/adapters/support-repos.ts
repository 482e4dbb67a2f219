/**
 * Thin adapters over the infrastructure modules: places, the audit trail, throttles, and the
 * ledger of spent proof-of-work challenges.
 */
import type { Kysely } from 'kysely';
import type { AuditMacKey } from '../audit/audit-mac.ts';
import { appendAudit } from '../audit/audit-trail.ts';
import type { Database } from '../db/schema.ts';
import type { PlacesRepo } from '../features/intake/index.ts';
import type { PowLedger } from '../features/pow/index.ts';
import type { AuditLog } from '../features/shared/audit.ts';
import type { Throttle } from '../features/shared/throttle.ts';
import { isChildOf, isPlaceOfKind, listCurrentPlaces } from '../places/index.ts';
import { consumeThrottle } from '../throttle/index.ts';

type Db = Kysely<Database>;

export function createPlacesRepo(db: Db): PlacesRepo {
  return {
    currentPlaces: (day) => listCurrentPlaces(db, day),
    isPlaceOfKind: (id, kinds, day) => isPlaceOfKind(db, id, kinds, day),
    isChildOf: (childId, parentId) => isChildOf(db, childId, parentId),
  };
}

/** Appends through the given executor: inside a transaction, the entry commits with the change. */
export function createAuditLog(db: Db, macKey: AuditMacKey): AuditLog {
  return { append: (entry, now) => appendAudit(db, { ...entry, details: { ...entry.details } }, now, macKey) };
}

export function createThrottle(db: Db): Throttle {
  return { consume: (bucket, rule, now) => consumeThrottle(db, bucket, rule, now) };
}

export function createPowLedger(db: Db): PowLedger {
  return {
    async spend(challengeHash, keepUntil) {
      const result = await db
        .insertInto('pow_challenges_used')
        .values({ challenge_hash: challengeHash, expires_at: keepUntil.toISOString() })
        .onConflict((oc) => oc.column('challenge_hash').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async countRemembered(now) {
      const row = await db
        .selectFrom('pow_challenges_used')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countOpenUploads(now) {
      const row = await db
        .selectFrom('submissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'open')
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
