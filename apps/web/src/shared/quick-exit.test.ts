import { describe, expect, it } from 'vitest';
import { createPressCounter, leaveNow, QUICK_EXIT_URL } from './quick-exit.ts';

describe('leaveNow', () => {
  it('blanks the page before replacing the history entry with the neutral site', () => {
    const calls: string[] = [];
    leaveNow({
      document: { body: { replaceChildren: () => calls.push('blank') } },
      location: { replace: (url) => calls.push(`replace ${url}`) },
    });
    expect(calls).toEqual(['blank', 'replace https://www.google.com/']);
  });

  it('goes to another origin over HTTPS', () => {
    expect(new URL(QUICK_EXIT_URL).protocol).toBe('https:');
  });
});

describe('three presses of Escape', () => {
  it('fire on the third press within the window, then count afresh', () => {
    const press = createPressCounter(3, 2000);
    expect([press(0), press(500), press(1000)]).toEqual([false, false, true]);
    expect([press(1100), press(1200)]).toEqual([false, false]);
    expect(press(1300)).toBe(true);
  });

  it('forget presses older than the window', () => {
    const press = createPressCounter(3, 2000);
    expect([press(0), press(1500), press(2100)]).toEqual([false, false, false]);
    expect(press(2200)).toBe(true); // 1500, 2100, 2200 fall within two seconds
  });
});
