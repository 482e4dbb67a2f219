import { describe, expect, it } from 'vitest';
import { ALERT_TRANSITIONS } from '@kenekanko/contracts';
import { checkTransition, offeredTransitions } from './transition-values.ts';

const ID = 'abcdefghijklmnopqrstuv';
const OTHER = 'ABCDEFGHIJKLMNOPQRSTUV';

describe('offeredTransitions', () => {
  it('offers what the server allows, except forwarding (its own panel)', () => {
    expect(offeredTransitions(ALERT_TRANSITIONS.verified)).toEqual(['in-verification', 'unfounded', 'duplicate', 'out-of-scope', 'spam']);
    expect(offeredTransitions(ALERT_TRANSITIONS.forwarded)).toEqual(['closed']);
    expect(offeredTransitions(['closed', 'forwarded'])).toEqual(['closed']);
    expect(offeredTransitions(['acknowledged'])).toEqual(['acknowledged']);
  });
});

describe('checkTransition', () => {
  it('requires a reason', () => {
    expect(checkTransition('acknowledged', '  ', '', ID)).toEqual({ ok: false, reason: 'desk.invalid.required' });
    expect(checkTransition('acknowledged', ' Reçue et lue. ', '', ID)).toEqual({ ok: true, reason: 'Reçue et lue.' });
  });

  it('requires the id of another alert for a duplicate, and only then', () => {
    expect(checkTransition('duplicate', 'même fait', '', ID)).toEqual({ ok: false, duplicateOf: 'desk.invalid.alertId' });
    expect(checkTransition('duplicate', 'même fait', ID, ID)).toEqual({ ok: false, duplicateOf: 'desk.invalid.alertId' });
    expect(checkTransition('duplicate', 'même fait', 'not an id', ID)).toEqual({ ok: false, duplicateOf: 'desk.invalid.alertId' });
    expect(checkTransition('duplicate', 'même fait', ` ${OTHER} `, ID)).toEqual({ ok: true, reason: 'même fait', duplicateOf: OTHER });
    expect(checkTransition('spam', 'pub', 'garbage', ID)).toEqual({ ok: true, reason: 'pub' });
  });
});
