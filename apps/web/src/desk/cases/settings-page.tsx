/**
 * Case settings of an organisation (coordinators and administrators; a coalition
 * administrator for every organisation): deadlines and the verification checklist items.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CaseSettingsView, ChecklistItem } from '@kenekanko/contracts';
import { loadCaseSettings, newChecklistItemId, saveCaseSettings } from '@kenekanko/client';
import type { StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { Field } from '../../shared/components/field.tsx';
import { deskFailure } from '../desk-state.ts';
import { DEADLINE_BOUNDS, parseDeadlines } from './case-values.ts';
import type { DeadlineFields } from './case-values.ts';

/** Organisations whose settings this user manages (the server checks again). */
export function managedOrgs(session: StaffSession): readonly { readonly id: string; readonly name: string }[] {
  const { memberships } = session.me;
  if (memberships.some((m) => m.orgKind === 'coalition' && m.role === 'administrator')) return session.keyring.directory.organisations.map((o) => ({ id: o.id, name: o.name }));
  const seen = new Map<string, string>();
  for (const m of memberships) if (m.role === 'coordinator' || m.role === 'administrator') seen.set(m.orgId, m.orgName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

const DEADLINE_LABELS = { acknowledgeDays: 'desk.cases.acknowledgeDays', feedbackMonths: 'desk.cases.feedbackMonths', forwardingAcknowledgeDays: 'desk.cases.forwardingAcknowledgeDays' } as const;

function SettingsForm(props: { readonly session: StaffSession; readonly settings: CaseSettingsView; readonly onSaved: (s: CaseSettingsView) => void }) {
  const d = props.settings.deadlines;
  const [fields, setFields] = useState<DeadlineFields>({ acknowledgeDays: String(d.acknowledgeDays), feedbackMonths: String(d.feedbackMonths), forwardingAcknowledgeDays: String(d.forwardingAcknowledgeDays) });
  const [items, setItems] = useState<readonly ChecklistItem[]>(props.settings.checklistItems);
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function save(): Promise<void> {
    const parsed = parseDeadlines(fields);
    const emptyItems = items.filter((i) => i.label.trim() === '').map((i) => i.id);
    setInvalid([...(parsed.ok ? [] : parsed.invalid), ...emptyItems]);
    if (!parsed.ok || emptyItems.length > 0) return;
    setFailure(null);
    try {
      props.onSaved(await saveCaseSettings(props.session, props.settings.orgId, { deadlines: parsed.deadlines, checklistItems: items.map((i) => ({ id: i.id, label: i.label.trim() })) }));
      setSaved(true);
    } catch (error) {
      setFailure(deskFailure(error));
    }
  }

  return (
    <form
      noValidate
      data-testid="case-settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {failure !== null && <ErrorBanner error={failure} />}
      {saved && <p class="banner banner--ok" role="status">{t('desk.cases.saved')}</p>}
      <h2>{t('desk.cases.deadlines')}</h2>
      {props.settings.isDefault && <p class="field__hint">{t('desk.cases.defaultsInUse')}</p>}
      {(Object.keys(DEADLINE_LABELS) as (keyof DeadlineFields)[]).map((key) => (
        <Field key={key} id={`deadline-${key}`} label={t(DEADLINE_LABELS[key])} error={invalid.includes(key) ? t('desk.cases.invalidNumber', { min: DEADLINE_BOUNDS[key][0], max: DEADLINE_BOUNDS[key][1] }) : undefined}>
          <input id={`deadline-${key}`} type="text" inputMode="numeric" data-testid={`deadline-${key}`} value={fields[key]} onInput={(event) => setFields({ ...fields, [key]: event.currentTarget.value })} />
        </Field>
      ))}
      <h2>{t('desk.cases.checklistItems')}</h2>
      <p class="field__hint">{t('desk.cases.checklistItemsHint')}</p>
      {items.map((item, index) => (
        <div key={item.id} class="case-row">
          <Field id={`item-${item.id}`} label={t('desk.cases.itemLabel', { number: index + 1 })} error={invalid.includes(item.id) ? t('desk.invalid.required') : undefined}>
            <input id={`item-${item.id}`} type="text" maxLength={120} data-testid="checklist-item" value={item.label} onInput={(event) => setItems(items.map((i) => (i.id === item.id ? { ...i, label: event.currentTarget.value } : i)))} />
          </Field>
          <button type="button" class="button button--link" onClick={() => setItems(items.filter((i) => i.id !== item.id))}>
            {t('desk.cases.removeItem')}
          </button>
        </div>
      ))}
      <p>
        <button type="button" class="button button--secondary" data-testid="checklist-add" onClick={() => setItems([...items, { id: newChecklistItemId(), label: '' }])}>
          {t('desk.cases.addItem')}
        </button>
      </p>
      <button type="submit" class="button button--primary" data-testid="case-settings-save">
        {t('desk.cases.saveSettings')}
      </button>
    </form>
  );
}

export function CaseSettingsPage(props: { readonly session: StaffSession }) {
  const orgs = managedOrgs(props.session);
  const [orgId, setOrgId] = useState(orgs[0]?.id ?? '');
  const [settings, setSettings] = useState<CaseSettingsView | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (orgId === '') return;
    setSettings(null);
    loadCaseSettings(props.session, orgId)
      .then(setSettings)
      .catch((error: unknown) => setFailure(deskFailure(error)));
  }, [props.session, orgId]);

  return (
    <section class="panel" aria-labelledby="case-settings-title">
        <h1 id="case-settings-title">{t('desk.cases.settingsTitle')}</h1>
        {orgs.length === 0 && <p>{t('desk.cases.noOrgToManage')}</p>}
        {orgs.length > 1 && (
          <Field id="case-settings-org" label={t('desk.cases.settingsOrg')}>
            <select id="case-settings-org" value={orgId} onChange={(event) => setOrgId(event.currentTarget.value)}>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        {failure !== null && <ErrorBanner error={failure} />}
        {settings !== null && <SettingsForm key={settings.orgId} session={props.session} settings={settings} onSaved={setSettings} />}
    </section>
  );
}
