/**
 * Staff login (DESIGN §3): the password never leaves the browser. Argon2id(password, salt)
 * gives a login key (sent) and a wrapping key (kept) that unwraps the user's private keys,
 * which open the organisation key grants. Every key lives in memory only, for the session.
 */
import * as v from 'valibot';
import { derivePasswordKeys, fromBase64Url, toBase64Url, unwrapKey } from '@kenekanko/crypto';
import { LoginSchema } from '@kenekanko/contracts';
import type { AlertState, AlertSummary, DirectoryBody, MeResponse } from '@kenekanko/contracts';
import type { ApiClient } from './api-client.ts';
import { ClientError } from './errors.ts';
import { userKeysContext } from './contexts.ts';
import { openGrant, parsePrivateKeys, wipeKeySet } from './grants.ts';
import type { KeySet } from './grants.ts';
import { openStaffAlert } from './opened-alert.ts';
import type { OpenedAlert } from './opened-alert.ts';
import { coalitionKey, verifyDirectory } from './signed-documents.ts';
import { directoryOrganisation } from './trusted-intake.ts';

/**
 * What the issue-3 areas' client modules need from a signed-in session: the API, the user's
 * own keys, the organisation keys this user was granted (by organisation id) and the verified
 * key directory. SECURITY: the keys live in memory only and are wiped at logout.
 */
export type StaffKeyring = {
  readonly user: KeySet;
  readonly orgKeys: ReadonlyMap<string, KeySet>;
  readonly directory: DirectoryBody;
};

export type StaffSession = {
  readonly me: MeResponse;
  readonly api: ApiClient;
  readonly keyring: StaffKeyring;
  readonly listAlerts: (filter?: { readonly state?: AlertState }) => Promise<readonly AlertSummary[]>;
  readonly openAlert: (alertId: string) => Promise<OpenedAlert>;
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

/** Opens every organisation key granted to this user, checked against the signed directory. */
function organisationKeys(me: MeResponse, user: KeySet, directory: DirectoryBody): Map<string, KeySet> {
  const keys = new Map<string, KeySet>();
  for (const membership of me.memberships) {
    const grant = membership.orgKeyGrant;
    if (grant === null) continue;
    const expected =
      grant.objectType === 'organisation' &&
      grant.objectId === membership.orgId &&
      grant.keyKind === 'organisation' &&
      grant.recipientType === 'user' &&
      grant.recipientId === me.user.id;
    if (!expected) throw new ClientError('missing-key', 'an organisation key grant is not addressed to this user');
    const secret = openGrant(grant, user.x25519.privateKey);
    try {
      keys.set(membership.orgId, parsePrivateKeys(secret, directoryOrganisation(directory, membership.orgId), 'the organisation keys'));
    } finally {
      secret.fill(0);
    }
  }
  return keys;
}

export async function staffLogin(api: ApiClient, login: string, password: string): Promise<StaffSession> {
  const normalised = v.safeParse(LoginSchema, login);
  // A login the schema refuses cannot have an account: refuse it here, without a request.
  if (!normalised.success) throw new ClientError('bad-input', 'the login is not valid', { issues: ['login'] });
  const { salt } = await api.salt(normalised.output);
  const { loginKey, wrappingKey } = await derivePasswordKeys(password, fromBase64Url(salt));
  let user: KeySet;
  let me: MeResponse;
  try {
    await api.login(normalised.output, toBase64Url(loginKey));
    me = await api.me();
    user = userKeys(me, wrappingKey);
  } finally {
    loginKey.fill(0);
    wrappingKey.fill(0);
  }
  const directory = verifyDirectory(me.directory, coalitionKey(me.coalitionSigningPublic, undefined));
  const orgKeys = organisationKeys(me, user, directory);
  return {
    me,
    api,
    keyring: { user, orgKeys, directory },
    listAlerts: (filter) => api.inbox(filter),
    openAlert: (alertId) => openStaffAlert(api, alertId, orgKeys),
    logout: async () => {
      try {
        await api.logout();
      } finally {
        wipeKeySet(user);
        for (const keys of orgKeys.values()) wipeKeySet(keys);
        orgKeys.clear();
      }
    },
  };
}
