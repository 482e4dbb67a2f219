/**
 * Closed vocabularies. The statistics fields the server may see (DESIGN §2) are drawn only
 * from these lists: a closed list can never carry free text or an identity.
 */
import * as v from 'valibot';

export const WRONGDOING_KINDS = [
  'bribery', // corruption et racket
  'embezzlement', // détournement de fonds
  'illicit-enrichment',
  'procurement-fraud',
  'favouritism', // favoritisme et népotisme
  'extortion',
  'abuse-of-power',
  'human-rights',
  'other',
] as const;
export type WrongdoingKind = (typeof WRONGDOING_KINDS)[number];
export const WrongdoingKindSchema = v.picklist(WRONGDOING_KINDS);

export const INSTITUTION_TYPES = [
  'police-gendarmerie',
  'customs',
  'taxes',
  'justice',
  'health',
  'education',
  'land-planning',
  'town-hall',
  'public-procurement',
  'other',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export const InstitutionTypeSchema = v.picklist(INSTITUTION_TYPES);

/** Amount bands in FCFA; 'unknown' when the reporter gave no amount. Upper bounds exclusive. */
export const AMOUNT_BANDS = ['unknown', 'lt-100k', '100k-1m', '1m-10m', '10m-100m', 'gte-100m'] as const;
export type AmountBand = (typeof AMOUNT_BANDS)[number];
export const AmountBandSchema = v.picklist(AMOUNT_BANDS);

export function amountBandOf(amountFcfa: number | undefined): AmountBand {
  if (amountFcfa === undefined) return 'unknown';
  if (amountFcfa < 100_000) return 'lt-100k';
  if (amountFcfa < 1_000_000) return '100k-1m';
  if (amountFcfa < 10_000_000) return '1m-10m';
  if (amountFcfa < 100_000_000) return '10m-100m';
  return 'gte-100m';
}

export const ALERT_STATES = [
  'received',
  'acknowledged',
  'in-verification',
  'needs-information',
  'verified',
  'forwarded',
  'closed',
  'unfounded',
  'duplicate',
  'out-of-scope',
  'spam',
] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const AlertStateSchema = v.picklist(ALERT_STATES);

export const ORGANISATION_KINDS = ['coalition', 'cso', 'authority', 'media'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const OrganisationKindSchema = v.picklist(ORGANISATION_KINDS);

export const ROLES = [
  'administrator',
  'coordinator',
  'analyst',
  'focal-point',
  'custodian',
  'authority-liaison',
  'journalist',
] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = v.picklist(ROLES);

/** Roles that may read alert content of their organisation (the desk of alerts routed to it). */
export const CONTENT_ROLES: readonly Role[] = ['coordinator', 'analyst'];

/** Roles whose members hold their organisation's private keys (sealed to them by another member). */
export const ORG_KEY_ROLES: readonly Role[] = ['coordinator', 'analyst', 'authority-liaison', 'journalist'];

/** Roles that receive forwarded cases in a recipient organisation (authority or media). */
export const LIAISON_ROLES: readonly Role[] = ['authority-liaison', 'journalist'];

/**
 * Roles that hold no content key at all: an administrator configures, a focal point writes
 * alerts sealed to the organisation's public key and can never read them.
 */
export const KEYLESS_ROLES: readonly Role[] = ['administrator', 'focal-point'];

/** The reporter's languages (Bambara: bm), recorded in the encrypted answers; the web app has a catalogue for each. */
export const LANGUAGES = ['fr', 'en', 'bm'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LanguageSchema = v.picklist(LANGUAGES);

export const PLACE_KINDS = ['region', 'district', 'cercle', 'commune', 'quartier'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PlaceKindSchema = v.picklist(PLACE_KINDS);

/** An alert's priority on the desk (issue 3): a workflow field the server sees in clear and the inbox sorts on. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PrioritySchema = v.picklist(PRIORITIES);
