/**
 * Fixtures of the case-work tests. Only tests import this.
 */
import { PURPOSES } from '@kenekanko/crypto';
import { newId } from '../../features/shared/ids.ts';
import { shapedEnvelope } from './flows.ts';
import type { Harness } from './harness.ts';

/** A forwarding row as the forwarding area stores it (only what closing and deadlines read matters here). */
export async function insertForwarding(h: Harness, f: { alertId: string; fromOrgId: string; toOrgId: string; state: string; createdBy: string; sentAt?: string }): Promise<string> {
  const id = newId();
  const at = f.sentAt ?? h.now().toISOString();
  await h.db
    .insertInto('forwardings')
    .values({
      id,
      alert_id: f.alertId,
      from_org_id: f.fromOrgId,
      to_org_id: f.toOrgId,
      to_key_version: 1,
      state: f.state,
      sent_at: at,
      acknowledged_at: f.state === 'sent' ? null : at,
      concluded_at: f.state === 'concluded' ? at : null,
      created_by: f.createdBy,
      onward_of: null,
      includes_identity: 0,
      package_envelope: shapedEnvelope(PURPOSES.forwardPackage),
      package_sha256: 'x'.repeat(43),
      signature: 'x'.repeat(86),
      attachment_files: '[]',
    })
    .execute();
  return id;
}

