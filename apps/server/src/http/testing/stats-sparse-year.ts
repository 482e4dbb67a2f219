/**
 * A sparse year of alerts for the "published figures are final" tests (features/stats/frozen.ts):
 * a few alerts a month spread over kinds, regions and three organisations, so that many cells
 * are small and suppression has to hide cells secondarily. Seeded, so a test always builds the
 * same year; the rows carry only workflow and statistics fields (synthetic-rows.ts).
 */
import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import { alertRow, forwardingRows, seededRandom } from '../../adapters/synthetic-rows.ts';
import type { Harness } from './harness.ts';
import { createWorld } from './world.ts';
import type { World, WorldMember, WorldOrg } from './world.ts';

export type SparseYear = {
  readonly world: World;
  readonly orgs: readonly WorldOrg[];
  readonly authority: WorldOrg;
  readonly actor: WorldMember;
  /** Ids of the alerts, by month ('YYYY-MM'). */
  readonly alertsByMonth: ReadonlyMap<string, readonly string[]>;
  /** A forwarding sent in the year and not answered yet. */
  readonly unanswered: string;
};

export async function insertSparseYear(h: Harness, year: number, seed: number): Promise<SparseYear> {
  const world = await createWorld(h);
  const orgs = [world.coalition, await world.addOrg('cso', 'DA Association Une'), await world.addOrg('cso', 'DB Association Deux')];
  const authority = await world.addOrg('authority', 'OCLEI');
  const actor = await world.addMember(orgs[1] ?? world.coalition, 'analyst');
  const regions = (await h.db.selectFrom('places').select('id').where('kind', 'in', ['region', 'district']).orderBy('id').execute()).map((r) => r.id);
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const alertsByMonth = new Map<string, string[]>();
  const forwardable: { id: string; org: string; day: string }[] = [];
  for (let month = 1; month <= 12; month++) {
    const id = `${year}-${String(month).padStart(2, '0')}`;
    const ids: string[] = [];
    for (let i = 0, n = 3 + Math.floor(random() * 4); i < n; i++) {
      const org = pick(orgs).id;
      const row = alertRow({ orgId: org, receivedDay: `${id}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`, kind: pick(WRONGDOING_KINDS), regionId: pick(regions), state: 'acknowledged' });
      await h.db.insertInto('alerts').values(row).execute();
      ids.push(row.id);
      if (random() < 0.35) forwardable.push({ id: row.id, org, day: row.received_day });
    }
    alertsByMonth.set(id, ids);
  }
  let unanswered = '';
  for (const [i, f] of forwardable.entries()) {
    const sentAt = `${f.day}T12:00:00.000Z`;
    const answered = i % 3 !== 0;
    const rows = forwardingRows({ alertId: f.id, fromOrgId: f.org, toOrgId: authority.id, sentAt, acknowledgedAt: answered ? sentAt.replace('T12', 'T18') : null, events: [], createdBy: actor.userId });
    await h.db.insertInto('forwardings').values(rows.forwarding).execute();
    if (rows.events.length > 0) await h.db.insertInto('forwarding_events').values(rows.events).execute();
    if (!answered) unanswered = rows.forwarding.id;
  }
  return { world, orgs, authority, actor, alertsByMonth, unanswered };
}
