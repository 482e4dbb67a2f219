import { describe, expect, it } from 'vitest';
import { MAX_LABELS } from '@kenekanko/contracts';
import { byPriority, parseDeadlines, parseLabels } from './case-values.ts';

describe('parseLabels', () => {
  it('trims, drops empties and duplicates', () => {
    expect(parseLabels(' fraude, Ségou ,, fraude ')).toEqual(['fraude', 'Ségou']);
    expect(parseLabels('')).toEqual([]);
  });
  it('refuses too many or too long labels', () => {
    expect(parseLabels(Array.from({ length: MAX_LABELS + 1 }, (_, i) => `l${i}`).join(','))).toBeNull();
    expect(parseLabels('x'.repeat(61))).toBeNull();
  });
});

describe('byPriority', () => {
  it('puts urgent first and keeps the server order within a priority', () => {
    const alerts = [{ id: 1, priority: 'normal' }, { id: 2, priority: 'urgent' }, { id: 3, priority: 'low' }, { id: 4, priority: 'normal' }, { id: 5, priority: 'high' }] as const;
    expect(byPriority(alerts).map((a) => a.id)).toEqual([2, 5, 1, 4, 3]);
  });
});

describe('parseDeadlines', () => {
  it('accepts whole numbers within bounds and names the others', () => {
    expect(parseDeadlines({ acknowledgeDays: '7', feedbackMonths: '3', forwardingAcknowledgeDays: '30' })).toEqual({ ok: true, deadlines: { acknowledgeDays: 7, feedbackMonths: 3, forwardingAcknowledgeDays: 30 } });
    expect(parseDeadlines({ acknowledgeDays: '0', feedbackMonths: '2.5', forwardingAcknowledgeDays: 'x' })).toEqual({ ok: false, invalid: ['acknowledgeDays', 'feedbackMonths', 'forwardingAcknowledgeDays'] });
    expect(parseDeadlines({ acknowledgeDays: '7', feedbackMonths: '25', forwardingAcknowledgeDays: '30' })).toEqual({ ok: false, invalid: ['feedbackMonths'] });
  });
});
