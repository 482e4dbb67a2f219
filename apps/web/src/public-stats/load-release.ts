/**
 * Fetches the released statistics of a period (GET /api/public/stats, no session, same
 * origin) and parses them with the contracts' schema: the page draws nothing it has not
 * checked. The failures a reader can act on are told apart: no network (try again) and a
 * period not ended yet (choose another); anything else is "not available".
 * No cookie is sent: the public statistics need none, and a reader stays anonymous.
 */
import { STATS_ROUTES, StatsReleaseSchema } from '@kenekanko/contracts';
import type { StatsRelease } from '@kenekanko/contracts';
import * as v from 'valibot';

export type LoadFailure = 'network' | 'period-open' | 'unavailable';

export type LoadResult = { readonly ok: true; readonly release: StatsRelease } | { readonly ok: false; readonly failure: LoadFailure };

const ErrorCodeSchema = v.object({ error: v.object({ code: v.string() }) });

export const releaseUrl = (period: string): string => `${STATS_ROUTES.publicStats}?${new URLSearchParams({ period }).toString()}`;

/** The failure an error answer stands for. */
export function failureOf(status: number, body: unknown): LoadFailure {
  const parsed = v.safeParse(ErrorCodeSchema, body);
  return status === 409 && parsed.success && parsed.output.error.code === 'stats-period-open' ? 'period-open' : 'unavailable';
}

export async function loadRelease(period: string, fetcher: typeof fetch = fetch): Promise<LoadResult> {
  let response: Response;
  try {
    response = await fetcher(releaseUrl(period), { credentials: 'omit', headers: { accept: 'application/json' } });
  } catch {
    return { ok: false, failure: 'network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, failure: response.ok ? 'unavailable' : failureOf(response.status, null) };
  }
  if (!response.ok) return { ok: false, failure: failureOf(response.status, body) };
  const parsed = v.safeParse(StatsReleaseSchema, body);
  // A release for another period than asked is as wrong as a malformed one.
  return parsed.success && parsed.output.period === period ? { ok: true, release: parsed.output } : { ok: false, failure: 'unavailable' };
}
