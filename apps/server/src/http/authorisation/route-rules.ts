/**
 * Every route of the app, classified for the authorisation matrix (issue 3): who may call it,
 * on which objects, with which body. The key is Hono's own `METHOD pattern`, so a route added
 * to the app and not to this table fails the matrix as "unclassified".
 *
 * - open: no session needed (health, setup, the reporter's upload and follow-up, login,
 *   invitation and recovery steps); called without a session, it must leak nothing.
 * - session: any signed-in person, on their own account (me, second factor, notifications…).
 * - staff: scoped to objects (alerts, forwardings, organisations, members, requests) of one
 *   organisation; `allowed` says which principals may act on which target. Everyone else
 *   must get 403 or 404 with a valid body, so the refusal is authorisation, not validation.
 *
 * Bodies are valid for the schema; for allowed principals they may still be refused by the
 * domain (a conflict, a bad signature), which proves the call got past authorisation.
 */
import { CASES_ROUTES, CUSTODY_ROUTES, FORWARDING_ROUTES, ORGS_ROUTES, ROUTES, SECURITY_ROUTES, STATS_ROUTES } from '@kenekanko/contracts';
import type { Role } from '@kenekanko/contracts';
import { ed25519KeyPair, PURPOSES, randomBytes, toBase64Url, x25519KeyPair } from '@kenekanko/crypto';
import { custodianIdOf } from '../../features/shared/custodian.ts';
import { newId } from '../../features/shared/ids.ts';
import { chunk, shapedEnvelope, signedMessage } from '../testing/flows.ts';
import { hasRole, isIn } from './matrix-secrets.ts';
import { CSO_KEYS, ORG_KEYS, shapedSealed } from './matrix-world.ts';
import type { CsoKey, MatrixWorld, OrgKey, Principal } from './matrix-world.ts';

export type Target = {
  readonly label: string;
  readonly orgKey: OrgKey | null;
  readonly path: string;
  readonly alertId?: string;
  /**
   * The id (in the path or the body) whose very existence a principal who may not see it must
   * not learn: their answer must be the one a made-up id gets.
   */
  readonly secretId?: string;
};
export type Body = { readonly json: unknown } | { readonly bytes: Uint8Array } | null;

export type OpenRule = {
  readonly kind: 'open';
  /** The path to call when the pattern alone is not enough (a required query). */
  readonly path?: string;
  readonly body?: (w: MatrixWorld) => Body;
  /** Secrets this open route hands to anyone by design (named by what they are). */
  readonly exposes?: (what: string) => boolean;
};
export type SessionRule = { readonly kind: 'session'; readonly body?: (w: MatrixWorld, p: Principal) => Body; readonly freshSession?: boolean };
export type StaffRule = {
  readonly kind: 'staff';
  readonly targets: (w: MatrixWorld) => readonly Target[];
  readonly allowed: (p: Principal, t: Target) => boolean;
  readonly body?: (w: MatrixWorld, t: Target, p: Principal) => Body;
  /** 'first': the call consumes its target (a removal, a decision); only the first allowed caller must pass. */
  readonly positive?: 'all' | 'first';
  /** Allowed principals whose answer may name other organisations' objects by design (the audit trail). */
  readonly seesEverything?: (p: Principal) => boolean;
};
export type RouteRule = OpenRule | SessionRule | StaffRule;

const CASE: readonly Role[] = ['coordinator', 'analyst'];
const json = (value: unknown): Body => ({ json: value });
const key32 = () => toBase64Url(randomBytes(32));

