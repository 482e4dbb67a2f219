/**
 * Organisations: the list an administrator or member sees, creation and renaming (platform
 * administrators), and the Mali preset. An organisation is created WITHOUT keys (key version
 * 0): no server ever makes a key pair; the first key-holding member's browser does.
 */
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { CreateOrganisationRequest, DirectoryBody, OrgKeyStatus, OrganisationView } from '@kenekanko/contracts';
import * as v from 'valibot';
import { AppError } from '../../http/app-error.ts';
import { newId } from '../shared/ids.ts';
import type { DirectoryRepo } from '../shared/records.ts';
import type { Storage } from '../shared/storage.ts';
import { accessOf, requirePlatformAdministrator } from './access.ts';
import { MALI_PRESET } from './mali-preset.ts';
import type { OrgRecord, OrgsDeps } from './ports.ts';

export async function latestDirectoryBody(directory: DirectoryRepo): Promise<{ readonly version: number; readonly body: DirectoryBody }> {
  const latest = await directory.latestDirectory();
  if (latest === undefined) throw new AppError('not-set-up');
  return { version: latest.version, body: v.parse(DirectoryBodySchema, JSON.parse(latest.body)) };
}

export function keyStatusOf(org: OrgRecord, directory: DirectoryBody): OrgKeyStatus {
  if (org.keyVersion === 0) return 'none';
  const listed = directory.organisations.find((o) => o.id === org.id);
  const same =
    listed !== undefined &&
    listed.kind === org.kind &&
    listed.name === org.name &&
    listed.keyVersion === org.keyVersion &&
    listed.x25519Public === org.x25519Public &&
    listed.ed25519Public === org.ed25519Public;
  return same ? 'signed' : 'unsigned';
}

const view = (org: OrgRecord, directory: DirectoryBody): OrganisationView => ({
  id: org.id,
  kind: org.kind,
  name: org.name,
  keyVersion: org.keyVersion,
  keyStatus: keyStatusOf(org, directory),
  preset: org.preset,
  memberCount: org.memberCount,
});

/** Platform administrators see every organisation; anyone else the ones they belong to. */
export async function listOrganisations(repos: OrgsDeps, userId: string): Promise<{ organisations: OrganisationView[]; platformAdministrator: boolean }> {
  const access = await accessOf(repos.accounts, userId);
  const mine = new Set(access.memberships.map((m) => m.orgId));
  const [all, latest] = await Promise.all([repos.orgs.listOrganisations(), latestDirectoryBody(repos.directory)]);
  const visible = all.filter((org) => access.platformAdministrator || mine.has(org.id));
  return { organisations: visible.map((org) => view(org, latest.body)), platformAdministrator: access.platformAdministrator };
}

/** One spelling per visible name: NFC, then case-folded (the schema already NFC-normalises input). */
export const nameKey = (name: string): string => name.normalize('NFC').toLowerCase();

/** SECURITY: no second "OCLEI": an analyst chooses a recipient by its name. */
async function requireFreeName(repos: OrgsDeps, name: string, exceptOrgId: string | null): Promise<void> {
  const key = nameKey(name);
  const taken = (await repos.orgs.listOrganisations()).some((org) => org.id !== exceptOrgId && nameKey(org.name) === key);
  if (taken) throw new AppError('organisation-name-taken');
}

export async function createOrganisation(storage: Storage<OrgsDeps>, userId: string, request: CreateOrganisationRequest, now: Date): Promise<{ orgId: string }> {
  return storage.transaction(async (repos) => {
    requirePlatformAdministrator(await accessOf(repos.accounts, userId));
    await requireFreeName(repos, request.name, null);
    const orgId = newId();
    await repos.orgs.insertOrganisation({ id: orgId, kind: request.kind, name: request.name, preset: null }, now);
    await repos.audit.append({ actorId: userId, action: 'create-organisation', objectType: 'organisation', objectId: orgId, details: { kind: request.kind } }, now);
    return { orgId };
  });
}

/** A rename changes what the directory lists: the organisation waits for a new signature. */
export async function renameOrganisation(storage: Storage<OrgsDeps>, userId: string, orgId: string, name: string, now: Date): Promise<void> {
  await storage.transaction(async (repos) => {
    requirePlatformAdministrator(await accessOf(repos.accounts, userId));
    const org = await repos.orgs.lockOrganisation(orgId);
    if (org === undefined) throw new AppError('not-found');
    if (org.name === name) return;
    await requireFreeName(repos, name, orgId);
    await repos.orgs.renameOrganisation(orgId, name);
    await repos.audit.append({ actorId: userId, action: 'rename-organisation', objectType: 'organisation', objectId: orgId, details: {} }, now);
  });
}

/** Idempotent: adds the preset's authorities that are missing (renamed ones count as present, and so does an organisation already bearing the name). */
export async function addMaliPreset(storage: Storage<OrgsDeps>, userId: string | null, now: Date): Promise<{ added: string[] }> {
  return storage.transaction(async (repos) => {
    if (userId !== null) requirePlatformAdministrator(await accessOf(repos.accounts, userId));
    const existing = await repos.orgs.listOrganisations();
    const present = new Set(existing.map((org) => org.preset));
    const names = new Set(existing.map((org) => nameKey(org.name)));
    const added: string[] = [];
    for (const entry of MALI_PRESET) {
      if (present.has(entry.preset) || names.has(nameKey(entry.name))) continue;
      const id = newId();
      await repos.orgs.insertOrganisation({ id, kind: 'authority', name: entry.name, preset: entry.preset }, now);
      added.push(id);
    }
    await repos.audit.append({ actorId: userId, action: 'add-preset', objectType: 'organisation', objectId: null, details: { preset: 'mali', added: added.length } }, now);
    return { added };
  });
}
