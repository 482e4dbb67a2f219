import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_DEADLINES } from '@kenekanko/contracts';
import { addDays, addMonths, dueItems } from './deadlines.ts';
import type { AlertDeadlineFacts } from './ports.ts';

const alert = (facts: Partial<AlertDeadlineFacts>): AlertDeadlineFacts => ({
  alertId: 'a'.repeat(22),
  orgId: 'o'.repeat(22),
  state: 'received',
  receivedDay: '2025-03-01',
  assigneeId: null,
  acknowledgedDay: null,
  lastOrganisationMessageDay: null,
  ...facts,
});
const defaults = () => DEFAULT_DEADLINES;

describe('day arithmetic', () => {
  it('adds days across months and years, and months to the last day of a shorter month', () => {
    expect(addDays('2025-03-01', 7)).toBe('2025-03-08');
    expect(addDays('2024-12-28', 7)).toBe('2025-01-04');
    expect(addMonths('2025-03-01', 3)).toBe('2025-06-01');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
  });

  it('never moves a day backwards', () => {
    const day = fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 24 }), (d, n, m) => addDays(d, n) >= d && addMonths(d, m) >= d));
  });
});

describe('dueItems', () => {
  it('asks for an acknowledgement within 7 days of arrival, overdue from the 8th day', () => {
    const facts = { alerts: [alert({})], forwardings: [] };
    expect(dueItems(facts, defaults, '2025-03-08')).toEqual([{ kind: 'acknowledge', alertId: 'a'.repeat(22), forwardingId: null, dueDay: '2025-03-08', overdue: false }]);
    expect(dueItems(facts, defaults, '2025-03-09')[0]?.overdue).toBe(true);
  });

  it('asks for feedback within 3 months of acknowledgement, satisfied by a message after it', () => {
    const acknowledged = alert({ state: 'in-verification', acknowledgedDay: '2025-03-05' });
    expect(dueItems({ alerts: [acknowledged], forwardings: [] }, defaults, '2025-03-10')).toEqual([expect.objectContaining({ kind: 'feedback', dueDay: '2025-06-05', overdue: false })]);
    expect(dueItems({ alerts: [{ ...acknowledged, lastOrganisationMessageDay: '2025-03-04' }], forwardings: [] }, defaults, '2025-03-10')).toHaveLength(1);
    expect(dueItems({ alerts: [{ ...acknowledged, lastOrganisationMessageDay: '2025-03-05' }], forwardings: [] }, defaults, '2025-03-10')).toEqual([]);
  });

  it('expects an authority acknowledgement within the sending organisation’s days, and uses its settings', () => {
    const forwarding = { forwardingId: 'f'.repeat(22), alertId: 'a'.repeat(22), fromOrgId: 'o'.repeat(22), assigneeId: null, sentDay: '2025-03-01' };
    const custom = () => ({ ...DEFAULT_DEADLINES, forwardingAcknowledgeDays: 10, acknowledgeDays: 2 });
    expect(dueItems({ alerts: [], forwardings: [forwarding] }, defaults, '2025-03-02')[0]).toMatchObject({ kind: 'forwarding-acknowledgement', dueDay: '2025-03-31' });
    expect(dueItems({ alerts: [alert({})], forwardings: [forwarding] }, custom, '2025-03-05').map((d) => [d.kind, d.dueDay, d.overdue])).toEqual([
      ['acknowledge', '2025-03-03', true],
      ['forwarding-acknowledgement', '2025-03-11', false],
    ]);
  });

  it('lists overdue items first, then by due day', () => {
    const facts = {
      alerts: [alert({ alertId: 'b'.repeat(22), receivedDay: '2025-03-20' }), alert({ alertId: 'c'.repeat(22), receivedDay: '2025-02-01' }), alert({ alertId: 'd'.repeat(22), receivedDay: '2025-03-15' })],
      forwardings: [],
    };
    const items = dueItems(facts, defaults, '2025-03-20');
    expect(items.map((i) => [i.alertId[0], i.overdue])).toEqual([['c', true], ['d', false], ['b', false]]);
  });
});