// ---- who --------------------------------------------------------------------------------
const own = (...roles: Role[]) => (p: Principal, t: Target) => t.orgKey !== null && isIn(p, t.orgKey, roles);
const anyOf = (...roles: Role[]) => (p: Principal) => hasRole(p, ...roles);
const named = (...names: string[]) => (p: Principal) => names.includes(p.name);
/** An administrator of the target organisation, or of the coalition (which administers the platform). */
const administers = (p: Principal, t: Target) => p.memberships.some((m) => m.role === 'administrator' && (m.orgKey === t.orgKey || m.orgKey === 'coalition'));
/** Organisation settings and its member list: its administrators (or the coalition's) and its coordinators. */
const configures = (p: Principal, t: Target) => administers(p, t) || own('coordinator')(p, t);
/** The forwarding settings: those who configure them, and the members who see or send forwardings (not focal points nor custodians). */
const readsForwardingSettings = (p: Principal, t: Target) => configures(p, t) || own('analyst', 'authority-liaison', 'journalist')(p, t);
/** A setting every member of the organisation may read (it holds no case data): the retention policy. */
const ownOrAdministers = (p: Principal, t: Target) => administers(p, t) || (t.orgKey !== null && isIn(p, t.orgKey));
const forwardingSeers = named('coalition.coordinator', 'coalition.analyst', 'oclei.authority-liaison');

// ---- on what ----------------------------------------------------------------------------
const alerts = (path: (alertId: string) => string) => (w: MatrixWorld): Target[] =>
  CSO_KEYS.map((k) => ({ label: `${k} alert`, orgKey: k, path: path(w.cso[k].alertId), alertId: w.cso[k].alertId, secretId: w.cso[k].alertId }));
const orgs = (path: (orgId: string) => string) => (w: MatrixWorld): Target[] => ORG_KEYS.map((k) => ({ label: `${k} org`, orgKey: k, path: path(w.orgs[k].id) }));
const fixed = (path: string) => (): Target[] => [{ label: 'global', orgKey: null, path }];
const forwarding = (path: (id: string) => string) => (w: MatrixWorld): Target[] => [{ label: 'coalition→OCLEI forwarding', orgKey: 'coalition', path: path(w.forwarding.id), secretId: w.forwarding.id }];
const requests = (path: (id: string) => string, keys: readonly CsoKey[] = CSO_KEYS) => (w: MatrixWorld): Target[] =>
  keys.map((k) => ({ label: `${k} identity request`, orgKey: k, path: path(w.cso[k].identityRequestId), alertId: w.cso[k].alertId, secretId: w.cso[k].identityRequestId }));

const orgOf = (w: MatrixWorld, t: Target) => w.orgs[t.orgKey ?? 'coalition'];
const reason = () => shapedEnvelope(PURPOSES.reason);
const userGrant = (objectType: 'organisation' | 'coalition' | 'custodian' | 'alert', objectId: string, keyKind: 'organisation' | 'coalition-signing' | 'custodian' | 'identity', recipientId: string) => ({
  objectType, objectId, keyKind, keyVersion: 1, recipientType: 'user', recipientId, recipientKeyVersion: 1, sealedKey: shapedSealed(PURPOSES.sealedKey),
});
const custodianId = (w: MatrixWorld) => custodianIdOf(toBase64Url(w.world.deployment.custodian.publicKey));
const signedDoc = () => ({ body: '{"v":1}', signature: toBase64Url(randomBytes(64)) });
const forwardBody = (w: MatrixWorld, t: Target): Body => {
  const forwardingId = newId();
  const to = w.orgs.media;
  const grant = (orgId: string) => ({ objectType: 'forwarding', objectId: forwardingId, keyKind: 'package', keyVersion: 1, recipientType: 'organisation', recipientId: orgId, recipientKeyVersion: 1, sealedKey: shapedSealed(PURPOSES.sealedKey) });
  return json({
    forwardingId, alertId: t.alertId, toOrgId: to.id, toKeyVersion: 1, onwardOf: null, includesIdentity: false,
    packageEnvelope: shapedEnvelope(PURPOSES.forwardPackage), signature: toBase64Url(randomBytes(64)), grants: [grant(to.id), grant(orgOf(w, t).id)], files: [],
  });
};

