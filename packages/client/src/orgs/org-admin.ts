/** Organisations and members, as an administrator's browser manages them (no key is involved). */
import * as v from 'valibot';
import {
  CreateOrganisationResponseSchema,
  MembersResponseSchema,
  ORGS_ROUTES,
  OrganisationListResponseSchema,
  PresetResponseSchema,
} from '@kenekanko/contracts';
import type { MemberView } from '@kenekanko/contracts';
import type { StaffSession } from '../staff-session.ts';
import { id } from '../path-params.ts';

type Session = Pick<StaffSession, 'api'>;
export type OrganisationList = v.InferOutput<typeof OrganisationListResponseSchema>;

const RemovalSchema = v.strictObject({ grantsRemoved: v.number(), rotationAdvised: v.boolean() });
export type RemovalResult = v.InferOutput<typeof RemovalSchema>;

export const listOrganisations = (s: Session): Promise<OrganisationList> => s.api.transport.json('GET', ORGS_ROUTES.orgs, OrganisationListResponseSchema);

export async function createOrganisation(s: Session, input: { readonly kind: 'cso' | 'authority' | 'media'; readonly name: string }): Promise<string> {
  return (await s.api.transport.json('POST', ORGS_ROUTES.orgs, CreateOrganisationResponseSchema, { json: input })).orgId;
}

export async function renameOrganisation(s: Session, orgId: string, name: string): Promise<void> {
  await s.api.transport.empty('PATCH', ORGS_ROUTES.org(id(orgId)), { json: { name } });
}

/** Idempotent: returns the ids of the authorities it added (none the second time). */
export async function addMaliPreset(s: Session): Promise<readonly string[]> {
  return (await s.api.transport.json('POST', ORGS_ROUTES.maliPreset, PresetResponseSchema, { json: {} })).added;
}

export async function listMembers(s: Session, orgId: string): Promise<readonly MemberView[]> {
  return (await s.api.transport.json('GET', ORGS_ROUTES.members(id(orgId)), MembersResponseSchema)).members;
}

/** Removes the membership (and the person's organisation key grants); rotate the key afterwards when `rotationAdvised`. */
export async function removeMember(s: Session, orgId: string, membershipId: string): Promise<RemovalResult> {
  return s.api.transport.json('DELETE', ORGS_ROUTES.member(id(orgId), id(membershipId)), RemovalSchema);
}

/** Proposes where new alerts go; effective once a coalition coordinator signs the directory. */
export async function proposeRouting(s: Session, defaultOrgId: string): Promise<void> {
  await s.api.transport.empty('PUT', ORGS_ROUTES.directoryRouting, { json: { defaultOrgId } });
}
