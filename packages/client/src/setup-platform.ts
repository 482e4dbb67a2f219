/**
 * First setup (DESIGN §3), run in the browser's /setup page and by the setup CLI alike.
 * Every key pair is made here, on the person's machine; the server receives public keys,
 * signed documents and sealed or wrapped private keys only.
 *
 * Key grants made (layout in docs/crypto.md, "Key grants made by the client"):
 *   organisation keys  -> the coordinator (sealed) and the organisation recovery key (wrapped)
 *   coalition signing  -> the coordinator (sealed) and the coalition recovery key (wrapped)
 *   custodian key      -> the custodian recovery key (wrapped) only: no user may read identities yet
 * SECURITY: no server ever generates or sees a private key; the recovery keys are returned
 * to the caller to print, and exist nowhere else.
 */
import * as v from 'valibot';
import {
  PURPOSES,
  USER_SALT_LENGTH,
  derivePasswordKeys,
  ed25519KeyPair,
  generateRecoveryKey,
  randomBytes,
  toBase64Url,
  wrapKey,
  x25519KeyPair,
} from '@kenekanko/crypto';
import { LoginSchema, STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { DirectoryBody, KeyGrant, NewUser, QuestionnaireBody, SetupRequest } from '@kenekanko/contracts';
import type { ApiClient } from './api-client.ts';
import { ClientError } from './errors.ts';
import { userKeysContext } from './contexts.ts';
import { privateKeysBytes, sealGrant, wipeKeySet, wrapGrant } from './grants.ts';
import type { KeySet } from './grants.ts';
import { newId } from './ids.ts';
import { signDocument } from './signed-documents.ts';
import { custodianId } from './custodian.ts';

export type SetupInput = {
  readonly token: string;
  readonly organisationName: string;
  readonly login: string;
  readonly password: string;
  /** Seed the Mali authorities as keyless recipient organisations (default true). */
  readonly maliPreset?: boolean;
};

export type SetupResult = {
  readonly organisationId: string;
  readonly coordinatorId: string;
  /** Display strings to print and keep offline; they are nowhere else. */
  readonly recoveryKeys: { readonly user: string; readonly organisation: string; readonly coalition: string; readonly custodian: string };
};

/** SECURITY: the password protects the organisation's keys against whoever copies the database. */
export const MIN_PASSWORD_LENGTH = 12;
export const DEPLOYMENT_SALT_LENGTH = 16;
const KEY_VERSION = 1;

/** Every answer that is not a statistics field stays inside the answers envelope. */
export const QUESTIONNAIRE_V1_ENCRYPTED_FIELDS = [
  'communeId',
  'when',
  'institutionName',
  'amountFcfa',
  'description',
  'attachments',
  'identity',
  'consents',
  'language',
] as const;

type SetupKeys = { readonly org: KeySet; readonly user: KeySet; readonly coalition: KeySet['ed25519']; readonly custodian: KeySet['x25519'] };
type RecoveryKey = ReturnType<typeof generateRecoveryKey>;
type Recovery = { readonly user: RecoveryKey; readonly organisation: RecoveryKey; readonly coalition: RecoveryKey; readonly custodian: RecoveryKey };

function checkInput(input: SetupInput): string {
  const login = v.safeParse(LoginSchema, input.login);
  if (!login.success) throw new ClientError('bad-input', 'the login is not valid', { issues: ['login'] });
  if (input.organisationName.trim() === '') throw new ClientError('bad-input', 'the organisation needs a name', { issues: ['organisationName'] });
  if ([...input.password].length < MIN_PASSWORD_LENGTH) {
    throw new ClientError('bad-input', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, { issues: ['password'] });
  }
  return login.output;
}

function setupGrants(orgId: string, coordinatorId: string, keys: SetupKeys, recovery: Recovery): KeyGrant[] {
  const org = { objectType: 'organisation', objectId: orgId, keyKind: 'organisation', keyVersion: KEY_VERSION } as const;
  const coalition = { objectType: 'coalition', objectId: orgId, keyKind: 'coalition-signing', keyVersion: KEY_VERSION } as const;
  const custodianObject = custodianId(keys.custodian.publicKey);
  const toUser = { recipientType: 'user', recipientId: coordinatorId, recipientKeyVersion: KEY_VERSION } as const;
  const recoveryOf = (objectId: string) => ({ recipientType: 'recovery', recipientId: objectId, recipientKeyVersion: KEY_VERSION }) as const;
  const orgKeys = privateKeysBytes(keys.org);
  return [
    sealGrant({ ...org, ...toUser }, keys.user.x25519.publicKey, orgKeys),
    wrapGrant({ ...org, ...recoveryOf(orgId) }, recovery.organisation.bytes, orgKeys),
    sealGrant({ ...coalition, ...toUser }, keys.user.x25519.publicKey, keys.coalition.privateKey),
    wrapGrant({ ...coalition, ...recoveryOf(orgId) }, recovery.coalition.bytes, keys.coalition.privateKey),
    wrapGrant(
      { objectType: 'custodian', objectId: custodianObject, keyKind: 'custodian', keyVersion: KEY_VERSION, ...recoveryOf(custodianObject) },
      recovery.custodian.bytes,
      keys.custodian.privateKey,
    ),
  ];
}

/**
 * A new staff account's public record: Argon2id(password) gives the login key (sent) and the
 * wrapping key (kept) that wraps the user's private keys; the printed recovery key wraps them
 * too. Used by setup and by accepting an invitation (client orgs/invitations.ts).
 */
export async function newStaffUser(userId: string, login: string, password: string, keys: KeySet, recovery: RecoveryKey): Promise<NewUser> {
  const salt = randomBytes(USER_SALT_LENGTH);
  const { loginKey, wrappingKey } = await derivePasswordKeys(password, salt);
  const secret = privateKeysBytes(keys);
  const context = userKeysContext(userId, KEY_VERSION);
  try {
    return {
      userId,
      login,
      salt: toBase64Url(salt),
      loginKey: toBase64Url(loginKey),
      x25519Public: toBase64Url(keys.x25519.publicKey),
      ed25519Public: toBase64Url(keys.ed25519.publicKey),
      wrappedKeys: toBase64Url(wrapKey(wrappingKey, context, secret)),
      recoveryWrappedKeys: toBase64Url(wrapKey(recovery.bytes, context, secret)),
    };
  } finally {
    wrappingKey.fill(0);
    secret.fill(0);
  }
}

function documents(orgId: string, name: string, keys: SetupKeys): Pick<SetupRequest, 'directory' | 'questionnaire'> {
  const directory: DirectoryBody = {
    v: 1,
    version: 1,
    issuedAt: new Date().toISOString(),
    deploymentSalt: toBase64Url(randomBytes(DEPLOYMENT_SALT_LENGTH)),
    organisations: [
      {
        id: orgId,
        kind: 'coalition',
        name,
        x25519Public: toBase64Url(keys.org.x25519.publicKey),
        ed25519Public: toBase64Url(keys.org.ed25519.publicKey),
        keyVersion: KEY_VERSION,
      },
    ],
    routing: { defaultOrgId: orgId },
    custodian: { x25519Public: toBase64Url(keys.custodian.publicKey), keyVersion: KEY_VERSION },
  };
  const questionnaire: QuestionnaireBody = {
    v: 1,
    version: 1,
    statisticsFields: [...STATISTICS_FIELDS],
    encryptedFields: [...QUESTIONNAIRE_V1_ENCRYPTED_FIELDS],
  };
  return {
    directory: signDocument(PURPOSES.directory, directory, keys.coalition.privateKey),
    questionnaire: signDocument(PURPOSES.questionnaire, questionnaire, keys.coalition.privateKey),
  };
}

export async function setupPlatform(api: ApiClient, input: SetupInput): Promise<SetupResult> {
  const login = checkInput(input);
  const name = input.organisationName.trim();
  const orgId = newId();
  const coordinatorId = newId();
  const keys: SetupKeys = {
    org: { x25519: x25519KeyPair(), ed25519: ed25519KeyPair() },
    user: { x25519: x25519KeyPair(), ed25519: ed25519KeyPair() },
    coalition: ed25519KeyPair(),
    custodian: x25519KeyPair(),
  };
  const recovery: Recovery = {
    user: generateRecoveryKey(),
    organisation: generateRecoveryKey(),
    coalition: generateRecoveryKey(),
    custodian: generateRecoveryKey(),
  };
  try {
    const request: SetupRequest = {
      token: input.token.trim(),
      coalitionSigningPublic: toBase64Url(keys.coalition.publicKey),
      organisation: {
        id: orgId,
        name,
        x25519Public: toBase64Url(keys.org.x25519.publicKey),
        ed25519Public: toBase64Url(keys.org.ed25519.publicKey),
      },
      ...documents(orgId, name, keys),
      coordinator: await newStaffUser(coordinatorId, login, input.password, keys.user, recovery.user),
      grants: setupGrants(orgId, coordinatorId, keys, recovery),
      // The setup person is also the first administrator (someone must be able to invite).
      administrator: true,
      maliPreset: input.maliPreset ?? true,
    };
    const answer = await api.setup(request);
    return {
      organisationId: answer.organisationId,
      coordinatorId: answer.coordinatorId,
      recoveryKeys: {
        user: recovery.user.display,
        organisation: recovery.organisation.display,
        coalition: recovery.coalition.display,
        custodian: recovery.custodian.display,
      },
    };
  } finally {
    wipeKeySet(keys.org);
    wipeKeySet(keys.user);
    keys.coalition.privateKey.fill(0);
    keys.custodian.privateKey.fill(0);
    for (const key of Object.values(recovery)) key.bytes.fill(0);
  }
}