const OPEN: Readonly<Record<string, RouteRule>> = {
  'GET /healthz': { kind: 'open' },
  'GET /api/setup/status': { kind: 'open' },
  'POST /api/setup': { kind: 'open', body: () => json({}) },
  'GET /api/intake': { kind: 'open' },
  'GET /api/places': { kind: 'open' },
  'GET /api/places/outline': { kind: 'open' },
  'GET /api/pow': { kind: 'open' },
  'POST /api/submissions': { kind: 'open', body: () => json({}) },
  'PUT /api/submissions/:submissionId/blobs/:blobId/chunks/:index': { kind: 'open', body: () => ({ bytes: chunk() }) },
  'POST /api/submissions/:submissionId/finalize': { kind: 'open', body: () => json({}) },
  'POST /api/reporter/alert': { kind: 'open', body: () => json({ lookupToken: key32() }) },
  'POST /api/reporter/messages': { kind: 'open', body: () => json({ lookupToken: key32(), message: { seq: 9, envelope: shapedEnvelope(PURPOSES.message), signature: toBase64Url(randomBytes(64)), attachments: null } }) },
  [`POST ${FORWARDING_ROUTES.reporterConsent}`]: { kind: 'open', body: () => json({ lookupToken: key32(), signature: toBase64Url(randomBytes(64)) }) },
  'POST /api/auth/salt': { kind: 'open', body: (w) => json({ login: w.principal('cso.analyst').member?.login }) },
  'POST /api/auth/login': { kind: 'open', body: (w) => json({ login: w.principal('cso.analyst').member?.login, loginKey: key32() }) },
  [`POST ${ORGS_ROUTES.invitationLookup}`]: { kind: 'open', body: () => json({ code: key32() }) },
  [`POST ${ORGS_ROUTES.invitationAccept}`]: { kind: 'open', body: () => json({ code: key32(), user: { userId: newId(), login: 'nouvelle@test.ml', salt: toBase64Url(randomBytes(16)), loginKey: key32(), x25519Public: key32(), ed25519Public: key32(), wrappedKeys: shapedEnvelope(PURPOSES.userKeys), recoveryWrappedKeys: shapedEnvelope(PURPOSES.userKeys) } }) },
  // By design: the user id is the context the recovery-wrapped keys open under (an unknown login gets a made-up one).
  [`POST ${SECURITY_ROUTES.recoveryStart}`]: { kind: 'open', body: (w) => json({ login: w.principal('cso.analyst').member?.login }), exposes: (what) => what === 'user id of cso.analyst' },
  [`GET ${STATS_ROUTES.publicStats}`]: { kind: 'open', path: `${STATS_ROUTES.publicStats}?period=2025` },
  [`POST ${SECURITY_ROUTES.recoveryFinish}`]: { kind: 'open', body: (w) => json({ login: w.principal('cso.analyst').member?.login, challenge: key32(), salt: toBase64Url(randomBytes(16)), loginKey: key32(), wrappedKeys: shapedEnvelope(PURPOSES.userKeys), recoveryWrappedKeys: null, signature: toBase64Url(randomBytes(64)) }) },
};

const OWN_ACCOUNT: Readonly<Record<string, RouteRule>> = {
  [`GET ${ROUTES.me}`]: { kind: 'session' },
  [`GET ${ORGS_ROUTES.orgs}`]: { kind: 'session' },
  [`GET ${SECURITY_ROUTES.secondFactor}`]: { kind: 'session' },
  [`POST ${SECURITY_ROUTES.totpEnrol}`]: { kind: 'session' },
  [`POST ${SECURITY_ROUTES.totpConfirm}`]: { kind: 'session', body: () => json({ code: '000000' }) },
  [`POST ${ORGS_ROUTES.invitationJoin}`]: { kind: 'session', body: () => json({ code: key32() }) },
  [`GET ${CASES_ROUTES.notifications}`]: { kind: 'session' },
  [`POST ${CASES_ROUTES.notificationsRead}`]: { kind: 'session', body: () => json({ ids: 'all' }) },
  [`GET ${CASES_ROUTES.mailPreference}`]: { kind: 'session' },
  [`POST ${CASES_ROUTES.mailPreference}`]: { kind: 'session', body: () => json({ enabled: false, address: null }) },
  // Lists: any signed-in person may ask; the matrix checks they answer only the caller's own scope.
  [`GET ${ROUTES.staffAlerts}`]: { kind: 'session' },
  [`GET ${CASES_ROUTES.board}`]: { kind: 'session' },
  [`GET ${CASES_ROUTES.due}`]: { kind: 'session' },
  [`GET ${FORWARDING_ROUTES.forwardings}`]: { kind: 'session' },
};

