/**
 * The labelled lines of a forwarding package, formatted the way the desk's answers view shows
 * an alert (place names, days, FCFA, translated statistics). One function serves the
 * recipient's case page and the sender's preview, so the preview shows what the recipient reads.
 */
import { PACKAGE_FIELDS } from '@kenekanko/contracts';
import type { ForwardPackagePayload, PackageField, Statistics } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDay, formatFcfa } from '../../i18n/format.ts';
import { placeName } from '../../shared/places.ts';
import type { PlaceIndex } from '../../shared/places.ts';

export type PackageRow = { readonly key: string; readonly label: string; readonly value: string };

/** The statistics fields, which always go with a package (the server sees them anyway). */
export function statisticsRows(statistics: Statistics, index: PlaceIndex | null): PackageRow[] {
  return [
    { key: 'kind', label: t('desk.alert.kind'), value: t(`kind.${statistics.kind}`) },
    { key: 'region', label: t('desk.alert.region'), value: placeName(index, statistics.regionId) ?? t('desk.alert.unknown') },
    { key: 'cercle', label: t('desk.alert.cercle'), value: placeName(index, statistics.cercleId) ?? t('desk.alert.unknown') },
    { key: 'institutionType', label: t('desk.alert.institution'), value: t(`institution.${statistics.institutionType}`) },
    { key: 'amountBand', label: t('desk.forwarding.amountBand'), value: t(`desk.band.${statistics.amountBand}`) },
  ];
}

function fieldValue(fields: ForwardPackagePayload['fields'], field: PackageField, index: PlaceIndex | null): string {
  const unknown = t('desk.alert.unknown');
  switch (field) {
    case 'communeId':
      return placeName(index, fields.communeId ?? null) ?? unknown;
    case 'when':
      return fields.when == null ? unknown : formatDay(fields.when, locale());
    case 'amountFcfa':
      return fields.amountFcfa == null ? unknown : formatFcfa(fields.amountFcfa, locale());
    case 'institutionName':
      return fields.institutionName == null || fields.institutionName === '' ? unknown : fields.institutionName;
    case 'description':
      return fields.description ?? unknown;
  }
}

/** Each answer field of the package, or "Not sent" for one that was withheld. */
export function fieldRows(fields: ForwardPackagePayload['fields'], index: PlaceIndex | null): PackageRow[] {
  return PACKAGE_FIELDS.map((field) => ({
    key: field,
    label: t(`desk.forwarding.field.${field}`),
    value: fields[field] === undefined ? t('desk.forwarding.withheld') : fieldValue(fields, field, index),
  }));
}

/** "Reporter · 20 November 2026": who wrote a forwarded message, and when. */
export function messageHeading(message: { readonly senderType: 'reporter' | 'organisation'; readonly createdDay: string }): string {
  return `${t(`desk.from.${message.senderType}`)} · ${formatDay(message.createdDay, locale())}`;
}
