/**
 * Issue 3's whole case desk, in real headless Chromium against the real server process, driven
 * only through the pages people use: setup (Mali preset), invitations to an analyst, an OCLEI
 * liaison and a custodian (each in their own browser, second factor enrolled), keys granted and
 * created in browsers, the directory signed by the coalition coordinator, the custodian key set
 * up from its printed recovery key; then an alert filed, triaged and verified, forwarded to
 * OCLEI with the culprit's name masked, acknowledged and followed up by the liaison, the
 * reporter's plain-language status, and the reporter's identity granted by the custodian.
 * Then: no page asked another origin, and nothing of the alert is at rest in the server's data.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findAtRest, foreignRequests, launchChromium, recordRequests, REPO_ROOT, startServer, type RecordedRequest, type RunningServer } from './harness.ts';
import { acceptInvitation, fileAlert, followUp, invite, openNav, signIn, signOut, staffPerson, type StaffPerson } from './desk-pages.ts';

const COALITION = 'COSCLCCP';
const MASKED_NAME = 'Seydou Dembélé';
const DESCRIPTION = `Le receveur ${MASKED_NAME} exige quinze mille francs pour chaque certificat de résidence délivré à Kolondiéba.`;
/** What the preview and the recipient show for the masked passage. */
const MASKED_DESCRIPTION = DESCRIPTION.replace(MASKED_NAME, '[█████]');
/** A second alert, never forwarded: the liaison must not see it. */
const OTHER_DESCRIPTION = 'Au bureau des douanes de Diboli, chaque camion paie une taxe sans reçu aux agents.';
const IDENTITY_NAME = 'Mariam Sangaré';
const IDENTITY_PHONE = '+223 66 48 20 17';
const REASONS = {
  acknowledged: 'Alerte reçue, premier examen fait.',
  'in-verification': 'Vérification auprès de deux usagers de la mairie.',
  verified: 'Deux témoins confirment les montants exigés.',
} as const;
const ACK_DETAILS = 'Dossier enregistré sous le numéro interne 4471.';
const ACTION_DETAILS = 'Enquête confiée à la brigade économique de Sikasso.';
const IDENTITY_REASON = 'Il faut recouper le témoignage avec la personne elle-même.';

const people = {
  coordinator: { login: 'aminata.coordination', password: 'correct horse battery staple 42' },
  analyst: { login: 'oumar.analyse', password: 'a long analyst password 2026' },
  liaison: { login: 'ibrahim.oclei', password: 'a long liaison password at oclei' },
  custodian: { login: 'kadiatou.garde', password: 'a long custodian password kept' },
} as const;

let server: RunningServer;
let browser: Browser;
const requests: RecordedRequest[] = [];
const contexts: BrowserContext[] = [];
const secretsShown: string[] = [];

async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const recorded = recordRequests(context);
  context.on('close', () => requests.push(...recorded));
  return context;
}

async function transition(page: Page, to: keyof typeof REASONS): Promise<void> {
  await page.click(`[data-testid=transition-${to}]`);
  await page.fill('#transition-reason', REASONS[to]);
  await page.click('[data-testid=transition-confirm]');
  await expect.poll(() => page.locator('[data-testid=alert-state]').getAttribute('class'), { timeout: 30_000 }).toContain(`state--${to}`);
}

/** From the inbox, the alert filed in Sikasso (the other one is in Kayes), opened and decrypted. */
async function openTheAlert(page: Page): Promise<void> {
  await openNav(page, 'inbox', '[data-testid=inbox-open]');
  expect(await page.locator('[data-testid=inbox-row]').count()).toBe(2);
  const row = page.locator('[data-testid=inbox-row]', { hasText: 'Sikasso' }); // place names load after the rows
  await row.waitFor({ timeout: 30_000 });
  await row.locator('[data-testid=inbox-open]').click();
  await expect.poll(() => page.locator('[data-testid=answer-description]').textContent(), { timeout: 60_000 }).toBe(DESCRIPTION);
}

