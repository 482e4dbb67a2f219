/**
 * Helpers for the case-desk browser test: staff people driven through the desk's own pages
 * (sign-in with the authenticator code, TOTP enrolment, accepting an invitation), and a
 * reporter filing an alert and coming back with the receipt. Codes are
 * computed with `otpauth` from the secret the enrolment page shows, as a phone app would; a
 * code is accepted once per 30-second step, so each person remembers the last step used and
 * the next sign-in uses a later one (the server accepts one step ahead for clock drift).
 */
import { expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';

const STEP_MS = 30_000;
const SLOW = { timeout: 120_000 } as const;

export type StaffPerson = {
  readonly login: string;
  readonly password: string;
  page: Page;
  secret: string | null;
  lastStep: number;
};

export function staffPerson(login: string, password: string, page: Page): StaffPerson {
  return { login, password, page, secret: null, lastStep: 0 };
}

/** A code for a step never used before by this person (waits when two are needed within one step). */
export async function nextCode(person: StaffPerson): Promise<string> {
  if (person.secret === null) throw new Error(`${person.login} has no second factor`);
  const current = (): number => Math.floor(Date.now() / STEP_MS);
  while (person.lastStep + 1 > current() + 1) await new Promise((resolve) => setTimeout(resolve, 1_000));
  const step = Math.max(current(), person.lastStep + 1);
  person.lastStep = step;
  return new TOTP({ secret: Secret.fromBase32(person.secret) }).generate({ timestamp: step * STEP_MS });
}

/** Waits for `selector`; an error banner shown meanwhile fails at once, with its text. */
export async function waitOrFail(page: Page, selector: string): Promise<void> {
  const banner = page.locator('.banner--error[role=alert]').first();
  const which = await Promise.race([
    page.waitForSelector(selector, SLOW).then(() => 'ready' as const),
    banner.waitFor(SLOW).then(() => 'error' as const),
  ]);
  if (which === 'error') throw new Error(`the page shows an error instead of ${selector}: ${(await banner.textContent()) ?? ''}`);
}

/** The enrolment page the desk opens on while the policy requires a second factor. */
async function enrol(person: StaffPerson): Promise<void> {
  const { page } = person;
  await page.click('[data-testid=totp-start]');
  const shown = (await page.locator('[data-testid=totp-secret]').textContent()) ?? '';
  person.secret = shown.split(':').at(-1)?.replace(/\s/g, '') ?? '';
  expect(person.secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.fill('#totp-confirm', await nextCode(person));
  await page.click('[data-testid=totp-confirm-submit]');
  await page.click('[data-testid=totp-continue]');
}

/** Signs in on the desk's login page: enrols the second factor the first time, else types the code. */
export async function signIn(person: StaffPerson): Promise<void> {
  const { page } = person;
  await page.waitForSelector('[data-testid=login-form]', SLOW);
  await page.fill('#login', person.login);
  await page.fill('#password', person.password);
  await page.click('[data-testid=login-submit]');
  if (person.secret === null) {
    await waitOrFail(page, '[data-testid=security-page]');
    await enrol(person);
  } else {
    await waitOrFail(page, '#login-totp');
    await page.fill('#login-totp', await nextCode(person));
    await page.click('[data-testid=login-totp-submit]');
  }
  await page.waitForSelector('[data-testid=logout]', SLOW);
  await page.waitForSelector('.desk-nav', SLOW);
}

export async function signOut(person: StaffPerson): Promise<void> {
  await person.page.click('[data-testid=logout]');
  await person.page.waitForSelector('[data-testid=login-form]', SLOW);
}

/** Opens a desk page from the navigation and waits for `ready` on it. */
export async function openNav(page: Page, view: string, ready: string): Promise<void> {
  await page.click(`[data-testid=nav-${view}]`);
  await page.waitForSelector(ready, SLOW);
}

/**
 * An administrator invites from Organisations → the organisation → Members and invitations;
 * returns the link shown once.
 */
export async function invite(page: Page, orgName: string, role: string, login: string): Promise<string> {
  await openNav(page, 'orgs', '[data-testid=orgs-page]');
  await page.locator('[data-testid=orgs-page] tr', { hasText: orgName }).locator('[data-testid^=org-open-]').click();
  const members = page.locator('[data-testid=org-members]', { hasText: orgName });
  await members.waitFor(SLOW);
  const before = (await page.locator('[data-testid=invite-link]').textContent({ timeout: 500 }).catch(() => null)) ?? '';
  await members.locator('#invite-role').selectOption(role);
  await members.locator('#invite-login').fill(login);
  await members.locator('[data-testid=invite-submit]').click();
  // A new link, not the one shown for the previous invitation to the same organisation.
  const shown = async (): Promise<string> => {
    const text = (await page.locator('[data-testid=invite-link]').textContent({ timeout: 1_000 }).catch(() => null)) ?? '';
    return text === before ? '' : text;
  };
  await expect.poll(shown, SLOW).toMatch(/\/desk\.html#invite=[A-Za-z0-9_-]+$/);
  return shown();
}

/** The invitee opens the link in their own browser, chooses a password, and gets their recovery key. */
export async function acceptInvitation(context: BrowserContext, link: string, person: { readonly login: string; readonly password: string }): Promise<{ page: Page; recoveryKey: string }> {
  const page = await context.newPage();
  await page.goto(link);
  expect(page.url()).not.toContain('#invite='); // the page removes the code from the address bar
  await page.waitForSelector('[data-testid=invite-form] p', SLOW);
  expect(await page.inputValue('#invite-login-input')).toBe(person.login); // the login the administrator chose
  await page.fill('#invite-password', person.password);
  await page.fill('#invite-password-again', person.password);
  await page.click('[data-testid=invite-accept]');
  await waitOrFail(page, '[data-testid=invite-done]');
  const recoveryKey = (await page.locator('[data-testid=org-recovery-key]').textContent()) ?? '';
  expect(recoveryKey).toMatch(/\w{4}/);
  await page.locator('[data-testid=invite-done] button').click();
  await page.waitForSelector('[data-testid=login-form]', SLOW);
  return { page, recoveryKey };
}

/** A reporter files an alert from the reporter's page in French; returns the receipt shown. */
export async function fileAlert(
  context: BrowserContext,
  origin: string,
  alert: { readonly region: string; readonly description: string; readonly identity: readonly [string, string] | null },
): Promise<string> {
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.click('[data-testid=language-fr]');
  await page.click('[data-testid=home-report]');
  await page.check('#kind-bribery');
  await page.selectOption('#regionId', { label: alert.region });
  await page.selectOption('#institutionType', 'customs');
  await page.fill('#description', alert.description);
  if (alert.identity !== null) {
    await page.fill('#identityName', alert.identity[0]);
    await page.fill('#identityPhone', alert.identity[1]);
  }
  await page.click('[data-testid=submit-alert]');
  const shown = await page.locator('[data-testid=receipt]').textContent({ timeout: 180_000 });
  expect(shown).toMatch(/^(\d{4} ){5}\d{4}$/);
  await context.close();
  return (shown ?? '').replaceAll(' ', '');
}

/** The reporter comes back with the receipt (in a fresh browser) and sees the follow-up page. */
export async function followUp(context: BrowserContext, origin: string, withReceipt: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(origin + '/');
  await page.click('[data-testid=language-fr]');
  await page.click('[data-testid=home-follow]');
  await page.fill('#receipt-input', withReceipt);
  await page.click('[data-testid=receipt-open]');
  await page.waitForSelector('[data-testid=reporter-state]', { timeout: 120_000 });
  return page;
}
