/**
 * Tells the reporter that a request to see their identity was granted or refused, and on
 * which day (issue 3). SECURITY: only the decision and its day reach the reporter's page:
 * never who asked or why, which the reporter's phone could be made to show to someone else.
 */
import type { ReporterSession } from '@kenekanko/client';
import { formats, t } from '../../i18n/catalogues.ts';
import { formatDay } from '../../i18n/format.ts';

export function IdentityDecisions(props: { readonly session: ReporterSession }) {
  const decisions = props.session.identityDecisions;
  if (decisions.length === 0) return null;
  return (
    <section aria-labelledby="identity-decisions-title" data-testid="identity-decisions">
      <h2 id="identity-decisions-title">{t('follow.identity.title')}</h2>
      <ul>
        {decisions.map((d, i) => (
          <li key={i}>{t(d.decision === 'granted' ? 'follow.identity.granted' : 'follow.identity.refused', { day: formatDay(d.day, formats()) })}</li>
        ))}
      </ul>
    </section>
  );
}
