/**
 * The server's own secrets, kept in files outside the database (DESIGN §3): a database dump or
 * backup alone must not let anyone test guessed receipts against the lookup hashes.
 *
 *   SECRETS_DIR/pepper-v1.key      the pepper of HMAC(pepper, lookup token); more versions are
 *                                  added by dropping pepper-v2.key, … (the highest is used for
 *                                  new lookups, older ones still resolve old receipts)
 *   SECRETS_DIR/server-secret.key  keys server-side MACs (PoW challenges, fake salts)
 *
 * Each file holds 32 random bytes as base64url and a newline. They are created on first start
 * (folder 0700, files 0600, created exclusively so two starting processes cannot both write
 * one) and are never stored in the database. SECURITY: losing the pepper locks every reporter
 * out; the operations guide puts this folder in the backup, apart from database backups.
 * Permissions found looser than 0700/0600 are tightened at start.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const SECRET_LENGTH = 32;
const SERVER_SECRET_FILE = 'server-secret.key';
const PEPPER_FILE = /^pepper-v([1-9]\d{0,5})\.key$/;
const BASE64URL_32 = /^[A-Za-z0-9_-]{43}$/;

export type Secrets = {
  /** The pepper version for new lookup hashes: the highest present. */
  readonly pepperVersion: number;
  /** The pepper of a version; throws SecretsError for a version that has no file. */
  readonly pepper: (version: number) => Uint8Array;
  readonly serverSecret: Uint8Array;
};

export class SecretsError extends Error {
  override readonly name = 'SecretsError';
}

async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (((await stat(dir)).mode & 0o077) !== 0) await chmod(dir, 0o700);
}

function encode(bytes: Uint8Array): string {
  return `${Buffer.from(bytes).toString('base64url')}\n`;
}

async function readSecretFile(file: string): Promise<Uint8Array> {
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  const text = (await readFile(file, 'utf8')).trim();
  // SECURITY: the message names the file, never its content.
  if (!BASE64URL_32.test(text)) throw new SecretsError(`${path.basename(file)} does not hold 32 bytes in base64url`);
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

/**
 * Reads the file, creating it with fresh random bytes first when it does not exist. The new
 * secret is written in full to a temporary file and then hard-linked into place: link() fails
 * if the name exists, so a process starting at the same moment either wins or reads the
 * winner's complete file, never a half-written one.
 */
async function readOrCreate(file: string): Promise<Uint8Array> {
  const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await writeFile(temp, encode(randomBytes(SECRET_LENGTH)), { flag: 'wx', mode: 0o600 });
    await link(temp, file);
  } catch (error) {
    if (!(error instanceof Error && (error as { readonly code?: unknown }).code === 'EEXIST')) throw error;
  } finally {
    await rm(temp, { force: true });
  }
  return readSecretFile(file);
}

/**
 * The server secret as it is, for read-only tools (`npm run audit:verify`): never creates the
 * folder or the file (a fresh secret would only make every audit MAC look wrong), never
 * changes permissions. Throws SecretsError when it is missing or damaged.
 */
export async function readServerSecret(secretsDir: string): Promise<Uint8Array> {
  let text: string;
  try {
    text = (await readFile(path.join(secretsDir, SERVER_SECRET_FILE), 'utf8')).trim();
  } catch {
    throw new SecretsError(`no readable ${SERVER_SECRET_FILE} in the secrets folder`);
  }
  if (!BASE64URL_32.test(text)) throw new SecretsError(`${SERVER_SECRET_FILE} does not hold 32 bytes in base64url`);
  return new Uint8Array(Buffer.from(text, 'base64url'));
}

export async function loadOrCreateSecrets(secretsDir: string): Promise<Secrets> {
  await ensurePrivateDir(secretsDir);
  const serverSecret = await readOrCreate(path.join(secretsDir, SERVER_SECRET_FILE));

  const versions = (await readdir(secretsDir))
    .map((name) => PEPPER_FILE.exec(name)?.[1])
    .filter((match) => match !== undefined)
    .map(Number);
  if (versions.length === 0) versions.push(1);
  const peppers = new Map<number, Uint8Array>();
  for (const version of versions) {
    peppers.set(version, await readOrCreate(path.join(secretsDir, `pepper-v${version}.key`)));
  }
  const pepperVersion = Math.max(...versions);

  return {
    pepperVersion,
    pepper: (version) => {
      const pepper = peppers.get(version);
      if (pepper === undefined) throw new SecretsError(`no pepper of version ${version}`);
      return pepper.slice();
    },
    serverSecret,
  };
}
