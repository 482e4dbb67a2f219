/**
 * Command-line arguments of `npm run setup`. Parsing only: no I/O, so every mistake is
 * reported (exit code 2) before a key is made or a request sent.
 */
import { parseArgs } from 'node:util';
import { LANGUAGES } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';

export const SETUP_USAGE = `Usage: npm run setup -- --url URL --token TOKEN --organisation NAME --login LOGIN
                        (--password-file FILE | --password-stdin) [--language fr|en] [--no-mali-preset]

Sets up a fresh Kenekanko server: makes every key on this machine, sends the server only
public keys and wrapped private keys, and prints the recovery keys to keep offline.
  --url             the running server, e.g. http://localhost:8080
  --token           the one-time setup token the server printed at its first start
  --organisation    the coalition organisation's name, e.g. "COSCLCCP"
  --login           the first coordinator's login
  --password-file   a file holding the coordinator's password (first line)
  --password-stdin  read the password from standard input instead
  --language        language of the server's error messages (default en)
  --no-mali-preset  do not add OCLEI, CENTIF, ARGASC, PNEF and CGSP as recipient organisations`;

export type PasswordSource = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'stdin' };

export type SetupArgs = {
  readonly url: string;
  readonly token: string;
  readonly organisation: string;
  readonly login: string;
  readonly password: PasswordSource;
  readonly language: Language;
  /** Seed the Mali authorities (default true; --no-mali-preset turns it off). */
  readonly maliPreset: boolean;
};

export type ParsedArgs = { readonly ok: true; readonly args: SetupArgs } | { readonly ok: false; readonly help: boolean; readonly problem: string };

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

function checkUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : '--url must be an http(s) URL';
  } catch {
    return '--url must be an http(s) URL';
  }
}

export function parseSetupArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        organisation: { type: 'string' },
        login: { type: 'string' },
        'password-file': { type: 'string' },
        'password-stdin': { type: 'boolean' },
        language: { type: 'string' },
        'no-mali-preset': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch {
    // Node's message may quote the argument, which could be the password typed in the wrong place.
    return { ok: false, help: false, problem: 'unknown or malformed argument' };
  }
  if (values.help === true) return { ok: false, help: true, problem: '' };
  const { url, token, organisation, login } = values;
  if (url === undefined || token === undefined || organisation === undefined || login === undefined) {
    return { ok: false, help: false, problem: '--url, --token, --organisation and --login are required' };
  }
  const file = values['password-file'];
  const stdin = values['password-stdin'] === true;
  if ((file === undefined) === !stdin) return { ok: false, help: false, problem: 'give exactly one of --password-file and --password-stdin' };
  const urlProblem = checkUrl(url);
  if (urlProblem !== null) return { ok: false, help: false, problem: urlProblem };
  const language = values.language ?? 'en';
  if (!isLanguage(language)) return { ok: false, help: false, problem: `--language must be one of ${LANGUAGES.join(', ')}` };
  const password: PasswordSource = file === undefined ? { kind: 'stdin' } : { kind: 'file', path: file };
  return { ok: true, args: { url, token, organisation, login, password, language, maliPreset: values['no-mali-preset'] !== true } };
}

/** The password is the first line: a trailing newline from `echo` or an editor is not part of it. */
export function passwordFromText(text: string): string {
  const [first = ''] = text.split(/\r?\n/, 1);
  return first;
}