beforeAll(async () => {
  const webDist = process.env['E2E_WEB_DIST_DIR'];
  server = await startServer(webDist === undefined ? {} : { WEB_DIST_DIR: webDist });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('the case desk in Chromium', () => {
  let coordinator: StaffPerson;
  let analyst: StaffPerson;
  let liaison: StaffPerson;
  let custodian: StaffPerson;
  let custodianRecoveryKey = '';
  let receipt = '';
  let otherReceipt = '';
  let userAgent = '';

  it('sets the platform up in the browser with the Mali authorities', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(server.setupLink);
    await page.fill('#setup-organisationName', COALITION);
    await page.fill('#setup-login', people.coordinator.login);
    await page.fill('#setup-password', people.coordinator.password);
    await page.fill('#setup-passwordAgain', people.coordinator.password);
    expect(await page.isChecked('#setup-mali-preset')).toBe(true);
    await page.click('[data-testid=setup-submit]');
    for (const name of ['user', 'organisation', 'coalition', 'custodian']) {
      await expect.poll(() => page.locator(`[data-testid=recovery-key-${name}]`).textContent(), { timeout: 120_000 }).toMatch(/\w{4}/);
      secretsShown.push((await page.locator(`[data-testid=recovery-key-${name}]`).textContent()) ?? '');
    }
    custodianRecoveryKey = (await page.locator('[data-testid=recovery-key-custodian]').textContent()) ?? '';
    await page.check('#recovery-kept');
    await page.click('[data-testid=recovery-continue]');
    coordinator = staffPerson(people.coordinator.login, people.coordinator.password, page);
    await signIn(coordinator);
    userAgent = await page.evaluate(() => navigator.userAgent);
    await openNav(page, 'orgs', '[data-testid=orgs-page]');
    const rows = page.locator('[data-testid=orgs-page] tbody tr');
    await expect.poll(() => rows.allTextContents(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining(['COSCLCCP', 'OCLEI', 'CENTIF', 'ARGASC', 'PNEF', 'CGSP'].map((name) => expect.stringContaining(name))),
    );
    expect(await rows.filter({ hasText: 'OCLEI' }).textContent()).toContain('Pas encore de clés'); // the preset adds no keys
  });

  it('invites an analyst, an OCLEI liaison and a custodian, who accept in their own browsers', async () => {
    const links = {
      analyst: await invite(coordinator.page, COALITION, 'analyst', people.analyst.login),
      liaison: await invite(coordinator.page, 'OCLEI', 'authority-liaison', people.liaison.login),
      custodian: await invite(coordinator.page, COALITION, 'custodian', people.custodian.login),
    };
    const accepted = {
      analyst: await acceptInvitation(await newContext(), links.analyst, people.analyst),
      liaison: await acceptInvitation(await newContext(), links.liaison, people.liaison),
      custodian: await acceptInvitation(await newContext(), links.custodian, people.custodian),
    };
    secretsShown.push(accepted.analyst.recoveryKey, accepted.liaison.recoveryKey, accepted.custodian.recoveryKey);
    analyst = staffPerson(people.analyst.login, people.analyst.password, accepted.analyst.page);
    liaison = staffPerson(people.liaison.login, people.liaison.password, accepted.liaison.page);
    custodian = staffPerson(people.custodian.login, people.custodian.password, accepted.custodian.page);
    // A used link says so instead of offering the form again.
    const again = await (await newContext()).newPage();
    await again.goto(links.analyst);
    await again.waitForSelector('[data-testid=invite-form] [role=alert]', { timeout: 30_000 });
    expect(await again.locator('[data-testid=invite-form] p').count()).toBeGreaterThan(0);
  });

  it('gets every key where it belongs: OCLEI keys made and signed, the analyst granted, the custodian key set up', async () => {
    // The liaison, first member of OCLEI, makes its keys and prints its recovery key.
    await signIn(liaison);
    // A liaison lands on the cases received (empty so far), with no CSO inbox to go to.
    await liaison.page.waitForSelector('[data-testid=forwarding-inbox-empty]', { timeout: 30_000 });
    expect(await liaison.page.locator('[data-testid=nav-inbox]').count()).toBe(0);
    await openNav(liaison.page, 'org-keys', '[data-testid=org-create-keys]');
    await liaison.page.click('[data-testid=org-create-keys]');
    const ocleiRecovery = (await liaison.page.locator('[data-testid=org-recovery-key]').textContent({ timeout: 60_000 })) ?? '';
    expect(ocleiRecovery).toMatch(/\w{4}/);
    secretsShown.push(ocleiRecovery);

    // The coordinator grants the coalition key to the analyst after comparing fingerprints...
    await openNav(coordinator.page, 'org-keys', '[data-testid=keys-page]');
    const waiting = coordinator.page.locator('li', { hasText: people.analyst.login });
    await waiting.locator('input[type=checkbox]').check();
    await waiting.locator(`[data-testid="grant-${people.analyst.login}"]`).click();
    await expect.poll(() => coordinator.page.locator('[data-testid^=org-keys-] .banner--ok').textContent(), { timeout: 60_000 }).toBe(`Clé transmise à ${people.analyst.login}.`);
    // ...and signs the directory with OCLEI's new keys.
    await openNav(coordinator.page, 'directory', '[data-testid=directory-page]');
    const change = coordinator.page.locator('[data-testid^=change-]', { hasText: 'OCLEI' });
    await change.locator('input[type=checkbox]').check();
    await coordinator.page.click('[data-testid=directory-sign]');
    await expect.poll(() => coordinator.page.locator('[data-testid=directory-page] .banner--ok').textContent(), { timeout: 60_000 }).toMatch(/^Version \d+ signée et publiée\.$/);
    await openNav(coordinator.page, 'orgs', '[data-testid=orgs-page]');
    await expect.poll(() => coordinator.page.locator('[data-testid=orgs-page] tr', { hasText: 'OCLEI' }).textContent(), { timeout: 30_000 }).toContain('Signées (version 1)');

    // The custodian sets up the custodian key with the printed custodian recovery key.
    await signIn(custodian);
    await custodian.page.waitForSelector('[data-testid=custodian-key-form]', { timeout: 30_000 }); // a custodian lands on Identity custody
    await custodian.page.fill('#custodian-recovery', custodianRecoveryKey);
    await custodian.page.click('[data-testid=custodian-key-submit]');
    await custodian.page.waitForSelector('[data-testid=custodian-key-held]', { timeout: 60_000 });

    // The analyst signs in once the key is granted: the inbox opens.
    await signIn(analyst);
    await analyst.page.waitForSelector('[data-testid=inbox-empty]', { timeout: 60_000 });
  });

  it('files an alert with a name in the description and an identity (and another alert), and shows a receipt', async () => {
    receipt = await fileAlert(await newContext(), server.origin, { region: 'Sikasso', description: DESCRIPTION, identity: [IDENTITY_NAME, IDENTITY_PHONE] });
    otherReceipt = await fileAlert(await newContext(), server.origin, { region: 'Kayes', description: OTHER_DESCRIPTION, identity: null });
  });

  it('lets the analyst acknowledge, verify with reasons, and forward to OCLEI with the name masked', async () => {
    const page = analyst.page;
    await page.click('[data-testid=inbox-refresh]');
    await openTheAlert(page);
    await transition(page, 'acknowledged');
    await transition(page, 'in-verification');
    await transition(page, 'verified');

    const form = page.locator('[data-testid=forward-form]');
    await form.waitFor({ timeout: 60_000 });
    await form.locator('label.choice', { hasText: 'OCLEI' }).locator('input').check();
    const start = DESCRIPTION.indexOf(MASKED_NAME);
    await page.locator('#forward-description').evaluate((el, [from, to]) => (el as HTMLTextAreaElement).setSelectionRange(from, to), [start, start + MASKED_NAME.length] as const);
    await page.click('[data-testid=forward-mask]');
    // The preview lists every field that goes; the description in it is exactly the masked text.
    const preview = (await page.locator('[data-testid=forward-preview] [data-testid=package-description]').textContent()) ?? '';
    expect(preview).toBe(MASKED_DESCRIPTION);
    await page.click('[data-testid=forward-send]');
    await expect.poll(() => page.locator('[data-testid=forwarding-panel] [data-testid=forwarding-summary]').allTextContents(), { timeout: 120_000 }).toEqual([
      expect.stringContaining('OCLEI'),
    ]);
    // The first forwarding moved the alert to 'forwarded': the page says so at once.
    await expect.poll(() => page.locator('[data-testid=alert-state]').getAttribute('class'), { timeout: 60_000 }).toContain('state--forwarded');
    expect(await page.locator('[data-testid=transition-in-verification]').count()).toBe(0);
  });

  it('lets the OCLEI liaison see only that case, without the masked name, acknowledge it and record an investigation', async () => {
    const page = liaison.page;
    await signOut(liaison);
    await signIn(liaison); // the keyring now holds OCLEI's key as the signed directory lists it
    await page.waitForSelector('[data-testid=forwarding-inbox] li', { timeout: 60_000 });
    expect(await page.locator('[data-testid=forwarding-inbox] li').count()).toBe(1);
    await page.click('[data-testid^=forwarding-open-]');
    await page.waitForSelector('[data-testid=package-verified]', { timeout: 60_000 });
    const fields = (await page.locator('[data-testid=package-fields]').textContent()) ?? '';
    expect(fields).toContain(MASKED_DESCRIPTION);
    expect(await page.content()).not.toContain(MASKED_NAME);
    expect(await page.content()).not.toContain('Dembélé');
    expect(await page.locator('[data-testid=package-identity]').count()).toBe(0);

    await page.fill('[data-testid=follow-up-details]', ACK_DETAILS);
    await page.click('[data-testid=forwarding-acknowledge]');
    await expect.poll(() => page.locator('[data-testid=forwarding-events] li').count(), { timeout: 60_000 }).toBe(1);
    await page.selectOption('[data-testid=follow-up-action]', 'investigation-opened');
    await page.fill('[data-testid=follow-up-details]', ACTION_DETAILS);
    await page.click('[data-testid=forwarding-record]');
    await expect.poll(() => page.locator('[data-testid=forwarding-events] li').allTextContents(), { timeout: 60_000 }).toEqual([
      expect.stringContaining(ACK_DETAILS),
      expect.stringContaining(ACTION_DETAILS),
    ]);
  });

  it('shows the reporter the new status in plain words with the receipt', async () => {
    const page = await followUp(await newContext(), server.origin, receipt);
    expect(await page.locator('[data-testid=reporter-state]').textContent()).toContain('Transmise à l');
    const status = page.locator('[data-testid=forwarding-status] li');
    await expect.poll(() => status.allTextContents(), { timeout: 30_000 }).toEqual([
      expect.stringMatching(/^Votre alerte a été transmise à l’autorité compétente le \d/),
      expect.stringMatching(/^Elle en a accusé réception le \d/),
      expect.stringMatching(/^Le \d.*, une enquête a été ouverte\.$/),
    ]);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const hidden of ['OCLEI', ACK_DETAILS, ACTION_DETAILS, people.liaison.login]) expect(text).not.toContain(hidden);
    await page.context().close();
  });

  it('lets the analyst see the identity once the custodian grants the request', async () => {
    await analyst.page.locator('#identity-reason').fill(IDENTITY_REASON);
    await analyst.page.click('[data-testid=identity-reason-submit]');
    await expect.poll(() => analyst.page.locator('[data-testid=identity-panel] li').count(), { timeout: 60_000 }).toBe(1);
    expect(await analyst.page.locator('[data-testid=identity-shown]').count()).toBe(0);

    await openNav(custodian.page, 'security', '[data-testid=security-page]');
    await openNav(custodian.page, 'custody', '[data-testid=custody-pending]');
    const request = custodian.page.locator('[data-testid=custody-pending] > li');
    expect(await request.count()).toBe(1);
    expect(await request.textContent()).toContain(IDENTITY_REASON); // opened with the custodian key, in this browser
    expect(await request.textContent()).toContain(people.analyst.login);
    expect(await request.textContent()).not.toContain('quinze mille'); // never the alert's content
    await request.locator('[data-testid=custody-compared]').check(); // the fingerprint was compared with the analyst
    await request.locator('[data-testid=custody-grant]').click();
    await custodian.page.waitForSelector('[data-testid=custody-decided] > li', { timeout: 60_000 });

    await openTheAlert(analyst.page);
    const identity = analyst.page.locator('[data-testid=identity-shown]');
    await identity.waitFor({ timeout: 60_000 });
    expect(await identity.textContent()).toContain(IDENTITY_NAME);
    expect(await identity.textContent()).toContain(IDENTITY_PHONE);

    // The forwarding CSO sees each step the liaison recorded, with its details opened here.
    await expect.poll(() => analyst.page.locator('[data-testid=forwarding-panel] [data-testid=forwarding-events] li').allTextContents(), { timeout: 60_000 }).toEqual([
      expect.stringContaining(ACK_DETAILS),
      expect.stringContaining(ACTION_DETAILS),
    ]);

    // The reporter learns that a request was granted, and when: never who asked or why.
    const reporter = await followUp(await newContext(), server.origin, receipt);
    const decisions = reporter.locator('[data-testid=identity-decisions] li');
    await expect.poll(() => decisions.allTextContents(), { timeout: 30_000 }).toEqual([expect.stringMatching(/^Une demande de voir votre identité a été accordée le \d/)]);
    const text = (await reporter.locator('main').textContent()) ?? '';
    for (const hidden of [IDENTITY_REASON, people.analyst.login]) expect(text).not.toContain(hidden);
    await reporter.context().close();
    // The other alert was never forwarded: its reporter sees no follow-up from an authority.
    const other = await followUp(await newContext(), server.origin, otherReceipt);
    expect(await other.locator('[data-testid=forwarding-status]').count()).toBe(0);
    await other.context().close();
  });

  it('made no request to another origin', async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    expect(requests.length).toBeGreaterThan(50);
    expect(foreignRequests(requests, server.origin)).toEqual([]);
    // Passwords, recovery keys (the custodian's included), receipts and the clear alert never travel.
    const secrets = [...Object.values(people).map((p) => p.password), ...secretsShown, receipt, otherReceipt, MASKED_NAME, IDENTITY_NAME, IDENTITY_REASON, ACTION_DETAILS];
    const leaks = requests.filter((request) => secrets.some((secret) => request.url.includes(secret) || (request.body?.includes(secret) ?? false)));
    expect(leaks.map((request) => request.url)).toEqual([]);
  });

  it('left nothing of the alert, the masked name or the identity at rest', () => {
    const placeNames = readFileSync(path.join(REPO_ROOT, 'apps/server/src/places/seed/mali-admin.json'), 'utf8');
    // Place names are public seed data stored in clear (a village is named after the Sangaré):
    // a word that is also in a place name proves nothing either way.
    const wordsOf = (text: string, min: number): string[] => text.split(/[\s,.]+/).filter((word) => word.length >= min && !placeNames.includes(word));
    const words = [...wordsOf(DESCRIPTION, 7), ...wordsOf(OTHER_DESCRIPTION, 7)];
    expect(words.length).toBeGreaterThanOrEqual(6);
    expect(wordsOf(MASKED_NAME, 1)).toEqual(['Seydou', 'Dembélé']);
    const needles = [
      MASKED_NAME,
      ...wordsOf(MASKED_NAME, 1),
      DESCRIPTION,
      OTHER_DESCRIPTION,
      ...words,
      IDENTITY_NAME,
      ...wordsOf(IDENTITY_NAME, 1),
      IDENTITY_PHONE,
      ...Object.values(REASONS),
      ACK_DETAILS,
      ACTION_DETAILS,
      IDENTITY_REASON,
      receipt,
      otherReceipt,
      ...Object.values(people).map((p) => p.password),
      ...secretsShown,
      userAgent,
      'HeadlessChrome',
      '127.0.0.1',
    ];
    expect(secretsShown.filter((s) => /\w{4}/.test(s)).length).toBe(8);
    expect(findAtRest(server.dataDir, needles)).toEqual([]);
    // The scanner works: organisation names and logins are stored in clear, on purpose.
    expect(findAtRest(server.dataDir, ['OCLEI', people.liaison.login]).length).toBeGreaterThanOrEqual(2);
  });
});
