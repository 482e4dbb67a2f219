import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '@kenekanko/contracts';
import { hasReporterNaming, namingChanged, namingChosen, namingLoaded } from './reporter-naming.ts';

describe('the "name us to the reporter" panel', () => {
  it('concerns only organisations a case can be forwarded to', () => {
    expect(ORGANISATION_KINDS.filter(hasReporterNaming)).toEqual(['authority', 'media']);
  });

  it('offers to save only while the box differs from what the server holds', () => {
    const loaded = namingLoaded(false);
    expect(namingChanged(loaded)).toBe(false);
    const ticked = namingChosen(loaded, true);
    expect(namingChanged(ticked)).toBe(true);
    expect(namingChanged(namingChosen(ticked, false))).toBe(false);
    expect(namingChanged({ status: 'loading' })).toBe(false);
    expect(namingChosen({ status: 'failed' }, true)).toEqual({ status: 'failed' });
  });

  it('says "saved" only right after a save, until the box is touched again', () => {
    const saved = namingLoaded(true, true);
    expect(saved).toEqual({ status: 'ready', saved: true, chosen: true, justSaved: true });
    expect(namingChosen(saved, false)).toMatchObject({ justSaved: false, chosen: false, saved: true });
  });
});