const DESK: Readonly<Record<string, RouteRule>> = {
  'GET /api/staff/alerts/:alertId': { kind: 'staff', targets: alerts(ROUTES.staffAlert), allowed: own(...CASE) },
  'GET /api/staff/alerts/:alertId/blobs/:blobId/chunks/:index': {
    kind: 'staff',
    targets: (w) => CSO_KEYS.map((k) => ({ label: `${k} alert file`, orgKey: k, path: ROUTES.staffChunk(w.cso[k].alertId, w.cso[k].blobId, 0), secretId: w.cso[k].alertId })),
    allowed: own(...CASE),
  },
  'POST /api/staff/alerts/:alertId/transitions': { kind: 'staff', targets: alerts(ROUTES.staffTransitions), allowed: own(...CASE), body: () => json({ to: 'acknowledged', expectedFrom: 'received', reasonEnvelope: reason() }) },
  'POST /api/staff/alerts/:alertId/messages': {
    kind: 'staff', targets: alerts(ROUTES.staffMessages), allowed: own(...CASE),
    body: (w, t) => json({ ...signedMessage(t.alertId ?? '', 2, 'organisation', orgOf(w, t).keys.ed25519), attachments: null }),
  },
  'POST /api/staff/alerts/:alertId/notes': { kind: 'staff', targets: alerts(ROUTES.staffNotes), allowed: own(...CASE), body: () => json({ noteId: newId(), envelope: shapedEnvelope(PURPOSES.note) }) },
};

const CASES: Readonly<Record<string, RouteRule>> = {
  'GET /api/staff/alerts/:alertId/case': { kind: 'staff', targets: alerts(CASES_ROUTES.caseWork), allowed: own(...CASE) },
  'POST /api/staff/alerts/:alertId/assignee': {
    kind: 'staff', targets: alerts(CASES_ROUTES.assignee), allowed: own('coordinator'),
    body: (w, t) => json({ assigneeId: w.principal(`${t.orgKey ?? ''}.analyst`).userId }),
  },
  'POST /api/staff/alerts/:alertId/priority': { kind: 'staff', targets: alerts(CASES_ROUTES.priority), allowed: own(...CASE), body: () => json({ priority: 'high' }) },
  'POST /api/staff/alerts/:alertId/labels': { kind: 'staff', targets: alerts(CASES_ROUTES.labels), allowed: own(...CASE), body: () => json({ expectedVersion: 0, envelope: shapedEnvelope(PURPOSES.labels) }) },
  'POST /api/staff/alerts/:alertId/checklist': { kind: 'staff', targets: alerts(CASES_ROUTES.checklist), allowed: own(...CASE), body: () => json({ expectedVersion: 0, envelope: shapedEnvelope(PURPOSES.checklist) }) },
  'GET /api/staff/case-settings/:orgId': { kind: 'staff', targets: orgs(CASES_ROUTES.settings), allowed: configures },
  'PUT /api/staff/case-settings/:orgId': {
    kind: 'staff', targets: orgs(CASES_ROUTES.settings), allowed: configures,
    body: () => json({ deadlines: { acknowledgeDays: 7, feedbackMonths: 3, forwardingAcknowledgeDays: 30 }, checklistItems: [{ id: newId(), label: 'Sources contactées' }] }),
  },
};

