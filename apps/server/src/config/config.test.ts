import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('gives documented defaults for an empty environment', () => {
    const config = loadConfig({});
    const dataDir = path.resolve('./data');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir,
      database: { kind: 'sqlite', file: path.join(dataDir, 'kenekanko.sqlite') },
      blobDir: path.join(dataDir, 'blobs'),
      secretsDir: path.join(dataDir, 'secrets'),
      maxFileBytes: 50 * 1024 * 1024,
      maxAlertBytes: 200 * 1024 * 1024,
      storageQuotaBytesPerDay: 5000 * 1024 * 1024,
      sessionIdleMinutes: 30,
      publicUrl: 'http://localhost:8080',
      logLevel: 'info',
      powBaseBits: 16,
      requireSecondFactor: true,
      statsSuppressionThreshold: 5,
      reportFontDir: '/usr/share/fonts/truetype/dejavu',
    });
    expect(config.webDistDir.endsWith(path.join('apps', 'web', 'dist'))).toBe(true);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '3000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/kk',
      DATABASE_URL: 'postgres://kk@db.internal:5432/kk',
      SECRETS_DIR: '/etc/kk/secrets',
      MAX_FILE_MB: '10',
      MAX_ALERT_MB: '20',
      STORAGE_QUOTA_MB_PER_DAY: '100',
      SESSION_IDLE_MINUTES: '15',
      PUBLIC_URL: 'https://alerte.example.ml/',
      WEB_DIST_DIR: '/srv/web',
      LOG_LEVEL: 'warn',
      POW_BITS: '20',
      REQUIRE_SECOND_FACTOR: 'false',
      SMTP_URL: 'smtp://mail.internal:25',
      MAIL_FROM: 'desk@example.ml',
      STATS_SUPPRESSION_THRESHOLD: '10',
      REPORT_FONT_DIR: '/opt/kk/fonts',
    });
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: '/var/lib/kk',
      database: { kind: 'postgres', url: 'postgres://kk@db.internal:5432/kk' },
      blobDir: '/var/lib/kk/blobs',
      secretsDir: '/etc/kk/secrets',
      maxFileBytes: 10 * 1024 * 1024,
      maxAlertBytes: 20 * 1024 * 1024,
      storageQuotaBytesPerDay: 100 * 1024 * 1024,
      sessionIdleMinutes: 15,
      publicUrl: 'https://alerte.example.ml',
      webDistDir: '/srv/web',
      logLevel: 'warn',
      powBaseBits: 20,
      requireSecondFactor: false,
      mail: { smtpUrl: 'smtp://mail.internal:25', from: 'desk@example.ml' },
      statsSuppressionThreshold: 10,
      reportFontDir: '/opt/kk/fonts',
    });
  });

  it('uses the port in the default public URL and treats empty values as unset', () => {
    const config = loadConfig({ PORT: '9000', LOG_LEVEL: '', DATABASE_URL: '' });
    expect(config.publicUrl).toBe('http://localhost:9000');
    expect(config.logLevel).toBe('info');
    expect(config.database.kind).toBe('sqlite');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAX_FILE_MB', '0'],
    ['MAX_FILE_MB', '-5'],
    ['POW_BITS', '33'],
    ['LOG_LEVEL', 'verbose'],
    ['REQUIRE_SECOND_FACTOR', 'no'],
    ['PUBLIC_URL', 'not a url'],
    ['PUBLIC_URL', 'ftp://example.org'],
    ['PUBLIC_URL', 'https://example.org/?q=1'],
    ['DATABASE_URL', 'mysql://root@localhost/kk'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.issues.some((issue) => issue.startsWith(`${name}:`))).toBe(true);
  });

  it('refuses a per-file limit above the per-alert limit', () => {
    const error = configError({ MAX_FILE_MB: '300', MAX_ALERT_MB: '200' });
    expect(error.issues).toEqual(['MAX_FILE_MB: at most MAX_ALERT_MB']);
  });

  it('never repeats a bad value in the error (it may be a password)', () => {
    const secret = 'mysql://admin:hunter2-Sup3rSecret@db/kk';
    const error = configError({ DATABASE_URL: secret });
    expect(error.message).not.toContain('hunter2');
    expect(error.issues.join(' ')).not.toContain('hunter2');
  });
});
