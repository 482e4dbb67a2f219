/**
 * The words of the partners' PDF report, in French (the default: the coalition's and most
 * partners' working language) and English. Closed-list labels come from the contracts
 * (WRONGDOING_KIND_LABELS); places and organisations keep the names they are registered under.
 */
import type { ReleaseDimension, ReleaseMeasure, ReportLanguage, WrongdoingKind } from '@kenekanko/contracts';
import { WRONGDOING_KIND_LABELS, WRONGDOING_KINDS } from '@kenekanko/contracts';

/** The breakdowns a release has (RELEASE_LAYOUT in release-tables.ts). */
export type ChartId = 'alerts/kind' | 'alerts/region' | 'alerts/organisation' | 'forwarded/authority' | 'answered/authority';

type Words = {
  readonly title: string;
  /** Between a label and its value: French puts a space before the colon. */
  readonly colon: string;
  readonly period: (label: string, id: string) => string;
  readonly computed: (month: string) => string;
  readonly threshold: (n: number) => string;
  readonly contentNote: string;
  readonly summary: string;
  readonly periodColumn: string;
  readonly measures: Readonly<Record<ReleaseMeasure, string>>;
  readonly measureNotes: Readonly<Record<ReleaseMeasure, string>>;
  /** Column headers of the totals table (short: they share the width). */
  readonly measureColumns: Readonly<Record<ReleaseMeasure, string>>;
  readonly charts: Readonly<Record<ChartId, string>>;
  readonly figure: string;
  readonly total: string;
  readonly noData: string;
  readonly mapCaption: string;
  readonly legendZero: string;
  readonly page: (n: number, of: number) => string;
  readonly months: readonly string[];
  readonly quarter: (q: number, year: number) => string;
  readonly year: (year: number) => string;
};

const FR: Words = {
  title: 'Kenekanko — rapport statistique',
  colon: ' : ',
  period: (label, id) => `Période : ${label} (${id})`,
  computed: (month) => `Chiffres calculés en ${month}.`,
  threshold: (n) =>
    `Confidentialité : tout effectif inférieur à ${n} est affiché « < ${n} ». D'autres cases sont aussi affichées « < ${n} » pour qu'aucun petit effectif ne puisse être retrouvé par soustraction (à partir des totaux, des autres tableaux ou des périodes incluses) : « < ${n} » signifie « moins de ${n}, ou masqué pour protéger un tel effectif ».`,
  contentNote: "Ce rapport ne contient que des comptages tirés du suivi des alertes : aucun contenu d'alerte, aucune date exacte, aucune identité.",
  summary: 'Totaux par période',
  periodColumn: 'Période',
  measures: { alerts: 'Alertes reçues', forwarded: 'Transmissions', answered: 'Réponses des autorités' },
  measureColumns: { alerts: 'Alertes', forwarded: 'Transmissions', answered: 'Réponses' },
  measureNotes: {
    alerts: 'Alertes reçues dans la période (hors spam).',
    forwarded: "Transmissions d'alertes aux autorités et aux médias, au mois de leur envoi.",
    answered: "Transmissions dont l'autorité a accusé réception, au mois de sa réponse.",
  },
  charts: {
    'alerts/kind': "Alertes par type d'atteinte",
    'alerts/region': 'Alertes par région',
    'alerts/organisation': 'Alertes par organisation destinataire',
    'forwarded/authority': 'Transmissions par autorité ou média',
    'answered/authority': 'Réponses par autorité ou média',
  },
  figure: 'Effectif',
  total: 'Total',
  noData: 'Aucune donnée pour cette période.',
  mapCaption: 'Carte des régions de 2012 : Ménaka est comptée avec Gao, Taoudénit avec Tombouctou.',
  legendZero: 'aucune',
  page: (n, of) => `page ${n} / ${of}`,
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  quarter: (q, year) => `${q === 1 ? '1er' : `${q}e`} trimestre ${year}`,
  year: (year) => `année ${year}`,
};

const EN: Words = {
  title: 'Kenekanko — statistical report',
  colon: ': ',
  period: (label, id) => `Period: ${label} (${id})`,
  computed: (month) => `Figures computed in ${month}.`,
  threshold: (n) =>
    `Confidentiality: any count under ${n} is shown as "< ${n}". Some other cells are also shown as "< ${n}" so that no small count can be recovered by subtraction (from totals, other tables or nested periods): "< ${n}" means "under ${n}, or hidden to protect such a count".`,
  contentNote: 'This report holds only counts taken from the follow-up of alerts: no alert content, no exact date, no identity.',
  summary: 'Totals by period',
  periodColumn: 'Period',
  measures: { alerts: 'Alerts received', forwarded: 'Forwardings', answered: "Authorities' answers" },
  measureColumns: { alerts: 'Alerts', forwarded: 'Forwardings', answered: 'Answers' },
  measureNotes: {
    alerts: 'Alerts received in the period (spam excluded).',
    forwarded: 'Alerts forwarded to authorities and media, by the month they were sent.',
    answered: 'Forwardings acknowledged by the authority, by the month of its answer.',
  },
  charts: {
    'alerts/kind': 'Alerts by kind of wrongdoing',
    'alerts/region': 'Alerts by region',
    'alerts/organisation': 'Alerts by receiving organisation',
    'forwarded/authority': 'Forwardings by authority or media',
    'answered/authority': 'Answers by authority or media',
  },
  figure: 'Count',
  total: 'Total',
  noData: 'No data for this period.',
  mapCaption: "Map of the 2012 regions: Ménaka is counted with Gao, Taoudénit with Tombouctou.",
  legendZero: 'none',
  page: (n, of) => `page ${n} / ${of}`,
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  quarter: (q, year) => `Q${q} ${year}`,
  year: (year) => `year ${year}`,
};

export type ReportWords = Words & { readonly chartTitle: (measure: ReleaseMeasure, dimension: ReleaseDimension) => string; readonly monthLabel: (id: string) => string; readonly periodLabel: (id: string) => string; readonly rowLabel: (dimension: ReleaseDimension, key: string, label: string) => string };

const isKind = (key: string): key is WrongdoingKind => (WRONGDOING_KINDS as readonly string[]).includes(key);
const isChartId = (id: string, charts: Readonly<Record<ChartId, string>>): id is ChartId => Object.hasOwn(charts, id);

export function reportWords(lang: ReportLanguage): ReportWords {
  const w = lang === 'en' ? EN : FR;
  const monthLabel = (id: string): string => `${w.months[Number(id.slice(5, 7)) - 1] ?? id} ${id.slice(0, 4)}`;
  const periodLabel = (id: string): string => {
    const year = Number(id.slice(0, 4));
    if (id.length === 4) return w.year(year);
    if (id[5] === 'Q') return w.quarter(Number(id.slice(6)), year);
    return monthLabel(id);
  };
  // The kind rows carry the closed-list key as their label: translate it; other labels are names.
  const rowLabel = (dimension: ReleaseDimension, key: string, label: string): string => (dimension === 'kind' && isKind(key) ? WRONGDOING_KIND_LABELS[lang][key] : label);
  const chartTitle = (measure: ReleaseMeasure, dimension: ReleaseDimension): string => {
    const id = `${measure}/${dimension}`;
    return isChartId(id, w.charts) ? w.charts[id] : id;
  };
  return { ...w, chartTitle, monthLabel, periodLabel, rowLabel };
}
