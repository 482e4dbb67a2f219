/**
 * Invitations, as the administrator's and the invitee's browsers speak them. The code is
 * shown once to the administrator and travels to the invitee in a link's fragment
 * (desk.html#invite=<code>), which browsers never send to a server; the invitee's browser
 * sends it in request bodies only.
 *
 * SECURITY: the invitee's keys are made here, wrapped under their password-derived wrapping
 * key and a printed recovery key (the same construction as setup); the password never
 * leaves this function, the recovery key is returned once to be printed.
 */
import * as v from 'valibot';
import { generateRecoveryKey } from '@kenekanko/crypto';
import { InvitationViewSchema, InviteResponseSchema, JoinedResponseSchema, LoginSchema, ORGS_ROUTES } from '@kenekanko/contracts';
import type { InvitationView, InviteResponse, Role } from '@kenekanko/contracts';
import type { ApiClient } from '../api-client.ts';
import { ClientError } from '../errors.ts';
import { newKeySet, wipeKeySet } from '../grants.ts';
import { newId } from '../ids.ts';
import { id } from '../path-params.ts';
import { MIN_PASSWORD_LENGTH, newStaffUser } from '../setup-platform.ts';
import type { StaffSession } from '../staff-session.ts';

export type Joined = v.InferOutput<typeof JoinedResponseSchema>;

/** The link to hand the invitee: the code in the fragment, never in a path or a query. */
export function invitationLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/desk.html#invite=${code}`;
}

/** The code in a page's fragment ('#invite=<code>'), or undefined. */
export function invitationCodeFromFragment(hash: string): string | undefined {
  const match = /^#invite=([A-Za-z0-9_-]{43})$/.exec(hash);
  return match?.[1];
}

export async function inviteMember(session: Pick<StaffSession, 'api'>, input: { readonly orgId: string; readonly role: Role; readonly login?: string }): Promise<InviteResponse> {
  const body = { role: input.role, ...(input.login === undefined || input.login.trim() === '' ? {} : { login: input.login }) };
  return session.api.transport.json('POST', ORGS_ROUTES.invitations(id(input.orgId)), InviteResponseSchema, { json: body });
}

export async function lookUpInvitation(api: ApiClient, code: string): Promise<InvitationView> {
  return api.transport.json('POST', ORGS_ROUTES.invitationLookup, InvitationViewSchema, { json: { code } });
}

export type AcceptResult = Joined & {
  readonly login: string;
  /** To print and keep offline: it restores the account when the password is lost. It is nowhere else. */
  readonly recoveryKey: string;
};

/** A new account for the invitee, then the membership. Log in afterwards with staffLogin. */
export async function acceptInvitation(api: ApiClient, code: string, input: { readonly login: string; readonly password: string }): Promise<AcceptResult> {
  const login = v.safeParse(LoginSchema, input.login);
  if (!login.success) throw new ClientError('bad-input', 'the login is not valid', { issues: ['login'] });
  if ([...input.password].length < MIN_PASSWORD_LENGTH) {
    throw new ClientError('bad-input', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, { issues: ['password'] });
  }
  const keys = newKeySet();
  const recovery = generateRecoveryKey();
  try {
    const user = await newStaffUser(newId(), login.output, input.password, keys, recovery);
    const joined = await api.transport.json('POST', ORGS_ROUTES.invitationAccept, JoinedResponseSchema, { json: { code, user } });
    return { ...joined, login: login.output, recoveryKey: recovery.display };
  } finally {
    wipeKeySet(keys);
    recovery.bytes.fill(0);
  }
}

/** A signed-in person accepts an invitation with their existing account (one more membership). */
export async function joinInvitation(session: Pick<StaffSession, 'api'>, code: string): Promise<Joined> {
  return session.api.transport.json('POST', ORGS_ROUTES.invitationJoin, JoinedResponseSchema, { json: { code } });
}
