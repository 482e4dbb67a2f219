/**
 * The Mailer port over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Plain text
 * only, no tracking, no HTML. SECURITY: what it sends is built by features/cases
 * reminderMessage (a count and the desk URL); nothing else reaches this adapter.
 */
import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/config.ts';
import type { Mailer } from '../features/cases/index.ts';

export function createSmtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, to: message.to, subject: message.subject, text: message.text, disableUrlAccess: true, disableFileAccess: true });
    },
  };
}
