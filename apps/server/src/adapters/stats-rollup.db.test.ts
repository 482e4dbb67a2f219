/**
 * The rollups are exact: after any random sequence of writes to the base tables (filings,
 * state changes, spam, forwardings, authority answers and actions, corrections of the
 * statistics fields, moves to another month, deletions, no-op locks), with reads in between,
 * the dashboard, overdue and release figures equal those computed straight from the base
 * tables (stats-direct.ts), on both databases. Also: two processes refreshing at once do not
 * double count, a lock marks nothing, and a rebuild restores rollups from nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_STATES, WRONGDOING_KINDS } from '@kenekanko/contracts';
import { DATABASE_KINDS, createTestDatabase } from '../../test/databases.ts';
import type { DatabaseKind, TestDatabase } from '../../test/databases.ts';
import { generateAlerts } from '../../../../scripts/generate-alerts.ts';
import type { Db } from '../db/database.ts';
import type { DashboardCounts, DashboardFilter, OverdueFacts } from '../features/stats/index.ts';
import { alertRow, forwardingRows, syntheticId } from './synthetic-rows.ts';
import { dashboardCountsDirect, overdueFactsDirect, yearCountsDirect } from './stats-direct.ts';
import type { YearCounts } from './stats-direct.ts';
import { rebuildStats, refreshStats } from './stats-rollup.ts';
import { createStatsRepos } from './stats-repo.ts';

const run = promisify(execFile);

type World = { csos: string[]; authorities: string[]; userId: string; places: { region: string; cercle: string }[] };

async function worldOf(db: Db): Promise<World> {
  const orgs = await db.selectFrom('organisations').select(['id', 'kind']).orderBy('id').execute();
  const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
  const places = await db.selectFrom('places as c').innerJoin('places as r', 'r.id', 'c.parent_id').select(['r.id as region', 'c.id as cercle']).where('c.kind', '=', 'cercle').orderBy('c.id').limit(6).execute();
  return { csos: orgs.filter((o) => o.kind === 'cso').map((o) => o.id), authorities: orgs.filter((o) => o.kind === 'authority').map((o) => o.id), userId: user.id, places };
}

const OPS = ['file', 'step', 'spam', 'forward', 'answer', 'act', 'correct', 'move', 'delete', 'lock', 'read'] as const;
type Op = { readonly type: (typeof OPS)[number]; readonly pick: number; readonly days: number };
const opArb: fc.Arbitrary<Op> = fc.record({ type: fc.constantFrom(...OPS), pick: fc.nat(), days: fc.integer({ min: 0, max: 120 }) });

const at = (day: string, days: number): string => new Date(Date.parse(`${day}T09:00:00.000Z`) + days * 86_400_000).toISOString();
const nth = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);

async function someAlert(db: Db, pick: number) {
  const ids = await db.selectFrom('alerts').select(['id', 'org_id', 'received_day']).orderBy('id').execute();
  return nth(ids, pick);
}

async function addState(db: Db, alertId: string, to: string, when: string, actorId: string): Promise<void> {
  const last = await db.selectFrom('state_changes').select((eb) => eb.fn.max<number | null>('seq').as('seq')).where('alert_id', '=', alertId).executeTakeFirstOrThrow();
  await db.updateTable('alerts').set({ state: to, updated_at: when }).where('id', '=', alertId).execute();
  await db.insertInto('state_changes').values({ id: syntheticId(), alert_id: alertId, seq: Number(last.seq ?? 0) + 1, from_state: null, to_state: to, actor_type: 'user', actor_id: actorId, reason_envelope: null, created_at: when }).execute();
}

async function forwardingEvent(db: Db, op: Op, kind: 'acknowledged' | 'action', world: World): Promise<void> {
  const list = await db.selectFrom('forwardings').select(['id', 'sent_at']).orderBy('id').execute();
  const f = nth(list, op.pick);
  if (f === undefined) return;
  const when = at(f.sent_at.slice(0, 10), op.days % 40);
  if (kind === 'acknowledged') await db.updateTable('forwardings').set({ state: 'acknowledged', acknowledged_at: when }).where('id', '=', f.id).execute();
  else await db.updateTable('forwardings').set({ state: 'action-recorded' }).where('id', '=', f.id).execute();
  const last = await db.selectFrom('forwarding_events').select((eb) => eb.fn.max<number | null>('seq').as('seq')).where('forwarding_id', '=', f.id).executeTakeFirstOrThrow();
  await db.insertInto('forwarding_events').values({ id: syntheticId(), forwarding_id: f.id, seq: Number(last.seq ?? 0) + 1, kind, action: kind === 'action' ? 'investigation-opened' : null, actor_id: world.userId, details_envelope: null, created_at: when }).execute();
}

async function deleteAlert(db: Db, alertId: string): Promise<void> {
  const fw = (await db.selectFrom('forwardings').select('id').where('alert_id', '=', alertId).execute()).map((r) => r.id);
  if (fw.length > 0) await db.deleteFrom('forwarding_events').where('forwarding_id', 'in', fw).execute();
  await db.deleteFrom('forwardings').where('alert_id', '=', alertId).execute();
  await db.deleteFrom('state_changes').where('alert_id', '=', alertId).execute();
  await db.deleteFrom('alerts').where('id', '=', alertId).execute();
}

async function apply(db: Db, world: World, op: Op): Promise<void> {
  const place = nth(world.places, op.pick) ?? { region: 'none', cercle: 'none' };
  if (op.type === 'file') {
    const day = at('2024-01-01', op.days * 6).slice(0, 10);
    const alert = alertRow({ orgId: nth(world.csos, op.pick) ?? '', receivedDay: day, kind: nth(WRONGDOING_KINDS, op.pick) ?? 'other', regionId: place.region, cercleId: op.days % 3 === 0 ? null : place.cercle, state: 'received' });
    await db.insertInto('alerts').values(alert).execute();
    await db.insertInto('state_changes').values({ id: syntheticId(), alert_id: alert.id, seq: 1, from_state: null, to_state: 'received', actor_type: 'reporter', actor_id: null, reason_envelope: null, created_at: day }).execute();
    return;
  }
  if (op.type === 'read') {
    await createStatsRepos(db).stats.dashboardCounts({ scope: 'all', days: null, kind: undefined, region: undefined });
    return;
  }
  if (op.type === 'lock') {
    await db.updateTable('alerts').set((eb) => ({ state: eb.ref('state') })).execute();
    return;
  }
  if (op.type === 'answer' || op.type === 'act') return forwardingEvent(db, op, op.type === 'answer' ? 'acknowledged' : 'action', world);
  const alert = await someAlert(db, op.pick);
  if (alert === undefined) return;
  const when = at(alert.received_day, op.days);
  if (op.type === 'step') await addState(db, alert.id, nth(ALERT_STATES, op.days) ?? 'acknowledged', when, world.userId);
  else if (op.type === 'spam') await addState(db, alert.id, 'spam', when, world.userId);
  else if (op.type === 'forward') await db.insertInto('forwardings').values(forwardingRows({ alertId: alert.id, fromOrgId: alert.org_id, toOrgId: nth(world.authorities, op.days) ?? '', sentAt: when, acknowledgedAt: null, events: [], createdBy: world.userId }).forwarding).onConflict((oc) => oc.doNothing()).execute();
  else if (op.type === 'correct') await db.updateTable('alerts').set({ kind: nth(WRONGDOING_KINDS, op.days) ?? 'other', region_id: place.region, cercle_id: op.days % 2 === 0 ? null : place.cercle }).where('id', '=', alert.id).execute();
  else if (op.type === 'move') await db.updateTable('alerts').set({ received_day: at(alert.received_day, op.days).slice(0, 10), org_id: nth(world.csos, op.days) ?? alert.org_id }).where('id', '=', alert.id).execute();
  else await deleteAlert(db, alert.id);
}

/** Histograms as sorted entries and rows in a fixed order, so two answers compare as data. */
const plainCounts = (c: DashboardCounts) => ({ ...c, toAcknowledgement: [...c.toAcknowledgement].sort(), toVerification: [...c.toVerification].sort(), toAuthorityAnswer: [...c.toAuthorityAnswer].sort() });
const sortRows = <T>(list: readonly T[]): T[] => [...list].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
const plainOverdue = (o: OverdueFacts) => ({ unacknowledged: sortRows(o.unacknowledged), unanswered: sortRows(o.unanswered) });
const plainYear = (y: YearCounts) => ({ alerts: sortRows(y.alerts), forwarded: sortRows(y.forwarded), answered: sortRows(y.answered) });

