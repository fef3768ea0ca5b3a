import { useState } from 'preact/hooks';
import { useSession } from '../session/session.ts';
import { formatBytes } from '../i18n/format.ts';
import { useLang } from '../i18n/ui.ts';
import { downscalePhoto, photoOptions } from '../photo/downscale.ts';
import { putAttachment, type StoredAttachment } from '../store/attachments.ts';
import { SETTINGS } from '../store/settings-registry.ts';
import { AttachmentImage } from './attachment-image.tsx';

/** A stored photo: its hash, and its size when just taken. */
export type PhotoRef = Pick<StoredAttachment, 'sha256'> & Partial<StoredAttachment>;

export interface PhotoCaptureProps {
  readonly id: string;
  readonly label: string;
  readonly value: PhotoRef | undefined;
  readonly onPhoto: (photo: StoredAttachment) => void;
  readonly error?: string | undefined;
}

/**
 * Takes a photo with the back camera (or picks a file), shrinks it at once (1024 px, or 640 px
 * when chosen for slow links) and stores it, encrypted, by its SHA-256. The original full-size
 * photo is never kept.
 */
export function PhotoCapture({ id, label, value, onPhoto, error }: PhotoCaptureProps) {
  const { t, lang } = useLang();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const errorId = error || failed ? `${id}-error` : undefined;

  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailed(false);
    try {
      // Read at each capture: a change in settings applies to the very next photo.
      const size = await session.queries.setting(SETTINGS.photo);
      const small = await downscalePhoto(file, photoOptions(size?.longEdge));
      onPhoto(await putAttachment(session.db, small, session.clock().toISOString()));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class={error || failed ? 'field field-error photo' : 'field photo'}>
      <p id={`${id}-label`}>{label}</p>
      {value && <AttachmentImage sha256={value.sha256} alt={label} />}
      {value?.bytes !== undefined && <p class="muted">{t('documentTaken', { size: formatBytes(lang, value.bytes) })}</p>}
      <label class="button" for={id}>
        {busy ? t('photoProcessing') : value ? t('documentRetake') : t('documentPhoto')}
      </label>
      <input
        id={id}
        class="sr-only"
        type="file"
        accept="image/*"
        capture="environment"
        aria-labelledby={`${id}-label`}
        aria-describedby={errorId}
        disabled={busy}
        onChange={(e) => {
          const input = e.currentTarget;
          void take(input.files?.[0]).then(() => {
            input.value = '';
          });
        }}
      />
      {(error || failed) && (
        <p class="error" id={errorId}>
          {failed ? t('photoFailed') : error}
        </p>
      )}
    </div>
  );
}
