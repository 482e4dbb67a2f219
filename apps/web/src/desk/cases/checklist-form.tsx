/** The verification checklist of one case: the organisation's items, ticked and annotated here, sealed under the desk key. */
import { useState } from 'preact/hooks';
import { MAX_CHECKLIST_NOTE_CHARS } from '@kenekanko/contracts';
import { saveChecklist } from '@kenekanko/client';
import type { ChecklistEntry, OpenedCase, StaffSession } from '@kenekanko/client';
import { t } from '../../i18n/desk/catalogues.ts';

type Props = { readonly opened: OpenedCase; readonly run: (action: () => Promise<unknown>) => Promise<void>; readonly session: StaffSession };

export function ChecklistForm(props: Props) {
  const { view, checklist } = props.opened;
  const saved = new Map(checklist.map((entry) => [entry.itemId, entry]));
  const [entries, setEntries] = useState<ReadonlyMap<string, ChecklistEntry>>(saved);
  // Items removed from the organisation's list still show where an old checklist names them.
  const archived = view.archivedChecklistItems.filter((item) => saved.has(item.id));
  const items = [...view.checklistItems.map((item) => ({ item, label: item.label })), ...archived.map((item) => ({ item, label: t('desk.cases.archivedItem', { label: item.label }) }))];
  const update = (itemId: string, change: Partial<ChecklistEntry>) => {
    const current = entries.get(itemId) ?? { itemId, done: false, note: '' };
    setEntries(new Map(entries).set(itemId, { ...current, ...change }));
  };

  return (
    <form
      noValidate
      data-testid="checklist-form"
      onSubmit={(event) => {
        event.preventDefault();
        void props.run(() => saveChecklist(props.session, props.opened, [...entries.values()]));
      }}
    >
      <h3>{t('desk.cases.checklist')}</h3>
      {props.opened.checklistBroken && <p class="banner banner--warning">{t('desk.cases.checklistBroken')}</p>}
      {items.length === 0 ? (
        <p data-testid="checklist-empty">{t('desk.cases.checklistEmpty')}</p>
      ) : (
        <ul class="checklist">
          {items.map(({ item, label }) => {
            const entry = entries.get(item.id);
            return (
              <li key={item.id} class="checklist__item">
                <label class="choice">
                  <input type="checkbox" data-testid="checklist-done" checked={entry?.done ?? false} onChange={(event) => update(item.id, { done: event.currentTarget.checked })} />
                  <span>{label}</span>
                </label>
                <label class="visually-hidden" for={`checklist-note-${item.id}`}>
                  {t('desk.cases.checklistNote')}
                </label>
                <input
                  id={`checklist-note-${item.id}`}
                  type="text"
                  placeholder={t('desk.cases.checklistNote')}
                  maxLength={MAX_CHECKLIST_NOTE_CHARS}
                  value={entry?.note ?? ''}
                  onInput={(event) => update(item.id, { note: event.currentTarget.value })}
                />
              </li>
            );
          })}
        </ul>
      )}
      {items.length > 0 && (
        <button type="submit" class="button button--secondary" data-testid="checklist-save">
          {t('desk.cases.saveChecklist')}
        </button>
      )}
    </form>
  );
}
