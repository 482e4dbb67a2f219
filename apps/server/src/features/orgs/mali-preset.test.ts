/** The preset's names obey the same rule as names typed by an administrator (no format characters, NFC). */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { OrganisationNameSchema } from '@kenekanko/contracts';
import { MALI_PRESET } from './mali-preset.ts';

describe('the Mali preset', () => {
  it('has names the organisation name schema accepts unchanged, all different ignoring case', () => {
    for (const entry of MALI_PRESET) expect(v.parse(OrganisationNameSchema, entry.name)).toBe(entry.name);
    expect(new Set(MALI_PRESET.map((e) => e.name.normalize('NFC').toLowerCase())).size).toBe(MALI_PRESET.length);
  });

  it('refuses format characters and normalises to NFC', () => {
    for (const name of ['OCLEI\u202E', 'OC\u200BLEI', 'O\u200DCLEI', 'OCLEI\u2066x', 'OCLEI\u00AD']) expect(v.safeParse(OrganisationNameSchema, name).success).toBe(false);
    expect(v.parse(OrganisationNameSchema, ' Ce\u0301sar ')).toBe('C\u00e9sar');
  });
});
