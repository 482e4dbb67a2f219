/**
 * The reporter's weight on first load (issue 4), in its strict reading: every byte the browser
 * must fetch before the form can encrypt and file a text alert (one page, one script, the
 * chosen language's catalogue, one stylesheet, the signed intake and the places outline;
 * proof of work and crypto included), all compressed, under 60 KB of compressed bodies. Only
 * the submission itself is left out. Cleaners, follow-up, outbox and the other languages load
 * only when needed. The whole places list (/api/places, ~10 KB compressed, the same for
 * everyone), from which the form takes a cercle's communes, is fetched only when a cercle is
 * chosen, after the form is usable, so it is not part of this first load (and the commune is
 * optional: a text alert can be filed without it). E2E_WEB_DIST_DIR runs it against another build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { measureFirstLoad, reporterFormUsable } from '../../bench/first-load.ts';
import type { FirstLoad, LoadedResource } from '../../bench/first-load.ts';
import { launchChromium, startServer } from './harness.ts';
import type { RunningServer } from './harness.ts';
import { setUpFromNode } from './offline-harness.ts';

let server: RunningServer;
let browser: Browser;
let load: FirstLoad;

const pathOf = (resource: LoadedResource) => new URL(resource.url).pathname;

/** Issue 4: everything needed to open the form and file a text alert, compressed. */
const BUDGET = 60 * 1024;

beforeAll(async () => {
  server = await startServer();
  await setUpFromNode(server);
  browser = await launchChromium();
  load = await measureFirstLoad(browser, { url: `${server.origin}/`, until: reporterFormUsable });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the reporter form on first load', () => {
  const shell = () => load.resources.filter((r) => r.url.startsWith(server.origin) && !pathOf(r).startsWith('/api/'));
  const data = () => load.resources.filter((r) => pathOf(r).startsWith('/api/'));

  it('downloads one page, one script, one catalogue and one stylesheet: the cleaners, the follow-up, the outbox and the other languages wait until needed', () => {
    const paths = shell().map(pathOf);
    expect(paths.filter((p) => p.endsWith('.js'))).toHaveLength(2);
    expect(paths.filter((p) => p.endsWith('.css'))).toHaveLength(1);
    expect(paths).toContain('/');
    // Regions, districts and cercles only: the whole list (for the communes) comes when a cercle is chosen.
    expect(data().map(pathOf).sort()).toEqual(['/api/intake', '/api/places/outline']);
  });

  it('stays under the 60 KB budget, compressed, the intake and the places counted', () => {
    const everything = [...shell(), ...data()];
    const bytes = everything.reduce((sum, resource) => sum + resource.bodyBytes, 0);
    const listing = everything.map((resource) => `${pathOf(resource)} ${resource.bodyBytes}`).join(', ');
    expect(bytes, `first load: ${listing}`).toBeLessThanOrEqual(BUDGET);
  });

  it('gets all of it compressed', () => {
    for (const resource of [...shell(), ...data()]) expect(`${pathOf(resource)} ${resource.encoding}`).toMatch(/ (br|gzip)$/);
  });
});
