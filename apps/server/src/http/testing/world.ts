/**
 * A populated deployment for the case-desk tests (issue 3): after a real setup, organisations
 * of every kind with real key pairs, members with real user keys and organisation key grants
 * sealed to them, and the key directory re-signed by the coalition key. Rows are written
 * directly (the invitation flows have their own tests); everything a browser would check is
 * real, so @kenekanko/client can log in and open what these members were granted.
 *
 * Only tests import this.
 */
import { ROUTES } from '@kenekanko/contracts';
import type { OrganisationKind, Role } from '@kenekanko/contracts';
import {
  canonicalJson,
  derivePasswordKeys,
  generateRecoveryKey,
  hashLoginKey,
  PURPOSES,
  randomBytes,
  signStatement,
  toBase64Url,
  USER_SALT_LENGTH,
  wrapKey,
} from '@kenekanko/crypto';
import { newKeySet, privateKeysBytes, sealGrant, userKeysContext } from '@kenekanko/client';
import type { KeySet } from '@kenekanko/client';
import { newId } from '../../features/shared/ids.ts';
import { deriveTotpKey, totpCode } from '../../features/security/index.ts';
import { newTotpSecret, sealTotpSecret } from '../../features/security/totp.ts';
import type { Deployment } from './flows.ts';
import { logIn, setUp } from './flows.ts';
import type { Harness } from './harness.ts';

const b64 = toBase64Url;

export type WorldOrg = { readonly id: string; readonly kind: OrganisationKind; readonly name: string; readonly keys: KeySet; readonly keyVersion: number };

export type WorldMember = {
  readonly userId: string;
  readonly login: string;
  readonly role: Role;
  readonly orgId: string;
  readonly keys: KeySet;
  /** Only when the member was made with a password (a real Argon2id derivation, about a second). */
  readonly password: string | null;
  readonly loginKey: string;
  /** The printed recovery key that wraps this member's private keys (as typed by a person). */
  readonly recoveryKey: string;
  /** The member's TOTP secret when made with `{ totp: true }`, else null. */
  readonly totpSecret: Uint8Array | null;
  /** A valid code for `at` (default: the harness clock); throws without `{ totp: true }`. */
  totpCode(at?: Date): string;
  /**
   * A fresh session's Cookie header value. With TOTP, it sends a current code after rewinding
   * the replay guard, so a test may sign in several times at one instant (replay has its own tests).
   */
  logIn(): Promise<string>;
};

export type MemberOptions = {
  /** Seal the organisation's private keys to the member (default: every role but administrator and focal point). */
  readonly grantOrgKey?: boolean;
  /** Make the login real for @kenekanko/client (staffLogin); otherwise the login key is random. */
  readonly password?: string;
  readonly login?: string;
  /** Add a membership to an existing member's account instead of a new user. */
  readonly user?: WorldMember;
  /** Enrol an active TOTP second factor with a known secret (see WorldMember.totpCode). */
  readonly totp?: boolean;
};

export type World = {
  readonly h: Harness;
  readonly deployment: Deployment;
  /** The coalition organisation made by setup (its keys are the deployment's). */
  readonly coalition: WorldOrg;
  readonly orgs: readonly WorldOrg[];
  /** A new organisation; listed in a freshly signed directory unless `inDirectory` is false. */
  addOrg(kind: OrganisationKind, name: string, options?: { readonly inDirectory?: boolean }): Promise<WorldOrg>;
  addMember(org: WorldOrg, role: Role, options?: MemberOptions): Promise<WorldMember>;
  /** Signs and stores the next directory version listing `orgs` (the coalition key signs). */
  signDirectory(): Promise<number>;
};

const ROLES_WITHOUT_ORG_KEY: readonly Role[] = ['administrator', 'focal-point'];

async function insertOrg(h: Harness, org: WorldOrg): Promise<void> {
  await h.db
    .insertInto('organisations')
    .values({
      id: org.id,
      kind: org.kind,
      name: org.name,
      x25519_public: b64(org.keys.x25519.publicKey),
      ed25519_public: b64(org.keys.ed25519.publicKey),
      key_version: org.keyVersion,
      created_at: h.now().toISOString(),
    })
    .execute();
}

async function userCredentials(userId: string, keys: KeySet, password: string | undefined) {
  const salt = randomBytes(USER_SALT_LENGTH);
  const secret = privateKeysBytes(keys);
  if (password === undefined) {
    const loginKey = randomBytes(32);
    return { salt, loginKey, wrappedKeys: wrapKey(randomBytes(32), userKeysContext(userId, 1), secret) };
  }
  const derived = await derivePasswordKeys(password, salt);
  return { salt, loginKey: derived.loginKey, wrappedKeys: wrapKey(derived.wrappingKey, userKeysContext(userId, 1), secret) };
}

async function insertUser(h: Harness, userId: string, login: string, keys: KeySet, password: string | undefined): Promise<{ loginKey: string; recoveryKey: string }> {
  const { salt, loginKey, wrappedKeys } = await userCredentials(userId, keys, password);
  const recovery = generateRecoveryKey();
  await h.db
    .insertInto('users')
    .values({
      id: userId,
      login,
      salt: b64(salt),
      login_key_hash: b64(hashLoginKey(loginKey)),
      x25519_public: b64(keys.x25519.publicKey),
      ed25519_public: b64(keys.ed25519.publicKey),
      key_version: 1,
      wrapped_keys: b64(wrappedKeys),
      recovery_wrapped_keys: b64(wrapKey(recovery.bytes, userKeysContext(userId, 1), privateKeysBytes(keys))),
      disabled: 0,
      created_at: h.now().toISOString(),
    })
    .execute();
  return { loginKey: b64(loginKey), recoveryKey: recovery.display };
}

