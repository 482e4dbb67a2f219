import { afterEach, describe, expect, it } from 'vitest';
import { addMaliPreset, createApiClient, listOrganisations, setupPlatform, staffLogin } from '@kenekanko/client';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { issueToken } from '../testing/flows.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('setup with the Mali preset on %s', (kind) => {
  let h: Harness;
  afterEach(async () => h.close());

  it('seeds the five authorities without keys and makes the setup person the first administrator', async () => {
    h = await createHarness(kind);
    const api = () => createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch });
    await setupPlatform(api(), { token: await issueToken(h), organisationName: 'COSCLCCP', login: 'coord@cosclccp.ml', password: PASSWORD });
    const session = await staffLogin(api(), 'coord@cosclccp.ml', PASSWORD);
    expect(session.me.memberships.map((m) => m.role).sort()).toEqual(['administrator', 'coordinator']);
    expect(session.keyring.directory.organisations.map((o) => o.name)).toEqual(['COSCLCCP']);
    const list = await listOrganisations(session);
    expect(list.platformAdministrator).toBe(true);
    const authorities = list.organisations.filter((o) => o.kind === 'authority');
    expect(authorities.map((o) => o.name.split(' ')[0]).sort()).toEqual(['ARGASC', 'CENTIF', 'CGSP', 'OCLEI', 'PNEF']);
    expect(authorities.every((o) => o.keyStatus === 'none' && o.keyVersion === 0)).toBe(true);
    expect(await addMaliPreset(session)).toEqual([]);
  });
});
