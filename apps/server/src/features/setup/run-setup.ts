/**
 * First start: turns a fresh deployment into one with a coalition organisation, its first
 * coordinator and the signed directory and questionnaire (all made in the coordinator's
 * browser or the CLI). The one-time token proves the caller read the server's console.
 *
 * SECURITY: the server receives only public keys, wrapped or sealed private keys and a hash
 * input for the login; it never holds a key that opens anything, not even during setup.
 */
import { DirectoryBodySchema, QuestionnaireBodySchema } from '@kenekanko/contracts';
import type { DirectoryBody, SetupRequest } from '@kenekanko/contracts';
import { equalBytes, fromHex, hashLoginKey, PURPOSES, sha256, toBase64Url, toHex, USER_SALT_LENGTH, utf8Encode } from '@kenekanko/crypto';
import { AppError } from '../../http/app-error.ts';
import type { AuditLog } from '../shared/audit.ts';
import { decodeBase64Url } from '../shared/decode.ts';
import { newId } from '../shared/ids.ts';
import { SETTING_KEYS } from '../shared/records.ts';
import type { DirectoryRepo, GrantRecord, MembershipRecord, OrganisationRecord, SettingKey, SignedVersion, UserRecord } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { MALI_PRESET } from '../orgs/mali-preset.ts';
import type { OrgRepo } from '../orgs/ports.ts';
import { verifySignedDocument } from './signed-documents.ts';

/** Port: the writes of a setup, all inside one transaction. */
export type SetupWrites = {
  /** Locks a setting's row until the transaction ends (two setups at once run one after the other). */
  lockSetting(key: SettingKey): Promise<void>;
  insertOrganisation(org: OrganisationRecord, now: Date): Promise<void>;
  insertUser(user: UserRecord, now: Date): Promise<void>;
  insertMembership(membership: MembershipRecord, now: Date): Promise<void>;
  insertGrants(grants: readonly GrantRecord[], now: Date): Promise<void>;
  insertDirectory(doc: SignedVersion, now: Date): Promise<void>;
  insertQuestionnaire(doc: SignedVersion, now: Date): Promise<void>;
  putSetting(key: SettingKey, value: string): Promise<void>;
  deleteSetting(key: SettingKey): Promise<void>;
};

export type SetupRepos = { readonly directory: DirectoryRepo; readonly setup: SetupWrites; readonly audit: AuditLog; readonly orgs: OrgRepo };

export type SetupResult = { readonly organisationId: string; readonly coordinatorId: string };

export async function needsSetup(directory: DirectoryRepo): Promise<boolean> {
  return (await directory.organisationCount()) === 0;
}

/** The hex SHA-256 that settings keep for a setup token (the token itself is never stored). */
export function setupTokenHash(token: string): string {
  return toHex(sha256(utf8Encode(token)));
}

async function checkToken(directory: DirectoryRepo, token: string): Promise<void> {
  const stored = await directory.setting(SETTING_KEYS.setupTokenHash);
  if (stored === undefined || !/^[0-9a-f]{64}$/.test(stored)) throw new AppError('setup-token-invalid');
  let presented: Uint8Array;
  try {
    presented = sha256(utf8Encode(token));
  } catch {
    throw new AppError('setup-token-invalid'); // not encodable (a lone surrogate): not our token
  }
  // SECURITY: constant-time comparison, so timing does not reveal how much of a guess matched.
  if (!equalBytes(presented, fromHex(stored))) throw new AppError('setup-token-invalid');
}

const hasControlCharacter = (text: string): boolean => [...text].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f');

function checkDirectory(body: DirectoryBody, request: SetupRequest): void {
  const org = request.organisation;
  const listed = body.organisations.find((o) => o.id === org.id);
  const matches =
    listed !== undefined &&
    listed.kind === 'coalition' &&
    listed.name === org.name &&
    listed.x25519Public === org.x25519Public &&
    listed.ed25519Public === org.ed25519Public &&
    listed.keyVersion === 1;
  const issues = [
    // SECURITY (and PostgreSQL): control characters in a name could hide text or break storage.
    ...(hasControlCharacter(org.name) ? ['organisation.name'] : []),
    ...(body.version === 1 ? [] : ['directory.body.version']),
    ...(body.routing.defaultOrgId === org.id ? [] : ['directory.body.routing.defaultOrgId']),
    ...(matches ? [] : ['directory.body.organisations']),
  ];
  if (issues.length > 0) throw new AppError('validation-failed', { issues });
}

