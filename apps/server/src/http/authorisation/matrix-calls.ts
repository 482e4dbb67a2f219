/**
 * One matrix check: call a route as a principal and judge the answer against the route's rule.
 * Every answer, allowed or not, is searched for the secrets the principal may not see (ids,
 * envelope tails, logins): a refusal that names the other organisation's case, or a list
 * that includes it, is a leak. Failures come back as lines, so one run reports them all.
 *
 * Only tests import this.
 */
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@kenekanko/contracts';
import { newId } from '../../features/shared/ids.ts';
import { logIn } from '../testing/flows.ts';
import { isIn } from './matrix-secrets.ts';
import type { MatrixWorld, Principal } from './matrix-world.ts';
import type { CrossCase } from './cross-references.ts';
import type { Body, OpenRule, RouteRule, SessionRule, StaffRule, Target } from './route-rules.ts';

export type Answer = { readonly status: number; readonly code: string; readonly text: string };

export async function call(w: MatrixWorld, method: string, path: string, cookie: string | null, body: Body, csrf?: boolean): Promise<Answer> {
  const options = body === null ? {} : 'json' in body ? { json: body.json } : { body: body.bytes, contentType: 'application/octet-stream' };
  const response = await w.h.request(method, path, { ...options, ...(cookie === null ? {} : { cookie }), ...(csrf === undefined ? {} : { csrf }) });
  return answerOf(response);
}

async function answerOf(response: Response): Promise<Answer> {
  const text = response.headers.get('content-type')?.includes('json') === true ? await response.text() : Buffer.from(await response.arrayBuffer()).toString('latin1');
  let code = '';
  if (response.status >= 400) {
    try {
      code = String((JSON.parse(text) as { error?: { code?: unknown } }).error?.code);
    } catch {
      code = '(not json)';
    }
  }
  return { status: response.status, code, text };
}

function leaks(w: MatrixWorld, p: Principal, text: string): string[] {
  return w.secrets.filter((s) => !s.visibleTo(p) && text.includes(s.value)).map((s) => s.what);
}

export const describeAnswer = (a: Answer) => `${a.status}${a.code === '' ? '' : ` ${a.code}`}`;

/** An allowed call got past authorisation (the domain may still refuse the body). */
const AUTHORISATION_CODES: readonly string[] = ['unauthenticated', 'forbidden', 'not-found'];
const passedAuthorisation = (a: Answer) => a.status < 500 && !AUTHORISATION_CODES.includes(a.code);
/** A refusal the matrix accepts for a principal who may not act: never a 2xx, never a validation error. */
const refused = (a: Answer) => (a.status === 403 && a.code === 'forbidden') || (a.status === 404 && a.code === 'not-found');

async function checkOpen(w: MatrixWorld, method: string, path: string, rule: OpenRule): Promise<string[]> {
  const anonymous = w.principal('anonymous');
  const answer = await call(w, method, rule.path ?? path, null, rule.body?.(w) ?? null);
  const failures = leaks(w, anonymous, answer.text)
    .filter((what) => rule.exposes?.(what) !== true)
    .map((what) => `anonymous: answer names ${what}`);
  if (answer.code === 'unauthenticated' || answer.status >= 500) failures.push(`anonymous: ${describeAnswer(answer)} on an open route`);
  return failures;
}

async function checkSession(w: MatrixWorld, method: string, path: string, rule: SessionRule): Promise<string[]> {
  const failures: string[] = [];
  const anonymous = await call(w, method, path, null, null);
  if (anonymous.status !== 401) failures.push(`anonymous: ${describeAnswer(anonymous)}, expected 401`);
  for (const p of w.principals) {
    if (p.member === null) continue;
    const cookie = rule.freshSession === true ? await logIn(w.h, p.member.login, p.member.loginKey) : p.cookie;
    const answer = await call(w, method, path, cookie, rule.body?.(w, p) ?? null);
    if (!passedAuthorisation(answer)) failures.push(`${p.name}: ${describeAnswer(answer)} on their own account`);
    failures.push(...leaks(w, p, answer.text).map((what) => `${p.name}: answer names ${what}`));
  }
  return failures;
}

/**
 * SECURITY: to someone of another organisation who may not see an object, its answer must be
 * the one a made-up id gets; a 'forbidden' where a made-up id gets 'not-found' confirms that
 * the case exists. (Within the object's own organisation, 'forbidden' for a role is the rule.)
 */
async function checkUndisclosed(w: MatrixWorld, method: string, rule: StaffRule, t: Target, p: Principal, answer: Answer): Promise<string[]> {
  const secretId = t.secretId;
  const outsider = t.orgKey === null || !isIn(p, t.orgKey);
  if (secretId === undefined || !outsider || !w.secrets.some((s) => s.value === secretId && !s.visibleTo(p))) return [];
  const madeUp = newId();
  const path = t.path.replaceAll(secretId, madeUp);
  const probe: Target = t.alertId === undefined ? { ...t, path } : { ...t, path, alertId: t.alertId.replaceAll(secretId, madeUp) };
  const unknown = await call(w, method, probe.path, p.cookie, rule.body?.(w, probe, p) ?? null);
  if (unknown.status === answer.status && unknown.code === answer.code) return [];
  return [`${p.name} on ${t.label}: ${describeAnswer(answer)}, but ${describeAnswer(unknown)} for a made-up id (the refusal confirms the object exists)`];
}

