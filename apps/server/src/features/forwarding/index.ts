/**
 * Forwarding verified cases to authorities and media, and following them to their outcome
 * (issue 3). Packages are sealed and signed in browsers; this feature checks what it can
 * without any key (signatures, the signed directory, grants, consent, custody) and keeps the
 * follow-up's states and events.
 */
export type { ForwardingDeps, ForwardingEventRecord, ForwardingRecord, ForwardingRepo, ForwardingRepos, OrgRef, DraftRecord, PackageFileRecord, NewForwardingEvent } from './ports.ts';
export { forwardCase, statementOf } from './forward-case.ts';
export type { ForwardOutcome } from './forward-case.ts';
export { openDraft, putPackageChunk } from './package-files.ts';
export type { PackageChunkAddress } from './package-files.ts';
export { recordEvent } from './follow-up.ts';
export { alertForwardings, forwardingInbox, forwardingView, packageChunk } from './views.ts';
export { changeForwardingSettings, forwardingSettings } from './settings.ts';
export { consentStatement, giveJournalistConsent, hasJournalistConsent, isValidConsent } from './consent.ts';
export { reporterFollowUp } from './reporter-follow-up.ts';
export { ackDueDay } from './summaries.ts';
