/**
 * What the reporter is told about requests to see their identity: that one was granted or
 * refused, and the day. SECURITY: only the decision and its day (DESIGN §2: reporter-side
 * dates to the day), never who asked, why, or for whom.
 */
import type { ReporterIdentityDecision } from '@kenekanko/contracts';
import { dayOf } from '../shared/time.ts';
import type { CustodyRepo } from './ports.ts';

export async function reporterIdentityDecisions(custody: Pick<CustodyRepo, 'decisionsOf'>, alertId: string): Promise<readonly ReporterIdentityDecision[]> {
  const decisions = await custody.decisionsOf(alertId);
  return decisions.map((d) => ({ decision: d.state, day: dayOf(new Date(d.decidedAt)) }));
}
