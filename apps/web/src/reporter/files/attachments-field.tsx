/**
 * Picking files: each is cleaned of metadata as soon as it is chosen, and the reporter sees
 * the result per file. A file that could not be cleaned shows a plain-words warning and two
 * choices; nothing is sent until each such file is decided.
 */
import { formats, t } from '../../i18n/catalogues.ts';
import { formatBytes } from '../../i18n/format.ts';
import { assertNever } from '../../shared/assert-never.ts';
import { MAX_FILE_BYTES, pendingEntry, readAndClean } from './file-entry.ts';
import type { FileEntry } from './file-entry.ts';
import { removedCategories } from './removed-summary.ts';

export type FilesUpdate = (change: (files: readonly FileEntry[]) => readonly FileEntry[]) => void;

type Props = {
  readonly id: string;
  readonly legend: string;
  readonly files: readonly FileEntry[];
  readonly onFiles: FilesUpdate;
  readonly error?: string | undefined;
};

function pick(list: FileList | null, onFiles: FilesUpdate): void {
  for (const file of Array.from(list ?? [])) {
    const pending = pendingEntry(file);
    onFiles((files) => [...files, pending]);
    void readAndClean(pending, file).then((done) => {
      // The reporter may have removed the file while it was being cleaned.
      onFiles((files) => files.map((entry) => (entry.id === done.id ? done : entry)));
    });
  }
}

function FileStatus(props: { readonly entry: FileEntry; readonly onFiles: FilesUpdate }) {
  const { entry, onFiles } = props;
  switch (entry.status) {
    case 'cleaning':
      return <p class="file__status" role="status">{t('files.cleaning')}</p>;
    case 'cleaned':
      return (
        <p class="file__status file__status--ok">
          {entry.removed.length === 0 ? t('files.cleanedNothing') : t('files.cleaned', { list: removedCategories(entry.removed).map((category) => t(`files.removed.${category}`)).join(', ') })}
        </p>
      );
    case 'uncleanable':
      if (entry.sendAnyway) return <p class="file__status file__status--warn">{t('files.willSendUncleaned')}</p>;
      return (
        <div class="banner banner--warning" role="alert">
          <p>{t('files.warning')}</p>
          <button
            type="button"
            class="button button--secondary"
            data-testid="file-send-anyway"
            onClick={() => onFiles((files) => files.map((other) => (other.id === entry.id && other.status === 'uncleanable' ? { ...other, sendAnyway: true } : other)))}
          >
            {t('files.sendAnyway')}
          </button>
        </div>
      );
    case 'too-large':
      return <p class="field__error">{t('files.tooLarge', { max: formatBytes(MAX_FILE_BYTES, formats()) })}</p>;
    case 'unreadable':
      return <p class="field__error">{t('files.unreadable')}</p>;
    case 'needs-network':
      return (
        <p class="file__status file__status--warn" role="alert" data-testid="file-needs-network">
          {t('files.needsNetwork')}
        </p>
      );
    default:
      return assertNever(entry);
  }
}

export function AttachmentsField(props: Props) {
  const inputId = `${props.id}-input`;
  const hint = t('files.hint', { max: formatBytes(MAX_FILE_BYTES, formats()) });
  return (
    <fieldset class={props.error === undefined ? 'group' : 'group field--invalid'}>
      <legend class="group__title">{props.legend}</legend>
      <p class="field__hint" id={`${props.id}-hint`}>
        {hint}
      </p>
      <ul class="files" aria-live="polite">
        {props.files.map((entry) => (
          <li key={entry.id} class="file" data-testid="file-item">
            <div class="file__head">
              <span class="file__name">{entry.name}</span>
              <span class="file__size">{formatBytes(entry.size, formats())}</span>
            </div>
            <FileStatus entry={entry} onFiles={props.onFiles} />
            <button
              type="button"
              class="button button--link"
              data-testid="file-remove"
              aria-label={t('files.removeNamed', { name: entry.name })}
              onClick={() => props.onFiles((files) => files.filter((other) => other.id !== entry.id))}
            >
              {t('files.remove')}
            </button>
          </li>
        ))}
      </ul>
      {props.error !== undefined && (
        <p class="field__error" id={`${props.id}-error`}>
          {props.error}
        </p>
      )}
      <input
        type="file"
        id={inputId}
        class="visually-hidden"
        multiple
        aria-describedby={`${props.id}-hint`}
        onChange={(event) => {
          pick(event.currentTarget.files, props.onFiles);
          // Let the same file be picked again after a removal.
          event.currentTarget.value = '';
        }}
      />
      <label class="button button--secondary file-picker" for={inputId}>
        {t('files.add')}
      </label>
    </fieldset>
  );
}
