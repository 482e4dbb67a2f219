/**
 * Helpers for the case-desk browser test: staff people driven through the desk's own pages
 * (sign-in with the authenticator code, TOTP enrolment, accepting an invitation). Codes are
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
    await page.waitForSelector('[data-testid=security-page]', SLOW);
    await enrol(person);
  } else {
    await page.waitForSelector('#login-totp', SLOW);
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
  const before = (await page.locator('[data-testid=invite-link]').textContent({ timeout: 1 }).catch(() => null)) ?? '';
  await members.locator('#invite-role').selectOption(role);
  await members.locator('#invite-login').fill(login);
  await members.locator('[data-testid=invite-submit]').click();
  await expect.poll(() => page.locator('[data-testid=invite-link]').textContent(), SLOW).toMatch(/#invite=/);
  const link = (await page.locator('[data-testid=invite-link]').textContent()) ?? '';
  expect(link).not.toBe(before);
  return link;
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
  await page.waitForSelector('[data-testid=invite-done]', SLOW);
  const recoveryKey = (await page.locator('[data-testid=org-recovery-key]').textContent()) ?? '';
  expect(recoveryKey).toMatch(/\w{4}/);
  await page.locator('[data-testid=invite-done] button').click();
  await page.waitForSelector('[data-testid=login-form]', SLOW);
  return { page, recoveryKey };
}
