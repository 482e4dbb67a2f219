/**
 * A fetch that records every request and answers from a handler, for the client's unit
 * tests. Requests are kept as the server would see them: method, path, headers and body.
 */
export type RecordedRequest = {
  readonly method: string;
  readonly url: string;
  readonly path: string;
  readonly headers: Headers;
  readonly credentials: RequestCredentials | undefined;
  /** Parsed JSON for JSON bodies, bytes for octet-stream bodies, null without a body. */
  readonly body: unknown;
};

export type Handler = (request: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function errorResponse(status: number, code: string, message = 'message from the server'): Response {
  return jsonResponse(status, { error: { code, message } });
}

function readBody(init: RequestInit | undefined, headers: Headers): unknown {
  const body = init?.body;
  if (body === undefined || body === null) return null;
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return headers.get('content-type') === 'application/json' ? JSON.parse(body) : body;
  throw new Error('unexpected body type in test');
}

export function recordingFetch(handler: Handler): { readonly fetch: typeof fetch; readonly requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers);
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url,
      path: new URL(url).pathname + new URL(url).search,
      headers,
      credentials: init?.credentials,
      body: readBody(init, headers),
    };
    requests.push(request);
    return handler(request);
  };
  return { fetch: fake, requests };
}
