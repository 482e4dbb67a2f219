/**
 * The one API client of a page, on the page's own origin (no other origin is ever contacted).
 * Error texts are translated in the page from their codes (describe-error.ts), so the
 * language given here only sets the server's fallback wording.
 */
import { createApiClient } from '@kenekanko/client';
import type { ApiClient } from '@kenekanko/client';

let client: ApiClient | null = null;

export function api(): ApiClient {
  client ??= createApiClient({ baseUrl: '' });
  return client;
}
