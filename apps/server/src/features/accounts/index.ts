/** Staff accounts: salts, login, sessions, and what a signed-in browser needs. */
export { saltFor, login, logout, resolveSession, sessionIdHash, LOGIN_THROTTLES, SESSION_MAX_SECONDS, SESSION_TOKEN_BYTES } from './staff-login.ts';
export type { AccountDeps, AccountRepos, LoginInput, LoginResult, StaffPrincipal } from './staff-login.ts';
export { me } from './me.ts';
export type { AccountRepo, MembershipView, SessionRecord } from './ports.ts';
