/**
 * Case work (issue 3): assignment, priority, labels and the verification checklist under the
 * desk key, duplicates, deadlines and what is due, notifications and content-free e-mail.
 * Other areas call `notify` (with `alertWatchers`) inside their own transaction.
 */
export type { AlertDeadlineFacts, CaseRepos, CasesRepos, CaseSettingsRepo, CaseWorkRepo, DeadlineFacts, ForwardingDeadlineFacts, MailPreferenceRecord, NewNotification, NotificationRepo } from './ports.ts';
export { assignCase, caseView, setCasePriority, writeCaseDocument } from './case-work.ts';
export { caseBoard, dueForUser } from './board.ts';
export { addDays, addMonths, compareDue, dueItems, withDefaults } from './deadlines.ts';
export { alertWatchers, listNotifications, markNotificationsRead, notify, NOTIFICATION_LIST_LIMIT } from './notifications.ts';
export type { Notice } from './notifications.ts';
export { readCaseSettings, saveCaseSettings } from './settings.ts';
export { mailPreference, MAIL_MIN_INTERVAL_MS, reminderMessage, saveMailPreference, sendMailReminders } from './mail.ts';
export type { Mailer, MailMessage } from './mail.ts';
export { notifyOverdue } from './overdue-job.ts';
