/**
 * Helpers for the reporter-page tests (languages, accessibility, safety): set the platform up
 * with the command-line client (faster than the setup page, and the same crypto package),
 * fill the alert form, and run axe-core in the page.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { REPO_ROOT, type RunningServer } from './harness.ts';

export const STAFF_LOGIN = 'awa.coordination';
export const STAFF_PASSWORD = 'a long coordinator password 7';

/** `npm run setup` against the running server, with the token it printed. */
export async function setUpByCli(server: RunningServer): Promise<void> {
  const token = new URL(server.setupLink).hash.replace(/^#token=/, '');
  const dir = mkdtempSync(path.join(tmpdir(), 'kk-setup-'));
  const passwordFile = path.join(dir, 'password');
  writeFileSync(passwordFile, STAFF_PASSWORD, { mode: 0o600 });
  try {
    const args = ['--import', 'tsx', 'apps/server/src/cli/setup.ts', '--url', server.origin, '--token', token];
    args.push('--organisation', 'COSCLCCP', '--login', STAFF_LOGIN, '--password-file', passwordFile);
    await promisify(execFile)(process.execPath, args, { cwd: REPO_ROOT, env: { PATH: process.env['PATH'] ?? '' } });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The required answers, so that the form can be sent. */
export async function fillRequired(page: Page, description: string): Promise<void> {
  await page.check('#kind-bribery');
  await page.selectOption('#regionId', { index: 1 });
  await page.selectOption('#institutionType', 'customs');
  await page.fill('#description', description);
}

/** Sends the filled form and waits for the receipt; returns its 24 digits. */
export async function sendAndReadReceipt(page: Page): Promise<string> {
  await page.click('[data-testid=submit-alert]');
  const shown = await page.locator('[data-testid=receipt]').textContent({ timeout: 180_000 });
  return (shown ?? '').replaceAll(' ', '');
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { readonly rule: string; readonly impact: string | null; readonly targets: readonly string[] };

/**
 * WCAG 2.1 A and AA violations on the page as it is now. The CSP allows only same-origin
 * scripts, so axe is not added as a script tag: evaluating its source through the DevTools
 * protocol is not subject to the page's CSP.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] };
  return page.evaluate(async (runOptions) => {
    const { axe } = globalThis as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
    const results = await axe.run(document, runOptions);
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? null,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, options);
}

/**
 * Taps a language (on the first screen or the switch) and waits until the page speaks it: a
 * language's catalogue is fetched when it is first chosen, so the switch is not instant.
 */
export async function pickLanguage(page: Page, code: string): Promise<void> {
  await page.click(`[data-testid=language-${code}]`);
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, code);
}
