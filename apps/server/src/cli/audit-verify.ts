/** Entry point of `npm run audit:verify` (see audit-verify-command.ts). */
import { auditVerifyMain } from './audit-verify-command.ts';

process.exitCode = await auditVerifyMain(
  process.env,
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
