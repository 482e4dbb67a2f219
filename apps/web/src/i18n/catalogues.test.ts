import { describe, expect, it } from 'vitest';
import { ALERT_STATES, INSTITUTION_TYPES, LANGUAGES, WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { Language } from '@kenekanko/contracts';
import type { Message } from './types.ts';
import { PUBLIC_CATALOGUES } from './catalogues.ts';
import { DESK_MESSAGES } from './desk/catalogues.ts';

const placeholders = (message: Message): string[] => {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1] ?? '');
  return [...names].sort();
};

const tables = {
  reporter: Object.fromEntries(LANGUAGES.map((code) => [code, PUBLIC_CATALOGUES[code].messages])),
  desk: DESK_MESSAGES,
} as const;

describe.each(Object.entries(tables))('the %s catalogues', (_name, byLanguage: Partial<Record<Language, Readonly<Record<string, Message>>>>) => {
  const reference: Readonly<Record<string, Message>> = byLanguage['fr'] ?? {};
  const present = LANGUAGES.filter((code) => byLanguage[code] !== undefined);

  it('include French, the reference', () => {
    expect(Object.keys(reference).length).toBeGreaterThan(10);
  });

  it.each(present.filter((code) => code !== 'fr'))('%s has exactly the keys of French', (code) => {
    const table = byLanguage[code] ?? {};
    expect(Object.keys(table).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(present)('%s has no empty message and the same placeholders as French', (code) => {
    const table: Readonly<Record<string, Message>> = byLanguage[code] ?? {};
    for (const [key, message] of Object.entries(table)) {
      const texts = typeof message === 'string' ? [message] : Object.values(message);
      for (const text of texts) expect(text.trim(), `${code} ${key}`).not.toBe('');
      const french = reference[key];
      if (french !== undefined) expect(placeholders(message), `${code} ${key}`).toEqual(placeholders(french));
    }
  });

  it.each(present)('%s gives every plural message an `other` form', (code) => {
    for (const [key, message] of Object.entries(byLanguage[code] ?? {})) {
      if (typeof message !== 'string') expect(message.other, `${code} ${key}`).toBeTypeOf('string');
    }
  });
});

describe('catalogue metadata', () => {
  it.each(LANGUAGES)('%s names a locale Intl knows and its own name', (code) => {
    const { locale, nativeName } = PUBLIC_CATALOGUES[code];
    expect(Intl.PluralRules.supportedLocalesOf([locale])).toEqual([locale]);
    expect(nativeName.length).toBeGreaterThan(1);
  });

  it('desk keys never collide with reporter keys', () => {
    const reporterKeys = new Set(Object.keys(PUBLIC_CATALOGUES.fr.messages));
    expect(Object.keys(DESK_MESSAGES.fr ?? {}).filter((key) => reporterKeys.has(key))).toEqual([]);
  });
});

describe('vocabulary labels', () => {
  it('names the kinds of wrongdoing in the words the coalition chose', () => {
    expect(WRONGDOING_KINDS.map((kind) => PUBLIC_CATALOGUES.fr.messages[`kind.${kind}`])).toEqual([
      'Corruption et racket',
      'Détournement de fonds',
      'Enrichissement illicite',
      'Fraude dans les marchés publics',
      'Favoritisme et népotisme',
      'Extorsion',
      'Abus de pouvoir',
      'Violation des droits humains',
      'Autre',
    ]);
  });

  it.each(LANGUAGES)('%s labels every institution type and every state for reporters and staff', (code) => {
    const messages: Readonly<Record<string, Message>> = PUBLIC_CATALOGUES[code].messages;
    const desk: Readonly<Record<string, Message>> = DESK_MESSAGES[code] ?? DESK_MESSAGES.fr ?? {};
    for (const type of INSTITUTION_TYPES) expect(messages[`institution.${type}`]).toBeTypeOf('string');
    for (const state of ALERT_STATES) {
      expect(messages[`state.${state}`]).toBeTypeOf('string');
      expect(desk[`desk.state.${state}`]).toBeTypeOf('string');
    }
  });
});
