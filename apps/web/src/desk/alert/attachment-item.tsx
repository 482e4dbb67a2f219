import { useEffect, useState } from 'preact/hooks';
import type { AttachmentRef } from '@kenekanko/contracts';
import { locale, t } from '../../i18n/desk/catalogues.ts';
import { formatBytes } from '../../i18n/format.ts';
import { ErrorBanner } from '../../shared/components/error-banner.tsx';
import { mayPreview, previewType, previewUrl, saveBytes } from './attachment-file.ts';

type Download = (ref: AttachmentRef) => Promise<Uint8Array>;

/** One attachment: decrypted on demand, saved as a download, previewed only if a plain image. */
export function AttachmentItem(props: { readonly file: AttachmentRef; readonly download: Download }) {
  const { file, download } = props;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<string | null>(null);

  // A preview's blob: URL lives exactly as long as the preview.
  useEffect(() => (preview === null ? undefined : () => URL.revokeObjectURL(preview)), [preview]);

  async function fetchBytes(then: (bytes: Uint8Array) => void): Promise<void> {
    setBusy(true);
    setFailure(null);
    try {
      then(await download(file));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const showPreview = () =>
    fetchBytes((bytes) => {
      const type = previewType(file, bytes);
      if (type !== null) setPreview(previewUrl(bytes, type));
    });

  return (
    <li class="attachment" data-testid="attachment">
      <div class="attachment__head">
        <span class="attachment__name">{file.name}</span>
        <span class="field__hint">
          {file.type || '?'} · {formatBytes(file.size, locale())}
        </span>
      </div>
      {file.scrub === 'not-cleaned' && <p class="banner banner--warning">{t('desk.alert.notCleaned')}</p>}
      {failure !== null && <ErrorBanner error={failure} />}
      <div class="actions">
        <button type="button" class="button button--secondary" disabled={busy} data-testid="attachment-download" onClick={() => void fetchBytes((bytes) => saveBytes(bytes, file.name))}>
          {t('desk.alert.download')}
        </button>
        {mayPreview(file) &&
          (preview === null ? (
            <button type="button" class="button button--link" disabled={busy} data-testid="attachment-preview" onClick={() => void showPreview()}>
              {t('desk.alert.preview')}
            </button>
          ) : (
            <button type="button" class="button button--link" onClick={() => setPreview(null)}>
              {t('desk.alert.hidePreview')}
            </button>
          ))}
      </div>
      {preview !== null && <img class="attachment__preview" src={preview} alt={file.name} data-testid="attachment-preview-image" />}
    </li>
  );
}

export function AttachmentList(props: { readonly files: readonly AttachmentRef[]; readonly download: Download }) {
  if (props.files.length === 0) return <p class="field__hint">{t('desk.alert.noAttachments')}</p>;
  return (
    <>
      <p class="field__hint">{t('desk.alert.downloadWarning')}</p>
      <ul class="attachments">
        {props.files.map((file) => (
          <AttachmentItem key={file.blobId} file={file} download={props.download} />
        ))}
      </ul>
    </>
  );
}
