/**
 * `npm run bench`: how heavy and how slow the reporter's form is on first load over 2G,
 * beside the staff desk's login page measured in the same run as the baseline. It builds the
 * web pages, starts the real server (set up from Node), emulates 2G in Chromium through the
 * DevTools protocol (250 kbit/s each way, 300 ms latency) and loads each page in a fresh
 * context. Bytes are as they crossed the network (compressed bodies and headers).
 *
 * Prints figures, never judges them: the one size rule (under 60 KB) is a test
 * (test/browser/offline-budget.test.ts); timings vary by machine and are for comparison only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { launchChromium, REPO_ROOT, startServer } from '../test/browser/harness.ts';
import { setUpFromNode } from '../test/browser/offline-harness.ts';
import { deskLoginUsable, measureFirstLoad, reporterFormUsable, SLOW_2G } from './first-load.ts';
import type { FirstLoad } from './first-load.ts';
import { runStatsBench } from './stats-bench.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function describe(name: string, load: FirstLoad, baseline: FirstLoad): void {
  out(`${name.padEnd(22)} ${kb(load.bytes).padStart(10)}  ${(load.bytes / baseline.bytes).toFixed(2).padStart(5)}×   ${seconds(load.usableMs).padStart(8)}  ${(load.usableMs / baseline.usableMs).toFixed(2).padStart(5)}×`);
}

/** Bytes a GET takes as served to a browser that accepts brotli: status line, headers and the body as sent. */
function servedBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
      const head = `HTTP/1.1 ${res.statusCode ?? 0} ${res.statusMessage ?? ''}\r\n` + res.rawHeaders.reduce((text, value, i) => text + (i % 2 === 0 ? `${value}: ` : `${value}\r\n`), '') + '\r\n';
      let body = 0;
      res.on('data', (chunk: Buffer) => (body += chunk.length));
      res.on('end', () => resolve(head.length + body));
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * What installing the offline copy downloads once, after the form is usable: the files the
 * worker stores at install that the page did not already load (those come from the HTTP
 * cache), plus the page and the two public answers again (they are never HTTP-cached).
 */
async function offlineInstallBytes(origin: string, loaded: FirstLoad): Promise<number> {
  const worker = readFileSync(path.join(REPO_ROOT, 'apps/web/dist/sw.js'), 'utf8');
  const precache = /precache:\[([^\]]*)\]/.exec(worker)?.[1] ?? '';
  const files = [...precache.matchAll(/\/assets\/[\w.-]+/g)].map((match) => match[0]);
  const already = new Set(loaded.resources.map((resource) => new URL(resource.url).pathname));
  const fetched = [...files.filter((file) => !already.has(file)), '/', '/api/intake', '/api/places/outline', '/api/places'];
  const sizes = await Promise.all(fetched.map((file) => servedBytes(origin + file)));
  return sizes.reduce((sum, bytes) => sum + bytes, 0);
}

function details(name: string, load: FirstLoad, origin: string): void {
  out(`\n${name}:`);
  // data: URLs (a date field's icon) cost nothing on the network.
  for (const resource of load.resources.filter((r) => r.url.startsWith(origin))) out(`  ${kb(resource.bytes).padStart(9)}  ${resource.url.replace(origin, '')}`);
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build', '-w', '@kenekanko/web'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const server = await startServer();
  try {
    await setUpFromNode(server);
    const browser = await launchChromium();
    try {
      const desk = await measureFirstLoad(browser, { url: `${server.origin}/desk`, until: deskLoginUsable, network: SLOW_2G });
      const reporter = await measureFirstLoad(browser, { url: `${server.origin}/`, until: reporterFormUsable, network: SLOW_2G });
      out('First load on emulated 2G (250 kbit/s, 300 ms), fresh context, compressed bytes with headers');
      out(`${''.padEnd(22)} ${'bytes'.padStart(10)}  ${'ratio'.padStart(6)}  ${'usable'.padStart(9)}  ${'ratio'.padStart(6)}`);
      describe('desk login (baseline)', desk, desk);
      describe('reporter form', reporter, desk);
      details('reporter form', reporter, server.origin);
      details('desk login', desk, server.origin);
      const own = reporter.resources.filter((r) => r.url.startsWith(server.origin));
      const shell = own.filter((r) => !new URL(r.url).pathname.startsWith('/api/'));
      const bodies = (list: typeof own) => list.reduce((sum, r) => sum + r.bodyBytes, 0);
      // The budget counts everything fetched before the form can file a text alert: the shell and its data (intake, places outline).
      out(`\nreporter form: ${kb(bodies(own))} of compressed bodies (the 60 KB budget: app shell ${kb(bodies(shell))}, data ${kb(bodies(own) - bodies(shell))}), ${kb(own.reduce((sum, r) => sum + r.bytes, 0))} with headers`);
      out(`offline copy (service worker install, once, after the form is usable): about ${kb(await offlineInstallBytes(server.origin, reporter))}`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

await main();
// Monitoring (issue 5): the dashboard's queries at national scale (BENCH_ALERTS, default 1,000,000).
out();
await runStatsBench();
