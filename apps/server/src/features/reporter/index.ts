/** The reporter's side after filing: read the alert and its conversation, answer, add files. */
export { reporterAlertView, findAlertByToken, throttleReporter, REPORTER_THROTTLES } from './reporter-side.ts';
export type { LookupRepo, ReporterDeps, ReporterRepos } from './reporter-side.ts';
export { postReporterMessage } from './reporter-message.ts';
export type { ReporterMessageRepos } from './reporter-message.ts';
