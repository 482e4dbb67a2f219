/**
 * The coalition signing key the server wrote into the page (`<meta name="kenekanko-pins">`).
 * The client checks every key directory it is handed against it (DESIGN §2: the bundle pins
 * the coalition's key), so a server that swaps the directory is caught.
 */

/**
 * The pinned key (base64url), or undefined on a page served before setup (or by the dev
 * server). SECURITY: a pin that is present is passed on exactly as written, malformed or not:
 * the client then refuses any served key that differs, rather than running without a pin.
 */
export function readPinnedCoalitionKey(doc: Pick<Document, 'querySelector'> = document): string | undefined {
  const content = doc.querySelector('meta[name="kenekanko-pins"]')?.getAttribute('content')?.trim() ?? '';
  return content === '' ? undefined : content;
}
