/**
 * Synthetic alerts with their histories (state changes, forwardings, authority events), for
 * the monitoring bench and for trying the dashboard at national scale:
 *
 *   npx tsx scripts/generate-alerts.ts --count 100000 [--sqlite data/kenekanko.sqlite | DATABASE_URL=postgres://…]
 *
 * Rows are inserted in batches inside transactions (fast on both databases), from a seeded
 * pseudo-random sequence, so a given count always yields the same figures. Alerts arrive over
 * three calendar years; about 90 % are acknowledged, two thirds of those verified, most verified
 * cases forwarded to an authority that answers, acts and concludes in most cases.
 * SECURITY: nothing real goes in; envelopes are placeholders (adapters/synthetic-rows.ts). Never
 * run it against a production database.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Insertable } from 'kysely';
import { FORWARDING_ACTIONS, WRONGDOING_KINDS } from '@kenekanko/contracts';
import { alertRow, forwardingRows, seededRandom, stateChangeRows, syntheticId } from '../apps/server/src/adapters/synthetic-rows.ts';
import type { Db } from '../apps/server/src/db/database.ts';
import { migrateToLatest, openDatabase } from '../apps/server/src/db/database.ts';
import type { Database } from '../apps/server/src/db/schema.ts';
import { seedPlaces } from '../apps/server/src/places/places-repository.ts';

export type GenerateOptions = { readonly count: number; readonly firstYear?: number; readonly seed?: number; readonly progress?: (done: number) => void };

const BATCH = 1000;
const DAY_MS = 86_400_000;

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const instantOf = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString();

type World = { csos: string[]; authorities: string[]; userId: string; places: { region: string; cercle: string | null }[] };

async function prepareWorld(db: Db, now: Date): Promise<World> {
  if ((await db.selectFrom('places').select('id').limit(1).execute()).length === 0) await seedPlaces(db, now);
  const at = now.toISOString();
  const org = (kind: string, name: string) => ({ id: syntheticId(), kind, name, x25519_public: '', ed25519_public: '', key_version: 0, created_at: '2000-01-01T00:00:00.000Z', preset: null });
  const csos = Array.from({ length: 8 }, (_, i) => org('cso', `OSC synthétique ${i + 1}`));
  const authorities = ['OCLEI', 'CENTIF', 'ARGASC', 'PNEF', 'CGSP'].map((name) => org('authority', `${name} (synthétique)`));
  await db.insertInto('organisations').values([...csos, ...authorities]).execute();
  const userId = syntheticId();
  await db.insertInto('users').values({ id: userId, login: `synthetic-${userId.toLowerCase()}`, salt: '', login_key_hash: '', x25519_public: '', ed25519_public: '', key_version: 1, wrapped_keys: '', recovery_wrapped_keys: '', disabled: 1, created_at: at }).execute();
  // Bamako's communes play the part of its cercles (places/seed-tree.ts): the capital gets alerts too.
  const cercles = await db
    .selectFrom('places as c')
    .innerJoin('places as r', 'r.id', 'c.parent_id')
    .select(['r.id as region', 'c.id as cercle'])
    .where((eb) => eb.or([eb.and([eb('c.kind', '=', 'cercle'), eb('r.kind', '=', 'region')]), eb.and([eb('c.kind', '=', 'commune'), eb('r.kind', '=', 'district')])]))
    .orderBy('c.id')
    .execute();
  if (cercles.length === 0) throw new Error('no places: seed them first');
  return { csos: csos.map((o) => o.id), authorities: authorities.map((o) => o.id), userId, places: cercles };
}

type Rows = { alerts: Insertable<Database['alerts']>[]; changes: Insertable<Database['state_changes']>[]; forwardings: Insertable<Database['forwardings']>[]; events: Insertable<Database['forwarding_events']>[] };

type Pick = <T>(list: readonly T[]) => T;

/** The authority's side of a forwarding sent at `sent`: acknowledgement, action, conclusion. */
function authorityAnswer(next: () => number, pick: Pick, sent: number): { acknowledgedAt: string | null; events: [string, string | null, string][] } {
  if (next() >= 0.75) return { acknowledgedAt: null, events: [] };
  const acknowledged = sent + (1 + Math.floor(next() * 90)) * DAY_MS;
  const events: [string, string | null, string][] = [];
  if (next() < 0.6) {
    events.push(['action', pick(FORWARDING_ACTIONS), instantOf(acknowledged + 20 * DAY_MS)]);
    if (next() < 0.5) events.push(['concluded', null, instantOf(acknowledged + 60 * DAY_MS)]);
  }
  return { acknowledgedAt: instantOf(acknowledged), events };
}

