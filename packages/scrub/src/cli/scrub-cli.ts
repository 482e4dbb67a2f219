// Command line: removes identifying metadata from one file, as the reporter's browser does.
//
//   npm run scrub -- INPUT OUTPUT
//
// Exit status: 0 cleaned (what was removed is printed), 2 not cleaned because the kind is not
// supported or the file cannot be cleaned safely (the reason goes to stderr, and nothing is
// written), 1 any other failure (wrong arguments, unreadable input, unwritable output).

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { scrub } from '../index.ts';

export const EXIT = { cleaned: 0, failure: 1, notCleaned: 2 } as const;

type Io = { readonly out: (line: string) => void; readonly err: (line: string) => void };

const CONSOLE: Io = { out: (line) => console.log(line), err: (line) => console.error(line) };

export function main(args: readonly string[], io: Io = CONSOLE): number {
  const [input, output] = args;
  if (args.length !== 2 || input === undefined || output === undefined) {
    io.err('usage: npm run scrub -- INPUT OUTPUT');
    return EXIT.failure;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(input));
  } catch {
    io.err(`cannot read ${input}`);
    return EXIT.failure;
  }
  const result = scrub(bytes);
  switch (result.status) {
    case 'cleaned':
      try {
        writeFileSync(output, result.bytes);
      } catch {
        io.err(`cannot write ${output}`);
        return EXIT.failure;
      }
      io.out(`cleaned ${result.kind}: ${result.removed.length === 0 ? 'nothing to remove' : `removed ${result.removed.join('; ')}`}`);
      return EXIT.cleaned;
    case 'unsupported':
      io.err(`not cleaned: ${result.reason}`);
      return EXIT.notCleaned;
    case 'failed':
      io.err(`not cleaned: this ${result.kind} file cannot be cleaned safely (${result.code}): ${result.reason}`);
      return EXIT.notCleaned;
    default: {
      const never: never = result;
      return never;
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main(process.argv.slice(2));
