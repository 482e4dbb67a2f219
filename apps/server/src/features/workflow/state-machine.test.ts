import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALERT_STATES, ALERT_TRANSITIONS, CORE_TARGET_STATES, EXIT_STATES } from '@kenekanko/contracts';
import type { AlertState } from '@kenekanko/contracts';
import { allowedCoreTransitions, applyRequests, decideTransition, isExitState } from './state-machine.ts';

const anyState = fc.constantFrom<AlertState>(...ALERT_STATES);

describe('decideTransition', () => {
  it('allows the path received → acknowledged → in verification ⇄ needs information → verified', () => {
    const path: AlertState[] = ['received', 'acknowledged', 'in-verification', 'needs-information', 'in-verification', 'verified'];
    for (let i = 1; i < path.length; i++) {
      const from = path[i - 1] as AlertState;
      const to = path[i] as AlertState;
      expect(decideTransition(from, to)).toEqual({ ok: true, to });
    }
  });

  it('refuses skipping a step and leaving an exit', () => {
    expect(decideTransition('received', 'verified')).toEqual({ ok: false, reason: 'not-in-table' });
    expect(decideTransition('spam', 'received')).toEqual({ ok: false, reason: 'not-in-table' });
    expect(decideTransition('duplicate', 'in-verification')).toEqual({ ok: false, reason: 'not-in-table' });
  });

  it('keeps forwarding out of the core desk even where the table allows it', () => {
    expect(ALERT_TRANSITIONS.verified).toContain('forwarded');
    expect(decideTransition('verified', 'forwarded')).toEqual({ ok: false, reason: 'not-a-core-target' });
  });

  it('offers only table targets that are core targets', () => {
    expect(allowedCoreTransitions('received')).toEqual(['acknowledged', ...EXIT_STATES]);
    expect(allowedCoreTransitions('verified')).toEqual(['in-verification', ...EXIT_STATES]);
    expect(allowedCoreTransitions('spam')).toEqual([]);
  });
});

describe('the state machine, for any sequence of requests', () => {
  it('never takes a step the table does not allow, nor one outside the core targets', () => {
    fc.assert(
      fc.property(anyState, fc.array(anyState, { maxLength: 40 }), (start, requests) => {
        const visited = applyRequests(start, requests);
        for (let i = 1; i < visited.length; i++) {
          const from = visited[i - 1] as AlertState;
          const to = visited[i] as AlertState;
          expect(ALERT_TRANSITIONS[from]).toContain(to);
          expect(CORE_TARGET_STATES).toContain(to);
        }
      }),
    );
  });

  it('stays in an exit once it reaches one', () => {
    fc.assert(
      fc.property(fc.array(anyState, { maxLength: 40 }), (requests) => {
        const visited = applyRequests('received', requests);
        const firstExit = visited.findIndex((s) => isExitState(s));
        if (firstExit >= 0) expect(visited.slice(firstExit)).toEqual([visited[firstExit]]);
      }),
    );
  });

  it('reaches from received only states the table can reach', () => {
    // Breadth-first closure of the table, restricted to core targets.
    const reachable = new Set<AlertState>(['received']);
    const queue: AlertState[] = ['received'];
    for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
      for (const to of allowedCoreTransitions(from)) {
        if (!reachable.has(to)) {
          reachable.add(to);
          queue.push(to);
        }
      }
    }
    fc.assert(
      fc.property(fc.array(anyState, { maxLength: 40 }), (requests) => {
        for (const s of applyRequests('received', requests)) expect(reachable.has(s)).toBe(true);
      }),
    );
    expect(reachable.has('forwarded')).toBe(false);
    expect(reachable.has('closed')).toBe(false);
  });
});
