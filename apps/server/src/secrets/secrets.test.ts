import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SecretsError, loadOrCreateSecrets } from './secrets.ts';

describe('loadOrCreateSecrets', () => {
  let root: string;
  let dir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kk-secrets-'));
    dir = path.join(root, 'data', 'secrets');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates a 32-byte pepper v1 and server secret, private to the server user', async () => {
    const secrets = await loadOrCreateSecrets(dir);
    expect(secrets.pepperVersion).toBe(1);
    expect(secrets.pepper(1)).toHaveLength(32);
    expect(secrets.serverSecret).toHaveLength(32);
    expect(secrets.pepper(1)).not.toEqual(secrets.serverSecret);
    expect((await readdir(dir)).sort()).toEqual(['pepper-v1.key', 'server-secret.key']);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'pepper-v1.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(dir, 'server-secret.key'))).mode & 0o777).toBe(0o600);
    const text = await readFile(path.join(dir, 'pepper-v1.key'), 'utf8');
    expect(Buffer.from(text.trim(), 'base64url')).toEqual(Buffer.from(secrets.pepper(1)));
  });

  it('returns the same secrets on every later start', async () => {
    const first = await loadOrCreateSecrets(dir);
    const second = await loadOrCreateSecrets(dir);
    expect(second.pepper(1)).toEqual(first.pepper(1));
    expect(second.serverSecret).toEqual(first.serverSecret);
  });

  it('gives two processes starting at once the same secrets', async () => {
    const [a, b] = await Promise.all([loadOrCreateSecrets(dir), loadOrCreateSecrets(dir)]);
    expect(a.pepper(1)).toEqual(b.pepper(1));
    expect(a.serverSecret).toEqual(b.serverSecret);
  });

  it('uses the highest pepper for new lookups and still resolves old versions', async () => {
    const first = await loadOrCreateSecrets(dir);
    const v2 = randomBytes(32);
    await writeFile(path.join(dir, 'pepper-v2.key'), `${v2.toString('base64url')}\n`, { mode: 0o600 });
    const later = await loadOrCreateSecrets(dir);
    expect(later.pepperVersion).toBe(2);
    expect(later.pepper(2)).toEqual(new Uint8Array(v2));
    expect(later.pepper(1)).toEqual(first.pepper(1));
    expect(() => later.pepper(3)).toThrow(SecretsError);
  });

  it('does not let a caller change the stored pepper', async () => {
    const secrets = await loadOrCreateSecrets(dir);
    const copy = secrets.pepper(1);
    const original = copy.slice();
    copy.fill(0);
    expect(secrets.pepper(1)).toEqual(original);
  });

  it('tightens loose permissions', async () => {
    await loadOrCreateSecrets(dir);
    await chmod(dir, 0o755);
    await chmod(path.join(dir, 'pepper-v1.key'), 0o644);
    await loadOrCreateSecrets(dir);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'pepper-v1.key'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key file without printing its content', async () => {
    await loadOrCreateSecrets(dir);
    await writeFile(path.join(dir, 'server-secret.key'), 'not-a-key-at-all-but-a-secret-word\n');
    const attempt = loadOrCreateSecrets(dir);
    await expect(attempt).rejects.toThrow(SecretsError);
    await expect(attempt).rejects.not.toThrow(/secret-word/);
  });
});
