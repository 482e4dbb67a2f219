import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import type { LogFields, Logger } from '../logging/logger.ts';
import { AppError } from './app-error.ts';
import { createErrorHandler, notFoundHandler } from './error-handler.ts';
import { preferredLanguage } from './language.ts';

function recordingLogger(): Logger & { lines: { msg: string; fields: LogFields | undefined }[] } {
  const lines: { msg: string; fields: LogFields | undefined }[] = [];
  const log = (msg: string, fields?: LogFields): void => {
    lines.push({ msg, fields });
  };
  return { lines, debug: log, info: log, warn: log, error: log };
}

function appThatThrows(error: unknown, logger: Logger): Hono {
  const app = new Hono();
  app.get('/boom/:id', () => {
    throw error;
  });
  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(logger));
  return app;
}

describe('the error handler', () => {
  it('maps an AppError to its status, code, translated message and issues', async () => {
    const response = await appThatThrows(new AppError('validation-failed', { issues: ['statistics.regionId'] }), recordingLogger()).request('/boom/1');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'validation-failed', message: 'Certaines informations envoyées ne sont pas valides.', issues: ['statistics.regionId'] },
    });
  });

  it('answers an unexpected error with a bare 500 and logs its name, not its message', async () => {
    const logger = recordingLogger();
    const error = new TypeError('receipt 1234 5678 leaked into a message');
    const response = await appThatThrows(error, logger).request('/boom/1', { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal error. Nothing was lost: try again.' } });
    expect(text).not.toContain('1234');
    expect(text).not.toContain('TypeError');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.fields).toMatchObject({ route: '/boom/:id', err: error });
  });

  it('answers unknown routes with the not-found code', async () => {
    const response = await appThatThrows(new Error('x'), recordingLogger()).request('/elsewhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not-found' } });
  });
});

describe('preferredLanguage', () => {
  it('is French unless English is preferred', () => {
    expect(preferredLanguage(undefined)).toBe('fr');
    expect(preferredLanguage('')).toBe('fr');
    expect(preferredLanguage('en')).toBe('en');
    expect(preferredLanguage('en-US,en;q=0.9')).toBe('en');
    expect(preferredLanguage('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(preferredLanguage('bm,en;q=0.5')).toBe('en');
    expect(preferredLanguage('en;q=0.5,fr;q=0.9')).toBe('fr');
    expect(preferredLanguage('de')).toBe('fr');
    expect(preferredLanguage('en;q=0')).toBe('fr');
  });
});