const ORGS: Readonly<Record<string, RouteRule>> = {
  [`POST ${ORGS_ROUTES.orgs}`]: { kind: 'staff', targets: fixed(ORGS_ROUTES.orgs), allowed: named('coalition.administrator'), body: () => json({ kind: 'cso', name: `Association ${newId().slice(0, 6)}` }) },
  'PATCH /api/staff/orgs/:orgId': { kind: 'staff', targets: orgs(ORGS_ROUTES.org), allowed: named('coalition.administrator'), body: (w, t) => json({ name: orgOf(w, t).name }) },
  [`POST ${ORGS_ROUTES.maliPreset}`]: { kind: 'staff', targets: fixed(ORGS_ROUTES.maliPreset), allowed: named('coalition.administrator') },
  'GET /api/staff/orgs/:orgId/members': { kind: 'staff', targets: orgs(ORGS_ROUTES.members), allowed: configures },
  'POST /api/staff/orgs/:orgId/invitations': { kind: 'staff', targets: orgs(ORGS_ROUTES.invitations), allowed: administers, body: () => json({ role: 'focal-point' }) },
  'GET /api/staff/orgs/:orgId/keys': { kind: 'staff', targets: orgs(ORGS_ROUTES.orgKeys), allowed: own('coordinator', 'analyst', 'authority-liaison', 'journalist') },
  'POST /api/staff/orgs/:orgId/keys': {
    kind: 'staff', targets: orgs(ORGS_ROUTES.orgKeys), allowed: own('coordinator', 'analyst', 'authority-liaison', 'journalist'),
    body: (w, t) => json({ keyVersion: 99, x25519Public: toBase64Url(x25519KeyPair().publicKey), ed25519Public: toBase64Url(ed25519KeyPair().publicKey), grants: [1, 2].map(() => ({ ...userGrant('organisation', orgOf(w, t).id, 'organisation', newId()), keyVersion: 99 })) }),
  },
  'POST /api/staff/orgs/:orgId/keys/grants': {
    kind: 'staff', targets: orgs(ORGS_ROUTES.orgKeyGrants), allowed: own('coordinator', 'analyst', 'authority-liaison', 'journalist'),
    body: (w, t) => json({ grant: userGrant('organisation', orgOf(w, t).id, 'organisation', (t.orgKey === 'coalition' || t.orgKey === 'cso' ? w.cso[t.orgKey].removable.userId : newId())) }),
  },
  [`GET ${ORGS_ROUTES.directory}`]: { kind: 'staff', targets: fixed(ORGS_ROUTES.directory), allowed: named('coalition.coordinator') },
  [`POST ${ORGS_ROUTES.directory}`]: { kind: 'staff', targets: fixed(ORGS_ROUTES.directory), allowed: named('coalition.coordinator'), body: () => json({ directory: signedDoc() }) },
  [`PUT ${ORGS_ROUTES.directoryRouting}`]: { kind: 'staff', targets: fixed(ORGS_ROUTES.directoryRouting), allowed: named('coalition.administrator'), body: (w) => json({ defaultOrgId: w.orgs.coalition.id }) },
  [`POST ${ORGS_ROUTES.signingGrants}`]: {
    kind: 'staff', targets: fixed(ORGS_ROUTES.signingGrants), allowed: named('coalition.coordinator'),
    body: (w) => json({ grant: userGrant('coalition', w.orgs.coalition.id, 'coalition-signing', w.principal('coalition.coordinator').userId ?? '') }),
  },
  // Last of the organisation routes: it removes a member.
  'DELETE /api/staff/orgs/:orgId/members/:membershipId': {
    kind: 'staff',
    targets: (w) => CSO_KEYS.map((k) => ({ label: `${k} member`, orgKey: k, path: ORGS_ROUTES.member(w.orgs[k].id, w.cso[k].removable.membershipId), secretId: w.cso[k].removable.membershipId })),
    allowed: administers,
    positive: 'first',
  },
};

const SECURITY: Readonly<Record<string, RouteRule>> = {
  [`GET ${SECURITY_ROUTES.users}`]: { kind: 'staff', targets: fixed(SECURITY_ROUTES.users), allowed: anyOf('administrator') },
  'POST /api/staff/security/users/:userId/second-factor/reset': {
    kind: 'staff',
    targets: (w) => CSO_KEYS.map((k) => ({ label: `${k} member`, orgKey: k, path: SECURITY_ROUTES.resetSecondFactor(w.cso[k].resettable.userId), secretId: w.cso[k].resettable.userId })),
    allowed: administers,
  },
};