async function checkTarget(w: MatrixWorld, method: string, rule: StaffRule, t: Target): Promise<string[]> {
  const failures: string[] = [];
  const at = `${t.label}`;
  const anonymous = await call(w, method, t.path, null, rule.body?.(w, t, w.principal('anonymous')) ?? null);
  if (anonymous.status !== 401) failures.push(`anonymous on ${at}: ${describeAnswer(anonymous)}, expected 401`);
  const signedIn = w.principals.filter((p) => p.cookie !== null);
  const denied = signedIn.filter((p) => !rule.allowed(p, t));
  // The target organisation's own members first: with positive 'first', theirs is the call that must pass.
  const insider = (p: Principal) => (t.orgKey !== null && isIn(p, t.orgKey) ? 0 : 1);
  const allowed = signedIn.filter((p) => rule.allowed(p, t)).sort((a, b) => insider(a) - insider(b));
  // Refusals first: they must change nothing, so the allowed calls after them see the world as built.
  for (const p of denied) {
    const answer = await call(w, method, t.path, p.cookie, rule.body?.(w, t, p) ?? null);
    if (!refused(answer)) failures.push(`${p.name} on ${at}: ${describeAnswer(answer)}, expected 403 forbidden or 404 not-found`);
    failures.push(...leaks(w, p, answer.text).map((what) => `${p.name} on ${at}: refusal names ${what}`));
    failures.push(...(await checkUndisclosed(w, method, rule, t, p, answer)));
  }
  for (const [i, p] of allowed.entries()) {
    const answer = await call(w, method, t.path, p.cookie, rule.body?.(w, t, p) ?? null);
    if ((rule.positive !== 'first' || i === 0) && !passedAuthorisation(answer)) failures.push(`${p.name} on ${at}: ${describeAnswer(answer)}, expected to be allowed`);
    if (rule.seesEverything?.(p) !== true) failures.push(...leaks(w, p, answer.text).map((what) => `${p.name} on ${at}: answer names ${what}`));
  }
  return failures;
}

/** Runs one route's row of the matrix; returns what went wrong, one line per cell. */
export async function checkRoute(w: MatrixWorld, key: string, rule: RouteRule): Promise<string[]> {
  const [method = '', pattern = ''] = key.split(' ');
  if (rule.kind === 'open') return checkOpen(w, method, pattern, rule);
  if (rule.kind === 'session') return checkSession(w, method, pattern, rule);
  const failures: string[] = [];
  for (const t of rule.targets(w)) failures.push(...(await checkTarget(w, method, rule, t)));
  return failures;
}

/** A confused-deputy call: refused by the domain or by authorisation (any 4xx but 401), and silent. */
export async function checkCrossCase(w: MatrixWorld, c: CrossCase): Promise<string[]> {
  const p = w.principal(c.principal);
  const answer = await call(w, c.method, c.path(w), p.cookie, c.body?.(w) ?? null);
  const failures = leaks(w, p, answer.text).map((what) => `${p.name}: answer names ${what}`);
  if (answer.status < 400 || answer.status >= 500 || answer.status === 401) failures.push(`${p.name}: ${describeAnswer(answer)}, expected a refusal`);
  return failures;
}

/** One plausible call of a route as `p`: its first target's path and body. */
export function sampleCall(w: MatrixWorld, key: string, rule: RouteRule, p: Principal): { readonly method: string; readonly path: string; readonly body: Body } {
  const [method = '', pattern = ''] = key.split(' ');
  if (rule.kind === 'open') return { method, path: rule.path ?? pattern, body: rule.body?.(w) ?? null };
  if (rule.kind === 'session') return { method, path: pattern, body: rule.body?.(w, p) ?? null };
  const [t] = rule.targets(w);
  if (t === undefined) throw new Error(`${key} has no target`);
  return { method, path: t.path, body: rule.body?.(w, t, p) ?? null };
}

/** The same call sent to another app over the same database (another configuration). */
export async function callApp(app: { request(url: string, init: RequestInit): Response | Promise<Response> }, call: ReturnType<typeof sampleCall>, cookie: string): Promise<Answer> {
  const headers = new Headers({ cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE });
  const init: RequestInit = { method: call.method, headers };
  if (call.body !== null && 'json' in call.body) {
    headers.set('content-type', 'application/json');
    init.body = JSON.stringify(call.body.json);
  } else if (call.body !== null) {
    headers.set('content-type', 'application/octet-stream');
    init.body = new Uint8Array(call.body.bytes);
  }
  return answerOf(await app.request(`http://kenekanko.test${call.path}`, init));
}
