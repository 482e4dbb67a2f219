/**
 * The way in to a voice message, in the alert form and in the follow-up reply: one button.
 * The recorder (its screens, the WebM cleaner, the voice disguise) is fetched only when the
 * button is tapped, so the first load of the reporter's page does not carry it.
 * If it cannot be fetched (offline), the page says so; the rest of the form is untouched.
 */
import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/catalogues.ts';
import { withLaterMessages } from '../../i18n/lazy-catalogues.ts';
import type { FilesUpdate } from '../files/attachments-field.tsx';
import type { FileEntry } from '../files/file-entry.ts';
import type { VoicePanelProps, VoicePurpose } from './voice-panel.tsx';

export type VoiceEntryProps = {
  readonly files: readonly FileEntry[];
  readonly onFiles: FilesUpdate;
  readonly purpose: VoicePurpose;
};

type Panel = FunctionComponent<VoicePanelProps>;
type EntryState =
  | { readonly status: 'closed'; readonly added: boolean }
  | { readonly status: 'loading' | 'failed' }
  | { readonly status: 'open'; readonly Panel: Panel };

let loading: Promise<Panel> | undefined;

function loadPanel(): Promise<Panel> {
  // The recorder's messages come with its code (build/split-catalogues.ts).
  loading ??= withLaterMessages(() => import('./voice-panel.tsx')).then((module) => module.VoicePanel);
  // A failed fetch is not remembered: the next tap tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}

function MicrophoneIcon() {
  return (
    // Sized by attributes, not CSS: the recorder's stylesheet loads only with the recorder.
    // The wider viewBox leaves room between the icon and the words.
    <svg viewBox="0 0 30 24" width="30" height="24" aria-hidden="true" focusable="false">
      <path d="M12 15a3.5 3.5 0 0 0 3.5-3.5v-6a3.5 3.5 0 0 0-7 0v6A3.5 3.5 0 0 0 12 15zm6-3.5a6 6 0 0 1-12 0H4a8 8 0 0 0 7 7.9V22h2v-2.6a8 8 0 0 0 7-7.9z" fill="currentColor" />
    </svg>
  );
}

export function VoiceEntry(props: VoiceEntryProps) {
  const [state, setState] = useState<EntryState>({ status: 'closed', added: false });

  const open = () => {
    setState({ status: 'loading' });
    loadPanel().then(
      (Panel) => setState({ status: 'open', Panel }),
      () => setState({ status: 'failed' }),
    );
  };

  if (state.status === 'open') {
    return <state.Panel files={props.files} onFiles={props.onFiles} purpose={props.purpose} onDone={(added) => setState({ status: 'closed', added })} />;
  }
  return (
    <div class="voice-entry" data-testid="voice-entry">
      {state.status === 'closed' && state.added && (
        <p class="banner banner--ok" role="status" data-testid="voice-added">
          {t('voiceEntry.added')}
        </p>
      )}
      {state.status === 'failed' && (
        <p class="banner banner--error" role="alert" data-testid="voice-load-failed">
          {t('voiceEntry.loadFailed')}
        </p>
      )}
      <p class="field__hint" id={`voice-open-${props.purpose}-hint`}>
        {t('voiceEntry.openHint')}
      </p>
      <button
        type="button"
        class="button button--secondary voice-entry__open"
        disabled={state.status === 'loading'}
        aria-describedby={`voice-open-${props.purpose}-hint`}
        data-testid="voice-open"
        onClick={open}
      >
        <MicrophoneIcon />
        {state.status === 'loading' ? t('voiceEntry.loading') : t(state.status === 'closed' && state.added ? 'voiceEntry.another' : 'voiceEntry.open')}
      </button>
    </div>
  );
}
