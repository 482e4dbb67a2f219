import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { createLogger, createSilentLogger, pinoOptions, type LogFields } from './logger.ts';

/** A pino destination that keeps every line it is given. */
function memoryDestination(): { readonly lines: string[]; write(line: string): void } {
  const lines: string[] = [];
  return { lines, write: (line: string) => void lines.push(line) };
}

const LEAKS = {
  ip: '196.200.1.23',
  remoteAddress: '196.200.1.24',
  userAgent: 'Mozilla/5.0 (Linux; Android 8.1; TECNO KA7)',
  'user-agent': 'Mozilla/5.0 (X11)',
  headers: { 'x-forwarded-for': '41.73.1.1', cookie: '__Host-kk_session=abc' },
  cookie: '__Host-kk_session=abc',
  authorization: 'Bearer eyJhbGciOi',
  lookupToken: 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5',
  receipt: '1234 5678 9012 3456 7890 1234',
  password: 'correct horse battery staple',
};
const LEAKED_VALUES = ['196.200.1.23', '196.200.1.24', 'TECNO', 'X11', '41.73.1.1', 'abc', 'eyJhbGciOi', 'Zm9vYmFy', '1234 5678', 'horse'];

describe('createLogger', () => {
  it('writes the allowed fields as JSON', () => {
    const out = memoryDestination();
    createLogger('debug', out).info('request', { route: '/api/staff/alerts/:alertId', status: 200, durationMs: 12, count: 3 });
    expect(out.lines).toHaveLength(1);
    const line: unknown = JSON.parse(out.lines[0] ?? '');
    expect(line).toMatchObject({ level: 'info', msg: 'request', route: '/api/staff/alerts/:alertId', status: 200, durationMs: 12, count: 3 });
    expect(line).not.toHaveProperty('pid');
    expect(line).not.toHaveProperty('hostname');
  });

  it('drops keys outside LogFields even when a cast smuggles them in', () => {
    const out = memoryDestination();
    const smuggled = { route: '/api/pow', ...LEAKS, nested: { ip: '196.200.1.23' } } as unknown as LogFields;
    createLogger('debug', out).warn('odd', smuggled);
    const printed = out.lines.join('');
    for (const value of LEAKED_VALUES) expect(printed).not.toContain(value);
    expect(JSON.parse(out.lines[0] ?? '')).toMatchObject({ route: '/api/pow' });
  });

  it('reduces an error to its name and code: its message may quote content', () => {
    const out = memoryDestination();
    const logger = createLogger('debug', out);
    logger.error('failed', { err: new AppError('not-found', { cause: new Error('alert text: the mayor took 5 million') }) });
    logger.error('failed', { err: Object.assign(new Error('ENOENT: no such file /data/blobs/x'), { code: 'ENOENT' }) });
    logger.error('failed', { err: 'a bare string with a receipt 1234 5678' });
    const printed = out.lines.join('');
    expect(printed).not.toContain('mayor');
    expect(printed).not.toContain('/data/blobs');
    expect(printed).not.toContain('1234 5678');
    expect(out.lines.map((l) => (JSON.parse(l) as { err: unknown }).err)).toEqual([
      { name: 'AppError', code: 'not-found' },
      { name: 'Error', code: 'ENOENT' },
      { name: 'string' },
    ]);
  });

  it('respects the level', () => {
    const out = memoryDestination();
    const logger = createLogger('warn', out);
    logger.debug('a');
    logger.info('b');
    logger.warn('c');
    logger.error('d');
    expect(out.lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['c', 'd']);
  });

  it('clips long strings', () => {
    const out = memoryDestination();
    createLogger('info', out).info('x', { code: 'y'.repeat(5000) });
    expect(out.lines[0]?.length).toBeLessThan(400);
  });
});

describe('pino redaction (second line of defence)', () => {
  it('removes address, header, token, receipt and password keys at any of three levels', () => {
    const out = memoryDestination();
    const raw = pino(pinoOptions('debug'), out);
    raw.info({ ...LEAKS, req: { ...LEAKS }, deep: { inner: { ...LEAKS } }, kept: 'visible' }, 'raw');
    const printed = out.lines.join('');
    for (const value of LEAKED_VALUES) expect(printed).not.toContain(value);
    expect(printed).toContain('visible');
  });
});

describe('createSilentLogger', () => {
  it('accepts every call and throws nothing', () => {
    const logger = createSilentLogger();
    expect(() => {
      logger.debug('a');
      logger.info('b', { count: 1 });
      logger.warn('c');
      logger.error('d', { err: new Error('x') });
    }).not.toThrow();
  });
});
