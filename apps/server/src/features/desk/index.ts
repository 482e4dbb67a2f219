/** The staff desk: inbox, alert view, attachments, state changes, messages and notes. */
export { inbox, staffAlertView, staffChunk, summaryOf } from './desk-views.ts';
export type { StaffChunkAddress } from './desk-views.ts';
export { changeState, postOrganisationMessage, addNote, rolesIn, forwardingStatesFor } from './desk-actions.ts';
export { accessibleAlert, contentOrgIds } from './desk-access.ts';
export type { BlobView, DeskRepo, DeskRepos, NewStateChange, NoteView, StateChangeView, StoredNote } from './ports.ts';
