/**
 * Organisation names are what an analyst picks a recipient by: a name that prints like a real
 * authority's but is spelled differently would pass the uniqueness check and fool them.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { OrganisationNameSchema } from './api-orgs.ts';

const accepts = (name: string): boolean => v.safeParse(OrganisationNameSchema, name).success;

describe('OrganisationNameSchema', () => {
  it('accepts real names, accents and Bambara letters included', () => {
    for (const name of ['OCLEI', 'Pôle national économique et financier', 'Radio Jɛkafɔ', 'Ɲɛtaa ŋ', 'Association « Sahel » — Ségou']) expect(accepts(name)).toBe(true);
  });

  it('refuses every character that prints as nothing or moves text, wherever it is', () => {
    const hidden = ['\u0000', '\u0009', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\u200b', '\u200d', '\u202e', '\u2066', '\ufeff', '\u2028', '\u2029', '\u034f', '\u115f', '\u1160', '\u17b4', '\u2800', '\u3164', '\uffa0'];
    for (const ch of hidden) {
      expect(accepts(`OC${ch}LEI`), `U+${ch.codePointAt(0)?.toString(16).padStart(4, '0') ?? ''}`).toBe(false);
      // At either end, white space (tab, NEL, line separators) is trimmed instead: what is stored never holds it.
      const atEnd = v.safeParse(OrganisationNameSchema, `OCLEI${ch}`);
      expect(atEnd.success ? atEnd.output : 'refused').toMatch(/^(OCLEI|refused)$/);
    }
  });

  it('stores one spelling of one visible name (NFC) and no surrounding spaces', () => {
    expect(v.parse(OrganisationNameSchema, '  Se\u0301gou ')).toBe('Ségou');
  });
});
