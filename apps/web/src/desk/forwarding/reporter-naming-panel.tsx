/**
 * For an authority or a medium, on the Organisations page: whether reporters see its name in
 * the follow-up of an alert forwarded to it (default: not named). The server checks the role
 * on every read and change (administrators, the organisation's coordinator) and audits it.
 */
import { useEffect, useState } from 'preact/hooks';
import { forwardingApi } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import type { OrganisationView } from '@kenekanko/contracts';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { deskFailure } from '../desk-state.ts';
import { namingChanged, namingChosen, namingLoaded } from './reporter-naming.ts';
import type { NamingState } from './reporter-naming.ts';

type Props = { readonly session: StaffSession; readonly org: OrganisationView };

export function ReporterNamingPanel(props: Props) {
  const [state, setState] = useState<NamingState>({ status: 'loading' });
  const [failure, setFailure] = useState<unknown>(null);
  const api = forwardingApi(props.session.api);
  useEffect(() => {
    api.settings(props.org.id).then(
      (settings) => setState(namingLoaded(settings.nameToReporter)),
      (error: unknown) => {
        setState({ status: 'failed' });
        setFailure(deskFailure(error));
      },
    );
  }, [props.org.id]);

  const save = async (chosen: boolean): Promise<void> => {
    setFailure(null);
    try {
      setState(namingLoaded((await api.setSettings(props.org.id, { nameToReporter: chosen })).nameToReporter, true));
    } catch (error) {
      setFailure(deskFailure(error));
    }
  };

  return (
    <section class="panel" data-testid="reporter-naming">
      <h2>{t('desk.forwarding.namingTitle', { name: props.org.name })}</h2>
      {failure !== null && <ErrorBanner error={failure} />}
      {state.status === 'ready' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(state.chosen);
          }}
        >
          {state.justSaved && <p class="banner banner--ok" role="status">{t('desk.forwarding.namingSaved')}</p>}
          <label class="choice" for="reporter-naming">
            <input type="checkbox" id="reporter-naming" aria-describedby="reporter-naming-hint" data-testid="reporter-naming-box" checked={state.chosen} onChange={(event) => setState(namingChosen(state, event.currentTarget.checked))} />
            <span>{t('desk.forwarding.settings')}</span>
          </label>
          <p class="field__hint" id="reporter-naming-hint">{t('desk.forwarding.namingHint', { name: props.org.name })}</p>
          <button type="submit" class="button button--secondary" data-testid="reporter-naming-save" disabled={!namingChanged(state)}>
            {t('desk.forwarding.namingSave')}
          </button>
        </form>
      )}
    </section>
  );
}
