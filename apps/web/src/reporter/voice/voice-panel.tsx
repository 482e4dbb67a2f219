/**
 * The recorder, loaded on demand by VoiceEntry: choose whether to disguise the voice, record
 * (a big button, a running clock, a cap), listen back, then add it to the alert or the reply,
 * record again, or cancel. What the reporter hears back is the cleaned file, exactly as it
 * will be sent.
 *
 * SECURITY: the recording lives in this component's memory only; its blob: URL is revoked
 * and the microphone released when it is added, discarded, or the page is left.
 */
import './voice.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/catalogues.ts';
import type { FilesUpdate } from '../files/attachments-field.tsx';
import type { FileEntry } from '../files/file-entry.ts';
import { MAX_RECORDING_MS } from './recording-clock.ts';
import type { ClockReading } from './recording-clock.ts';
import { canRecord, startRecording } from './recorder.ts';
import type { ActiveRecording, Recording } from './recorder.ts';
import { addVoiceFile, nextVoiceNumber, prefetchVoiceCleaner, voiceFile } from './voice-file.ts';
import { problemOf } from './voice-problem.ts';
import type { VoiceProblem } from './voice-problem.ts';
import { ProblemBanner, ReadyStage, RecordingStage, ReviewStage, WorkingStage } from './voice-stages.tsx';
import type { Review } from './voice-stages.tsx';

export type VoicePurpose = 'alert' | 'reply';

export type VoicePanelProps = {
  readonly files: readonly FileEntry[];
  readonly onFiles: FilesUpdate;
  readonly purpose: VoicePurpose;
  /** The panel is done: a message was added, or the reporter cancelled. */
  readonly onDone: (added: boolean) => void;
};

type Stage =
  | { readonly name: 'ready'; readonly problem?: VoiceProblem }
  | { readonly name: 'starting' }
  | { readonly name: 'recording'; readonly reading: ClockReading }
  | { readonly name: 'processing' }
  | ({ readonly name: 'review' } & Review);

function blobUrl(entry: FileEntry): string | undefined {
  if (entry.status !== 'cleaned' && entry.status !== 'uncleanable') return undefined;
  return URL.createObjectURL(new Blob([new Uint8Array(entry.bytes)], { type: entry.type }));
}

export function VoicePanel(props: VoicePanelProps) {
  const supported = canRecord();
  const [stage, setStage] = useState<Stage>(supported ? { name: 'ready' } : { name: 'ready', problem: 'unsupported' });
  const [disguise, setDisguise] = useState(false);
  const active = useRef<ActiveRecording | null>(null);
  /** Between a tap on start and the end of that recording: a second tap does nothing. */
  const busy = useRef(false);
  const mounted = useRef(true);
  // Read when a recording ends, so numbering counts files added meanwhile.
  const files = useRef(props.files);
  files.current = props.files;

  // SECURITY: leaving the page (or the form) mid-recording throws the recording away and
  // frees the microphone, even if the permission prompt was still open (see start()).
  useEffect(() => {
    prefetchVoiceCleaner();
    return () => {
      mounted.current = false;
      active.current?.cancel();
    };
  }, []);
  useEffect(() => {
    if (stage.name !== 'review' || stage.url === undefined) return undefined;
    const url = stage.url;
    return () => URL.revokeObjectURL(url);
  }, [stage]);

  async function finish(recording: Recording, disguised: boolean): Promise<void> {
    setStage({ name: 'processing' });
    const voice = await voiceFile(recording.bytes, nextVoiceNumber(files.current));
    // Gone meanwhile: make no blob: URL that nothing would revoke.
    if (!mounted.current) return;
    setStage({ name: 'review', voice, url: blobUrl(voice.entry), elapsedMs: recording.elapsedMs, capped: recording.capped, disguised });
  }

  async function start(): Promise<void> {
    if (busy.current) return;
    busy.current = true;
    setStage({ name: 'starting' });
    const disguised = disguise;
    try {
      const recording = await startRecording({ disguise: disguised, onTick: (reading) => setStage({ name: 'recording', reading }) });
      if (!mounted.current) return recording.cancel();
      active.current = recording;
      const done = await recording.finished;
      active.current = null;
      if (done !== undefined) await finish(done, disguised);
    } catch (error) {
      active.current = null;
      setStage({ name: 'ready', problem: problemOf(error) });
    } finally {
      busy.current = false;
    }
  }

  const close = (added: boolean) => {
    active.current?.cancel();
    props.onDone(added);
  };

  const title = `voice-title-${props.purpose}`;
  return (
    <section class="voice" aria-labelledby={title} data-testid="voice-panel">
      <h2 class="voice__title" id={title}>
        {t('voice.title')}
      </h2>
      {stage.name === 'ready' && stage.problem !== undefined && <ProblemBanner problem={stage.problem} />}
      {stage.name === 'ready' && (
        <ReadyStage purpose={props.purpose} supported={supported} disguise={disguise} onDisguise={setDisguise} onStart={() => void start()} onCancel={() => close(false)} />
      )}
      {(stage.name === 'starting' || stage.name === 'processing') && <WorkingStage what={stage.name} />}
      {stage.name === 'recording' && <RecordingStage reading={stage.reading} maxMs={MAX_RECORDING_MS} disguised={disguise} onStop={() => active.current?.stop()} />}
      {stage.name === 'review' && (
        <ReviewStage
          purpose={props.purpose}
          review={stage}
          maxMs={MAX_RECORDING_MS}
          onAdd={() => {
            const { voice } = stage;
            props.onFiles((current) => addVoiceFile(current, voice));
            close(true);
          }}
          onRestart={() => void start()}
          onCancel={() => close(false)}
        />
      )}
    </section>
  );
}
