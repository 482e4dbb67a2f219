/** @kenekanko/client's case work against the real app, with real keys: labels and checklist stay ciphertext on the server. */
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, isApiError, loadBoard, loadCaseSettings, openCase, saveCaseSettings, saveChecklist, saveLabels, staffLogin, submitAlert } from '@kenekanko/client';
import { newId } from '../../features/shared/ids.ts';
import { DATABASE_KINDS } from '../../../test/databases.ts';
import { createHarness, PUBLIC_URL } from '../testing/harness.ts';
import type { Harness } from '../testing/harness.ts';
import { placeIds } from '../testing/flows.ts';
import { createWorld } from '../testing/world.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe.each(DATABASE_KINDS)('case work through the client on %s', (kind) => {
  let h: Harness;
  afterEach(async () => h.close());

  it('seals labels and checklist under the desk key, reopens them, and refuses a stale save', async () => {
    h = await createHarness(kind);
    const world = await createWorld(h);
    const member = await world.addMember(world.coalition, 'coordinator', { password: PASSWORD });
    const session = await staffLogin(createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }), member.login, PASSWORD);
    const { regionId, cercleId } = await placeIds(h);
    const { alertId } = await submitAlert(
      createApiClient({ baseUrl: PUBLIC_URL, fetch: h.fetch }),
      { language: 'fr', statistics: { kind: 'procurement-fraud', regionId, cercleId, institutionType: 'public-procurement' }, communeId: null, when: '2025-02-20', institutionName: 'Mairie', amountFcfa: 2_000_000, description: 'Marché attribué sans appel d’offres.', identity: null, consents: { shareWithJournalists: false }, files: [] },
      { retryDelayMs: 1 },
    );
    const itemId = newId();
    const defaults = await loadCaseSettings(session, world.coalition.id);
    await saveCaseSettings(session, world.coalition.id, { deadlines: defaults.deadlines, checklistItems: [{ id: itemId, label: 'Sources contactées' }] });

    const opened = await openCase(session, alertId);
    expect([opened.labels, opened.labelsBroken, opened.view.checklistItems]).toEqual([[], false, [{ id: itemId, label: 'Sources contactées' }]]);
    expect(await saveLabels(session, opened, ['marchés publics', ' Ségou ', 'marchés publics'])).toBe(1);
    expect(await saveChecklist(session, opened, [{ itemId, done: true, note: 'Appel au témoin Diarra' }])).toBe(1);
    // A second save from the same (now stale) view is refused, not silently overwritten.
    const stale = await saveLabels(session, opened, ['autre']).catch((error: unknown) => error);
    expect(isApiError(stale) && stale.code).toBe('conflict');

    const again = await openCase(session, alertId);
    expect(again.labels).toEqual(['marchés publics', 'Ségou']);
    expect(again.checklist).toEqual([{ itemId, done: true, note: 'Appel au témoin Diarra' }]);
    const board = await loadBoard(session, () => world.coalition.id);
    expect(board.cases.get(alertId)?.labels).toEqual(['marchés publics', 'Ségou']);

    // SECURITY: the server holds only envelopes; a replayed older version no longer opens as the current one.
    const stored = await h.db.selectFrom('case_documents').selectAll().execute();
    for (const row of stored) expect(row.envelope).not.toMatch(/march|Diarra|S.gou/);
    const first = stored.find((r) => r.kind === 'labels');
    await saveLabels(session, again, ['v2']);
    await h.db.updateTable('case_documents').set({ envelope: first?.envelope ?? '' }).where('kind', '=', 'labels').execute();
    expect((await openCase(session, alertId)).labelsBroken).toBe(true);
  });
});
