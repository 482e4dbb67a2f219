/**
 * Optional e-mail reminders to staff. SECURITY: a reminder says only how many new items wait
 * on the desk and where the desk is. It never names an alert, a reporter, a kind of
 * notification, or anything from an envelope: mail crosses servers we do not control. It is
 * off unless the server has an SMTP_URL and the user opted in with an address kept for that
 * purpose only (deleted when they opt out).
 */
import type { MailPreferenceView } from '@kenekanko/contracts';
import { AppError } from '../../http/app-error.ts';
import type { AuditLog } from '../shared/audit.ts';
import type { Storage } from '../shared/storage.ts';
import type { CasesRepos } from './ports.ts';

export type MailMessage = { readonly to: string; readonly subject: string; readonly text: string };

/** Port: sends one message (adapters/smtp-mailer.ts over nodemailer). */
export type Mailer = { send(message: MailMessage): Promise<void> };

/** At most one reminder per user in this interval, however many items arrive. */
export const MAIL_MIN_INTERVAL_MS = 60 * 60_000;

/** The whole text of a reminder: a count and the desk's address, in French and English. */
export function reminderMessage(to: string, count: number, deskUrl: string): MailMessage {
  const fr = count === 1 ? '1 nouvel élément vous attend' : `${count} nouveaux éléments vous attendent`;
  const en = count === 1 ? '1 new item is waiting for you' : `${count} new items are waiting for you`;
  return {
    to,
    subject: 'Kenekanko',
    text: `${fr} sur le bureau Kenekanko : ${deskUrl}\n\n${en} on the Kenekanko desk: ${deskUrl}\n`,
  };
}

export async function mailPreference(repos: Pick<CasesRepos, 'notifications'>, userId: string, available: boolean): Promise<MailPreferenceView> {
  const saved = await repos.notifications.mailPreference(userId);
  return { available, enabled: saved?.enabled ?? false, address: saved?.address ?? null };
}

/** Opting out forgets the address. Audited without the address (the entry names the user). */
export async function saveMailPreference(
  storage: Storage<CasesRepos & { readonly audit: AuditLog }>,
  userId: string,
  request: { readonly enabled: boolean; readonly address: string | null },
  available: boolean,
  now: Date,
): Promise<MailPreferenceView> {
  if (request.enabled && !available) throw new AppError('mail-not-configured');
  if (request.enabled && request.address === null) throw new AppError('mail-address-invalid');
  return storage.transaction(async (repos) => {
    if (request.enabled && request.address !== null) {
      await repos.notifications.saveMailPreference(userId, { address: request.address, enabled: true }, now.toISOString());
    } else {
      await repos.notifications.deleteMailPreference(userId);
    }
    await repos.audit.append({ actorId: userId, action: 'set-mail-preference', objectType: 'user', objectId: userId, details: { enabled: request.enabled && request.address !== null } }, now);
    return mailPreference(repos, userId, available);
  });
}

/** One pass of the reminder job: mails each opted-in user who has unread items newer than their last reminder. */
export async function sendMailReminders(storage: Storage<CasesRepos>, mailer: Mailer, deskUrl: string, now: Date): Promise<{ readonly sent: number; readonly failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const recipient of await storage.read.notifications.mailRecipients()) {
    if (!recipient.enabled) continue;
    if (recipient.lastMailedAt !== null && now.getTime() - Date.parse(recipient.lastMailedAt) < MAIL_MIN_INTERVAL_MS) continue;
    const count = await storage.read.notifications.unreadCount(recipient.userId, { unmailedOnly: true });
    if (count === 0) continue;
    try {
      await mailer.send(reminderMessage(recipient.address, count, deskUrl));
      await storage.read.notifications.markMailed(recipient.userId, now.toISOString());
      sent++;
    } catch {
      // SECURITY: no error detail (it may echo the address); the next pass tries again.
      failed++;
    }
  }
  return { sent, failed };
}
