/**
 * Names in the reader's language for what a release holds: periods (with the catalogue's own
 * month names: browsers lack Bambara ones) and kinds of wrongdoing (a closed list: the server
 * sends the key; an unknown key is shown as sent). Region names are proper nouns and come from
 * the server's place list.
 */
import { WRONGDOING_KINDS } from '@kenekanko/contracts';
import type { WrongdoingKind } from '@kenekanko/contracts';
import { formats, t } from '../i18n/public-stats/catalogues.ts';
import { periodName } from './periods.ts';

export function periodLabel(id: string): string {
  return periodName(id, formats(), { month: t('stats.period.month'), quarter: t('stats.period.quarter'), year: t('stats.period.year') });
}

const isKind = (key: string): key is WrongdoingKind => (WRONGDOING_KINDS as readonly string[]).includes(key);

export function kindLabel(key: string): string {
  return isKind(key) ? t(`kind.${key}`) : key;
}
