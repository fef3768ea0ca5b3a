import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../session/session.ts';
import { useT } from '../i18n/ui.ts';

/**
 * A stored photo, decrypted and shown from a Blob (an object URL released when the image goes
 * away); once sent and purged, a line that says so instead.
 */
export function AttachmentImage({ sha256, alt }: { readonly sha256: string; readonly alt: string }) {
  const t = useT();
  const { queries } = useSession();
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [purged, setPurged] = useState(false);
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    void queries.attachmentView(sha256).then((view) => {
      if (!live) return;
      setPurged(view.kind === 'purged');
      if (view.kind !== 'photo') return;
      made = URL.createObjectURL(view.blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [queries, sha256]);
  if (purged) {
    return (
      <p class="muted photo-purged" data-testid="photo-purged">
        {t('photoPurged')}
      </p>
    );
  }
  return url ? <img class="thumb" src={url} alt={alt} /> : null;
}
