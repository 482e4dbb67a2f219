/**
 * Entry point of `npm run setup` (see setup-command.ts). Wires the command to this process:
 * its arguments, standard streams, the file system and the global fetch.
 */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { runSetupCommand } from './setup-command.ts';

process.exitCode = await runSetupCommand(process.argv.slice(2), {
  stdout: (output) => process.stdout.write(output),
  stderr: (output) => process.stderr.write(output),
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  fetch: globalThis.fetch,
});
