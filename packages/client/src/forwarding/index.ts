/** Client side of forwarding: packages sealed and signed here, opened and followed up on either side. */
export { forwardCase, forwardingRecipients, sendPackage } from './send-package.ts';
export type { Built, SendInput } from './send-package.ts';
export { MASK, WHOLE_CASE, chosenAttachments, chosenFields, maskText, packagePayload } from './package-content.ts';
export type { CaseSource, PackageSelection, Span } from './package-content.ts';
export { openPackage, assertSigned } from './open-forwarding.ts';
export type { OpenedEvent, OpenedPackage } from './open-forwarding.ts';
export { alertForwardings, listForwardingInbox, openForwarding } from './follow-up.ts';
export type { AlertForwardings, ConsentState, OpenedForwarding, SentForwarding } from './follow-up.ts';
export { consentStatement, giveJournalistConsent, postJournalistConsent, signJournalistConsent } from './consent.ts';
export { forwardingApi } from './forwarding-api.ts';
export type { ForwardingApi } from './forwarding-api.ts';
export { eventContext, forwardingStatement, packageContext } from './package-crypto.ts';
