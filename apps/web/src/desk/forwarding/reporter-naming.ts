/**
 * The setting "name the organisation to the reporter" (forwarding settings API): which
 * organisations it concerns, and the small state of the panel that changes it. Only
 * recipients (authorities, media) appear in a reporter's follow-up, so only they have it;
 * the server decides who may change it (administrators, the organisation's coordinator).
 */
import type { OrganisationKind } from '@kenekanko/contracts';

const NAMED_KINDS: readonly OrganisationKind[] = ['authority', 'media'];

/** The panel shows for an organisation that can receive forwardings, and only there. */
export const hasReporterNaming = (kind: OrganisationKind): boolean => NAMED_KINDS.includes(kind);

export type NamingState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly saved: boolean; readonly chosen: boolean; readonly justSaved: boolean }
  | { readonly status: 'failed' };

/** After loading or saving: what the server holds is both the saved and the chosen value. */
export const namingLoaded = (saved: boolean, justSaved = false): NamingState => ({ status: 'ready', saved, chosen: saved, justSaved });

/** The box was ticked or unticked: "Save" is offered only while it differs from what is saved. */
export const namingChosen = (state: NamingState, chosen: boolean): NamingState =>
  state.status === 'ready' ? { ...state, chosen, justSaved: false } : state;

export const namingChanged = (state: NamingState): boolean => state.status === 'ready' && state.chosen !== state.saved;
