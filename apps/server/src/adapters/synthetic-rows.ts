/**
 * Rows of synthetic alerts and their histories, for the monitoring tests' fixtures and the
 * generator of scripts/generate-alerts.ts. Envelopes are short random-looking placeholders:
 * nothing here is ever opened, and the statistics read no envelope.
 */
import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { AlertsTable, StateChangesTable } from '../db/schema.ts';
import type { ForwardingEventsTable, ForwardingsTable } from '../db/schema-forwarding.ts';

/** A 22-character id like the browser's (base64url of 16 random bytes). */
export const syntheticId = (): string => randomBytes(16).toString('base64url');

/** mulberry32: a small, fast, seeded generator in [0, 1) for synthetic data; never for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const PLACEHOLDER = 'synthetic';

export type SyntheticAlert = {
  readonly id?: string;
  readonly orgId: string;
  readonly receivedDay: string;
  readonly kind: string;
  readonly regionId: string;
  readonly cercleId?: string | null;
  readonly state: string;
};

export function alertRow(a: SyntheticAlert): Insertable<AlertsTable> & { id: string } {
  return {
    id: a.id ?? syntheticId(),
    org_id: a.orgId,
    state: a.state,
    received_day: a.receivedDay,
    kind: a.kind,
    region_id: a.regionId,
    cercle_id: a.cercleId ?? null,
    institution_type: 'other',
    amount_band: 'unknown',
    questionnaire_version: 1,
    answers_envelope: PLACEHOLDER,
    identity_envelope: PLACEHOLDER,
    reporter_x25519_public: PLACEHOLDER,
    reporter_ed25519_public: PLACEHOLDER,
    receipt_version: 1,
    duplicate_of: null,
    assignee_id: null,
    updated_at: a.receivedDay,
    journalist_consent: null,
  };
}

/** The state changes of one alert, `steps` as [to_state, instant] in order from 'received'. */
export function stateChangeRows(alertId: string, steps: readonly (readonly [string, string])[], actorId: string): Insertable<StateChangesTable>[] {
  let from = 'received';
  return steps.map(([to, at], i) => {
    const row = { id: syntheticId(), alert_id: alertId, seq: i + 1, from_state: from, to_state: to, actor_type: 'user', actor_id: actorId, reason_envelope: null, created_at: at };
    from = to;
    return row;
  });
}

export type SyntheticForwarding = {
  readonly alertId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
  readonly sentAt: string;
  readonly acknowledgedAt: string | null;
  /** [kind, action, instant] after the acknowledgement ('action' | 'concluded'). */
  readonly events: readonly (readonly [string, string | null, string])[];
  readonly createdBy: string;
};

export function forwardingRows(f: SyntheticForwarding): { forwarding: Insertable<ForwardingsTable>; events: Insertable<ForwardingEventsTable>[] } {
  const id = syntheticId();
  const concluded = f.events.find(([kind]) => kind === 'concluded');
  const state = concluded !== undefined ? 'concluded' : f.events.some(([kind]) => kind === 'action') ? 'action-recorded' : f.acknowledgedAt !== null ? 'acknowledged' : 'sent';
  const forwarding = {
    id,
    alert_id: f.alertId,
    from_org_id: f.fromOrgId,
    to_org_id: f.toOrgId,
    to_key_version: 1,
    state,
    sent_at: f.sentAt,
    acknowledged_at: f.acknowledgedAt,
    concluded_at: concluded?.[2] ?? null,
    created_by: f.createdBy,
    onward_of: null,
    includes_identity: 0,
    package_envelope: PLACEHOLDER,
    package_sha256: PLACEHOLDER,
    signature: PLACEHOLDER,
    attachment_files: '[]',
  };
  const all: (readonly [string, string | null, string])[] = f.acknowledgedAt === null ? [] : [['acknowledged', null, f.acknowledgedAt], ...f.events];
  const events = all.map(([kind, action, at], i) => ({ id: syntheticId(), forwarding_id: id, seq: i + 1, kind, action, actor_id: f.createdBy, details_envelope: null, created_at: at }));
  return { forwarding, events };
}
