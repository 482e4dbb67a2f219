import type { OpenedNote } from '@kenekanko/client';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** Internal notes, under the desk key: the reporter never holds that key. */
export function NotesView(props: { readonly notes: readonly OpenedNote[] }) {
  if (props.notes.length === 0) return <p class="field__hint">{t('desk.alert.noNotes')}</p>;
  return (
    <ul class="notes" data-testid="notes">
      {props.notes.map((note) => (
        <li key={note.id} class="note" data-testid="note">
          <p class="field__hint">
            <strong>{note.authorLogin}</strong> · {formatDateTime(note.createdAt, locale())}
          </p>
          {note.text === null ? (
            <p class="banner banner--warning" data-testid="note-broken">
              {t('desk.alert.noteBroken')}
            </p>
          ) : (
            <p class="desk-message__text">{note.text}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
