/**
 * Which organisation a focal point records for: one where they hold the focal-point role, and
 * only as the signed directory describes it. The alert is sealed to that organisation's
 * public key, taken from the intake verified against the pinned coalition key, never from
 * anything the focal point's own account says.
 *
 * SECURITY: a focal point holds no private key (write-only): what they seal, they cannot open.
 * An organisation missing from the signed directory is refused, never guessed.
 */
import type { TrustedIntake } from '@kenekanko/client';
import type { MeResponse } from '@kenekanko/contracts';

export type FieldOrganisation = { readonly orgId: string; readonly orgName: string };

/** The organisations this user records for in the field, in the order of their memberships. */
export function fieldOrganisations(memberships: MeResponse['memberships']): readonly FieldOrganisation[] {
  const seen = new Set<string>();
  const orgs: FieldOrganisation[] = [];
  for (const m of memberships) {
    if (m.role !== 'focal-point' || seen.has(m.orgId)) continue;
    seen.add(m.orgId);
    orgs.push({ orgId: m.orgId, orgName: m.orgName });
  }
  return orgs;
}

/**
 * The verified intake, routed to the focal point's organisation instead of the default one;
 * null when the signed directory does not list that organisation (the page refuses to record).
 */
export function routeToOrganisation(intake: TrustedIntake, orgId: string): TrustedIntake | null {
  const listed = intake.directory.organisations.find((org) => org.id === orgId);
  return listed === undefined ? null : { ...intake, routedOrganisation: listed };
}
