/**
 * A known fixture for the public statistics page, written straight into the running server's
 * SQLite database (as the stats db tests do): alerts of the last ended quarter by region, kind
 * and month, forwardings to an authority and their acknowledgements, one spam alert that must
 * not count. Figures by hand (quarter Q, months m1 m2 m3, day 10 of each):
 *
 *   region-kayes     bribery 4/4/4, embezzlement 3/3/2   20
 *   region-segou     bribery 3/3/3                        9
 *   region-sikasso   extortion 2/2/2                      6
 *   region-gao       bribery 3/2/2                        7
 *   region-menaka    bribery 1/1/0                        2   (drawn inside Gao on the map)
 *   region-kidal     other 1/0/0                          1
 *   district-bamako  embezzlement 2/2/2                   6
 *   total 51 (19/17/15); by kind: bribery 30, embezzlement 14, extortion 6, other 1.
 *   Forwarded to OCLEI: 7 (4 in m1, 3 in m2); acknowledged: 5 (3 in m2, 2 in m3).
 *   A spam alert in Kayes (m1) is not counted.
 */
import path from 'node:path';
import { alertRow, forwardingRows, syntheticId } from '../../apps/server/src/adapters/synthetic-rows.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';

export const FIXTURE = { alerts: 51, forwarded: 7, answered: 5, months: [19, 17, 15] } as const;

const REGION_ROWS: readonly (readonly [string, string, readonly [number, number, number]])[] = [
  ['region-kayes', 'bribery', [4, 4, 4]],
  ['region-kayes', 'embezzlement', [3, 3, 2]],
  ['region-segou', 'bribery', [3, 3, 3]],
  ['region-sikasso', 'extortion', [2, 2, 2]],
  ['region-gao', 'bribery', [3, 2, 2]],
  ['region-menaka', 'bribery', [1, 1, 0]],
  ['region-kidal', 'other', [1, 0, 0]],
  ['district-bamako', 'embezzlement', [2, 2, 2]],
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** The three months 'YYYY-MM' of a quarter id 'YYYY-Qn'. */
export function monthsOf(quarter: string): [string, string, string] {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  return [`${year}-${pad(first)}`, `${year}-${pad(first + 1)}`, `${year}-${pad(first + 2)}`];
}

export async function insertPublicStatsFixture(dataDir: string, quarter: string): Promise<void> {
  const months = monthsOf(quarter);
  const handle = await openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'kenekanko.sqlite') });
  try {
    const { db } = handle;
    const org = (kind: string, name: string) => ({ id: syntheticId(), kind, name, x25519_public: '', ed25519_public: '', key_version: 0, created_at: '2020-01-01T00:00:00.000Z', preset: null });
    const [cso, oclei] = [org('cso', 'Association test'), org('authority', 'OCLEI')];
    await db.insertInto('organisations').values([cso, oclei]).execute();
    const userId = syntheticId();
    await db
      .insertInto('users')
      .values({ id: userId, login: 'fixture-user', salt: '', login_key_hash: '', x25519_public: '', ed25519_public: '', key_version: 1, wrapped_keys: '', recovery_wrapped_keys: '', disabled: 1, created_at: '2020-01-01T00:00:00.000Z' })
      .execute();
    const alerts = REGION_ROWS.flatMap(([regionId, kind, perMonth]) =>
      perMonth.flatMap((count, i) => Array.from({ length: count }, () => alertRow({ orgId: cso.id, receivedDay: `${months[i]}-10`, kind, regionId, state: 'acknowledged' }))),
    );
    const spam = alertRow({ orgId: cso.id, receivedDay: `${months[0]}-11`, kind: 'bribery', regionId: 'region-kayes', state: 'spam' });
    await db.insertInto('alerts').values([...alerts, spam]).execute();
    const sent = [0, 0, 0, 0, 1, 1, 1];
    const acknowledged: (number | null)[] = [1, 1, 1, 2, 2, null, null];
    for (const [i, monthIndex] of sent.entries()) {
      const ack = acknowledged[i] ?? null;
      const rows = forwardingRows({
        alertId: alerts[i]?.id ?? '',
        fromOrgId: cso.id,
        toOrgId: oclei.id,
        sentAt: `${months[monthIndex]}-15T09:00:00.000Z`,
        acknowledgedAt: ack === null ? null : `${months[ack]}-${ack === 1 ? '20' : '05'}T09:00:00.000Z`,
        events: [],
        createdBy: userId,
      });
      await db.insertInto('forwardings').values(rows.forwarding).execute();
      if (rows.events.length > 0) await db.insertInto('forwarding_events').values(rows.events).execute();
    }
  } finally {
    await handle.close();
  }
}
