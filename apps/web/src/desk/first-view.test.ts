import { describe, expect, it } from 'vitest';
import { firstView } from './first-view.ts';

describe('the first desk view after login', () => {
  it('opens the alert inbox for anyone who verifies alerts, whatever else they are', () => {
    expect(firstView(['analyst'])).toEqual({ name: 'inbox' });
    expect(firstView(['administrator', 'coordinator'])).toEqual({ name: 'inbox' });
    expect(firstView(['authority-liaison', 'analyst', 'custodian'])).toEqual({ name: 'inbox' });
  });

  it('opens the cases received for liaisons and journalists, even with other keyless roles', () => {
    expect(firstView(['authority-liaison'])).toEqual({ name: 'forwardings' });
    expect(firstView(['journalist', 'administrator'])).toEqual({ name: 'forwardings' });
    expect(firstView(['custodian', 'authority-liaison'])).toEqual({ name: 'forwardings' });
  });

  it('opens custody for a custodian and organisations for an administrator', () => {
    expect(firstView(['custodian'])).toEqual({ name: 'custody' });
    expect(firstView(['administrator', 'custodian'])).toEqual({ name: 'custody' });
    expect(firstView(['administrator'])).toEqual({ name: 'orgs' });
  });

  it('opens the field page for a focal point, unless another role has its own page', () => {
    expect(firstView(['focal-point'])).toEqual({ name: 'field' });
    expect(firstView(['focal-point', 'analyst'])).toEqual({ name: 'inbox' });
    expect(firstView(['focal-point', 'administrator'])).toEqual({ name: 'orgs' });
  });

  it('opens the account page for a user without memberships', () => {
    expect(firstView([])).toEqual({ name: 'security' });
  });
});