function filtersOf(world: World): DashboardFilter[] {
  const region = world.places[0]?.region;
  const all = { scope: 'all', days: null, kind: undefined, region: undefined } as const;
  return [
    all,
    { ...all, days: { firstDay: '2024-01-01', endDay: '2025-01-01' } },
    { ...all, days: { firstDay: '2024-04-01', endDay: '2024-07-01' }, kind: 'bribery' },
    { ...all, days: { firstDay: '2024-03-01', endDay: '2024-04-01' } },
    { ...all, scope: world.csos.slice(0, 1), region },
    { ...all, scope: world.csos.slice(0, 2), kind: 'embezzlement', region },
    { ...all, scope: [] },
    { ...all, kind: 'bribery' },
  ];
}

async function expectSameAsDirect(db: Db, world: World): Promise<void> {
  const repo = createStatsRepos(db).stats;
  for (const filter of filtersOf(world)) expect(plainCounts(await repo.dashboardCounts(filter)), JSON.stringify(filter)).toEqual(plainCounts(await dashboardCountsDirect(db, filter)));
  for (const scope of ['all', world.csos.slice(0, 1)] as const) expect(plainOverdue(await repo.overdueFacts(scope))).toEqual(plainOverdue(await overdueFactsDirect(db, scope)));
  for (const year of [2024, 2025]) {
    const facts = await repo.yearFacts(year);
    expect(plainYear(facts)).toEqual(plainYear(await yearCountsDirect(db, year)));
  }
}

