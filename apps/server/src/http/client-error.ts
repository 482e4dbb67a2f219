/**
 * Answers for requests Node's HTTP parser rejects before they reach the app (a bad method,
 * headers too large, garbage): L2, they too carry the security headers, then the connection
 * closes. Nothing is logged: such a request names no route, and a line would only date it.
 */
import { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerType } from '@hono/node-server';

/** Headers that describe one body, not the site: never copied into a parser-error answer. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'etag', 'vary']);

/**
 * The site-wide headers the app puts on every answer, taken from a real answer of the app
 * itself, so they cannot drift from security-headers.ts.
 */
export async function siteHeaders(fetch: (request: Request) => Response | Promise<Response>): Promise<readonly (readonly [string, string])[]> {
  const sample = await fetch(new Request('http://localhost/healthz'));
  await sample.body?.cancel();
  return [...sample.headers.entries()].filter(([name]) => !BODY_HEADERS.has(name.toLowerCase()) && !/[\r\n]/.test(name));
}

/** The raw answer: status line, the site headers, an empty body, and a closing connection. */
export function clientErrorAnswer(status: 400 | 431, headers: readonly (readonly [string, string])[]): string {
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const lines = headers.filter(([, value]) => !/[\r\n]/.test(value)).map(([name, value]) => `${name}: ${value}`);
  return [`HTTP/1.1 ${status} ${reason}`, ...lines, 'content-length: 0', 'connection: close', '', ''].join('\r\n');
}

export function answerClientErrors(server: ServerType, headers: readonly (readonly [string, string])[]): void {
  // The server is plain HTTP/1.1 (TLS ends at the proxy); an HTTP/2 server has no such event.
  if (!(server instanceof Server)) return;
  server.on('clientError', (error: Error & { readonly code?: string }, socket: Duplex) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    socket.end(clientErrorAnswer(status, headers));
  });
}