const FORWARDING: Readonly<Record<string, RouteRule>> = {
  [`POST ${FORWARDING_ROUTES.drafts}`]: {
    kind: 'staff', targets: alerts(() => FORWARDING_ROUTES.drafts), allowed: own(...CASE),
    body: (_w, t) => json({ forwardingId: newId(), alertId: t.alertId, onwardOf: null }),
  },
  'PUT /api/staff/forwardings/:forwardingId/files/:blobId/chunks/:index': {
    kind: 'staff',
    targets: (w) => [{ label: 'coalition analyst draft', orgKey: 'coalition', path: FORWARDING_ROUTES.fileChunk(w.draftId, newId(), 0), secretId: w.draftId }],
    allowed: named('coalition.analyst'),
    body: () => ({ bytes: chunk() }),
  },
  'GET /api/staff/forwardings/:forwardingId/files/:blobId/chunks/:index': {
    kind: 'staff', targets: (w) => [{ label: 'package file', orgKey: 'coalition', path: FORWARDING_ROUTES.fileChunk(w.forwarding.id, w.forwarding.blobId, 0), secretId: w.forwarding.id }], allowed: forwardingSeers,
  },
  [`POST ${FORWARDING_ROUTES.forwardings}`]: { kind: 'staff', targets: alerts(() => FORWARDING_ROUTES.forwardings), allowed: own(...CASE), body: forwardBody },
  'GET /api/staff/forwardings/:forwardingId': { kind: 'staff', targets: forwarding(FORWARDING_ROUTES.forwarding), allowed: forwardingSeers },
  'GET /api/staff/alerts/:alertId/forwardings': { kind: 'staff', targets: alerts(FORWARDING_ROUTES.alertForwardings), allowed: own(...CASE) },
  'GET /api/staff/forwarding-settings/:orgId': { kind: 'staff', targets: orgs(FORWARDING_ROUTES.settings), allowed: readsForwardingSettings },
  'PUT /api/staff/forwarding-settings/:orgId': { kind: 'staff', targets: orgs(FORWARDING_ROUTES.settings), allowed: configures, body: () => json({ nameToReporter: true }) },
  'POST /api/staff/forwardings/:forwardingId/events': {
    kind: 'staff', targets: forwarding(FORWARDING_ROUTES.events), allowed: named('oclei.authority-liaison'),
    body: () => json({ seq: 1, kind: 'acknowledged', action: null, detailsEnvelope: null }),
  },
};

