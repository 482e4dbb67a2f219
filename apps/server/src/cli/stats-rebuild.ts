/** Entry point of `npm run stats:rebuild` (see stats-rebuild-command.ts). */
import { statsRebuildMain } from './stats-rebuild-command.ts';

process.exitCode = await statsRebuildMain(
  process.env,
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
