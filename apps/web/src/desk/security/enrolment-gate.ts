/**
 * Whether the deployment's policy keeps this session out of the desk until a second factor is
 * enrolled. The server enforces it on every request; this only lets the desk open on the
 * enrolment page instead of on errors.
 */
import { signal } from '@preact/signals';
import { secondFactorStatus } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';

/** True while the signed-in user must enrol before anything else. */
export const enrolmentPending = signal(false);

export async function checkEnrolment(session: StaffSession): Promise<boolean> {
  const status = await secondFactorStatus(session.api);
  enrolmentPending.value = status.required && !status.enrolled;
  return enrolmentPending.value;
}