const CUSTODY: Readonly<Record<string, RouteRule>> = {
  [`GET ${CUSTODY_ROUTES.custodianKey}`]: { kind: 'staff', targets: fixed(CUSTODY_ROUTES.custodianKey), allowed: anyOf('custodian') },
  [`POST ${CUSTODY_ROUTES.custodianKeyGrants}`]: {
    kind: 'staff', targets: fixed(CUSTODY_ROUTES.custodianKeyGrants), allowed: anyOf('custodian'),
    body: (w, _t, p) => json({ grant: userGrant('custodian', custodianId(w), 'custodian', p.userId ?? newId()) }),
  },
  [`GET ${CUSTODY_ROUTES.custodyRequests}`]: { kind: 'staff', targets: fixed(CUSTODY_ROUTES.custodyRequests), allowed: anyOf('custodian') },
  'GET /api/staff/custody/requests/:requestId': { kind: 'staff', targets: requests(CUSTODY_ROUTES.custodyRequest), allowed: anyOf('custodian') },
  'GET /api/staff/alerts/:alertId/identity-requests': { kind: 'staff', targets: alerts(CUSTODY_ROUTES.alertIdentityRequests), allowed: own(...CASE) },
  'POST /api/staff/alerts/:alertId/identity-requests': {
    kind: 'staff', targets: alerts(CUSTODY_ROUTES.alertIdentityRequests), allowed: own(...CASE),
    body: () => json({ requestId: newId(), purpose: 'verification', recipientOrgId: null, reasonEnvelope: shapedSealed(PURPOSES.identityRequestReason) }),
  },
  'POST /api/staff/custody/requests/:requestId/grant': {
    // The coalition's request is granted, the CSO's refused: each decision happens once, for real.
    kind: 'staff', targets: requests(CUSTODY_ROUTES.custodyGrant, ['coalition']), allowed: anyOf('custodian'),
    body: (w, t) => json({ grant: userGrant('alert', t.alertId ?? '', 'identity', w.principal(`${t.orgKey ?? ''}.analyst`).userId ?? '') }),
  },
  'POST /api/staff/custody/requests/:requestId/refuse': { kind: 'staff', targets: requests(CUSTODY_ROUTES.custodyRefuse, ['cso']), allowed: anyOf('custodian'), body: () => json({ reasonEnvelope: shapedSealed(PURPOSES.identityRefusalReason) }) },
  [`GET ${CUSTODY_ROUTES.auditHead}`]: { kind: 'staff', targets: fixed(CUSTODY_ROUTES.auditHead), allowed: named('coalition.coordinator') },
  [`GET ${CUSTODY_ROUTES.auditEntries}`]: {
    kind: 'staff', targets: fixed(CUSTODY_ROUTES.auditEntries), allowed: named('coalition.coordinator'),
    // By design the audit trail names every organisation's objects; only coalition coordinators read it.
    seesEverything: named('coalition.coordinator'),
  },
  [`POST ${CUSTODY_ROUTES.auditCheckpoints}`]: {
    kind: 'staff', targets: fixed(CUSTODY_ROUTES.auditCheckpoints), allowed: named('coalition.coordinator'),
    body: (w) => json({ seq: 1, hash: '0'.repeat(64), orgId: w.orgs.coalition.id, orgKeyVersion: 1, signature: toBase64Url(randomBytes(64)) }),
  },
  'GET /api/staff/retention/orgs/:orgId': { kind: 'staff', targets: orgs(CUSTODY_ROUTES.orgRetention), allowed: ownOrAdministers },
  'PUT /api/staff/retention/orgs/:orgId': { kind: 'staff', targets: orgs(CUSTODY_ROUTES.orgRetention), allowed: administers, body: () => json({ months: null }) },
  'GET /api/staff/alerts/:alertId/retention': { kind: 'staff', targets: alerts(CUSTODY_ROUTES.alertRetention), allowed: own(...CASE) },
  'PUT /api/staff/alerts/:alertId/retention/hold': {
    kind: 'staff', targets: alerts(CUSTODY_ROUTES.alertRetentionHold), allowed: own('coordinator'),
    body: () => json({ holdId: newId(), reasonEnvelope: shapedEnvelope(PURPOSES.retentionHold) }),
  },
  'DELETE /api/staff/alerts/:alertId/retention/hold': { kind: 'staff', targets: alerts(CUSTODY_ROUTES.alertRetentionHold), allowed: own('coordinator'), positive: 'first' },
};

const STATS: Readonly<Record<string, RouteRule>> = {
  // Exact counts: coordinators only, each over the alerts of the organisations they coordinate (the coalition's over all).
  [`GET ${STATS_ROUTES.dashboard}`]: { kind: 'staff', targets: fixed(STATS_ROUTES.dashboard), allowed: anyOf('coordinator') },
  [`GET ${STATS_ROUTES.report}`]: { kind: 'staff', targets: fixed(`${STATS_ROUTES.report}?period=2025`), allowed: anyOf('coordinator') },
};

/** In the order the matrix runs them: what consumes its target comes last in its group, logout last of all. */
export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  ...OPEN,
  ...OWN_ACCOUNT,
  ...DESK,
  ...CASES,
  ...ORGS,
  ...SECURITY,
  ...FORWARDING,
  ...CUSTODY,
  ...STATS,
  [`POST ${ROUTES.authLogout}`]: { kind: 'session', freshSession: true },
};
