/**
 * French for the public statistics page (stats.html), the reference: English and Bambara must
 * have exactly these keys. A catalogue of its own, a few hundred bytes compressed, so the page
 * stays light on a phone over 2G and carries none of the reporter's or the desk's strings.
 * The kinds of wrongdoing and the month names repeat the reporter's catalogue word for word
 * (the catalogue tests hold them equal), so a reader meets the same words on both pages.
 */
import { intlPluralRule } from '../plural.ts';
import type { Catalogue } from '../types.ts';

const messages = {
  'stats.brand': 'Kenekanko',
  'stats.subtitle': 'Alertes sur la corruption au Mali',
  'stats.title': 'Statistiques publiques',
  'stats.intro':
    'Ce que la coalition publie sur les alertes reçues\u00a0: combien, de quel type, dans quelle région, combien ont été transmises à une autorité et combien ont reçu sa réponse.',
  'stats.language': 'Langue',
  'stats.period.label': 'Période',
  'stats.period.months': 'Mois',
  'stats.period.quarters': 'Trimestres',
  'stats.period.years': 'Années',
  'stats.period.month': '{month} {year}',
  'stats.period.quarter': '{first} – {last} {year}',
  'stats.period.year': 'Année {year}',
  'stats.heading': 'Chiffres de la période\u00a0: {period}',
  'stats.loading': 'Chargement des chiffres…',
  'stats.error.network': "Les chiffres n'ont pas pu être chargés. Vérifiez votre connexion, puis réessayez.",
  'stats.error.open': "Cette période n'est pas terminée\u00a0: ses chiffres seront publiés après sa fin.",
  'stats.error.unavailable': 'Les chiffres ne sont pas disponibles pour le moment. Réessayez plus tard.',
  'stats.retry': 'Réessayer',
  'stats.total.alerts': 'Alertes reçues',
  'stats.total.forwarded': 'Transmissions à une autorité ou à un média',
  'stats.total.answered': 'Réponses des autorités',
  'stats.byKind': 'Par type de faits',
  'stats.byRegion': 'Par région',
  'stats.byChild.month': 'Par mois',
  'stats.byChild.quarter': 'Par trimestre',
  'stats.column.kind': 'Type de faits',
  'stats.column.region': 'Région',
  'stats.column.period': 'Période',
  'stats.column.alerts': 'Alertes',
  'stats.column.forwarded': 'Transmises',
  'stats.column.answered': 'Réponses',
  'stats.total': 'Total',
  'stats.none': 'Aucune alerte pour cette période.',
  'stats.map.title': 'Carte du Mali\u00a0: alertes reçues par région',
  'stats.map.legend': 'Alertes par région',
  'stats.map.suppressed': 'Gris hachuré\u00a0: chiffre masqué («\u00a0< {threshold}\u00a0»).',
  'stats.map.region': '{region}\u00a0: {value}',
  'stats.map.folded': 'Sur cette carte, Ménaka est dessinée dans Gao et Taoudénit dans Tombouctou.',
  'stats.note.suppression':
    "«\u00a0< {threshold}\u00a0» signifie moins de {threshold}, ou un chiffre caché pour qu'un petit chiffre ne puisse pas être retrouvé par soustraction. Cela protège les personnes qui signalent.",
  'stats.note.counting':
    "Une alerte compte dans le mois où elle a été reçue, une transmission dans le mois de son envoi, une réponse dans le mois où l'autorité a accusé réception. Une alerte transmise à deux autorités compte deux transmissions. Les alertes écartées comme abusives ne comptent pas.",
  'stats.note.computed': 'Chiffres calculés en {month}. Aucune date précise ni aucun texte des alertes ne sont publiés.',
  'stats.data': 'Les mêmes chiffres en JSON',

  'kind.bribery': 'Corruption et racket',
  'kind.embezzlement': 'Détournement de fonds',
  'kind.illicit-enrichment': 'Enrichissement illicite',
  'kind.procurement-fraud': 'Fraude dans les marchés publics',
  'kind.favouritism': 'Favoritisme et népotisme',
  'kind.extortion': 'Extorsion',
  'kind.abuse-of-power': 'Abus de pouvoir',
  'kind.human-rights': 'Violation des droits humains',
  'kind.other': 'Autre',
} as const;

export type PublicStatsKey = keyof typeof messages;

export const catalogue = {
  code: 'fr',
  nativeName: 'Français',
  locale: 'fr-ML',
  plural: intlPluralRule('fr-ML', ['one', 'many', 'other']),
  formats: {
    months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    dayPattern: '{day} {month} {year}',
    groupSeparator: '\u202f',
    decimalSeparator: ',',
    byteUnits: ['o', 'ko', 'Mo'],
  },
  review: 'reviewed',
  messages,
} as const satisfies Catalogue<PublicStatsKey>;
