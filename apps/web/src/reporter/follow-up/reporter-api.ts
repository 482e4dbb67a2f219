/**
 * The follow-up's API client: the reporter's routes only (createReporterApiClient), so the
 * desk's answer schemas stay out of the reporter's page altogether, and the contracts
 * module they share with the form stays small in its first load (issue 4's 60 KB).
 */
import { createReporterApiClient } from '@kenekanko/client';
import type { ReporterApi } from '@kenekanko/client';

let client: ReporterApi | null = null;

export function reporterApi(): ReporterApi {
  // SECURITY: no cookie goes with a receipt's lookup, even when a desk session exists in this browser.
  client ??= createReporterApiClient({ baseUrl: '', anonymous: true });
  return client;
}
