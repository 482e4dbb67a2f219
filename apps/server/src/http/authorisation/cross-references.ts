/**
 * Confused-deputy cases for the authorisation matrix: a principal allowed on the object named
 * in the path, with a body (or a second path id) that points at another organisation's object
 * or at a person who may not receive it. Each must be refused (a 4xx, never a 2xx) and leak
 * nothing; the matrix itself only varies the path's object, so these cover what it cannot.
 *
 * Only tests import this.
 */
import { CASES_ROUTES, CUSTODY_ROUTES, FORWARDING_ROUTES, ORGS_ROUTES, ROUTES } from '@kenekanko/contracts';
import { PURPOSES, randomBytes, toBase64Url } from '@kenekanko/crypto';
import { custodianIdOf } from '../../features/shared/custodian.ts';
import { newId } from '../../features/shared/ids.ts';
import { shapedEnvelope } from '../testing/flows.ts';
import { shapedSealed } from './matrix-world.ts';
import type { MatrixWorld } from './matrix-world.ts';
import type { Body } from './route-rules.ts';

export type CrossCase = {
  readonly principal: string;
  readonly method: string;
  readonly path: (w: MatrixWorld) => string;
  readonly body?: (w: MatrixWorld) => Body;
};

const json = (value: unknown): Body => ({ json: value });
const userId = (w: MatrixWorld, name: string): string => w.principal(name).userId ?? '';
const grant = (objectType: string, objectId: string, keyKind: string, recipientId: string) => ({
  objectType, objectId, keyKind, keyVersion: 1, recipientType: 'user', recipientId, recipientKeyVersion: 1, sealedKey: shapedSealed(PURPOSES.sealedKey),
});

/** Run before the matrix, while every identity request is still pending and every alert as built. */
export const CROSS_CASES: Readonly<Record<string, CrossCase>> = {
  'a coordinator assigns an own case to a member of another organisation': {
    principal: 'coalition.coordinator', method: 'POST', path: (w) => CASES_ROUTES.assignee(w.cso.coalition.alertId),
    body: (w) => json({ assigneeId: userId(w, 'cso.analyst') }),
  },
  'a coordinator assigns an own case to the focal point, who may not read it': {
    principal: 'coalition.coordinator', method: 'POST', path: (w) => CASES_ROUTES.assignee(w.cso.coalition.alertId),
    body: (w) => json({ assigneeId: userId(w, 'coalition.focal-point') }),
  },
  "an analyst marks an own case a duplicate of another organisation's case": {
    principal: 'cso.analyst', method: 'POST', path: (w) => ROUTES.staffTransitions(w.cso.cso.alertId),
    body: (w) => json({ to: 'duplicate', expectedFrom: 'received', reasonEnvelope: shapedEnvelope(PURPOSES.reason), duplicateOf: w.cso.coalition.alertId }),
  },
  "an analyst opens a draft onwards from another organisation's forwarding": {
    principal: 'cso.analyst', method: 'POST', path: () => FORWARDING_ROUTES.drafts,
    body: (w) => json({ forwardingId: newId(), alertId: w.cso.cso.alertId, onwardOf: w.forwarding.id }),
  },
  "an analyst forwards an own case onwards of another organisation's forwarding": {
    principal: 'cso.analyst', method: 'POST', path: () => FORWARDING_ROUTES.forwardings,
    body: (w) => json({
      forwardingId: newId(), alertId: w.cso.cso.alertId, toOrgId: w.orgs.media.id, toKeyVersion: 1, onwardOf: w.forwarding.id, includesIdentity: false,
      packageEnvelope: shapedEnvelope(PURPOSES.forwardPackage), signature: toBase64Url(randomBytes(64)), grants: [w.orgs.media.id, w.orgs.cso.id].map((id) => ({ ...grant('forwarding', newId(), 'package', id), recipientType: 'organisation' })), files: [],
    }),
  },
  'the liaison opens an onward draft naming an alert that was not forwarded to them': {
    principal: 'oclei.authority-liaison', method: 'POST', path: () => FORWARDING_ROUTES.drafts,
    body: (w) => json({ forwardingId: newId(), alertId: w.cso.cso.alertId, onwardOf: w.forwarding.id }),
  },
  "the liaison reads the alert's own file through the forwarding": {
    principal: 'oclei.authority-liaison', method: 'GET', path: (w) => FORWARDING_ROUTES.fileChunk(w.forwarding.id, w.cso.coalition.blobId, 0),
  },
  "an analyst reads another organisation's file through an own alert": {
    principal: 'coalition.analyst', method: 'GET', path: (w) => ROUTES.staffChunk(w.cso.coalition.alertId, w.cso.cso.blobId, 0),
  },
  "an administrator removes another organisation's membership through an own organisation's path": {
    principal: 'cso.administrator', method: 'DELETE', path: (w) => ORGS_ROUTES.member(w.orgs.cso.id, w.cso.coalition.removable.membershipId),
  },
  'a coordinator grants the organisation key to a person outside the organisation': {
    principal: 'coalition.coordinator', method: 'POST', path: (w) => ORGS_ROUTES.orgKeyGrants(w.orgs.coalition.id),
    body: (w) => json({ grant: grant('organisation', w.orgs.coalition.id, 'organisation', userId(w, 'cso.analyst')) }),
  },
  'a custodian grants the custodian key to an analyst': {
    principal: 'coalition.custodian', method: 'POST', path: () => CUSTODY_ROUTES.custodianKeyGrants,
    body: (w) => json({ grant: grant('custodian', custodianIdOf(toBase64Url(w.world.deployment.custodian.publicKey)), 'custodian', userId(w, 'coalition.analyst')) }),
  },
  'a custodian grants an identity to someone other than the requester': {
    principal: 'cso.custodian', method: 'POST', path: (w) => CUSTODY_ROUTES.custodyGrant(w.cso.coalition.identityRequestId),
    body: (w) => json({ grant: grant('alert', w.cso.coalition.alertId, 'identity', userId(w, 'coalition.coordinator')) }),
  },
  "a custodian grants, on one alert's request, the identity key of another alert": {
    principal: 'cso.custodian', method: 'POST', path: (w) => CUSTODY_ROUTES.custodyGrant(w.cso.coalition.identityRequestId),
    body: (w) => json({ grant: grant('alert', w.cso.cso.alertId, 'identity', userId(w, 'coalition.analyst')) }),
  },
  'a coalition coordinator signs an audit checkpoint in the name of another organisation': {
    principal: 'coalition.coordinator', method: 'POST', path: () => CUSTODY_ROUTES.auditCheckpoints,
    body: (w) => json({ seq: 1, hash: '0'.repeat(64), orgId: w.orgs.cso.id, orgKeyVersion: 1, signature: toBase64Url(randomBytes(64)) }),
  },
};
