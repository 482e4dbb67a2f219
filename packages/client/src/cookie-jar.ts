/**
 * A session-cookie jar for Node (the setup CLI, the integration tests). Browsers keep cookies
 * themselves and hide `Set-Cookie` from scripts, so there the jar is never used.
 *
 * It holds name=value pairs in memory only, for the one server the client talks to, and
 * forgets a cookie the server expires. Attributes other than expiry are the server's business:
 * this jar never sends a cookie anywhere but back to the baseUrl it was created for.
 */

export type CookieJar = {
  /** The value of a `Cookie` request header, or null when the jar is empty. */
  readonly header: () => string | null;
  readonly store: (setCookieHeaders: readonly string[]) => void;
  readonly clear: () => void;
};

function isExpired(attributes: readonly string[], now: number): boolean {
  for (const attribute of attributes) {
    const [rawName = '', ...rest] = attribute.split('=');
    const name = rawName.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (name === 'max-age' && Number(value) <= 0) return true;
    if (name === 'expires') {
      const at = Date.parse(value);
      if (!Number.isNaN(at) && at <= now) return true;
    }
  }
  return false;
}

export function createCookieJar(now: () => number = Date.now): CookieJar {
  const cookies = new Map<string, string>();
  return {
    header: () => (cookies.size === 0 ? null : [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')),
    store: (setCookieHeaders) => {
      for (const line of setCookieHeaders) {
        const [pair = '', ...attributes] = line.split(';');
        const at = pair.indexOf('=');
        if (at <= 0) continue;
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (value === '' || isExpired(attributes, now())) cookies.delete(name);
        else cookies.set(name, value);
      }
    },
    clear: () => cookies.clear(),
  };
}
