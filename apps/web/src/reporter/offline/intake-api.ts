/**
 * The reporter form's API client: the intake routes only (createIntakeApiClient), so the
 * desk's schemas stay out of the reporter's first load. Same origin, like shared/api.ts.
 */
import { createIntakeApiClient } from '@kenekanko/client';
import type { IntakeApi } from '@kenekanko/client';

let client: IntakeApi | null = null;

export function intakeApi(): IntakeApi {
  // SECURITY: no cookie goes with an alert, even when a desk session exists in this browser.
  client ??= createIntakeApiClient({ baseUrl: '', anonymous: true });
  return client;
}
