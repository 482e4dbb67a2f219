/**
 * Per-organisation forwarding settings: whether the organisation is named to reporters in
 * their follow-up (default: not named, "the competent authority"). An administrator of the
 * organisation or of the coalition, or the organisation's coordinator, changes it.
 */
import type { ForwardingSettings } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { Storage } from '../shared/storage.ts';
import type { ForwardingDeps } from './ports.ts';

async function access(repos: ForwardingDeps, userId: string, orgId: string): Promise<'edit' | 'read'> {
  const memberships = await repos.accounts.membershipsOf(userId);
  const coalitionAdmin = memberships.some((m) => m.orgKind === 'coalition' && m.role === 'administrator');
  const own = memberships.filter((m) => m.orgId === orgId);
  if (coalitionAdmin || own.some((m) => m.role === 'administrator' || m.role === 'coordinator')) {
    if ((await repos.directory.organisation(orgId)) === undefined) throw new AppError('not-found');
    return 'edit';
  }
  if (own.length > 0) return 'read';
  throw new AppError('not-found');
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
