/**
 * Per-organisation forwarding settings: whether the organisation is named to reporters in
 * their follow-up (default: not named, "the competent authority"). An administrator of the
 * organisation or of the coalition, or the organisation's coordinator, changes it; its analysts,
 * liaisons and journalists read it; its focal points and custodians get 'forbidden'.
 */
import type { ForwardingSettings, Role } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import type { ForwardingDeps } from './ports.ts';

/** Who reads the setting without changing it: the members who see or send its forwardings. */
const READER_ROLES: readonly Role[] = ['analyst', 'authority-liaison', 'journalist'];

async function access(repos: ForwardingDeps, userId: string, orgId: string): Promise<'edit' | 'read'> {
  const memberships = await repos.accounts.membershipsOf(userId);
  const coalitionAdmin = memberships.some((m) => m.orgKind === 'coalition' && m.role === 'administrator');
  const own = memberships.filter((m) => m.orgId === orgId);
  if (coalitionAdmin || own.some((m) => m.role === 'administrator' || m.role === 'coordinator')) {
    if ((await repos.directory.organisation(orgId)) === undefined) throw new AppError('not-found');
    return 'edit';
  }
  if (own.length === 0) throw new AppError('not-found');
  // SECURITY (least knowledge): a focal point or a custodian has no use for how the organisation is named to reporters.
  if (own.some((m) => READER_ROLES.includes(m.role))) return 'read';
  throw new AppError('forbidden');
}

export async function forwardingSettings(repos: ForwardingDeps, userId: string, orgId: string): Promise<ForwardingSettings> {
  await access(repos, userId, orgId);
  return { nameToReporter: (await repos.forwarding.nameToReporter([orgId])).has(orgId) };
}

export async function changeForwardingSettings(storage: Storage<ForwardingDeps>, userId: string, orgId: string, settings: ForwardingSettings, now: Date): Promise<ForwardingSettings> {
  return storage.transaction(async (repos) => {
    if ((await access(repos, userId, orgId)) !== 'edit') throw new AppError('forbidden');
    await repos.forwarding.setNameToReporter(orgId, settings.nameToReporter, userId, now.toISOString());
    await repos.audit.append({ actorId: userId, action: 'forwarding-settings', objectType: 'organisation', objectId: orgId, details: { nameToReporter: settings.nameToReporter } }, now);
    return settings;
  });
}