/** Setup grants go to the new coordinator, the organisation or an offline recipient, nothing else. */
function checkGrants(request: SetupRequest): readonly GrantRecord[] {
  const seen = new Set<string>();
  return request.grants.map((grant, i) => {
    const recipientOk =
      (grant.recipientType === 'user' && grant.recipientId === request.coordinator.userId) ||
      (grant.recipientType === 'organisation' && grant.recipientId === request.organisation.id) ||
      grant.recipientType === 'recovery' ||
      grant.recipientType === 'custodian';
    const key = [grant.objectType, grant.objectId, grant.keyKind, grant.keyVersion, grant.recipientType, grant.recipientId].join('|');
    if (!recipientOk || grant.objectType === 'alert' || seen.has(key)) {
      throw new AppError('validation-failed', { issues: [`grants.${i}`] });
    }
    seen.add(key);
    return { ...grant, id: newId() };
  });
}

function coordinatorRecord(request: SetupRequest): UserRecord {
  const c = request.coordinator;
  if (decodeBase64Url(c.salt, 'coordinator.salt').length !== USER_SALT_LENGTH) {
    throw new AppError('validation-failed', { issues: ['coordinator.salt'] });
  }
  return {
    id: c.userId,
    login: c.login,
    salt: c.salt,
    loginKeyHash: toBase64Url(hashLoginKey(decodeBase64Url(c.loginKey, 'coordinator.loginKey'))),
    x25519Public: c.x25519Public,
    ed25519Public: c.ed25519Public,
    keyVersion: 1,
    wrappedKeys: c.wrappedKeys,
    recoveryWrappedKeys: c.recoveryWrappedKeys,
    disabled: false,
  };
}

/**
 * orgs (issue 3): the setup person may also be the platform's first administrator (someone
 * must be able to invite), and the Mali authorities may be seeded, without keys: each one's
 * keys are made later in its first liaison's browser, and signed into the directory.
 */
async function setupExtras(repos: SetupRepos, request: SetupRequest, coordinatorId: string, now: Date): Promise<void> {
  if (request.administrator === true) {
    await repos.setup.insertMembership({ id: newId(), userId: coordinatorId, orgId: request.organisation.id, role: 'administrator' }, now);
  }
  if (request.maliPreset !== true) return;
  for (const entry of MALI_PRESET) await repos.orgs.insertOrganisation({ id: newId(), kind: 'authority', name: entry.name, preset: entry.preset }, now);
  await repos.audit.append({ actorId: coordinatorId, action: 'add-preset', objectType: 'organisation', objectId: null, details: { preset: 'mali', added: MALI_PRESET.length } }, now);
}

export async function runSetup(storage: Storage<SetupRepos>, request: SetupRequest, now: Date): Promise<SetupResult> {
  return storage.transaction(async (repos) => {
    const { directory, setup, audit } = repos;
    await setup.lockSetting(SETTING_KEYS.setupTokenHash);
    if (!(await needsSetup(directory))) throw new AppError('setup-done');
    await checkToken(directory, request.token);

    const coalitionKey = decodeBase64Url(request.coalitionSigningPublic, 'coalitionSigningPublic');
    const dirBody = verifySignedDocument(PURPOSES.directory, request.directory, coalitionKey, DirectoryBodySchema, 'directory');
    const qBody = verifySignedDocument(PURPOSES.questionnaire, request.questionnaire, coalitionKey, QuestionnaireBodySchema, 'questionnaire');
    checkDirectory(dirBody, request);
    if (qBody.version !== 1) throw new AppError('validation-failed', { issues: ['questionnaire.body.version'] });
    const grants = checkGrants(request);
    const coordinator = coordinatorRecord(request);
    const org = request.organisation;

    await setup.insertOrganisation({ ...org, kind: 'coalition', keyVersion: 1 }, now);
    await setup.insertUser(coordinator, now);
    await setup.insertMembership({ id: newId(), userId: coordinator.id, orgId: org.id, role: 'coordinator' }, now);
    await setup.insertGrants(grants, now);
    await setup.insertDirectory({ version: 1, ...request.directory }, now);
    await setup.insertQuestionnaire({ version: 1, ...request.questionnaire }, now);
    await setup.putSetting(SETTING_KEYS.coalitionSigningPublic, request.coalitionSigningPublic);
    await setup.putSetting(SETTING_KEYS.custodianPublic, dirBody.custodian.x25519Public);
    await setup.putSetting(SETTING_KEYS.deploymentSalt, dirBody.deploymentSalt);
    await setup.deleteSetting(SETTING_KEYS.setupTokenHash);
    await audit.append({ actorId: coordinator.id, action: 'setup', objectType: 'organisation', objectId: org.id, details: { grants: grants.length } }, now);
    await setupExtras(repos, request, coordinator.id, now);
    return { organisationId: org.id, coordinatorId: coordinator.id };
  });
}

/** Used at start-up: a fresh random token whose hash replaces any earlier one. */
export async function issueSetupToken(
  storage: Storage<{ readonly directory: DirectoryRepo; readonly setup: SetupWrites }>,
  token: string,
): Promise<void> {
  await storage.transaction(async ({ setup }) => setup.putSetting(SETTING_KEYS.setupTokenHash, setupTokenHash(token)));
}
