/** Entry point of `npm run audit:verify` (see audit-verify-command.ts). */
import { auditVerifyMain } from './audit-verify-command.ts';

process.exitCode = await auditVerifyMain(
  process.env,
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
