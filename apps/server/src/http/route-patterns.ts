/**
 * Hono patterns for the routes that contracts' ROUTES builds from ids. Kept beside a test that
 * fills them in and compares with ROUTES, so the server and its clients cannot drift apart.
 */
export const ROUTE_PATTERNS = {
  chunk: '/api/submissions/:submissionId/blobs/:blobId/chunks/:index',
  finalize: '/api/submissions/:submissionId/finalize',
  staffAlert: '/api/staff/alerts/:alertId',
  staffChunk: '/api/staff/alerts/:alertId/blobs/:blobId/chunks/:index',
  staffTransitions: '/api/staff/alerts/:alertId/transitions',
  staffMessages: '/api/staff/alerts/:alertId/messages',
  staffNotes: '/api/staff/alerts/:alertId/notes',
} as const;

/** Fills a pattern's `:name` parameters (used by the test and by local request helpers). */
export function fillPattern(pattern: string, params: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing route parameter ${name}`);
    return String(value);
  });
}