async function enrolTotp(h: Harness, userId: string): Promise<Uint8Array> {
  const secret = newTotpSecret();
  const envelope = b64(sealTotpSecret(deriveTotpKey(h.secrets.serverSecret), userId, secret));
  const at = h.now().toISOString();
  await h.db
    .insertInto('second_factors')
    .values({ user_id: userId, method: 'totp', state: 'active', secret_envelope: envelope, last_step: 0, failed_count: 0, created_at: at, enrolled_at: at })
    .execute();
  return secret;
}

async function grantOrgKey(h: Harness, org: WorldOrg, userId: string, userKeys: KeySet): Promise<void> {
  const grant = sealGrant(
    { objectType: 'organisation', objectId: org.id, keyKind: 'organisation', keyVersion: org.keyVersion, recipientType: 'user', recipientId: userId, recipientKeyVersion: 1 },
    userKeys.x25519.publicKey,
    privateKeysBytes(org.keys),
  );
  await h.db
    .insertInto('key_grants')
    .values({
      id: newId(),
      object_type: grant.objectType,
      object_id: grant.objectId,
      key_kind: grant.keyKind,
      key_version: grant.keyVersion,
      recipient_type: grant.recipientType,
      recipient_id: grant.recipientId,
      recipient_key_version: grant.recipientKeyVersion,
      sealed_key: grant.sealedKey,
      created_at: h.now().toISOString(),
    })
    .execute();
}

/** The coalition org of a deployment made by flows.setUp: its real key pairs are the deployment's. */
function coalitionOf(d: Deployment): WorldOrg {
  return { id: d.orgId, kind: 'coalition', name: 'COSCLCCP', keys: { x25519: d.orgX25519, ed25519: d.orgEd25519 }, keyVersion: 1 };
}

export async function createWorld(h: Harness, deployment?: Deployment): Promise<World> {
  const d = deployment ?? (await setUp(h));
  const coalition = coalitionOf(d);
  const orgs: WorldOrg[] = [coalition];

  const signDirectory = async (): Promise<number> => {
    const latest = await h.db.selectFrom('directory_versions').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = Number(latest?.v ?? 0) + 1;
    const first = await h.db.selectFrom('directory_versions').select('body').where('version', '=', 1).executeTakeFirstOrThrow();
    const base = JSON.parse(first.body) as { deploymentSalt: string; custodian: { x25519Public: string; keyVersion: number } };
    const body = {
      v: 1,
      version,
      issuedAt: h.now().toISOString(),
      deploymentSalt: base.deploymentSalt,
      organisations: orgs.map((o) => ({ id: o.id, kind: o.kind, name: o.name, x25519Public: b64(o.keys.x25519.publicKey), ed25519Public: b64(o.keys.ed25519.publicKey), keyVersion: o.keyVersion })),
      routing: { defaultOrgId: coalition.id },
      custodian: base.custodian,
    };
    const signature = b64(signStatement(PURPOSES.directory, body, d.coalition.privateKey));
    await h.db.insertInto('directory_versions').values({ version, body: canonicalJson(body), signature, created_at: h.now().toISOString() }).execute();
    return version;
  };

  const addOrg: World['addOrg'] = async (kind, name, options = {}) => {
    const org: WorldOrg = { id: newId(), kind, name, keys: newKeySet(), keyVersion: 1 };
    await insertOrg(h, org);
    orgs.push(org);
    if (options.inDirectory ?? true) await signDirectory();
    return org;
  };

  const addMember: World['addMember'] = async (org, role, options = {}) => {
    const existing = options.user;
    const userId = existing?.userId ?? newId();
    const login = existing?.login ?? options.login ?? `${role}.${userId.slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}@test.ml`;
    const keys = existing?.keys ?? newKeySet();
    const credentials = existing === undefined ? await insertUser(h, userId, login, keys, options.password) : existing;
    const { loginKey, recoveryKey } = credentials;
    await h.db.insertInto('memberships').values({ id: newId(), user_id: userId, org_id: org.id, role, created_at: h.now().toISOString() }).execute();
    if (options.grantOrgKey ?? !ROLES_WITHOUT_ORG_KEY.includes(role)) await grantOrgKey(h, org, userId, keys);
    const totpSecret = existing?.totpSecret ?? (options.totp === true ? await enrolTotp(h, userId) : null);
    const code = (at: Date = h.now()): string => {
      if (totpSecret === null) throw new Error('this member has no TOTP (make it with { totp: true })');
      return totpCode(totpSecret, at);
    };
    const signIn = async (): Promise<string> => {
      if (totpSecret === null) return logIn(h, login, loginKey);
      await h.db.updateTable('second_factors').set({ last_step: 0 }).where('user_id', '=', userId).execute();
      return logIn(h, login, loginKey, code());
    };
    const password = existing?.password ?? options.password ?? null;
    return { userId, login, role, orgId: org.id, keys, password, loginKey, recoveryKey, totpSecret, totpCode: code, logIn: signIn };
  };

  return { h, deployment: d, coalition, orgs, addOrg, addMember, signDirectory };
}

/** GET /api/me for a cookie, parsed loosely (tests assert on what they need). */
export async function meOf(h: Harness, cookie: string): Promise<unknown> {
  const response = await h.request('GET', ROUTES.me, { cookie });
  return response.json();
}
