/**
 * Bambara (Bamanankan) for the public statistics page: the keys of fr.ts; the kinds of
 * wrongdoing, month names and formats repeat the reporter's Bambara catalogue (tests hold
 * them equal).
 *
 * NEEDS REVIEW BY NATIVE SPEAKERS, like the reporter's Bambara (languages/bm.ts): written by
 * the development team with that catalogue's words ("lasɔmini" for an alert, "mara" for a
 * region, "fanga ɲɛmɔgɔw" for the authorities, "jaabi" for an answer, "jateden" for a figure).
 * To confirm or replace: "jatew" (figures, statistics), "kalo saba" (three months, a quarter),
 * "ci" for forwarding, "bulama ni cɛnw" for the map's hatched grey, "nkalon" for an abusive
 * (spam) alert, and the sentence explaining hidden small figures.
 */
import { OTHER_ONLY } from '../plural.ts';
import type { Catalogue } from '../types.ts';
import type { PublicStatsKey } from './fr.ts';

export const catalogue: Catalogue<PublicStatsKey> = {
  code: 'bm',
  nativeName: 'Bamanankan',
  locale: 'bm-ML',
  plural: OTHER_ONLY,
  formats: {
    months: [
      'Zanwuyekalo',
      'Feburuyekalo',
      'Marisikalo',
      'Awirilikalo',
      'Mɛkalo',
      'Zuwɛnkalo',
      'Zuluyekalo',
      'Utikalo',
      'Sɛtanburukalo',
      'Ɔkutɔburukalo',
      'Nowanburukalo',
      'Desanburukalo',
    ],
    dayPattern: '{month} tile {day} san {year}',
    groupSeparator: '\u202f',
    decimalSeparator: ',',
    byteUnits: ['o', 'ko', 'Mo'],
  },
  review: 'needs-native-review',
  messages: {
    'stats.brand': 'Kenekanko',
    'stats.subtitle': 'Yuruguyurugu lasɔminiw Mali la',
    'stats.title': 'Jatew bɛɛ ye',
    'stats.intro':
      'Jɛkulu bɛ min jira lasɔmini sɔrɔlenw kan: u hakɛ, u suguya, u kɛra mara jumɛn na, joli cira fanga ɲɛmɔgɔw ma, ani fanga ɲɛmɔgɔw ye joli jaabi.',
    'stats.language': 'Kan',
    'stats.period.label': 'Waati',
    'stats.period.months': 'Kalow',
    'stats.period.quarters': 'Kalo saba',
    'stats.period.years': 'Sanw',
    'stats.period.month': '{month} san {year}',
    'stats.period.quarter': '{first} – {last} san {year}',
    'stats.period.year': 'San {year}',
    'stats.heading': 'Jatew: {period}',
    'stats.loading': 'Jatew bɛ ka na…',
    'stats.error.network': 'Jatew ma se ka na. I ka ɛntɛrinɛti lajɛ, ka a lajɛ tugun.',
    'stats.error.open': 'Nin waati ma ban fɔlɔ: a jatew bɛna jira a banni kɔ.',
    'stats.error.unavailable': 'Jatew tɛ sɔrɔ sisan. A lajɛ tugun kɔfɛ.',
    'stats.retry': 'A lajɛ tugun',
    'stats.total.alerts': 'Lasɔmini sɔrɔlenw',
    'stats.total.forwarded': 'Minnu cira fanga ɲɛmɔgɔw walima kibaruyasɛbɛnnaw ma',
    'stats.total.answered': 'Fanga ɲɛmɔgɔw ka jaabiw',
    'stats.byKind': 'Ko suguya ye',
    'stats.byRegion': 'Mara ye',
    'stats.byChild.month': 'Kalo ye',
    'stats.byChild.quarter': 'Kalo saba ye',
    'stats.column.kind': 'Ko suguya',
    'stats.column.region': 'Mara',
    'stats.column.period': 'Waati',
    'stats.column.alerts': 'Lasɔminiw',
    'stats.column.forwarded': 'Cilenw',
    'stats.column.answered': 'Jaabiw',
    'stats.total': 'A bɛɛ lajɛlen',
    'stats.none': 'Lasɔmini si ma sɔrɔ nin waati in na.',
    'stats.map.title': 'Mali jamana ja: lasɔmini sɔrɔlenw mara ye',
    'stats.map.legend': 'Lasɔminiw mara ye',
    'stats.map.suppressed': 'Bulama ni cɛnw: jateden dogolen («\u00a0< {threshold}\u00a0»).',
    'stats.map.region': '{region}: {value}',
    'stats.map.folded': 'Nin ja in na, Ménaka bɛ Gao kɔnɔ, Taoudénit bɛ Tombouctou kɔnɔ.',
    'stats.note.suppression':
      '«\u00a0< {threshold}\u00a0» kɔrɔ ye ko a dɔgɔyara ni {threshold} ye, walima jateden dɔ dogora walasa jateden fitinin kana se ka dɔn. O bɛ ko fɔbagaw lakana.',
    'stats.note.counting':
      'Lasɔmini bɛ jate a sɔrɔ kalo la, cili bɛ jate a ci kalo la, jaabi bɛ jate fanga ɲɛmɔgɔw y\'a sɔrɔ kalo min na. Lasɔmini min cira fanga ɲɛmɔgɔ fila ma, o bɛ jate cili fila ye. Lasɔmini nkalonw tɛ jate.',
    'stats.note.computed': 'Jatew kɛra {month}. Don tigitigi si, lasɔmini sɛbɛn si tɛ jira.',
    'stats.data': 'Jate kelenw JSON la',

    'kind.bribery': 'Yuruguyurugu ni sira kan wari minɛ',
    'kind.embezzlement': 'Jamana wari sonyali',
    'kind.illicit-enrichment': 'Nafolo sɔrɔli sariya kɔ',
    'kind.procurement-fraud': 'Nanbara jamana ka sanniw na',
    'kind.favouritism': 'Somɔgɔw ni teriw ɲɛsinni',
    'kind.extortion': 'Wari minɛ fanga la',
    'kind.abuse-of-power': 'Fanga kɛli sariya kɔ',
    'kind.human-rights': 'Hadamaden josiraw tiɲɛni',
    'kind.other': 'Fɛn wɛrɛ',
  },
};
