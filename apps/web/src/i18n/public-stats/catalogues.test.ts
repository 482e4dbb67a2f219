import { describe, expect, it } from 'vitest';
import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import { catalogue as reporterBm } from '../languages/bm.ts';
import { catalogue as reporterEn } from '../languages/en.ts';
import { catalogue as reporterFr } from '../languages/fr.ts';
import type { Message } from '../types.ts';
import { catalogue as bm } from './bm.ts';
import { LANGUAGE_NAMES, STATS_LANGUAGES } from './catalogues.ts';
import { catalogue as en } from './en.ts';
import { catalogue as fr } from './fr.ts';

const placeholders = (message: Message): string[] => [...new Set([...(typeof message === 'string' ? message : message.other).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
const pairs = [
  [fr, reporterFr],
  [en, reporterEn],
  [bm, reporterBm],
] as const;

describe('the public statistics catalogues', () => {
  it('exist for French, English and Bambara, each with its own name', () => {
    expect(STATS_LANGUAGES).toEqual(['fr', 'en', 'bm']);
    for (const [catalogue] of pairs) expect(LANGUAGE_NAMES[catalogue.code]).toBe(catalogue.nativeName);
  });

  it.each(pairs.map(([c, r]) => [c.code, c, r] as const))('%s has exactly the keys and placeholders of French, none empty', (_code, catalogue) => {
    expect(Object.keys(catalogue.messages).sort()).toEqual(Object.keys(fr.messages).sort());
    for (const [key, message] of Object.entries(catalogue.messages)) {
      expect(typeof message === 'string' ? message.trim() : message.other.trim(), key).not.toBe('');
      expect(placeholders(message), `${catalogue.code} ${key}`).toEqual(placeholders(fr.messages[key as keyof typeof fr.messages]));
    }
  });

  it.each(pairs.map(([c, r]) => [c.code, c, r] as const))('%s names kinds and months exactly as the reporter’s pages do', (_code, catalogue, reporter) => {
    for (const kind of WRONGDOING_KINDS) expect(catalogue.messages[`kind.${kind}`], kind).toBe(reporter.messages[`kind.${kind}`]);
    expect(catalogue.formats).toEqual(reporter.formats);
    expect(catalogue.nativeName).toBe(reporter.nativeName);
  });
});
