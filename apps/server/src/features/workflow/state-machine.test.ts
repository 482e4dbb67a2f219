import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALERT_STATES, ALERT_TRANSITIONS, EXIT_STATES, FORWARDING_STATES, ROLES } from '@kenekanko/contracts';
import type { AlertState, ForwardingState, Role } from '@kenekanko/contracts';
import { allowedDeskTransitions, applyRequests, decideTransition, isExitState, isTerminalState } from './state-machine.ts';
import type { TransitionContext, TransitionEvent } from './state-machine.ts';

const anyState = fc.constantFrom<AlertState>(...ALERT_STATES);
const anyRoles = fc.subarray<Role>([...ROLES]);
const anyForwardingStates = fc.array(fc.constantFrom<ForwardingState>(...FORWARDING_STATES), { maxLength: 4 });
const anyEvent: fc.Arbitrary<TransitionEvent> = fc.record({
  to: anyState,
  via: fc.constantFrom<'desk' | 'forwarding'>('desk', 'forwarding'),
  actorRoles: anyRoles,
  forwardingStates: anyForwardingStates,
});

const desk = (actorRoles: readonly Role[], forwardingStates: readonly ForwardingState[] = []): TransitionContext => ({ via: 'desk', actorRoles, forwardingStates });
const analyst = desk(['analyst']);
const coordinator = desk(['coordinator']);

/** The steps a run took: each visited state with the event that led to it. */
function steps(start: AlertState, events: readonly TransitionEvent[]): { from: AlertState; event: TransitionEvent }[] {
  const out: { from: AlertState; event: TransitionEvent }[] = [];
  let current = start;
  for (const event of events) {
    if (decideTransition(current, event.to, event).ok) {
      out.push({ from: current, event });
      current = event.to;
    }
  }
  return out;
}

describe('decideTransition', () => {
  it('allows the path received → acknowledged → in verification ⇄ needs information → verified', () => {
    const path: AlertState[] = ['received', 'acknowledged', 'in-verification', 'needs-information', 'in-verification', 'verified'];
    for (let i = 1; i < path.length; i++) {
      const to = path[i] as AlertState;
      expect(decideTransition(path[i - 1] as AlertState, to, analyst)).toEqual({ ok: true, to });
    }
  });

  it('refuses skipping a step and leaving an exit', () => {
    expect(decideTransition('received', 'verified', coordinator)).toEqual({ ok: false, reason: 'not-in-table' });
    expect(decideTransition('spam', 'received', coordinator)).toEqual({ ok: false, reason: 'not-in-table' });
    expect(decideTransition('duplicate', 'in-verification', coordinator)).toEqual({ ok: false, reason: 'not-in-table' });
    expect(decideTransition('forwarded', 'unfounded', coordinator)).toEqual({ ok: false, reason: 'not-in-table' });
  });

  it('sets forwarded only through the forwarding flow, and lets that flow set nothing else', () => {
    expect(decideTransition('verified', 'forwarded', coordinator)).toEqual({ ok: false, reason: 'forwarding-only' });
    expect(decideTransition('verified', 'forwarded', { ...analyst, via: 'forwarding' })).toEqual({ ok: true, to: 'forwarded' });
    expect(decideTransition('verified', 'in-verification', { ...analyst, via: 'forwarding' })).toEqual({ ok: false, reason: 'desk-only' });
  });

  it('closes only as a coordinator, once every forwarding is concluded', () => {
    expect(decideTransition('forwarded', 'closed', desk(['analyst'], ['concluded']))).toEqual({ ok: false, reason: 'coordinator-only' });
    expect(decideTransition('forwarded', 'closed', desk(['coordinator'], ['concluded', 'acknowledged']))).toEqual({ ok: false, reason: 'forwardings-open' });
    expect(decideTransition('forwarded', 'closed', desk(['coordinator'], []))).toEqual({ ok: false, reason: 'forwardings-open' });
    expect(decideTransition('forwarded', 'closed', desk(['coordinator'], ['concluded', 'concluded']))).toEqual({ ok: true, to: 'closed' });
  });

  it('refuses roles without content keys', () => {
    for (const role of ['administrator', 'focal-point', 'custodian', 'authority-liaison', 'journalist'] as const) {
      expect(decideTransition('received', 'acknowledged', desk([role]))).toEqual({ ok: false, reason: 'role' });
    }
  });

  it('offers the desk only what this actor may do', () => {
    expect(allowedDeskTransitions('received', ['analyst'], [])).toEqual(['acknowledged', ...EXIT_STATES]);
    expect(allowedDeskTransitions('verified', ['analyst'], [])).toEqual(['in-verification', ...EXIT_STATES]);
    expect(allowedDeskTransitions('forwarded', ['analyst'], ['concluded'])).toEqual([]);
    expect(allowedDeskTransitions('forwarded', ['coordinator'], ['sent'])).toEqual([]);
    expect(allowedDeskTransitions('forwarded', ['coordinator'], ['concluded'])).toEqual(['closed']);
    expect(allowedDeskTransitions('received', ['administrator'], [])).toEqual([]);
    expect(allowedDeskTransitions('spam', ['coordinator'], [])).toEqual([]);
  });
});

describe('the state machine, for any sequence of events (any role, any flow, any forwarding states)', () => {
  it('takes only steps of the table, by a content role', () => {
    fc.assert(
      fc.property(anyState, fc.array(anyEvent, { maxLength: 40 }), (start, events) => {
        for (const { from, event } of steps(start, events)) {
          expect(ALERT_TRANSITIONS[from]).toContain(event.to);
          expect(event.actorRoles.some((r) => r === 'coordinator' || r === 'analyst')).toBe(true);
        }
      }),
    );
  });

  it('reaches forwarded only through the forwarding flow, which sets nothing else', () => {
    fc.assert(
      fc.property(anyState, fc.array(anyEvent, { maxLength: 40 }), (start, events) => {
        for (const { event } of steps(start, events)) expect(event.to === 'forwarded').toBe(event.via === 'forwarding');
      }),
    );
  });

  it('reaches closed only by a coordinator with every forwarding concluded', () => {
    fc.assert(
      fc.property(anyState, fc.array(anyEvent, { maxLength: 40 }), (start, events) => {
        for (const { event } of steps(start, events)) {
          if (event.to !== 'closed') continue;
          expect(event.actorRoles).toContain('coordinator');
          expect(event.forwardingStates.length).toBeGreaterThan(0);
          expect(event.forwardingStates.every((s) => s === 'concluded')).toBe(true);
        }
      }),
    );
  });

  it('leaves by an exit only before forwarding, and stays in an exit or closed once there', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 60 }), (events) => {
        const visited = applyRequests('received', events);
        const firstTerminal = visited.findIndex((s) => isTerminalState(s));
        if (firstTerminal >= 0) expect(visited.slice(firstTerminal)).toEqual([visited[firstTerminal]]);
        const forwardedAt = visited.indexOf('forwarded');
        if (forwardedAt >= 0) expect(visited.slice(forwardedAt).some((s) => isExitState(s))).toBe(false);
      }),
    );
  });

  it('still reaches closed along the whole path, so the rules leave no state dead', () => {
    const events: TransitionEvent[] = [
      { to: 'acknowledged', ...analyst },
      { to: 'in-verification', ...analyst },
      { to: 'verified', ...analyst },
      { to: 'forwarded', ...analyst, via: 'forwarding' },
      { to: 'closed', ...desk(['coordinator'], ['concluded']) },
    ];
    expect(applyRequests('received', events)).toEqual(['received', 'acknowledged', 'in-verification', 'verified', 'forwarded', 'closed']);
  });
});
