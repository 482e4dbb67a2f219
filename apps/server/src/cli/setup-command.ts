/**
 * `npm run setup`: a client like the browser's /setup page. It talks only HTTP to a running
 * server and runs setupPlatform from @kenekanko/client here, so the keys are made on the
 * operator's machine. Exit codes: 0 set up, 1 the server refused or could not be reached,
 * 2 the command line or the password file is wrong.
 *
 * SECURITY: the password is read from a file or stdin (never an argument, which `ps` and
 * shell histories keep) and never printed. The recovery keys are printed once, to stdout.
 */
import { createApiClient, isApiError, isClientError, isNetworkError, setupPlatform } from '@kenekanko/client';
import type { SetupResult } from '@kenekanko/client';
import { SETUP_USAGE, parseSetupArgs, passwordFromText } from './setup-args.ts';
import type { PasswordSource } from './setup-args.ts';

export type SetupIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => Promise<string>;
  readonly readStdin: () => Promise<string>;
  readonly fetch: typeof fetch;
};

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

async function readPassword(source: PasswordSource, io: SetupIo): Promise<string | null> {
  try {
    return passwordFromText(source.kind === 'file' ? await io.readFile(source.path) : await io.readStdin());
  } catch {
    return null;
  }
}

export function recoverySheet(result: SetupResult, organisation: string, login: string): string {
  const keys = result.recoveryKeys;
  return [
    'Kenekanko is set up.',
    `  organisation  ${organisation}  (${result.organisationId})`,
    `  coordinator   ${login}  (${result.coordinatorId})`,
    '',
    'RECOVERY KEYS. Print this page or copy the keys by hand NOW, and keep them offline',
    '(a safe, a sealed envelope), each apart from the others. They are shown only once:',
    'the server does not have them and cannot show them again.',
    '',
    `  1. coordinator account (${login}): opens this account's keys if the password is lost`,
    `     ${keys.user}`,
    `  2. organisation keys (${organisation}): open every alert sent to the organisation`,
    `     ${keys.organisation}`,
    '  3. coalition signing key: signs the key directory and questionnaires',
    `     ${keys.coalition}`,
    '  4. custodian key: opens the identities reporters gave',
    `     ${keys.custodian}`,
    '',
    'Give the custodian key to the custodian only. Do not store these keys on this computer,',
    'in e-mail, in a chat or in a cloud drive.',
    '',
  ].join('\n');
}

function describeFailure(error: unknown, url: string): string {
  if (isApiError(error)) return `The server refused the setup (${error.code}): ${error.message}`;
  if (isNetworkError(error)) return `Could not reach the server at ${url}. Is it running?`;
  // A ClientError's message already starts with its code: say it once.
  if (isClientError(error)) return `Setup stopped (${error.code}): ${error.message.replace(`${error.code}: `, '')}`;
  return 'Setup failed unexpectedly; nothing was printed that you need to keep.';
}

export async function runSetupCommand(argv: readonly string[], io: SetupIo): Promise<ExitCode> {
  const parsed = parseSetupArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(`${SETUP_USAGE}\n`);
      return EXIT.ok;
    }
    io.stderr(`setup: ${parsed.problem}\n\n${SETUP_USAGE}\n`);
    return EXIT.usage;
  }
  const { args } = parsed;
  const password = await readPassword(args.password, io);
  if (password === null || password === '') {
    io.stderr(`setup: could not read a password from ${args.password.kind === 'file' ? 'the password file' : 'standard input'}\n`);
    return EXIT.usage;
  }
  if (new URL(args.url).protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(new URL(args.url).hostname)) {
    io.stderr('setup: warning: plain http to another machine: the setup token travels unprotected. Prefer https.\n');
  }
  const api = createApiClient({ baseUrl: args.url, fetch: io.fetch, language: args.language, cookieJar: true });
  try {
    const result = await setupPlatform(api, { token: args.token, organisationName: args.organisation, login: args.login, password, maliPreset: args.maliPreset });
    io.stdout(recoverySheet(result, args.organisation.trim(), args.login.trim().toLowerCase()));
    return EXIT.ok;
  } catch (error) {
    io.stderr(`setup: ${describeFailure(error, args.url)}\n`);
    // A refused password or login is the operator's input, like a bad argument.
    return isClientError(error) && error.code === 'bad-input' ? EXIT.usage : EXIT.failed;
  }
}
