/**
 * The case-work jobs of one server process: deadline reminders (in-app notifications, every
 * 15 minutes) and, when SMTP_URL is set, content-free e-mail reminders. Both are safe to run
 * from several processes (a reminder is given once; a mail at most once an hour per user,
 * give or take a race between two processes).
 */
import type { Kysely } from 'kysely';
import { createKyselyStorage } from '../adapters/kysely-storage.ts';
import { deriveAuditMacKey } from '../audit/audit-mac.ts';
import { createSmtpMailer } from '../adapters/smtp-mailer.ts';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import { notifyOverdue, sendMailReminders } from '../features/cases/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { Secrets } from '../secrets/index.ts';
import { startPeriodicJob } from './scheduler.ts';
import type { JobHandle } from './scheduler.ts';

export const CASE_JOB_INTERVAL_MS = 15 * 60_000;

export function startCaseJobs(deps: { readonly db: Kysely<Database>; readonly config: Config; readonly secrets: Secrets; readonly logger: Logger; readonly clock: () => Date }): readonly JobHandle[] {
  const storage = createKyselyStorage(deps.db, deriveAuditMacKey(deps.secrets.serverSecret));
  const jobs = [startPeriodicJob('case-deadlines', () => notifyOverdue(storage, deps.clock()), deps.logger, CASE_JOB_INTERVAL_MS)];
  const mail = deps.config.mail;
  if (mail !== null) {
    const mailer = createSmtpMailer(mail);
    const deskUrl = `${deps.config.publicUrl}/desk/`;
    jobs.push(startPeriodicJob('mail-reminders', () => sendMailReminders(storage, mailer, deskUrl, deps.clock()), deps.logger, CASE_JOB_INTERVAL_MS));
  }
  return jobs;
}
