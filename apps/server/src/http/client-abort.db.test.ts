/**
 * M4: a client that goes away mid-request (a phone losing signal) is normal, not an error: it
 * must not produce a timestamped error line naming a reporter route. Tested against a real
 * listening server, with a request whose body is cut off. L2: what Node's parser refuses
 * still gets the security headers.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '@kenekanko/contracts';
import { createApp } from '../app.ts';
import type { Logger, LogFields } from '../logging/logger.ts';
import { createHarness } from './testing/harness.ts';
import type { Harness } from './testing/harness.ts';
import { CHUNK, openSubmission, setUp } from './testing/flows.ts';
import { newId } from '../features/shared/ids.ts';
import { answerClientErrors, siteHeaders } from './client-error.ts';

type Line = { readonly level: string; readonly msg: string; readonly fields: LogFields | undefined };

function recordingLogger(lines: Line[]): Logger {
  const at = (level: string) => (msg: string, fields?: LogFields) => lines.push({ level, msg, fields });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Sends the head and part of the body of a request, then drops the connection. */
async function abortedRequest(port: number, head: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      socket.write('x'.repeat(1000));
      setTimeout(() => {
        socket.destroy();
        resolve();
      }, 150);
    });
    socket.on('error', reject);
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('a client that disconnects mid-request (sqlite)', () => {
  let h: Harness;
  let server: ServerType;
  let port: number;
  const lines: Line[] = [];

  beforeEach(async () => {
    h = await createHarness('sqlite');
    await setUp(h);
    const app = createApp({ ...h.deps, logger: recordingLogger(lines) });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  it('logs nothing at info, warn or error level for an aborted chunk upload or reporter post', async () => {
    const submission = await openSubmission(h, CHUNK);
    const chunkPath = ROUTES.chunk(submission, newId(), 0);
    await abortedRequest(port, `PUT ${chunkPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: ${CHUNK}\r\n\r\n`);
    await abortedRequest(port, `POST ${ROUTES.reporterMessages} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n`);
    await abortedRequest(port, `POST ${ROUTES.authLogin} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n`);
    expect(lines.filter((l) => l.level !== 'debug')).toEqual([]);
    // The server is still fine afterwards.
    expect((await fetch(`http://127.0.0.1:${port}${ROUTES.health}`)).status).toBe(200);
  });
});

describe('requests the HTTP parser refuses (sqlite)', () => {
  let h: Harness;
  let server: ServerType;
  let port: number;

  beforeEach(async () => {
    h = await createHarness('sqlite');
    const app = createApp(h.deps);
    const headers = await siteHeaders(app.fetch);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    answerClientErrors(server, headers);
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });

  async function rawAnswer(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      let answer = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      socket.on('data', (data) => (answer += data.toString('latin1')));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  it('answers a bad method and oversized headers with the security headers, then closes', async () => {
    const bad = await rawAnswer('FOO@ / HTTP/1.1\r\nHost: x\r\n\r\n');
    const huge = await rawAnswer(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    for (const [answer, status] of [[bad, '400'], [huge, '431']] as const) {
      expect(answer.split('\r\n')[0]).toBe(`HTTP/1.1 ${status} ${status === '400' ? 'Bad Request' : 'Request Header Fields Too Large'}`);
      expect(answer.toLowerCase()).toContain('content-security-policy:');
      expect(answer.toLowerCase()).toContain('x-content-type-options: nosniff');
      expect(answer.toLowerCase()).toContain('connection: close');
    }
  });
});