/** Runs refreshStats in a separate Node process on the same database, from `startAt` (ms), and returns what it recomputed. */
async function refreshInAnotherProcess(kind: DatabaseKind, location: string, startAt: number): Promise<number> {
  const code = `
    const [kind, location, startAt] = process.argv.slice(1);
    const { openDatabase } = await import(${JSON.stringify(new URL('../db/database.ts', import.meta.url).pathname)});
    const { refreshStats } = await import(${JSON.stringify(new URL('./stats-rollup.ts', import.meta.url).pathname)});
    const h = await openDatabase(kind === 'sqlite' ? { kind, file: location } : { kind, url: location });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
    process.stdout.write(String(await refreshStats(h.db)));
    await h.close();`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, kind, location, String(startAt)]);
  return Number(stdout);
}

describe.each(DATABASE_KINDS)('stats rollups on %s', (kind) => {
  let handle: TestDatabase;
  let world: World;
  beforeEach(async () => {
    handle = await createTestDatabase(kind);
    await generateAlerts(handle.db, { count: 120, firstYear: 2023, seed: 11 });
    world = await worldOf(handle.db);
  });
  afterEach(() => handle.close());

  it('answers exactly like the base tables after any sequence of writes, with reads in between', async () => {
    await expectSameAsDirect(handle.db, world);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        for (const op of ops) await apply(handle.db, world, op);
        await expectSameAsDirect(handle.db, world);
      }),
      { numRuns: kind === 'sqlite' ? 40 : 20 },
    );
    expect(Number((await handle.db.selectFrom('stats_counts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  });

  it('marks nothing on a lock, and marks the old and the new bucket of a moved alert', async () => {
    await refreshStats(handle.db);
    await handle.db.updateTable('alerts').set((eb) => ({ state: eb.ref('state') })).execute();
    await handle.db.updateTable('forwardings').set((eb) => ({ state: eb.ref('state') })).execute();
    expect(await handle.db.selectFrom('stats_dirty').selectAll().execute()).toEqual([]);
    const alert = await handle.db.selectFrom('alerts').select(['id', 'org_id', 'received_day']).where('received_day', '<', '2023-06-01').orderBy('id').executeTakeFirstOrThrow();
    await handle.db.updateTable('alerts').set({ received_day: '2025-12-31' }).where('id', '=', alert.id).execute();
    const marks = await handle.db.selectFrom('stats_dirty').select(['org_id', 'month']).orderBy('month').execute();
    expect(marks).toEqual([{ org_id: alert.org_id, month: alert.received_day.slice(0, 7) }, { org_id: alert.org_id, month: '2025-12' }]);
  });

  it('does not double count when two processes refresh the same buckets at once', async () => {
    await sql`insert into stats_dirty (org_id, month, version) select distinct org_id, substr(received_day, 1, 7), 1 from alerts where true on conflict (org_id, month) do update set version = stats_dirty.version + 1`.execute(handle.db);
    const marks = (await handle.db.selectFrom('stats_dirty').selectAll().execute()).length;
    const startAt = Date.now() + 4000;
    const [a, b] = await Promise.all([refreshInAnotherProcess(kind, handle.location, startAt), refreshInAnotherProcess(kind, handle.location, startAt)]);
    expect(a + b).toBe(marks);
    expect(await handle.db.selectFrom('stats_dirty').selectAll().execute()).toEqual([]);
    await expectSameAsDirect(handle.db, world);
  }, 30_000);

  it('rebuilds every rollup from nothing, and drops the rows of buckets that lost their alerts', async () => {
    await refreshStats(handle.db);
    await handle.db.insertInto('stats_counts').values({ org_id: world.csos[0] ?? '', month: '1999-01', grain: 'all', kind: '*', region_id: '*', measure: 'state', key: 'received', n: 7 }).execute();
    await handle.db.deleteFrom('stats_counts').where('month', '>=', '2024-01').execute();
    await handle.db.deleteFrom('stats_flows').execute();
    expect(await rebuildStats(handle.db)).toBeGreaterThan(0);
    expect(await handle.db.selectFrom('stats_counts').select('month').where('month', '=', '1999-01').execute()).toEqual([]);
    await expectSameAsDirect(handle.db, world);
  });
});
