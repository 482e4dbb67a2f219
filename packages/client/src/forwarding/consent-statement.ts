/**
 * The consent statement the reporter signs for sharing with partner journalists (what the
 * desk and the server verify). Signing it is consent-signing.ts.
 */
import { JOURNALIST_CONSENT } from '@kenekanko/contracts';
import type { ConsentStatement } from '@kenekanko/contracts';

export const consentStatement = (alertId: string): ConsentStatement => ({ alertId, consent: JOURNALIST_CONSENT });
