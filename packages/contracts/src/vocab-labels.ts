/**
 * Labels of the closed lists for documents the server writes itself (the partners' PDF
 * report, issue 5). The web app keeps its own copies in its i18n catalogues (apps/web/src/i18n),
 * next to the rest of its strings; these must say the same thing.
 */
import type { WrongdoingKind } from './vocab.ts';

export const WRONGDOING_KIND_LABELS: Readonly<Record<'fr' | 'en', Readonly<Record<WrongdoingKind, string>>>> = {
  fr: {
    bribery: 'Corruption et racket',
    embezzlement: 'Détournement de fonds',
    'illicit-enrichment': 'Enrichissement illicite',
    'procurement-fraud': 'Fraude dans les marchés publics',
    favouritism: 'Favoritisme et népotisme',
    extortion: 'Extorsion',
    'abuse-of-power': 'Abus de pouvoir',
    'human-rights': 'Violation des droits humains',
    other: 'Autre',
  },
  en: {
    bribery: 'Bribery and racketeering',
    embezzlement: 'Embezzlement of funds',
    'illicit-enrichment': 'Illicit enrichment',
    'procurement-fraud': 'Public procurement fraud',
    favouritism: 'Favouritism and nepotism',
    extortion: 'Extortion',
    'abuse-of-power': 'Abuse of power',
    'human-rights': 'Human rights violation',
    other: 'Other',
  },
};
