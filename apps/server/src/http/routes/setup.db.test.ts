/** First start: the one-time setup and what a reporter's browser loads afterwards. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, PURPOSES, signStatement, toBase64Url } from '@kenekanko/crypto';
import type { JsonValue } from '@kenekanko/crypto';
import { ROUTES } from '@kenekanko/contracts';
import type { IntakeResponse } from '@kenekanko/contracts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { verifyAuditChain } from '../../audit/audit-trail.ts';
import { createHarness, errorCode } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { issueToken, setupRequest } from '../testing/flows.ts';

describe.each(DATABASE_KINDS)('setup on %s', (kind) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(kind);
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a wrong token, then sets up with the right one, once', async () => {
    const token = await issueToken(h);
    expect(await (await h.request('GET', ROUTES.setupStatus)).json()).toEqual({ needsSetup: true });

    const wrong = setupRequest('x'.repeat(43));
    const refused = await h.request('POST', ROUTES.setup, { json: wrong.request });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('setup-token-invalid');

    const { request, deployment } = setupRequest(token);
    const done = await h.request('POST', ROUTES.setup, { json: request });
    expect(done.status).toBe(201);
    expect(await done.json()).toEqual({ organisationId: deployment.orgId, coordinatorId: deployment.coordinatorId });
    expect(await (await h.request('GET', ROUTES.setupStatus)).json()).toEqual({ needsSetup: false });

    const again = await h.request('POST', ROUTES.setup, { json: setupRequest(token).request });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('setup-done');

    const settings = await h.db.selectFrom('settings').select(['key', 'value']).execute();
    const byKey = new Map(settings.map((s) => [s.key, s.value]));
    expect(byKey.has('setup_token_hash')).toBe(false);
    expect(byKey.get('coalition_signing_public')).toBe(request.coalitionSigningPublic);
    expect(byKey.get('custodian_public')).toBe(toBase64Url(deployment.custodian.publicKey));
    const user = await h.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    // SECURITY: only a hash of the login key is stored.
    expect(user.login_key_hash).not.toBe(request.coordinator.loginKey);
    expect(JSON.stringify(user)).not.toContain(request.coordinator.loginKey);
    const audit = await h.db.selectFrom('audit_log').select(['action', 'actor_id']).execute();
    expect(audit).toEqual([{ action: 'setup', actor_id: deployment.coordinatorId }]);
    expect(await verifyAuditChain(h.db)).toEqual({ ok: true, count: 1 });
  });

  it('sets up once when two setups race', async () => {
    const token = await issueToken(h);
    const answers = await Promise.all([0, 1, 2].map(() => h.request('POST', ROUTES.setup, { json: setupRequest(token).request })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await h.db.selectFrom('organisations').select('id').execute()).toHaveLength(1);
  });

  it('refuses a directory not signed by the coalition key, and stores nothing', async () => {
    const { request, deployment } = setupRequest(await issueToken(h));
    const forged = { ...request, directory: { body: request.directory.body, signature: toBase64Url(signStatement(PURPOSES.directory, JSON.parse(request.directory.body) as JsonValue, deployment.orgEd25519.privateKey)) } };
    const response = await h.request('POST', ROUTES.setup, { json: forged });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: string[] } }).error.issues).toEqual(['directory.signature']);
    expect(await h.db.selectFrom('organisations').selectAll().execute()).toEqual([]);
  });

  it('refuses a directory whose body is not its canonical form, or that routes elsewhere', async () => {
    const { request, deployment } = setupRequest(await issueToken(h));
    const parsed = JSON.parse(request.directory.body) as { readonly [key: string]: JsonValue };
    const spaced = { ...request, directory: { body: JSON.stringify(parsed, null, 1), signature: request.directory.signature } };
    expect(await errorCode(await h.request('POST', ROUTES.setup, { json: spaced }))).toBe('validation-failed');

    const elsewhere: JsonValue = { ...parsed, routing: { defaultOrgId: 'Z'.repeat(22) } };
    const rerouted = {
      ...request,
      directory: { body: canonicalJson(elsewhere), signature: toBase64Url(signStatement(PURPOSES.directory, elsewhere, deployment.coalition.privateKey)) },
    };
    const response = await h.request('POST', ROUTES.setup, { json: rerouted });
    expect(((await response.json()) as { error: { issues: string[] } }).error.issues).toContain('directory.body.routing.defaultOrgId');
  });

  it('refuses an organisation name with control characters', async () => {
    const { request } = setupRequest(await issueToken(h));
    const response = await h.request('POST', ROUTES.setup, { json: { ...request, organisation: { ...request.organisation, name: 'COS\u0000CLCCP' } } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { issues: string[] } }).error.issues).toContain('organisation.name');
  });

  it('serves the intake once set up, with a proof-of-work challenge and the limits', async () => {
    const before = await h.request('GET', ROUTES.intake);
    expect(before.status).toBe(503);
    expect(await errorCode(before)).toBe('not-set-up');

    const { request } = setupRequest(await issueToken(h));
    await h.request('POST', ROUTES.setup, { json: request });
    const intake = (await (await h.request('GET', ROUTES.intake)).json()) as IntakeResponse;
    expect(intake.coalitionSigningPublic).toBe(request.coalitionSigningPublic);
    expect(intake.directory).toEqual(request.directory);
    expect(intake.questionnaire).toEqual(request.questionnaire);
    expect(intake.pow.bits).toBe(4);
    expect(intake.limits).toEqual({ maxFileBytes: h.config.maxFileBytes, maxAlertBytes: h.config.maxAlertBytes, chunkSize: 262_144 });
    expect((await (await h.request('GET', ROUTES.health)).json()) as { setUp: boolean }).toMatchObject({ setUp: true });
  });

  it('lists current places', async () => {
    const { places } = (await (await h.request('GET', ROUTES.places)).json()) as { places: { kind: string }[] };
    expect(places.some((p) => p.kind === 'region')).toBe(true);
    expect(places.some((p) => p.kind === 'cercle')).toBe(true);
  });

  it('gives the reporter the outline first, and every cercle\'s or district\'s communes in the whole list', async () => {
    type Listed = { places: { id: string; kind: string; parentId: string | null }[] };
    const all = ((await (await h.request('GET', ROUTES.places)).json()) as Listed).places;
    const outline = ((await (await h.request('GET', ROUTES.placeOutline)).json()) as Listed).places;
    expect(new Set(outline.map((p) => p.kind))).toEqual(new Set(['region', 'district', 'cercle']));
    expect(outline).toEqual(all.filter((p) => ['region', 'district', 'cercle'].includes(p.kind)));
    // What the form takes from the whole list when a cercle (or Bamako) is chosen.
    expect(all.filter((p) => p.parentId === 'cercle-segou-bla' && p.kind === 'commune').length).toBeGreaterThan(0);
    expect(all.filter((p) => p.parentId === 'district-bamako' && p.kind === 'commune').map((p) => p.id)).toContain('commune-bamako-commune-i');
  });

  it('has no route that names a place: choosing a cercle asks the same two documents of everyone, compressed', async () => {
    // SECURITY: a path naming the cercle would tell observers (HTTP/2 header compression) and access logs which one.
    for (const path of ['/api/places/cercle-segou-bla/communes', '/api/places/district-bamako/communes', '/api/places/cercle-segou-bla']) {
      const response = await h.request('GET', path);
      expect(response.status, path).toBe(404);
    }
    const br = { headers: { 'accept-encoding': 'br, gzip' } };
    for (const path of [ROUTES.placeOutline, ROUTES.places]) {
      const first = new Uint8Array(await (await h.request('GET', path, br)).arrayBuffer());
      const again = await h.request('GET', path, br);
      expect(again.headers.get('content-encoding'), path).toBe('br');
      expect(new Uint8Array(await again.arrayBuffer()), path).toEqual(first);
    }
  });
});
