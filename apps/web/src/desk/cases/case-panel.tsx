/**
 * The alert page's case-work panel: assignee (coordinators choose), priority, labels and the
 * verification checklist (opened and sealed in this browser under the desk key), duplicates
 * and deadlines. Every save re-opens the case, so what is shown is what the server holds; a
 * 'conflict' (someone saved first) reloads and says so.
 */
import { useEffect, useState } from 'preact/hooks';
import { PRIORITIES } from '@kenekanko/contracts';
import type { Priority } from '@kenekanko/contracts';
import { assignCase, isApiError, openCase, saveLabels, setPriority } from '@kenekanko/client';
import type { OpenedCase, StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field } from '../../shared/components/field.tsx';
import { deskFailure, openView } from '../desk-state.ts';
import { parseLabels } from './case-values.ts';
import { ChecklistForm } from './checklist-form.tsx';
import { DueSentence } from './due-badge.tsx';

type Load = { readonly status: 'loading' } | { readonly status: 'ready'; readonly opened: OpenedCase } | { readonly status: 'failed'; readonly error: unknown };

function AlertLink(props: { readonly alertId: string }) {
  return (
    <button type="button" class="button button--link" data-testid="case-link" onClick={() => openView({ name: 'alert', alertId: props.alertId })}>
      {t('desk.cases.openAlert', { id: props.alertId })}
    </button>
  );
}

function AssignAndPriority(props: { readonly opened: OpenedCase; readonly run: (action: () => Promise<unknown>) => Promise<void>; readonly session: StaffSession }) {
  const { view } = props.opened;
  return (
    <div class="case-row">
      <Field id="case-assignee" label={t('desk.cases.assignee')} hint={view.canAssign ? undefined : t('desk.cases.assignHint')}>
        <select
          id="case-assignee"
          data-testid="case-assignee"
          disabled={!view.canAssign}
          value={view.assigneeId ?? ''}
          onChange={(event) => {
            const next = event.currentTarget.value;
            void props.run(() => assignCase(props.session, view.alertId, next === '' ? null : next));
          }}
        >
          <option value="">{t('desk.cases.unassigned')}</option>
          {view.assignable.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.login}
            </option>
          ))}
        </select>
      </Field>
      <Field id="case-priority" label={t('desk.cases.priority')}>
        <select
          id="case-priority"
          data-testid="case-priority"
          value={view.priority}
          onChange={(event) => {
            const next = PRIORITIES.find((p) => p === event.currentTarget.value);
            if (next !== undefined) void props.run(() => setPriority(props.session, view.alertId, next satisfies Priority));
          }}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`desk.cases.priority.${p}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

function LabelsForm(props: { readonly opened: OpenedCase; readonly run: (action: () => Promise<unknown>) => Promise<void>; readonly session: StaffSession }) {
  const [text, setText] = useState(props.opened.labels.join(', '));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <form
      noValidate
      data-testid="labels-form"
      onSubmit={(event) => {
        event.preventDefault();
        const labels = parseLabels(text);
        setProblem(labels === null ? t('desk.invalid.required') : undefined);
        if (labels !== null) void props.run(() => saveLabels(props.session, props.opened, labels));
      }}
    >
      {props.opened.labelsBroken && <p class="banner banner--warning">{t('desk.cases.labelsBroken')}</p>}
      <Field id="case-labels" label={t('desk.cases.labels')} hint={t('desk.cases.labelsHint')} error={problem}>
        <input id="case-labels" type="text" data-testid="case-labels" value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </Field>
      <button type="submit" class="button button--secondary" data-testid="labels-save">
        {t('desk.cases.saveLabels')}
      </button>
    </form>
  );
}

function Links(props: { readonly opened: OpenedCase }) {
  const { view } = props.opened;
  return (
    <>
      {view.duplicateOf !== null && (
        <p data-testid="case-duplicate-of">
          {t('desk.cases.duplicateOf')} <AlertLink alertId={view.duplicateOf} />
        </p>
      )}
      {view.duplicates.length > 0 && (
        <div data-testid="case-duplicates">
          <h3>{t('desk.cases.duplicates')}</h3>
          <ul>
            {view.duplicates.map((id) => (
              <li key={id}>
                <AlertLink alertId={id} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3>{t('desk.cases.due')}</h3>
      {view.due.length === 0 ? (
        <p>{t('desk.cases.noneDue')}</p>
      ) : (
        <ul>
          {view.due.map((item) => (
            <li key={`${item.kind}-${item.forwardingId ?? ''}`}>
              <DueSentence item={item} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function CasePanel(props: { readonly session: StaffSession; readonly alertId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function reload(): Promise<void> {
    try {
      setLoad({ status: 'ready', opened: await openCase(props.session, props.alertId) });
    } catch (error) {
      setLoad({ status: 'failed', error: deskFailure(error) });
    }
  }
  useEffect(() => {
    void reload();
  }, [props.session, props.alertId]);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setFailure(null);
    setNotice(null);
    try {
      await action();
      setNotice('saved');
    } catch (error) {
      if (isApiError(error) && error.code === 'conflict') setNotice('conflict');
      else setFailure(deskFailure(error));
    }
    await reload();
  }

  return (
    <section class="panel panel--internal" aria-labelledby="case-title" data-testid="case-panel">
      <h2 id="case-title">{t('desk.cases.panelTitle')}</h2>
      {load.status === 'loading' && <p role="status">{t('desk.working')}</p>}
      {load.status === 'failed' && <ErrorBanner error={load.error} />}
      {failure !== null && <ErrorBanner error={failure} />}
      {notice === 'saved' && (
        <p class="banner banner--ok" role="status">
          {t('desk.cases.saved')}
        </p>
      )}
      {notice === 'conflict' && (
        <p class="banner banner--warning" role="alert">
          {t('desk.cases.conflict')}
        </p>
      )}
      {load.status === 'ready' && (
        <div key={`${load.opened.view.labels?.version ?? 0}-${load.opened.view.checklist?.version ?? 0}`}>
          <AssignAndPriority opened={load.opened} run={run} session={props.session} />
          <LabelsForm opened={load.opened} run={run} session={props.session} />
          <ChecklistForm opened={load.opened} run={run} session={props.session} />
          <Links opened={load.opened} />
        </div>
      )}
    </section>
  );
}
