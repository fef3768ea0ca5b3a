import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../app/session.ts';
import { getAttachmentBlob } from '../store/attachments.ts';

/** A stored photo, shown from its Blob (an object URL released when the image goes away). */
export function AttachmentImage({ sha256, alt }: { readonly sha256: string; readonly alt: string }) {
  const { db } = useSession();
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let made: string | undefined;
    let live = true;
    void getAttachmentBlob(db, sha256).then((blob) => {
      if (!blob || !live) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [db, sha256]);
  return url ? <img class="thumb" src={url} alt={alt} /> : null;
}
