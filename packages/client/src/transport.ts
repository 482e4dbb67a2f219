/**
 * One HTTP exchange with the server: headers, cookies, error mapping and response parsing.
 * Every JSON answer is parsed with its contracts schema; every error body becomes an ApiError.
 *
 * SECURITY: a request carries secrets (lookup tokens, login keys) only in its body. Paths are
 * built by api-client.ts from ROUTES and ids checked against IdSchema, so nothing else can
 * reach a URL, where proxies and histories would keep it. No header identifies the device.
 */
import * as v from 'valibot';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import { ApiError, ClientError, NetworkError } from './errors.ts';
import { createCookieJar } from './cookie-jar.ts';
import type { CookieJar } from './cookie-jar.ts';

export type RequestInfoForHook = { readonly method: string; readonly path: string };

export type TransportOptions = {
  readonly baseUrl: string;
  readonly fetch?: typeof fetch;
  readonly language?: Language;
  readonly onRequest?: (info: RequestInfoForHook) => void;
  /** Keep the session cookie in memory (Node). Defaults to true outside a browser page. */
  readonly cookieJar?: boolean;
  /**
   * SECURITY: send no cookie at all (fetch `credentials: 'omit'`). The anonymous intake uses it,
   * so an alert filed from a browser where someone is signed in to the desk (a focal point, a
   * shared computer) carries no session the server could link it to.
   */
  readonly anonymous?: boolean;
};

export type Body = { readonly json: unknown } | { readonly bytes: Uint8Array } | null;

export type Transport = {
  readonly language: Language;
  readonly json: <S extends v.GenericSchema>(method: string, path: string, schema: S, body?: Body) => Promise<v.InferOutput<S>>;
  readonly bytes: (method: string, path: string) => Promise<Uint8Array>;
  /** For answers without a body worth reading (logout). */
  readonly empty: (method: string, path: string, body?: Body) => Promise<void>;
  readonly forgetCookies: () => void;
};

const ErrorBodySchema = v.object({
  error: v.object({
    code: v.string(),
    message: v.string(),
    issues: v.optional(v.array(v.string())),
  }),
});

const inBrowserPage = (): boolean => 'document' in globalThis;

function absoluteOrigin(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return null; // a relative baseUrl ('' in the browser): the browser sets Origin itself
  }
}

async function toApiError(response: Response, language: Language): Promise<ApiError> {
  // Loaded on the error path only: the table carries every code's texts in two languages,
  // which a reporter's first load should not pay for (issue 4's 60 KB budget).
  const { errorMessage, isErrorCode } = await import('@kenekanko/contracts/errors');
  let parsed: v.InferOutput<typeof ErrorBodySchema> | null = null;
  try {
    const result = v.safeParse(ErrorBodySchema, await response.json());
    if (result.success) parsed = result.output;
  } catch {
    parsed = null; // not JSON (a proxy's error page): fall back to the status
  }
  if (parsed !== null && isErrorCode(parsed.error.code)) {
    return new ApiError(parsed.error.code, response.status, parsed.error.message, parsed.error.issues ?? []);
  }
  const code = response.status === 413 ? 'payload-too-large' : response.status === 429 ? 'throttled' : response.status === 404 ? 'not-found' : 'internal';
  return new ApiError(code, response.status, errorMessage(code, language));
}

export function createTransport(options: TransportOptions): Transport {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const language = options.language ?? 'fr';
  const base = options.baseUrl.replace(/\/+$/, '');
  const jar: CookieJar | null = (options.cookieJar ?? !inBrowserPage()) ? createCookieJar() : null;
  const origin = jar === null ? null : absoluteOrigin(base);

  function headersFor(body: Body): Headers {
    const headers = new Headers({ accept: 'application/json', 'accept-language': language });
    // Sent on every request: staff routes require it, and it costs the public routes nothing.
    headers.set(CSRF_HEADER, CSRF_HEADER_VALUE);
    if (body !== null && 'json' in body) headers.set('content-type', 'application/json');
    if (body !== null && 'bytes' in body) headers.set('content-type', 'application/octet-stream');
    const cookie = options.anonymous === true ? null : (jar?.header() ?? null);
    if (cookie !== null) headers.set('cookie', cookie);
    // Outside a browser nobody sets Origin; the server's CSRF check compares it with its own.
    if (origin !== null) headers.set('origin', origin);
    return headers;
  }

  async function send(method: string, path: string, body: Body): Promise<Response> {
    options.onRequest?.({ method, path });
    let response: Response;
    try {
      response = await fetchImpl(base + path, {
        method,
        headers: headersFor(body),
        credentials: options.anonymous === true ? 'omit' : 'same-origin',
        redirect: 'error',
        // A copy backed by a plain ArrayBuffer, as fetch's BodyInit requires.
        ...(body === null ? {} : { body: 'json' in body ? JSON.stringify(body.json) : new Uint8Array(body.bytes) }),
      });
    } catch {
      throw new NetworkError(method, path);
    }
    if (jar !== null && typeof response.headers.getSetCookie === 'function') jar.store(response.headers.getSetCookie());
    if (!response.ok) throw await toApiError(response, language);
    return response;
  }

  return {
    language,
    json: async (method, path, schema, body = null) => {
      const response = await send(method, path, body);
      let data: unknown;
      try {
        data = await response.json();
      } catch {
        throw new ClientError('bad-response', `${method} ${path} did not answer JSON`);
      }
      const result = v.safeParse(schema, data);
      if (!result.success) {
        const issues = result.issues.map((issue) => v.getDotPath(issue) ?? '(root)');
        throw new ClientError('bad-response', `${method} ${path} answered an unexpected shape`, { issues });
      }
      return result.output;
    },
    bytes: async (method, path) => {
      const response = await send(method, path, null);
      return new Uint8Array(await response.arrayBuffer());
    },
    empty: async (method, path, body = null) => {
      const response = await send(method, path, body);
      await response.body?.cancel();
    },
    forgetCookies: () => jar?.clear(),
  };
}
