/** Every decrypted answer of an alert, labelled, with place names and the amount's band. */
import type { AnswersPayload } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDay, formatFcfa } from '../../i18n/format.ts';
import { PUBLIC_CATALOGUES } from '../../i18n/all-catalogues.ts';
import { placeName } from '../../shared/places.ts';
import { placeIndex } from '../desk-state.ts';

function Row(props: { readonly label: string; readonly value: string | null; readonly testId?: string }) {
  return (
    <div class="answers__row">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value ?? t('desk.alert.unknown')}</dd>
    </div>
  );
}

export function AnswersView(props: { readonly answers: AnswersPayload }) {
  const { answers } = props;
  const index = placeIndex.value;
  const amount = answers.amountFcfa === null ? null : formatFcfa(answers.amountFcfa, locale());
  const band = t(`desk.band.${answers.statistics.amountBand}`);
  const institution = [t(`institution.${answers.statistics.institutionType}`), answers.institutionName].filter((part) => part !== '').join(' — ');
  return (
    <dl class="answers" data-testid="answers">
      <Row label={t('desk.alert.kind')} value={t(`kind.${answers.statistics.kind}`)} testId="answer-kind" />
      <Row label={t('desk.alert.region')} value={placeName(index, answers.statistics.regionId)} testId="answer-region" />
      <Row label={t('desk.alert.cercle')} value={placeName(index, answers.statistics.cercleId)} testId="answer-cercle" />
      <Row label={t('desk.alert.commune')} value={placeName(index, answers.communeId)} testId="answer-commune" />
      <Row label={t('desk.alert.when')} value={answers.when === null ? null : formatDay(answers.when, locale())} testId="answer-when" />
      <Row label={t('desk.alert.institution')} value={institution} testId="answer-institution" />
      <Row label={t('desk.alert.amount')} value={amount === null ? band : `${amount} (${band})`} testId="answer-amount" />
      <div class="answers__row answers__row--wide">
        <dt>{t('desk.alert.description')}</dt>
        <dd class="answers__text" data-testid="answer-description">
          {answers.description}
        </dd>
      </div>
      <Row label={t('desk.alert.language')} value={PUBLIC_CATALOGUES[answers.language].nativeName} />
      <Row label={t('desk.alert.consent')} value={answers.consents.shareWithJournalists ? t('desk.alert.consentYes') : t('desk.alert.consentNo')} testId="answer-consent" />
    </dl>
  );
}
