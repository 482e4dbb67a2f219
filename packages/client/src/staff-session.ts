/**
 * Staff login (DESIGN §3): the password never leaves the browser. Argon2id(password, salt)
 * gives a login key (sent) and a wrapping key (kept) that unwraps the user's private keys,
 * which open the organisation key grants. Every key lives in memory only, for the session.
 */
import * as v from 'valibot';
import { derivePasswordKeys, fromBase64Url, toBase64Url, unwrapKey } from '@kenekanko/crypto';
import { LoginResponseSchema, LoginSchema, ROUTES } from '@kenekanko/contracts';
import type { AlertState, AlertSummary, DirectoryBody, MeResponse } from '@kenekanko/contracts';
import type { ApiClient } from './api-client.ts';
import { ClientError } from './errors.ts';
import { userKeysContext } from './contexts.ts';
import { parsePrivateKeys, wipeKeySet } from './grants.ts';
import type { KeySet } from './grants.ts';
import { openStaffAlert } from './opened-alert.ts';
import { openOrganisationKeys, verifiedKeyHistory } from './org-keyring.ts';
import type { OrgKeychain } from './org-keyring.ts';
import { withSecondFactor } from './security/second-factor.ts';
import type { SecondFactorInput } from './security/second-factor.ts';
import type { OpenedAlert } from './opened-alert.ts';
import { coalitionKey, verifyDirectory } from './signed-documents.ts';

/**
 * What the issue-3 areas' client modules need from a signed-in session: the API, the user's
 * own keys, the organisation keys this user was granted (by organisation id) and the verified
 * key directory. SECURITY: the keys live in memory only and are wiped at logout.
 */
export type StaffKeyring = OrgKeychain & {
  readonly user: KeySet;
  /** The current version of each organisation key (the one the signed directory lists). */
  readonly orgKeys: ReadonlyMap<string, KeySet>;
  readonly directory: DirectoryBody;
};

export type StaffSession = {
  readonly me: MeResponse;
  readonly api: ApiClient;
  readonly keyring: StaffKeyring;
  readonly listAlerts: (filter?: { readonly state?: AlertState }) => Promise<readonly AlertSummary[]>;
  readonly openAlert: (alertId: string) => Promise<OpenedAlert>;
  /**
   * Fetches /api/me again and opens the organisation key grants made since login with the
   * in-memory user key (no password needed). Returns the new session to use instead of this
   * one, whose organisation keys it wipes.
   */
  readonly reloadKeys: () => Promise<StaffSession>;
  readonly logout: () => Promise<void>;
};

function userKeys(me: MeResponse, wrappingKey: Uint8Array): KeySet {
  const secret = unwrapKey(wrappingKey, userKeysContext(me.user.id, me.user.keyVersion), fromBase64Url(me.user.wrappedKeys));
  try {
    return parsePrivateKeys(secret, me.user, 'the user keys');
  } finally {
    secret.fill(0);
  }
}

/**
 * The password step, then the second factor when the account has one: `options.totp` sends a
 * code at once; `options.askCode` is asked only when the server answers 'second-factor-required'
 * (and again after a wrong code), so the Argon2id work is done once. No session exists before
 * the server accepted both.
 */
async function sendLogin(api: ApiClient, login: string, loginKey: string, options: SecondFactorInput): Promise<void> {
  const send = (totp?: string) => api.withPow((pow) => api.transport.json('POST', ROUTES.authLogin, LoginResponseSchema, { json: { login, loginKey, totp, pow } }));
  await withSecondFactor(send, options);
}

export async function staffLogin(api: ApiClient, login: string, password: string, options: SecondFactorInput = {}): Promise<StaffSession> {
  const normalised = v.safeParse(LoginSchema, login);
  // A login the schema refuses cannot have an account: refuse it here, without a request.
  if (!normalised.success) throw new ClientError('bad-input', 'the login is not valid', { issues: ['login'] });
  const { salt } = await api.salt(normalised.output);
  const { loginKey, wrappingKey } = await derivePasswordKeys(password, fromBase64Url(salt));
  let user: KeySet;
  let me: MeResponse;
  try {
    await sendLogin(api, normalised.output, toBase64Url(loginKey), options);
    me = await api.me();
    user = userKeys(me, wrappingKey);
  } finally {
    loginKey.fill(0);
    wrappingKey.fill(0);
  }
  return openSession(api, me, user);
}

function wipeOrgKeys(keyring: { readonly orgKeys: Map<string, KeySet>; readonly orgKeyVersions: Map<string, Map<number, KeySet>> }): void {
  // Every version (the current ones are among them).
  for (const versions of keyring.orgKeyVersions.values()) for (const keys of versions.values()) wipeKeySet(keys);
  keyring.orgKeyVersions.clear();
  keyring.orgKeys.clear();
}

/** A session over `me`, with the organisation keys `user` opens. SECURITY: every grant is checked against the verified directory. */
function openSession(api: ApiClient, me: MeResponse, user: KeySet): StaffSession {
  const coalitionPublic = coalitionKey(me.coalitionSigningPublic, undefined);
  const directory = verifyDirectory(me.directory, coalitionPublic);
  const keyHistory = verifiedKeyHistory(me.keyHistory, coalitionPublic, directory);
  const { orgKeys, orgKeyVersions } = openOrganisationKeys(me, user, directory, keyHistory);
  const keyring = { user, orgKeys, orgKeyVersions, directory, keyHistory };
  return {
    me,
    api,
    keyring,
    listAlerts: (filter) => api.inbox(filter),
    openAlert: (alertId) => openStaffAlert(api, alertId, keyring),
    reloadKeys: async () => {
      const fresh = await api.me();
      // SECURITY: the in-memory user key opens only grants to this very user key; anything else needs a new login.
      if (fresh.user.id !== me.user.id || fresh.user.keyVersion !== me.user.keyVersion || fresh.user.x25519Public !== me.user.x25519Public) {
        throw new ClientError('missing-key', 'the account keys changed: sign in again');
      }
      const next = openSession(api, fresh, user);
      wipeOrgKeys(keyring);
      return next;
    },
    logout: async () => {
      try {
        await api.logout();
      } finally {
        wipeKeySet(user);
        wipeOrgKeys(keyring);
      }
    },
  };
}
