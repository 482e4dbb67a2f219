/**
 * Which organisations the forwarding form offers, and why none when it offers none: every
 * authority (and medium, with consent) of the signed directory already has the case, or the
 * directory this session verified at sign-in is older than a forwarding it lists, or the
 * directory really has no recipient.
 */
import { forwardingRecipients } from '@kenekanko/client';
import type { ConsentState } from '@kenekanko/client';
import type { DirectoryBody } from '@kenekanko/contracts';

export type RecipientNotice = 'desk.forwarding.allForwarded' | 'desk.forwarding.staleDirectory' | 'desk.forwarding.noRecipients';

export type RecipientChoices = {
  readonly choices: DirectoryBody['organisations'];
  /** Set only when `choices` is empty. */
  readonly notice: RecipientNotice | null;
};

/** `alreadyTo`: organisations the case was already forwarded to by its own organisation (the server refuses a second). */
export function recipientChoices(directory: DirectoryBody, fromOrgId: string, consent: ConsentState, alreadyTo: readonly string[]): RecipientChoices {
  const listed = forwardingRecipients(directory, fromOrgId).filter((o) => o.kind === 'authority' || consent === 'given');
  const choices = listed.filter((o) => !alreadyTo.includes(o.id));
  if (choices.length > 0) return { choices, notice: null };
  if (listed.length > 0) return { choices, notice: 'desk.forwarding.allForwarded' };
  const stale = alreadyTo.some((id) => !directory.organisations.some((o) => o.id === id));
  return { choices, notice: stale ? 'desk.forwarding.staleDirectory' : 'desk.forwarding.noRecipients' };
}