/** One alert and its history, pushed onto `rows`. */
function oneAlert(rows: Rows, world: World, next: () => number, startMs: number, spanDays: number): void {
  const pick: Pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] ?? (list[0] as T);
  const received = startMs + Math.floor(next() * spanDays) * DAY_MS;
  const place = pick(world.places);
  const orgId = pick(world.csos);
  const steps: [string, string][] = [];
  let t = received;
  let state = 'received';
  const step = (to: string, maxDays: number): void => {
    t += (1 + Math.floor(next() * maxDays)) * DAY_MS;
    steps.push([to, instantOf(t)]);
    state = to;
  };
  const alert = alertRow({ orgId, receivedDay: dayOf(received), kind: pick(WRONGDOING_KINDS), regionId: place.region, cercleId: next() < 0.7 ? place.cercle : null, state });
  const roll = next();
  if (roll < 0.08) step('spam', 3);
  else if (roll < 0.9) step('acknowledged', 14);
  if (state === 'acknowledged' && next() < 0.7) step('in-verification', 5);
  if (state === 'in-verification') {
    if (next() < 0.65) step('verified', 60);
    else if (next() < 0.3) step('unfounded', 30);
  }
  if (state === 'verified' && next() < 0.85) {
    step('forwarded', 10);
    const answer = authorityAnswer(next, pick, t);
    const f = forwardingRows({ alertId: alert.id, fromOrgId: orgId, toOrgId: pick(world.authorities), sentAt: instantOf(t), ...answer, createdBy: world.userId });
    rows.forwardings.push(f.forwarding);
    rows.events.push(...f.events);
    if (answer.events.some(([kind]) => kind === 'concluded') && next() < 0.8) step('closed', 90);
  }
  rows.alerts.push({ ...alert, state, updated_at: steps.at(-1)?.[1] ?? alert.received_day });
  rows.changes.push(...stateChangeRows(alert.id, steps, world.userId));
}

async function insertRows(db: Db, rows: Rows): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
    for (const part of chunks(rows.alerts, 1000)) await trx.insertInto('alerts').values(part).execute();
    for (const part of chunks(rows.changes, 2000)) await trx.insertInto('state_changes').values(part).execute();
    for (const part of chunks(rows.forwardings, 1000)) await trx.insertInto('forwardings').values(part).execute();
    for (const part of chunks(rows.events, 2000)) await trx.insertInto('forwarding_events').values(part).execute();
  });
}

/** Inserts `count` alerts received over three years from 1 January of `firstYear` (default 2023). */
export async function generateAlerts(db: Db, options: GenerateOptions): Promise<void> {
  const world = await prepareWorld(db, new Date());
  const next = seededRandom(options.seed ?? 20_260_101);
  const firstYear = options.firstYear ?? 2023;
  const startMs = Date.UTC(firstYear, 0, 1);
  const spanDays = Math.round((Date.UTC(firstYear + 3, 0, 1) - startMs) / DAY_MS);
  for (let done = 0; done < options.count; done += BATCH * 10) {
    const rows: Rows = { alerts: [], changes: [], forwardings: [], events: [] };
    for (let i = done; i < Math.min(options.count, done + BATCH * 10); i++) oneAlert(rows, world, next, startMs, spanDays);
    await insertRows(db, rows);
    options.progress?.(Math.min(options.count, done + BATCH * 10));
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(value('--count') ?? '10000');
  if (!Number.isSafeInteger(count) || count < 1) throw new Error('--count: a whole number of alerts');
  const url = process.env['DATABASE_URL'];
  const config = url !== undefined && url !== '' ? { kind: 'postgres' as const, url } : { kind: 'sqlite' as const, file: path.resolve(value('--sqlite') ?? 'data/synthetic.sqlite') };
  const handle = await openDatabase(config);
  try {
    await migrateToLatest(handle.db);
    const started = Date.now();
    await generateAlerts(handle.db, { count, progress: (done) => process.stdout.write(`\r${done} alerts`) });
    process.stdout.write(`\n${count} alerts in ${((Date.now() - started) / 1000).toFixed(1)} s (${config.kind})\n`);
  } finally {
    await handle.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
