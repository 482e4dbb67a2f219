/** Setup: the one-time creation of the coalition, its coordinator and the signed documents. */
export { runSetup, needsSetup, issueSetupToken, setupTokenHash } from './run-setup.ts';
export type { SetupRepos, SetupResult, SetupWrites } from './run-setup.ts';
export { verifySignedDocument } from './signed-documents.ts';
